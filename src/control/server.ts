/**
 * The node's control channel: a Unix socket in its data dir (and, when configured, TCP with a
 * token) speaking JSON-RPC 2.0 a line at a time (src/control/protocol.ts). Other parts of the node
 * add their methods with `register`; the node's own (`node.status`, `node.ping`) are in
 * node-methods.ts. Every command of the `cairn` CLI that acts through the node comes here.
 */
import { type Server, type Socket, createServer } from 'node:net';
import type { z } from 'zod';
import type { ControlConfig } from '../config/config.schema';
import { ConfigError } from '../shared/config-error';
import type { Logger } from '../shared/logging';
import { AuthFailureLimiter, readTokenFile } from './auth';
import { Connection, type ConnectionLimits, type TcpAuth } from './connection';
import { RpcCode, rpcError } from './protocol';
import { MethodRegistry, type MethodHandler } from './registry';
import {
  checkPrivateDir,
  checkSocketPathLength,
  clearStaleSocket,
  defaultSocketPath,
  listenPrivate,
  removeOwnSocket,
} from './socket-file';
import { dirname } from 'node:path';

/** A client that reads nothing while the node streams to it is dropped past this much queued. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** How long close() lets handlers settle and answers flush before cutting connections. */
const CLOSE_GRACE_MS = 2_000;

export interface ControlServerOptions {
  config: ControlConfig;
  /** Where the socket goes when config.socketPath is unset. */
  dataDir: string;
  log: Logger;
}

/**
 * Checks what would stop the channel from opening (a data dir others may write, another node on
 * the socket, an unreadable token file) before the node starts anything else: NestJS exits the
 * process on an error thrown while it builds modules, and a user should get the reason instead.
 */
export async function preflightControl(config: ControlConfig, dataDir: string): Promise<void> {
  if (!config.enabled) return;
  const socketPath = config.socketPath ?? defaultSocketPath(dataDir);
  await checkPrivateDir(dataDir, 'dataDir');
  if (dirname(socketPath) !== dataDir)
    await checkPrivateDir(dirname(socketPath), 'control.socketPath directory');
  checkSocketPathLength(socketPath);
  await clearStaleSocket(socketPath);
  if (config.tcp) await readTokenFile(config.tcp.tokenFile);
}

export class ControlServer {
  readonly methods = new MethodRegistry();
  readonly socketPath: string;
  private readonly limits: ConnectionLimits;
  private readonly log: Logger;
  private readonly connections = new Set<Connection>();
  private unix?: Server;
  private tcp?: Server;
  private socketIno?: number;
  private tcpAuth?: TcpAuth;
  private releasedWaiters: (() => void)[] = [];

  constructor(private readonly opts: ControlServerOptions) {
    this.socketPath = opts.config.socketPath ?? defaultSocketPath(opts.dataDir);
    this.log = opts.log.child({ component: 'control' });
    this.limits = {
      maxLineBytes: opts.config.maxLineBytes,
      maxConcurrent: opts.config.maxConcurrentPerConnection,
      maxBufferedBytes: MAX_BUFFERED_BYTES,
    };
  }

  /** Adds a method; its params are validated by `params` before `handler` sees them. */
  register<S extends z.ZodType>(name: string, params: S, handler: MethodHandler<z.output<S>>): void {
    this.methods.register(name, params, handler);
  }

  get listening(): boolean {
    return this.unix !== undefined || this.tcp !== undefined;
  }

  /** The TCP listener's address, when remote use is on. */
  tcpAddress(): { host: string; port: number } | undefined {
    const a = this.tcp?.address();
    return a && typeof a === 'object' ? { host: a.address, port: a.port } : undefined;
  }

  /** Open connections (including closed ones whose handlers are still settling) and requests in flight. */
  stats(): { connections: number; inflight: number } {
    let inflight = 0;
    for (const c of this.connections) inflight += c.pending;
    return { connections: this.connections.size, inflight };
  }

  /** Opens the socket (and TCP when configured); a no-op when the channel is disabled. */
  async listen(): Promise<void> {
    const { config, dataDir } = this.opts;
    if (!config.enabled || this.listening) return;
    await preflightControl(config, dataDir);
    if (config.tcp) {
      this.tcpAuth = {
        token: await readTokenFile(config.tcp.tokenFile),
        limiter: new AuthFailureLimiter(config.tcp.maxAuthFailures, config.tcp.authWindowMs),
        timeoutMs: config.tcp.authTimeoutMs,
      };
    }
    const unix = createServer((s) => this.accept(s));
    this.socketIno = await listenPrivate(unix, this.socketPath);
    this.unix = unix;
    if (config.tcp) {
      const { host, port } = config.tcp;
      const tcp = createServer((s) => this.accept(s, this.tcpAuth));
      try {
        await new Promise<void>((resolve, reject) => {
          tcp.once('error', reject);
          tcp.listen(port, host, () => {
            tcp.off('error', reject);
            resolve();
          });
        });
      } catch (err) {
        await this.close();
        throw new ConfigError([`control.tcp: cannot listen on ${host}:${port} (${(err as Error).message})`]);
      }
      this.tcp = tcp;
      this.log.warn({ tcp: this.tcpAddress() }, 'control channel open on TCP (token required)');
    }
    this.log.info({ socket: this.socketPath, methods: this.methods.names() }, 'control channel listening');
  }

  /**
   * Stops accepting, answers what is in flight SHUTTING_DOWN, aborts its handlers, waits (briefly)
   * for them to settle, and removes the socket file if it is still this node's.
   */
  async close(): Promise<void> {
    const servers = [this.unix, this.tcp].filter((s): s is Server => s !== undefined);
    this.unix = undefined;
    this.tcp = undefined;
    const closed = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
    for (const c of this.connections) c.shutdown();
    if (this.connections.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.releasedWaiters.push(resolve)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, CLOSE_GRACE_MS);
        }),
      ]);
      clearTimeout(timer);
      for (const c of this.connections) c.destroy();
    }
    await Promise.all(closed);
    if (this.socketIno !== undefined) {
      await removeOwnSocket(this.socketPath, this.socketIno);
      this.socketIno = undefined;
    }
  }

  private accept(socket: Socket, auth?: TcpAuth): void {
    const conn = new Connection(socket, this.methods, this.limits, this.log, (c) => this.release(c), auth);
    this.connections.add(conn);
    if (this.connections.size > this.opts.config.maxConnections) {
      conn.start();
      conn.refuse(
        rpcError(
          RpcCode.Refused,
          'TOO_MANY_CONNECTIONS',
          `the node already has ${this.opts.config.maxConnections} control connections open; try again later`,
        ),
      );
      return;
    }
    conn.start();
  }

  private release(conn: Connection): void {
    this.connections.delete(conn);
    if (this.connections.size === 0) {
      const waiters = this.releasedWaiters;
      this.releasedWaiters = [];
      for (const w of waiters) w();
    }
  }
}
