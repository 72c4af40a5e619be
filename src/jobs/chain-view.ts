/**
 * What the job life reads from the chain: a job as the JobMarket holds it, and the chain's
 * clock. Every decision the job life takes starts from these reads, never from a p2p message:
 * an event or a notice only says "look again".
 */
import type { ProviderInterface } from 'starknet';
import type { CairnClients } from '../chain/cairn';
import { jobStatusOf, type JobStatus } from '../chain/job';
import { toBigInt } from '../chain/values';
import { SingleFlight } from '../shared/single-flight';

export interface ChainJob {
  id: bigint;
  poster: bigint;
  status: JobStatus;
  budget: bigint;
  manifestHash: bigint;
  execDuration: bigint;
  maxAttempts: number;
  /** Awards made so far; the current award is attempt number `attempts`. */
  attempts: number;
  worker: bigint;
  price: bigint;
  collateral: bigint;
  disputeBondBps: bigint;
  acceptBy: bigint;
  deadline: bigint;
  commitment: bigint;
  reviewUntil: bigint;
  resolveBy: bigint;
}

export async function readJob(clients: CairnClients, id: bigint): Promise<ChainJob> {
  const j = (await clients.market.read.job(id)) as unknown as Record<string, unknown>;
  const n = (k: string): bigint => toBigInt(j[k]);
  return {
    id,
    poster: n('poster'),
    status: jobStatusOf(j.status),
    budget: n('budget'),
    manifestHash: n('manifest_hash'),
    execDuration: n('exec_duration'),
    maxAttempts: Number(n('max_attempts')),
    attempts: Number(n('attempts')),
    worker: n('worker'),
    price: n('price'),
    collateral: n('collateral'),
    disputeBondBps: n('dispute_bond_bps'),
    acceptBy: n('accept_by'),
    deadline: n('deadline'),
    commitment: n('commitment'),
    reviewUntil: n('review_until'),
    resolveBy: n('resolve_by'),
  };
}

/** Reads of the latest block in flight, by provider: callers at the same moment share one. */
const latest = new SingleFlight<ProviderInterface, bigint>();

/**
 * The chain's time: the latest block's timestamp (what the contract's windows are measured in).
 * Callers that ask while a read is in flight share its answer (a worker signing consents for
 * eight announcements at once makes one read, not eight); nothing is kept after it lands.
 */
export function chainNow(provider: ProviderInterface): Promise<bigint> {
  return latest.run(provider, async () => {
    const t = BigInt((await provider.getBlock('latest')).timestamp);
    seen.set(provider, { t, at: Date.now() });
    return t;
  });
}

/** The newest block time each provider's chain was last seen at, and when (ms since epoch). */
const seen = new WeakMap<ProviderInterface, { t: bigint; at: number }>();

/** Records a newest block's time read another way (the node's follower polls the newest block). */
export function sawChainTime(provider: ProviderInterface, timestamp: bigint): void {
  const s = seen.get(provider);
  if (!s || timestamp >= s.t) seen.set(provider, { t: timestamp, at: Date.now() });
}

/**
 * The chain's time as last seen, if seen within `maxAgeMs`, else read (chainNow). For what a
 * block time a few seconds old serves as well as a fresh one: a worker's consent expiry, ten
 * minutes ahead, whose read would otherwise sit between an announcement and the bid.
 */
export function recentChainTime(provider: ProviderInterface, maxAgeMs: number): Promise<bigint> {
  const s = seen.get(provider);
  return s && Date.now() - s.at <= maxAgeMs ? Promise.resolve(s.t) : chainNow(provider);
}
