/**
 * For the calling test file, the setup of the suites that watch a running indexer follow a chain
 * as it grows and forks: its PostgreSQL server (postgresForFile), a LiveChain in a replay file,
 * an indexer process following it (with the file's own settings) until ready, and a pg client on
 * its database to read the committed cursor. Started before the file's tests, stopped after.
 */
import { Client as PgClient } from 'pg';
import { postgresForFile } from './harness';
import { type IndexerProcess, spawnIndexer, stopIndexer, waitFor, waitReady } from './indexer-process';
import { LiveChain } from './live-chain';

export interface LiveIndexer {
  readonly chain: LiveChain;
  readonly indexer: IndexerProcess;
  /** A client on the indexer's database. */
  readonly db: PgClient;
  /** A further database on the same server (for a second indexer). */
  database: ReturnType<typeof postgresForFile>['database'];
  /** The block the indexer last committed. */
  committedCursor(): Promise<number>;
  /** Waits until the indexer has committed `block`. */
  waitCommitted(block: number, timeoutMs?: number): Promise<void>;
}

export function liveIndexerForFile(env: Record<string, string>): LiveIndexer {
  const pg = postgresForFile();
  let chain: LiveChain | undefined;
  let indexer: IndexerProcess | undefined;
  let db: PgClient | undefined;
  beforeAll(async () => {
    chain = new LiveChain(pg.dir);
    const { url, ds } = await pg.database();
    await ds.destroy();
    db = new PgClient({ connectionString: url });
    db.on('error', () => undefined); // the server stops (postgresForFile) before this afterAll
    await db.connect();
    indexer = await spawnIndexer({ INDEXER_RPC_URL: `replay:${chain.path}`, DATABASE_URL: url, ...env });
    await waitReady(indexer);
  });
  afterAll(async () => {
    await db?.end();
    if (indexer) await stopIndexer(indexer);
  });
  const started = <T>(part: T | undefined): T => {
    if (part === undefined) throw new Error('liveIndexerForFile: used outside a test');
    return part;
  };
  const committedCursor = async () =>
    Number(
      (await started(db).query('SELECT cursor_block FROM ingest_state WHERE id = 1')).rows[0].cursor_block,
    );
  return {
    get chain() {
      return started(chain);
    },
    get indexer() {
      return started(indexer);
    },
    get db() {
      return started(db);
    },
    database: () => pg.database(),
    committedCursor,
    async waitCommitted(block, timeoutMs = 30_000) {
      await waitFor(
        `cursor at ${block}`,
        async () => ((await committedCursor()) === block ? true : undefined),
        timeoutMs,
      );
    },
  };
}
