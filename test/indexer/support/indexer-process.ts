/**
 * The indexer as a real child process (Node with the tsx loader), for tests that talk to it over
 * HTTP or kill it: GraphQL runs only in real processes (see indexer/src/nest.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../../../src/shared/free-port';
import { CONTRACTS } from './harness';
import { pollUntil } from '../../../src/shared/poll';

export const REPO = join(__dirname, '..', '..', '..');

export interface IndexerProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

export async function spawnIndexer(env: Record<string, string>): Promise<IndexerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'indexer/src/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      INDEXER_MARKET: CONTRACTS.market,
      INDEXER_REGISTRY: CONTRACTS.registry,
      INDEXER_REPUTATION: CONTRACTS.reputation,
      INDEXER_START_BLOCK: '0',
      INDEXER_HTTP_PORT: String(port),
      INDEXER_POLL_MS: '50',
      INDEXER_RETRY_MS: '100',
      INDEXER_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  child.stdout!.on('data', (c: Buffer) => out.push(c.toString()));
  child.stderr!.on('data', (c: Buffer) => out.push(c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, output: () => out.join(''), exited };
}

export function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  everyMs = 50,
): Promise<T> {
  return pollUntil(fn, what, timeoutMs, everyMs);
}

export async function waitReady(p: IndexerProcess, timeoutMs = 90_000): Promise<void> {
  await waitFor(
    `readiness of the indexer\n${p.output()}`,
    async () => ((await fetch(`http://127.0.0.1:${p.port}/ready`)).status === 200 ? true : undefined),
    timeoutMs,
    100,
  );
}

/** Runs `fn` against an indexer process of its own (spawned with `env`, once ready); stopped after, whatever `fn` did. */
export async function withIndexer<T>(
  env: Record<string, string>,
  fn: (p: IndexerProcess) => Promise<T>,
): Promise<T> {
  const p = await spawnIndexer(env);
  try {
    await waitReady(p);
    return await fn(p);
  } finally {
    await stopIndexer(p);
  }
}

export async function query<T = Record<string, unknown>>(
  p: IndexerProcess,
  q: string,
): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const res = await fetch(`http://127.0.0.1:${p.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: q }),
  });
  return (await res.json()) as {
    data?: T;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

export async function stopIndexer(p: IndexerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill(signal);
  await p.exited;
}

/** A TCP proxy to PostgreSQL that a test can cut (refuse and drop connections) and restore. */
export class CuttableProxy {
  private sockets = new Set<Socket>();
  private server: Server | undefined;
  constructor(
    readonly port: number,
    private readonly target: number,
  ) {}

  static async create(target: number): Promise<CuttableProxy> {
    return new CuttableProxy(await freePort(), target);
  }

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target, '127.0.0.1');
      this.sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (this.server) await new Promise<void>((r) => this.server!.close(() => r()));
    this.server = undefined;
  }
}
