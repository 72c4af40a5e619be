/**
 * The indexer process end to end: a scripted market history (stakes, jobs in every terminal
 * state, slashes) replayed into a real PostgreSQL and read back exactly over GraphQL; bad
 * arguments, over-deep and over-costly queries refused with clear errors; the checked-in
 * schema.graphql up to date; the database unreachable at start and mid-run.
 */
import { spawnSync } from 'node:child_process';
import {
  CuttableProxy,
  type IndexerProcess,
  REPO,
  query,
  spawnIndexer,
  stopIndexer,
  waitFor,
  waitReady,
} from './support/indexer-process';
import { TestPg, saveScriptedHistory } from './support/harness';
import { creditOf, scoreOf } from '../support/reputation-score';
import { FEE_BPS, MIN_PRICE, address } from './support/market-script';

const E = 10n ** 18n;
let pg: TestPg;
let replay: string;
let indexer: IndexerProcess;

beforeAll(async () => {
  pg = await TestPg.start();
  replay = saveScriptedHistory(pg.dir);
  const { url, ds } = await pg.database();
  await ds.destroy();
  indexer = await spawnIndexer({ INDEXER_RPC_URL: `replay:${replay}`, DATABASE_URL: url });
  await waitReady(indexer);
});

afterAll(async () => {
  if (indexer) await stopIndexer(indexer);
  await pg?.stop();
});

test('the history is answered exactly: jobs, filters, ordering, pages, workers, reputation evidence, slashes, stakes, stats', async () => {
  const job5 = await query(
    indexer,
    `{ job(id: "5") { id status poster workerAddress price payout refund slashed disputeReason worker { address } } }`,
  );
  expect(job5.errors).toBeUndefined();
  expect(job5.data!.job).toEqual({
    id: '5',
    status: 'Resolved',
    poster: address('poster'),
    workerAddress: address('bob'),
    price: (5n * E).toString(),
    payout: '0',
    refund: (7n * E).toString(),
    slashed: ((5n * E) / 2n).toString(),
    disputeReason: 'fabricated',
    worker: { address: address('bob') },
  });
  expect((await query(indexer, `{ job(id: "99") { id } }`)).data).toEqual({ job: null });

  type Conn = {
    totalCount: number;
    edges: { cursor: string; node: { id: string; status?: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
  const ids = (c: Conn) => c.edges.map((e) => e.node.id);
  const byStatus = await query<{ jobs: Conn }>(
    indexer,
    `{ jobs(filter: { status: Completed }) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
  );
  expect(byStatus.data!.jobs.totalCount).toBe(2);
  expect(ids(byStatus.data!.jobs)).toEqual(['2', '1']);

  const priced = await query<{ jobs: Conn }>(
    indexer,
    `{ jobs(filter: { minPrice: "${5n * E}", maxPrice: "${8n * E}" }, orderBy: PRICE_DESC) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
  );
  expect(ids(priced.data!.jobs)).toEqual(['1', '4', '5']);
  const byWorker = await query<{ jobs: Conn }>(
    indexer,
    `{ jobs(filter: { worker: "${address('bob')}", poster: "${address('poster')}" }) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
  );
  expect(ids(byWorker.data!.jobs)).toEqual(['5', '2']);

  const page1 = await query<{ jobs: Conn }>(
    indexer,
    `{ jobs(first: 3) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
  );
  expect(ids(page1.data!.jobs)).toEqual(['8', '7', '6']);
  expect(page1.data!.jobs.totalCount).toBe(8);
  expect(page1.data!.jobs.pageInfo.hasNextPage).toBe(true);
  const page3 = await query<{ jobs: Conn }>(
    indexer,
    `{ jobs(first: 3, after: "${(await query<{ jobs: Conn }>(indexer, `{ jobs(first: 3, after: "${page1.data!.jobs.pageInfo.endCursor}") { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`)).data!.jobs.pageInfo.endCursor}") { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
  );
  expect(ids(page3.data!.jobs)).toEqual(['2', '1']);
  expect(page3.data!.jobs.pageInfo.hasNextPage).toBe(false);

  const alice = await query(
    indexer,
    `{ worker(address: "${address('alice')}") { address staked locked pendingUnstake peerId jobsAwarded reputation { score completed failed slashed evidence { jobId outcome score } } } }`,
  );
  // The contract's score, restated: alice completed jobs 1 (8 STRK) and 4 (6 STRK) for one
  // poster, each credited by its fee, then missed two accept windows.
  const credits = [8n * E, 6n * E].reduce(
    (sum, price) => sum + creditOf((price * FEE_BPS) / 10_000n, MIN_PRICE),
    0n,
  );
  const aliceScore = (credited: bigint, failed: bigint) =>
    Number(scoreOf({ credits: credited, failed, slashed: 0n, posters: 1n }));
  expect(alice.data!.worker).toEqual({
    address: address('alice'),
    staked: (100n * E).toString(),
    locked: '0',
    pendingUnstake: (10n * E).toString(),
    peerId: '12D3KooWAliceAliceAliceAliceAliceAliceAliceAliceAlice',
    jobsAwarded: 4,
    reputation: {
      score: aliceScore(credits, 2n),
      completed: 2,
      failed: 2,
      slashed: 0,
      evidence: [
        {
          jobId: '1',
          outcome: 'completed',
          score: aliceScore(creditOf((8n * E * FEE_BPS) / 10_000n, MIN_PRICE), 0n),
        },
        { jobId: '4', outcome: 'completed', score: aliceScore(credits, 0n) },
        { jobId: '6', outcome: 'failed', score: aliceScore(credits, 1n) },
        { jobId: '7', outcome: 'failed', score: aliceScore(credits, 2n) },
      ],
    },
  });
  const byStake = await query<{ workers: { edges: { node: { address: string; staked: string } }[] } }>(
    indexer,
    `{ workers(orderBy: STAKE) { edges { node { address staked } } } }`,
  );
  expect(byStake.data!.workers.edges.map((e) => e.node)).toEqual([
    { address: address('alice'), staked: (100n * E).toString() },
    { address: address('bob'), staked: (50n * E - (5n * E) / 2n - E).toString() },
  ]);
  const byScore = await query<{ workers: { edges: { node: { address: string } }[] } }>(
    indexer,
    `{ workers(orderBy: SCORE) { edges { node { address } } } }`,
  );
  expect(byScore.data!.workers.edges.map((e) => e.node.address)).toEqual([address('alice'), address('bob')]);

  const slashes = await query(indexer, `{ slashes { totalCount edges { node { worker jobId amount } } } }`);
  expect(slashes.data!.slashes).toEqual({
    totalCount: 2,
    edges: [
      { node: { worker: address('bob'), jobId: '6', amount: E.toString() } },
      { node: { worker: address('bob'), jobId: '5', amount: ((5n * E) / 2n).toString() } },
    ],
  });
  const stakes = await query<{ stakeEvents: { edges: { node: { kind: string } }[] } }>(
    indexer,
    `{ stakeEvents(worker: "${address('bob')}", first: 100) { edges { node { kind } } } }`,
  );
  expect(stakes.data!.stakeEvents.edges.map((e) => e.node.kind).reverse()).toEqual([
    'staked',
    'collateral_locked',
    'collateral_released',
    'collateral_locked',
    'slashed',
    'collateral_locked',
    'slashed',
  ]);
  const stats = await query<{
    marketStats: {
      jobsCreated: number;
      jobsCompleted: number;
      slashes: number;
      jobsCancelled: number;
      jobsExpired: number;
    }[];
  }>(
    indexer,
    `{ marketStats(from: "2025-12-31", to: "2026-01-31") { day jobsCreated jobsCompleted slashes jobsCancelled jobsExpired } }`,
  );
  const sum = (k: 'jobsCreated' | 'jobsCompleted' | 'slashes' | 'jobsCancelled' | 'jobsExpired') =>
    stats.data!.marketStats.reduce((n, d) => n + d[k], 0);
  expect([
    sum('jobsCreated'),
    sum('jobsCompleted'),
    sum('slashes'),
    sum('jobsCancelled'),
    sum('jobsExpired'),
  ]).toEqual([8, 2, 2, 1, 1]);
});

test('invalid arguments, over-deep and over-costly queries get clear errors', async () => {
  const err = async (q: string) => {
    const r = await query(indexer, q);
    expect(r.errors?.length).toBeGreaterThan(0);
    return r.errors![0]!;
  };
  expect((await err(`{ jobs(first: 0) { totalCount } }`)).message).toMatch(/first must not be less than 1/);
  expect((await err(`{ jobs(first: 101) { totalCount } }`)).extensions?.code).toBe('BAD_USER_INPUT');
  expect((await err(`{ jobs(filter: { minPrice: "1e18" }) { totalCount } }`)).message).toMatch(
    /minPrice must be a non-negative decimal integer/,
  );
  expect((await err(`{ worker(address: "alice") { address } }`)).message).toMatch(
    /address must be a 0x-prefixed address/,
  );
  expect((await err(`{ jobs(after: "bm90LWEtY3Vyc29y") { totalCount } }`)).message).toMatch(
    /after must be an endCursor/,
  );
  expect((await err(`{ job(id: "-1") { id } }`)).message).toMatch(/id must be a job id/);
  expect((await err(`{ marketStats(from: "2026-01-01", to: "2028-01-01") { day } }`)).message).toMatch(
    /at most 366 days/,
  );
  expect((await err(`{ jobs(orderBy: CHEAPEST) { totalCount } }`)).message).toMatch(/CHEAPEST/);
  const costly = await err(
    `{ a: jobs(first: 100) { edges { node { worker { reputation { evidence { jobId } } } } } } b: workers(first: 100) { edges { node { reputation { evidence { jobId } } } } } }`,
  );
  expect(costly.extensions?.code).toBe('QUERY_TOO_COSTLY');
  expect(costly.message).toMatch(/query cost \d+ exceeds the limit of 10000/);
});

test('an over-deep query is refused before it runs', async () => {
  const shallow = await spawnIndexer({
    INDEXER_RPC_URL: `replay:${replay}`,
    DATABASE_URL: pg.server.url('t1_' + process.pid),
    INDEXER_MAX_QUERY_DEPTH: '4',
  });
  try {
    await waitReady(shallow);
    const r = await query(shallow, `{ jobs { edges { node { worker { reputation { score } } } } } }`);
    expect(r.errors?.[0]?.message).toBe('query depth 6 exceeds the limit of 4');
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect((await query(shallow, `{ jobs { edges { node { id } } } }`)).errors).toBeUndefined();
  } finally {
    await stopIndexer(shallow);
  }
});

test('schema.graphql is up to date with the resolvers', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'indexer/src/print-schema.ts', '--check'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  expect(r.stderr).not.toMatch(/stale/);
  expect(r.status).toBe(0);
});

test('the database unreachable at start and mid-run: clear errors, retries, no lost cursor', async () => {
  const { url, ds } = await pg.database();
  const target = Number(new URL(url).port);
  const proxy = await CuttableProxy.create(target);
  const viaProxy = url.replace(`:${target}/`, `:${proxy.port}/`);
  const p = await spawnIndexer({ INDEXER_RPC_URL: `replay:${replay}`, DATABASE_URL: viaProxy });
  try {
    await waitFor('a connection error in the log', async () =>
      /connecting to PostgreSQL at postgres:\/\/postgres:\*\*\*@.*failed; retrying/.test(p.output())
        ? true
        : undefined,
    );
    expect(p.child.exitCode).toBeNull();
    await proxy.open();
    await waitReady(p);
    const [{ cursor_block: before }] = (await ds.query('SELECT cursor_block FROM ingest_state')) as [
      { cursor_block: string },
    ];

    await proxy.cut();
    await waitFor('the readiness to drop', async () =>
      (await fetch(`http://127.0.0.1:${p.port}/ready`)).status === 503 ? true : undefined,
    );
    // The log line travels over the child's stdout pipe, the 503 over HTTP: either may arrive first.
    await waitFor('the ingest failure in the log', async () =>
      /ingest step failed; retrying from the committed cursor/.test(p.output()) ? true : undefined,
    );
    expect(p.child.exitCode).toBeNull();
    await proxy.open();
    await waitReady(p);
    const [{ cursor_block: after }] = (await ds.query('SELECT cursor_block FROM ingest_state')) as [
      { cursor_block: string },
    ];
    expect(after).toBe(before);
    expect((await query(p, `{ jobs { totalCount } }`)).data).toEqual({ jobs: { totalCount: 8 } });
  } finally {
    await stopIndexer(p);
    await proxy.cut();
    await ds.destroy();
  }
});

test('served by a cluster of HTTP workers, answers, readiness and metrics come from the ingest process', async () => {
  const { url, ds } = await pg.database();
  await ds.destroy();
  const p = await spawnIndexer({
    INDEXER_RPC_URL: `replay:${replay}`,
    DATABASE_URL: url,
    INDEXER_HTTP_PROCESSES: '2',
  });
  try {
    await waitReady(p);
    const answers = await Promise.all(Array.from({ length: 8 }, () => query(p, `{ jobs { totalCount } }`)));
    expect(answers.map((a) => a.data)).toEqual(
      Array.from({ length: 8 }, () => ({ jobs: { totalCount: 8 } })),
    );
    const metrics = await (await fetch(`http://127.0.0.1:${p.port}/metrics`)).text();
    expect(metrics).toMatch(/^indexer_lag_blocks 0$/m);
  } finally {
    await stopIndexer(p);
  }
});
