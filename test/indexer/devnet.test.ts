/**
 * Against the real devnet with the deployed contracts and a real PostgreSQL: a scripted market
 * history (stakes, jobs in every terminal state, slashes) is reflected exactly in the GraphQL
 * answers of the indexer process, compared field by field with what the contracts themselves
 * report; and after blocks are aborted on devnet and the chain continues differently, the
 * projections equal a fresh ingest of the new chain.
 */
import pino from 'pino';
import { type Account } from 'starknet';
import { cairnEventCodec } from '../../src/chain/events/cairn-codec';
import type { AbiCodec } from '../../src/chain/events/event-codec';
import { RpcChainSource } from '../../src/chain/events/rpc-chain-source';
import { normalizeAddress } from '../../src/shared/felt';
import { IngestStore } from '../../indexer/src/ingest/ingest-store';
import { Ingestor } from '../../indexer/src/ingest/ingestor';
import { IndexerMetrics } from '../../indexer/src/metrics';
import { deploymentEnv } from '../../indexer/src/config/indexer-config';
import { jobStatusOf } from '../../src/chain/job';
import { STRK } from '../../src/chain/params';
import { DevnetMarket } from './support/devnet-market';
import { TestPg, dumpProjections, ingestToHead } from './support/harness';
import { type IndexerProcess, query, spawnIndexer, stopIndexer, waitReady } from './support/indexer-process';

let market: DevnetMarket;
let pg: TestPg;
let indexer: IndexerProcess | undefined;

beforeAll(async () => {
  [market, pg] = await Promise.all([DevnetMarket.start(), TestPg.start()]);
}, 240_000);
afterAll(async () => {
  if (indexer) await stopIndexer(indexer);
  await Promise.all([market?.stop(), pg?.stop()]);
});

const big = (v: unknown) => BigInt(v as bigint);
const statusOf = jobStatusOf;

function codec(): AbiCodec {
  return cairnEventCodec(market.deployment);
}

function ingestorFor(ds: import('typeorm').DataSource, finalityDepth = 64): Ingestor {
  return new Ingestor(
    new RpcChainSource(market.devnet.rpcUrl),
    codec(),
    new IngestStore(ds),
    { startBlock: market.deployment.deployBlock, finalityDepth, chunkBlocks: 7, pollMs: 50, retryMs: 50 },
    pino({ level: 'silent' }),
    new IndexerMetrics(),
  );
}

test('a scripted market history on devnet is reflected exactly in the GraphQL answers', async () => {
  const [, arbiter, p1, p2, w0, w1] = market.accounts as [
    Account,
    Account,
    Account,
    Account,
    Account,
    Account,
  ];
  await market.stake(w0);
  await market.stake(w1);
  const confirmed = await market.submittedJob(p1, w0);
  await market.as(p1).market.invoke('confirm', confirmed);
  const cancelled = await market.createJob(p1, 3n * STRK);
  await market.as(p1).market.invoke('cancel_job', cancelled);
  const won = await market.submittedJob(p1, w0, 6n * STRK);
  await market.dispute(p1, won, 0x77726f6e67n);
  await market.as(arbiter).market.invoke('resolve', won, true);
  const claimed = await market.submittedJob(p2, w0, 4n * STRK);
  await market.devnet.increaseTime(3_601);
  await market.as(w0).market.invoke('claim', claimed);
  const lost = await market.submittedJob(p2, w1, 5n * STRK);
  await market.dispute(p2, lost, 0x666162n);
  await market.as(arbiter).market.invoke('resolve', lost, false);
  const expired = await market.createJob(p1, 2n * STRK, 1, 60n);
  await market.award(p1, w0, expired, 2n * STRK);
  await market.as(w0).market.invoke('accept_job', expired);
  await market.devnet.increaseTime(120);
  await market.as(p2).market.invoke('expire', expired);
  const open = await market.createJob(p2, 1n * STRK);
  const jobIds = [confirmed, cancelled, won, claimed, lost, expired, open];

  const { url, ds } = await pg.database();
  indexer = await spawnIndexer({
    ...deploymentEnv(market.devnet.rpcUrl, market.deployment),
    DATABASE_URL: url,
  });
  await waitReady(indexer);

  const statuses: string[] = [];
  for (const id of jobIds) {
    const onChain = await market.read.market.read.job(id);
    const r = await query<{ job: Record<string, unknown> }>(
      indexer,
      `{ job(id: "${id}") { id status poster workerAddress budget price collateral attempts } }`,
    );
    expect(r.errors).toBeUndefined();
    const status = statusOf(onChain.status);
    statuses.push(status);
    const worker =
      big(onChain.worker) === 0n ? null : normalizeAddress('0x' + big(onChain.worker).toString(16));
    expect(r.data!.job).toEqual({
      id: String(id),
      status,
      poster: normalizeAddress('0x' + big(onChain.poster).toString(16)),
      workerAddress: worker,
      budget: big(onChain.budget).toString(),
      price: big(onChain.price) === 0n ? null : big(onChain.price).toString(),
      collateral: big(onChain.collateral).toString(),
      attempts: Number(onChain.attempts),
    });
  }
  expect(statuses).toEqual([
    'Completed',
    'Cancelled',
    'Resolved',
    'Completed',
    'Resolved',
    'Expired',
    'Open',
  ]);

  for (const w of [w0, w1]) {
    const stake = await market.read.registry.read.stake_of(w.address);
    const rep = await market.read.reputation.read.reputation_of(w.address);
    const score = await market.read.reputation.read.score_of(w.address);
    const r = await query<{ worker: Record<string, unknown> }>(
      indexer,
      `{ worker(address: "${w.address}") { staked locked pendingUnstake suspendedUntil reputation { score completed failed slashed evidence { jobId outcome } } } }`,
    );
    const rr = r.data!.worker as { reputation: { evidence: unknown[] } } & Record<string, unknown>;
    expect({ ...rr, reputation: { ...rr.reputation, evidence: undefined } }).toEqual({
      staked: big(stake.staked).toString(),
      locked: big(stake.locked).toString(),
      pendingUnstake: big(stake.pending_unstake).toString(),
      suspendedUntil: Number(stake.suspended_until),
      reputation: {
        score: Number(score),
        completed: Number(rep.completed),
        failed: Number(rep.failed),
        slashed: Number(rep.slashed),
        evidence: undefined,
      },
    });
    expect(rr.reputation.evidence).toHaveLength(
      Number(rep.completed) + Number(rep.failed) + Number(rep.slashed),
    );
  }
  const slashes = await query<{
    slashes: { totalCount: number; edges: { node: { worker: string; jobId: string } }[] };
  }>(indexer, `{ slashes { totalCount edges { node { worker jobId } } } }`);
  expect(slashes.data!.slashes.edges.map((e) => [e.node.worker, e.node.jobId])).toEqual([
    [normalizeAddress(w0.address), String(expired)],
    [normalizeAddress(w1.address), String(lost)],
  ]);
  await stopIndexer(indexer);
  indexer = undefined;
  await ds.destroy();
});

test('after blocks are aborted on devnet, the projections match a fresh ingest of the new chain', async () => {
  const [, , p1, , w0, , w2] = market.accounts as Account[];
  const { ds } = await pg.database();
  const live = ingestorFor(ds);
  await live.open({
    market: market.deployment.market,
    registry: market.deployment.registry,
    reputation: market.deployment.reputation,
  });
  await ingestToHead(live);

  const forkFrom = (await market.head()).number + 1;
  await market.stake(w2!, 300n * STRK);
  const doomed = await market.createJob(p1!, 4n * STRK);
  await ingestToHead(live);
  expect(await ds.query('SELECT id FROM jobs WHERE id = $1', [String(doomed)])).toHaveLength(1);

  const aborted = await market.devnet.abortBlocks(await market.blockHash(forkFrom));
  expect(aborted.length).toBeGreaterThan(0);
  // The chain continues differently from the fork point. Devnet gives the replacement blocks the
  // aborted blocks' hashes (its block hash does not commit to the transactions): the indexer
  // must notice the change all the same.
  await market.createJob(w0!, 7n * STRK);
  const steps = await ingestToHead(live);
  expect(steps).toContain('reorged');
  expect(
    await ds.query(`SELECT count(*)::int AS n FROM workers WHERE address = $1`, [
      normalizeAddress(w2!.address),
    ]),
  ).toEqual([{ n: 0 }]);

  const fresh = await pg.database();
  const again = ingestorFor(fresh.ds);
  await again.open({
    market: market.deployment.market,
    registry: market.deployment.registry,
    reputation: market.deployment.reputation,
  });
  await ingestToHead(again);
  expect(await dumpProjections(ds)).toEqual(await dumpProjections(fresh.ds));
  await ds.destroy();
  await fresh.ds.destroy();
});
