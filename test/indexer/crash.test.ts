/**
 * Crash safety: the indexer process is killed with SIGKILL at random points while it ingests
 * (at least 10 times), restarted each time, and finally left to finish. The database must then
 * hold exactly what a single uninterrupted ingest of the same chain produces: no missing and no
 * duplicate rows.
 */
import { join } from 'node:path';
import { postgresForFile, dumpProjections, ingestAll, scriptCodec } from './support/harness';
import { spawnIndexer, stopIndexer, waitFor, waitReady } from './support/indexer-process';
import { MarketScript, address } from './support/market-script';

const pg = postgresForFile();

test('killed at random points 10 times during ingest, the restarted indexer leaves no missing and no duplicate rows', async () => {
  const script = new MarketScript(scriptCodec());
  const E = 10n ** 18n;
  script.stake(address('w0'), 1000n * E);
  script.stake(address('w1'), 1000n * E);
  script.mine();
  for (let i = 0; i < 400; i++) {
    const id = script.completeJob(
      address(`p${i % 7}`),
      address(`w${i % 2}`),
      10n * E,
      BigInt(1 + (i % 9)) * E,
    );
    if (i % 5 === 0) {
      script.createJob(address('p0'), 3n * E);
      script.cancel(id + 1);
    }
    script.mine();
  }
  const file = join(pg.dir, 'crash-chain.json');
  script.chain.save(file);
  const total = script.chain.recorded().reduce((n, b) => n + b.events.length, 0);
  const head = script.height - 1;

  const { url, ds } = await pg.database();
  const cursor = async () =>
    Number(
      ((await ds.query('SELECT cursor_block FROM ingest_state')) as { cursor_block: string }[])[0]
        ?.cursor_block ?? -1,
    );
  const env = {
    INDEXER_RPC_URL: `replay:${file}`,
    DATABASE_URL: url,
    INDEXER_CHUNK_BLOCKS: '2',
    INDEXER_FINALITY_DEPTH: '100',
  };
  const killedAt: number[] = [];
  for (let kill = 0; kill < 10; kill++) {
    const p = await spawnIndexer(env);
    const start = await cursor();
    // Wait until this run has committed something, then kill it a random moment later.
    await waitFor('ingest progress', async () => ((await cursor()) > start ? true : undefined), 120_000, 5);
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 150)));
    p.child.kill('SIGKILL');
    await p.exited;
    killedAt.push(await cursor());
    if (killedAt.at(-1)! >= head) break;
  }
  // The kills landed mid-ingest, not after it had finished.
  expect(killedAt.length).toBe(10);
  expect(killedAt.every((c) => c < head)).toBe(true);

  const last = await spawnIndexer(env);
  await waitReady(last);
  await stopIndexer(last);

  const dup = (await ds.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM raw_events GROUP BY block_number, tx_hash, event_index HAVING count(*) > 1) d`,
  )) as { n: number }[];
  expect(dup[0]!.n).toBe(0);
  const raw = (await ds.query('SELECT count(*)::int AS n FROM raw_events')) as { n: number }[];
  expect(raw[0]!.n).toBe(total);

  const fresh = await pg.database();
  await ingestAll(script.chain, fresh.ds);
  expect(await dumpProjections(ds)).toEqual(await dumpProjections(fresh.ds));
  await ds.destroy();
  await fresh.ds.destroy();
}, 300_000);
