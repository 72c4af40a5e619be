/**
 * What the graph suites post and check: the word-count map/reduce as a graph (one map tasklet
 * per shard, the reduce as its aggregate) with the counts it must end with, and the settlement
 * of a graph's units read back from the chain and the nodes' journals.
 */
import { stringify, parse } from 'yaml';
import { bpsOf } from '../../../src/chain/job';
import { readJob, type ChainJob } from '../../../src/jobs/chain-view';
import type { JobRecord, PosterRecord } from '../../../src/jobs/journal';
import type { GraphRecord } from '../../../src/graph/types';
import { feesOf, wordCountJob } from './jobs';
import { type MarketNet, type NodeSetup, nodeSetup, until } from './market-net';

/** Workers bid on several units at once (the scheduler spreads a graph's units across them). */
export const GRAPH_WORKER_JOBS = { capacity: 4 };

/** A worker of the graph suites: bootstraps to the poster, bids on several units at once; `jobs` adds faults. */
export function graphWorkerSetup(
  net: MarketNet,
  name: string,
  account: number,
  poster: NodeSetup,
  jobs: Record<string, unknown> = {},
): Promise<NodeSetup> {
  return nodeSetup(net, name, {
    account,
    worker: true,
    bootstrap: [poster],
    jobs: { ...GRAPH_WORKER_JOBS, ...jobs },
  });
}

/** The graph's record once it is done, read by `status` (in process or over the control channel). */
export function graphDone(
  status: (id: string) => GraphRecord | Promise<GraphRecord>,
  id: string,
): Promise<GraphRecord> {
  return until(
    async () => {
      const g = await status(id);
      if (g.status === 'failed') throw new Error(`graph failed: ${g.failure}`);
      return g.status === 'done' ? g : undefined;
    },
    `graph ${id} done`,
    300_000,
  );
}

export interface GraphJob {
  manifest: string;
  blobs: Uint8Array[];
  /** The reduce's output: `word count` lines, sorted bytewise. */
  expected: string;
}

/**
 * Word count over `shards` stored shards, with `verification` (default none). One shard makes a
 * graph of one map step and no aggregate: a map's output is already the counts of its shard.
 */
export async function wordCountGraph(
  seed: number,
  shards: number,
  verification: object = { mode: 'none' },
): Promise<GraphJob> {
  const job = await wordCountJob(seed, shards);
  const m = parse(job.manifest) as Record<string, unknown>;
  m.verification = verification;
  m.name = `word-count-${seed}`;
  if (shards === 1) delete m.aggregate;
  const counts = new Map<string, number>();
  for (const shard of job.blobs.slice(1))
    for (const w of new TextDecoder()
      .decode(shard)
      .toLowerCase()
      .split(/[^a-z0-9]+/))
      if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  const expected = [...counts.keys()]
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map((w) => `${w} ${counts.get(w)}\n`)
    .join('');
  return { manifest: stringify(m), blobs: job.blobs, expected };
}

/** Every unit's job id, as the graph record lists them. */
export function unitJobs(g: GraphRecord): bigint[] {
  return Object.values(g.nodes).flatMap((n) => n.units.map((u) => BigInt(u.jobId)));
}

export async function chainJobs(net: MarketNet, ids: bigint[]): Promise<ChainJob[]> {
  return Promise.all(ids.map((id) => readJob(net.clients, id)));
}

/** What a worker earned from these jobs (price less the market's fee), by worker address. */
export function earnings(jobs: ChainJob[], feeBps = 250n): Map<bigint, bigint> {
  const out = new Map<bigint, bigint>();
  for (const j of jobs) {
    if (j.status !== 'Completed') continue;
    out.set(j.worker, (out.get(j.worker) ?? 0n) + j.price - bpsOf(j.price, feeBps));
  }
  return out;
}

/** The fee paid for the distinct transactions these records name (a batch counts once). */
export async function gasOf(net: MarketNet, records: JobRecord[]): Promise<bigint> {
  const txs = new Set(records.flatMap((r) => r.history.flatMap((h) => (h.txHash ? [h.txHash] : []))));
  return feesOf(net, [...txs]);
}

export function isUnitOf(graphId: string) {
  return (r: JobRecord): r is PosterRecord => r.role === 'poster' && r.graph?.graphId === graphId;
}
