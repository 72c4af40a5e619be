/**
 * Helpers for the control-channel suites: a real ControlServer on a real socket in a private temp
 * dir, and a raw line client for what ControlClient would never send (malformed lines, silence,
 * a second address).
 */
import { mkdtemp } from 'node:fs/promises';
import { type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ControlConfigSchema, type ControlConfig } from '../../src/config/config.schema';
import { ControlServer } from '../../src/control/server';

export const silent = pino({ level: 'silent' });

export async function tempDir(prefix = 'cairn-ctl-'): Promise<string> {
  // /tmp keeps socket paths under the 107-byte limit whatever TMPDIR says.
  return mkdtemp(join(tmpdir().length < 40 ? tmpdir() : '/tmp', prefix));
}

export async function makeServer(
  dataDir: string,
  config: Partial<ControlConfig> = {},
): Promise<ControlServer> {
  const server = new ControlServer({ config: ControlConfigSchema.parse(config), dataDir, log: silent });
  return server;
}

/** A server with the test methods below, listening. */
export async function listening(
  dataDir: string,
  config: Partial<ControlConfig> = {},
): Promise<ControlServer> {
  const server = await makeServer(dataDir, config);
  await server.listen();
  return server;
}

export interface RawMessage {
  id?: string | number | null;
  method?: string;
  params?: { id?: string | number; event?: unknown };
  result?: unknown;
  error?: { code: number; message: string; data: { code: string; [k: string]: unknown } };
}

/** A line client that keeps every message the server sends, for assertions. */
export class RawClient {
  readonly messages: RawMessage[] = [];
  readonly closed: Promise<void>;
  private buf = '';
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (s: string) => {
      this.buf += s;
      let nl: number;
      while ((nl = this.buf.indexOf('\n')) !== -1) {
        this.messages.push(JSON.parse(this.buf.slice(0, nl)) as RawMessage);
        this.buf = this.buf.slice(nl + 1);
      }
      this.wake();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.wake();
        resolve();
      }),
    );
  }

  static open(target: string | { port: number; host?: string; localAddress?: string }): Promise<RawClient> {
    const socket =
      typeof target === 'string'
        ? connect(target)
        : connect({ port: target.port, host: target.host ?? '127.0.0.1', localAddress: target.localAddress });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  send(line: string): void {
    this.socket.write(line.endsWith('\n') ? line : line + '\n');
  }

  request(id: number | string, method: string, params: Record<string, unknown> = {}): void {
    this.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
  }

  /** Waits until `n` messages have arrived (or the socket closed). */
  async waitFor(n: number, timeoutMs = 20_000): Promise<RawMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < n && !this.socket.destroyed) {
      if (Date.now() > deadline) throw new Error(`got ${this.messages.length} of ${n} messages`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 100);
      });
    }
    return this.messages;
  }

  close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

export async function waitUntil(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
