/**
 * The ingestion path against a real PostgreSQL with scripted chains: projections of a market
 * history, chunking that does not change the result, reorgs (a chain that forks at a chosen
 * block), a reorg deeper than the finality depth, and the build record.
 */
import { MemoryChain } from '../../src/chain/events/memory-chain';
import { BuildMismatchError } from '../../indexer/src/ingest/ingest-store';
import { ReorgTooDeepError } from '../../indexer/src/ingest/ingestor';
import {
  CONTRACTS,
  SwappableChain,
  postgresForFile,
  dumpProjections,
  ingestAll,
  ingestToHead,
  makeIngestor,
  scriptCodec,
} from './support/harness';
import { creditOf, scoreOf } from '../support/reputation-score';
import { FEE_BPS, MIN_PRICE, MarketScript, address, scriptedHistory } from './support/market-script';

const pg = postgresForFile();

const E = 10n ** 18n;

function history(fork?: { tag: string; from: number }, suffix?: (s: MarketScript) => void): MarketScript {
  const s = new MarketScript(scriptCodec(), fork);
  scriptedHistory(s);
  suffix?.(s);
  return s;
}

test('a market history becomes jobs, workers, stake movements, slashes, reputation evidence and daily stats', async () => {
  const script = history();
  const { ds } = await pg.database();
  const { metrics } = await ingestAll(script.chain, ds);

  const jobs = (await ds.query(
    'SELECT id, status, worker, price, payout, fee, refund, slashed, attempts FROM jobs ORDER BY id',
  )) as Record<string, unknown>[];
  expect(jobs.map((j) => [Number(j.id), j.status])).toEqual([
    [1, 'Completed'],
    [2, 'Completed'],
    [3, 'Cancelled'],
    [4, 'Resolved'],
    [5, 'Resolved'],
    [6, 'Expired'],
    [7, 'Open'],
    [8, 'Open'],
  ]);
  expect(jobs[0]).toMatchObject({
    price: (8n * E).toString(),
    payout: ((8n * E * 99n) / 100n).toString(),
    refund: (2n * E).toString(),
  });
  expect(jobs[4]).toMatchObject({
    payout: '0',
    refund: (7n * E).toString(),
    slashed: ((5n * E) / 2n).toString(),
  });
  expect(jobs[5]).toMatchObject({ status: 'Expired', worker: null, attempts: 2, slashed: E.toString() });

  const alice = script.workers.get(address('alice'))!;
  const bob = script.workers.get(address('bob'))!;
  const workers = (await ds.query('SELECT * FROM workers ORDER BY address')) as Record<string, unknown>[];
  const byAddr = new Map(workers.map((w) => [w.address, w]));
  expect(byAddr.get(address('alice'))).toMatchObject({
    staked: alice.staked.toString(),
    locked: alice.locked.toString(),
    completed: 2,
    failed: 2,
    slashed_count: 0,
    pending_unstake: (10n * E).toString(),
    peer_id: '12D3KooWAliceAliceAliceAliceAliceAliceAliceAliceAlice',
  });
  expect(byAddr.get(address('bob'))).toMatchObject({
    staked: bob.staked.toString(),
    completed: 1,
    slashed_count: 2,
    locked: '0',
  });
  // The contract's score, restated: bob completed one 4 STRK job, credited by its fee, and was
  // slashed twice.
  const bobCredits = creditOf((4n * E * FEE_BPS) / 10_000n, MIN_PRICE);
  expect(byAddr.get(address('bob'))!.score).toBe(
    Number(scoreOf({ credits: bobCredits, failed: 0n, slashed: 2n, posters: 1n })),
  );

  const slashes = (await ds.query('SELECT worker, job_id, amount FROM slashes ORDER BY id')) as Record<
    string,
    unknown
  >[];
  expect(slashes.map((s) => [s.worker, Number(s.job_id)])).toEqual([
    [address('bob'), 5],
    [address('bob'), 6],
  ]);
  const evidence = (await ds.query(
    `SELECT job_id, outcome FROM reputation_events WHERE worker = $1 ORDER BY id`,
    [address('alice')],
  )) as Record<string, unknown>[];
  expect(evidence.map((e) => [Number(e.job_id), e.outcome])).toEqual([
    [1, 'completed'],
    [4, 'completed'],
    [6, 'failed'],
    [7, 'failed'],
  ]);
  const [stats] = (await ds.query(
    'SELECT sum(jobs_created)::int AS created, sum(slashes)::int AS slashes, sum(jobs_completed)::int AS completed FROM market_stats_daily',
  )) as Record<string, number>[];
  expect(stats).toEqual({ created: 8, slashes: 2, completed: 2 });

  const raw = (await ds.query('SELECT count(*)::int AS n FROM raw_events')) as { n: number }[];
  const emitted = script.chain.recorded().reduce((n, b) => n + b.events.length, 0);
  expect(raw[0]!.n).toBe(emitted);
  expect((await metrics.registry.getSingleMetricAsString('indexer_lag_blocks')).trim().endsWith(' 0')).toBe(
    true,
  );
  await ds.destroy();
});

test('chunk size does not change the projections', async () => {
  const script = history();
  const a = await pg.database();
  const b = await pg.database();
  await ingestAll(script.chain, a.ds, { chunkBlocks: 1, finalityDepth: 3 });
  await ingestAll(script.chain, b.ds, { chunkBlocks: 500, finalityDepth: 1000 });
  expect(await dumpProjections(a.ds)).toEqual(await dumpProjections(b.ds));
  await a.ds.destroy();
  await b.ds.destroy();
});

test('a fork at a chosen block is rolled back and the projections equal a fresh ingest of the new chain', async () => {
  const E18 = E;
  const before = history();
  const forkAt = before.height - 3; // the last blocks of the history get replaced
  const chainA = history(undefined, (s) => {
    const id = s.createJob(address('poster'), 4n * E18);
    s.award(id, address('bob'), 3n * E18);
    s.mine();
    s.accept(id);
    s.mine();
  });
  const chainB = new MarketScript(scriptCodec(), { tag: 'fork', from: forkAt });
  scriptedHistory(chainB);
  chainB.completeJob(address('poster'), address('alice'), 2n * E18, 2n * E18);
  chainB.mine();
  chainB.stake(address('carol'), 70n * E18);
  chainB.mine();
  expect(chainB.chain.recorded()[forkAt - 1]!.header.hash).toBe(
    chainA.chain.recorded()[forkAt - 1]!.header.hash,
  );
  expect(chainB.chain.recorded()[forkAt]!.header.hash).not.toBe(chainA.chain.recorded()[forkAt]!.header.hash);

  const live = await pg.database();
  const chain = new SwappableChain(chainA.chain);
  const { ingestor, metrics } = await ingestAll(chain, live.ds, { chunkBlocks: 4, finalityDepth: 16 });
  chain.current = chainB.chain;
  const steps = await ingestToHead(ingestor);
  expect(steps[0]).toBe('reorged');
  expect(Number(await metrics.rollbacks.get().then((m) => m.values[0]?.value))).toBe(1);

  const fresh = await pg.database();
  await ingestAll(chainB.chain, fresh.ds);
  expect(await dumpProjections(live.ds)).toEqual(await dumpProjections(fresh.ds));
  // Nothing of the abandoned branch is left.
  const carol = (await live.ds.query('SELECT staked FROM workers WHERE address = $1', [
    address('carol'),
  ])) as unknown[];
  expect(carol).toHaveLength(1);
  await live.ds.destroy();
  await fresh.ds.destroy();
});

test('a chain that shrinks (aborted blocks) is rolled back to its new head', async () => {
  const script = history();
  const { ds } = await pg.database();
  await ingestAll(script.chain, ds, { finalityDepth: 32 });
  const keep = script.height - 4;
  const truncated = new MemoryChain('SN_SCRIPTED', script.chain.recorded().slice(0, keep));
  const chain = new SwappableChain(truncated);
  const again = makeIngestor(chain, ds, { finalityDepth: 32 });
  await again.ingestor.open(CONTRACTS);
  expect(await again.ingestor.step()).toBe('reorged');
  expect(await again.ingestor.step()).toBe('idle');
  const [{ max }] = (await ds.query('SELECT max(block_number)::int AS max FROM raw_events')) as [
    { max: number },
  ];
  expect(max).toBeLessThan(keep);

  const fresh = await pg.database();
  await ingestAll(truncated, fresh.ds);
  expect(await dumpProjections(ds)).toEqual(await dumpProjections(fresh.ds));
  await ds.destroy();
  await fresh.ds.destroy();
});

test('a reorg deeper than the finality depth is a loud error, not a walk-back', async () => {
  const a = history();
  const forkAt = 3;
  const b = new MarketScript(scriptCodec(), { tag: 'deep', from: forkAt });
  scriptedHistory(b);
  const { ds } = await pg.database();
  const chain = new SwappableChain(a.chain);
  const { ingestor } = await ingestAll(chain, ds, { finalityDepth: 4, chunkBlocks: 2 });
  const before = await dumpProjections(ds);
  chain.current = b.chain;
  await expect(ingestor.step()).rejects.toThrow(ReorgTooDeepError);
  await expect(ingestor.run()).rejects.toThrow(/reorg below the journal/);
  expect(ingestor.status.fatal).toMatch(/INDEXER_RESET/);
  expect(await dumpProjections(ds)).toEqual(before); // nothing was half undone
  await ds.destroy();
});

test('the database refuses another chain, contract set or start block unless reset', async () => {
  const script = history();
  const { ds } = await pg.database();
  const first = await ingestAll(script.chain, ds);

  const other = makeIngestor(script.chain, ds, { startBlock: 5 });
  const err = await other.ingestor.open(CONTRACTS).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(BuildMismatchError);
  expect((err as Error).message).toMatch(/start block 0, now 5.*INDEXER_RESET=true/);
  await expect(first.ingestor.open({ ...CONTRACTS, market: address('other-market') })).rejects.toThrow(
    /market 0x/,
  );
  const otherChain = makeIngestor(new MemoryChain('SN_OTHER', script.chain.recorded()), ds);
  await expect(otherChain.ingestor.open(CONTRACTS)).rejects.toThrow(/chain SN_SCRIPTED, now SN_OTHER/);

  // Same build: resumes where it stopped.
  expect((await first.ingestor.open(CONTRACTS)).block).toBe(script.height - 1);
  // Reset: starts over.
  const reset = makeIngestor(script.chain, ds, { startBlock: 5, reset: true });
  expect((await reset.ingestor.open(CONTRACTS)).block).toBe(4);
  expect(await ds.query('SELECT * FROM jobs')).toEqual([]);
  await ds.destroy();
});
