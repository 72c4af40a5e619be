/**
 * The queries behind the explorer page, in a real indexer process over the scripted history:
 * marketOverview agrees with the script's own model of every job, blockActivity accounts for
 * every job and every STRK paid, Job.events is a job's timeline exactly as the chain recorded
 * it; their arguments refuse hostile values with clear errors.
 */
import { cairnEventCodec } from '../../src/chain/events/cairn-codec';
import { CONTRACTS, postgresForFile } from './support/harness';
import { type IndexerProcess, query, spawnIndexer, stopIndexer, waitReady } from './support/indexer-process';
import { LiveChain } from './support/live-chain';

const pg = postgresForFile();
let chain: LiveChain;
let indexer: IndexerProcess;

beforeAll(async () => {
  chain = new LiveChain(pg.dir);
  const { url, ds } = await pg.database();
  await ds.destroy();
  indexer = await spawnIndexer({ INDEXER_RPC_URL: `replay:${chain.path}`, DATABASE_URL: url });
  await waitReady(indexer);
});

afterAll(async () => {
  if (indexer) await stopIndexer(indexer);
});

/** The chain's events, decoded, in order. */
function decoded() {
  const codec = cairnEventCodec(CONTRACTS);
  return chain.script.chain
    .recorded()
    .flatMap((b) => b.events)
    .map((e) => ({ e, d: codec.decode(e.fromAddress, e.keys, e.data)! }));
}

test('marketOverview counts jobs by state and sums what they moved, as the chain says', async () => {
  const r = await query<{ marketOverview: Record<string, unknown> }>(
    indexer,
    '{ marketOverview { jobs open running paid disputed expired cancelled lost escrowed paidOut slashed fees workers staked } }',
  );
  expect(r.errors).toBeUndefined();
  const jobs = [...chain.script.jobs.values()];
  const n = (...s: string[]) => jobs.filter((j) => s.includes(j.status)).length;
  const events = decoded().map((x) => x.d);
  const total = (names: string[], field: string) =>
    events
      .filter((d) => names.includes(d.name))
      .reduce((s, d) => s + BigInt(d.fields[field] as bigint), 0n)
      .toString();
  const wins = events.filter((d) => d.name === 'JobResolved' && d.fields.worker_wins).length;
  const losses = events.filter((d) => d.name === 'JobResolved' && !d.fields.worker_wins).length;
  const workers = [...chain.script.workers.values()];
  expect(r.data!.marketOverview).toEqual({
    jobs: jobs.length,
    open: n('Open'),
    running: n('Awarded', 'Accepted', 'Submitted'),
    paid: n('Completed') + wins,
    disputed: n('Disputed'),
    expired: n('Expired'),
    cancelled: n('Cancelled'),
    lost: losses,
    escrowed: jobs
      .filter((j) => ['Open', 'Awarded', 'Accepted', 'Submitted', 'Disputed'].includes(j.status))
      .reduce((s, j) => s + j.budget, 0n)
      .toString(),
    paidOut: total(['JobCompleted', 'JobResolved'], 'payout'),
    slashed: total(['Slashed'], 'amount'),
    fees: total(['JobCompleted', 'JobResolved'], 'fee'),
    workers: workers.length,
    staked: workers.reduce((s, w) => s + w.staked, 0n).toString(),
  });
});

test('blockActivity covers the first job to the cursor in equal ranges and accounts for every job and payout', async () => {
  const r = await query<{
    blockActivity: { fromBlock: number; toBlock: number; jobsCreated: number; volume: string }[];
  }>(indexer, '{ blockActivity(buckets: 4) { fromBlock toBlock jobsCreated volume } }');
  const buckets = r.data!.blockActivity;
  expect(buckets.length).toBeLessThanOrEqual(4);
  for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.fromBlock).toBe(buckets[i - 1]!.toBlock + 1);
  expect(buckets.at(-1)!.toBlock).toBe(chain.height - 1);
  const events = decoded();
  const firstJob = events.find((x) => x.d.name === 'JobCreated')!.e.blockNumber;
  expect(buckets[0]!.fromBlock).toBe(firstJob);
  expect(buckets.reduce((s, b) => s + b.jobsCreated, 0)).toBe(chain.script.jobs.size);
  const paid = events
    .filter((x) => x.d.name === 'JobCompleted' || x.d.name === 'JobResolved')
    .reduce((s, x) => s + BigInt(x.d.fields.payout as bigint), 0n);
  expect(buckets.reduce((s, b) => s + BigInt(b.volume), 0n)).toBe(paid);
});

test('Job.events is the job’s timeline as the chain recorded it: names, blocks, transactions, fields', async () => {
  const r = await query<{
    job: { events: { name: string; blockNumber: number; txHash: string; fields: string }[] };
  }>(indexer, '{ job(id: "6") { events { contract name blockNumber txHash eventIndex timestamp fields } } }');
  const want = decoded().filter((x) => String(x.d.fields.job_id) === '6');
  expect(r.data!.job.events.map((e) => [e.name, e.blockNumber, e.txHash])).toEqual(
    want.map((x) => [x.d.name, x.e.blockNumber, x.e.txHash]),
  );
  expect(r.data!.job.events.map((e) => e.name)).toContain('Slashed'); // the registry's event for the job
  expect(JSON.parse(r.data!.job.events[0]!.fields)).toMatchObject({ job_id: '6' });
});

test('hostile arguments are refused with clear errors', async () => {
  for (const [q, pattern] of [
    ['{ blockActivity(buckets: 0) { fromBlock } }', /buckets must not be less than 1/],
    ['{ blockActivity(buckets: 101) { fromBlock } }', /buckets must not be greater than 100/],
    ['{ blockActivity(buckets: "x") { fromBlock } }', /Int cannot represent/],
    ['{ marketOverview(x: 1) { jobs } }', /Unknown argument "x"/],
  ] as const) {
    const r = await query(indexer, q);
    expect(r.errors?.map((e) => e.message).join('\n')).toMatch(pattern);
  }
  // Timelines of a whole page cost what they may return: 100 jobs x their events is refused.
  const costly = await query(
    indexer,
    '{ jobs(first: 100) { edges { node { events { name txHash fields } } } } }',
  );
  expect(costly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
});
