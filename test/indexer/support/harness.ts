/**
 * Test harness: one embedded PostgreSQL per test file (its own process, temp folder, free port),
 * a fresh database per test, the ingestor wired to a chain source, and a dump of the projections for comparing
 * two ingests row by row.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { cairnEventCodec } from '../../../src/chain/events/cairn-codec';
import type { BlockHeader, ChainSource, RawEvent } from '../../../src/chain/events/chain-source';
import type { AbiCodec } from '../../../src/chain/events/event-codec';
import { createDataSource } from '../../../indexer/src/db/data-source';
import { IngestStore } from '../../../indexer/src/ingest/ingest-store';
import { Ingestor, type IngestorOptions } from '../../../indexer/src/ingest/ingestor';
import { IndexerMetrics } from '../../../indexer/src/metrics';
import { MarketScript, address, scriptedHistory } from './market-script';

export const CONTRACTS = {
  market: address('market'),
  registry: address('registry'),
  reputation: address('reputation'),
};

export function scriptCodec(): AbiCodec {
  return cairnEventCodec(CONTRACTS);
}

/** Connection URLs of a PostgreSQL server run by serve-postgres.ts in a child process. */
class ServerProcess {
  constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(dir: string): Promise<ServerProcess> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/indexer/support/serve-postgres.ts', dir],
      {
        cwd: join(__dirname, '..', '..', '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve((JSON.parse(line) as { port: number }).port);
      });
      child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      child.once('exit', (code) => reject(new Error(`serve-postgres exited with ${code}:\n${out}`)));
    });
    return new ServerProcess(child, port);
  }

  url(database = 'postgres'): string {
    return `postgres://postgres:cairn-indexer@127.0.0.1:${this.port}/${database}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** One PostgreSQL server per test file (temp folder, free port), a fresh database per test. */
export class TestPg {
  private dbs = 0;
  private constructor(
    readonly server: ServerProcess,
    readonly dir: string,
  ) {}

  static async start(): Promise<TestPg> {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-indexer-test-'));
    chmodSync(dir, 0o755); // the server runs as the postgres user
    return new TestPg(await ServerProcess.start(join(dir, 'pg')), dir);
  }

  /** A new, migrated database. */
  async database(): Promise<{ url: string; ds: DataSource }> {
    const name = `t${++this.dbs}_${process.pid}`;
    const admin = new Client({ connectionString: this.server.url() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = this.server.url(name);
    const ds = createDataSource(url);
    await ds.initialize();
    await ds.runMigrations();
    return { url, ds };
  }

  async stop(): Promise<void> {
    await this.server.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A chain whose history can be swapped for another, as a reorg swaps it under the indexer. */
export class SwappableChain implements ChainSource {
  constructor(public current: ChainSource) {}
  head(): Promise<number> {
    return this.current.head();
  }
  block(n: number): Promise<BlockHeader | undefined> {
    return this.current.block(n);
  }
  latest(): Promise<BlockHeader | undefined> {
    const c = this.current;
    return c.latest ? c.latest() : c.head().then((n) => c.block(n));
  }
  events(from: number, to: number, addresses: string[]): Promise<RawEvent[]> {
    return this.current.events(from, to, addresses);
  }
  chainId(): Promise<string> {
    return this.current.chainId();
  }
}

export const quietLog = pino({ level: 'silent' });

export function makeIngestor(chain: ChainSource, ds: DataSource, opts: Partial<IngestorOptions> = {}) {
  const metrics = new IndexerMetrics();
  const ingestor = new Ingestor(
    chain,
    scriptCodec(),
    new IngestStore(ds),
    { startBlock: 0, finalityDepth: 64, chunkBlocks: 1000, pollMs: 20, retryMs: 20, ...opts },
    quietLog,
    metrics,
  );
  return { ingestor, metrics };
}

/** An ingestor over `chain` into `ds`, opened on the scripted contracts and run to the head. */
export async function ingestAll(chain: ChainSource, ds: DataSource, opts: Partial<IngestorOptions> = {}) {
  const made = makeIngestor(chain, ds, opts);
  await made.ingestor.open(CONTRACTS);
  await ingestToHead(made.ingestor);
  return made;
}

/** Steps until the head is reached; returns the step results. */
export async function ingestToHead(ingestor: Ingestor): Promise<string[]> {
  const results: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const r = await ingestor.step();
    results.push(r);
    if (r === 'idle') return results;
  }
  throw new Error('ingest did not reach the head in 10,000 steps');
}

const DUMP: Record<string, string> = {
  jobs: 'SELECT * FROM jobs ORDER BY id',
  workers: 'SELECT * FROM workers ORDER BY address',
  market_stats_daily: `SELECT s.*, to_char(s.day, 'YYYY-MM-DD') AS day_text FROM market_stats_daily s ORDER BY s.day`,
  raw_events:
    'SELECT block_number, block_hash, tx_hash, tx_index, event_index, timestamp, contract, name, keys, data, decoded FROM raw_events ORDER BY block_number, tx_index, event_index',
  stake_events:
    'SELECT worker, kind, amount, balance_after, job_id, block_number, tx_hash, event_index, timestamp FROM stake_events ORDER BY block_number, tx_hash, event_index',
  slashes:
    'SELECT worker, job_id, amount, staked_after, suspended_until, block_number, tx_hash, event_index, timestamp FROM slashes ORDER BY block_number, tx_hash, event_index',
  reputation_events:
    'SELECT worker, job_id, outcome, completed, failed, slashed, score, block_number, tx_hash, event_index FROM reputation_events ORDER BY block_number, tx_hash, event_index',
};

/** Every projection row (surrogate ids left out), for comparing two databases. */
export async function dumpProjections(ds: DataSource): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, sql] of Object.entries(DUMP)) out[table] = (await ds.query(sql)) as unknown[];
  return out;
}

/** Records the scripted market history in `dir` for an indexer to replay (`replay:<path>`). */
export function saveScriptedHistory(dir: string): string {
  const s = new MarketScript(scriptCodec());
  scriptedHistory(s);
  const path = join(dir, 'history.json');
  s.chain.save(path);
  return path;
}

/**
 * One PostgreSQL server for the calling test file, started before its tests and stopped after
 * them: `const pg = postgresForFile();` then `pg.database()` inside tests.
 */
export function postgresForFile(): Pick<TestPg, 'database' | 'dir'> {
  let server: TestPg | undefined;
  beforeAll(async () => {
    server = await TestPg.start();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const started = (): TestPg => {
    if (!server) throw new Error('postgresForFile: used outside a test');
    return server;
  };
  return {
    database: () => started().database(),
    get dir() {
      return started().dir;
    },
  };
}
