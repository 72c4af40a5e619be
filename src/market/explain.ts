/**
 * Why a job got no (eligible) bid. From the adverts the poster knows, it counts how many workers
 * fail each requirement, so the user reads "12 workers known: 5 have too little memory (job needs
 * 4096 MB), 3 lack the WASM feature threads, ..." instead of a bare "no bids". Adverts state
 * capacities as noised buckets (src/discovery/advert-noise.ts), so the counts are of what the
 * adverts suggest, with the same noise tolerance as matching.
 */
import { collateralFor } from '../chain/job';
import type { KnownAdvert } from '../discovery/advert-book';
import { advertUnmet, priceFloorEstimate } from '../discovery/advert-noise';
import { REQUIREMENTS, type JobRequirements, type Requirement } from '../discovery/capabilities';
import { feltHex } from '../shared/felt';
import type { StakeVerifier } from './stake';

export interface NoBidExplanation {
  knownWorkers: number;
  /** Workers failing each requirement; a worker failing several is counted under each. */
  failing: Record<Requirement, number>;
  /** The stake registry's reasons, with how many workers gave each. */
  stakeReasons: Record<string, number>;
  /** Workers that meet everything we can check but did not bid (busy, offline, or too slow). */
  capableButSilent: number;
  summary: string;
}

export interface ExplainInput {
  requirements: JobRequirements;
  budget: bigint;
  /** The market's collateral rate: each worker would lock this share of its own quote. */
  collateralBps: number;
  adverts: KnownAdvert[];
  stake: StakeVerifier;
  /** Reasons already learnt from bids that were refused as ineligible. */
  refused?: Array<{ worker: string; reason: string }>;
  /** The matching tolerance for noised adverts (discovery.matchMissRate). */
  missRate?: number;
  /** Stake lookups done in parallel; each may be a chain call. */
  concurrency?: number;
}

export async function explainNoBids(input: ExplainInput): Promise<NoBidExplanation> {
  const failing = Object.fromEntries(REQUIREMENTS.map((r) => [r, 0])) as Record<Requirement, number>;
  const stakeReasons: Record<string, number> = {};
  let capableButSilent = 0;
  const refused = new Map((input.refused ?? []).map((r) => [r.worker, r.reason]));
  const queue = [...input.adverts];
  const worker = async (): Promise<void> => {
    for (let a = queue.shift(); a; a = queue.shift()) {
      const unmet = advertUnmet(a.caps, input.requirements, input.budget, input.missRate);
      for (const r of unmet) failing[r]++;
      let reason = refused.get(a.peerId);
      if (reason === undefined) {
        const e = await input.stake
          .verify(
            feltHex(a.caps.workerAddress),
            a.peerId,
            collateralFor(priceFloorEstimate(a.caps, input.requirements), input.collateralBps),
          )
          .catch((err: unknown) => ({
            ok: false as const,
            reason: `stake lookup failed: ${(err as Error).message}`,
          }));
        if (!e.ok) reason = e.reason;
      }
      if (reason !== undefined) {
        failing.stake++;
        stakeReasons[reason] = (stakeReasons[reason] ?? 0) + 1;
      } else if (unmet.length === 0) {
        capableButSilent++;
      }
    }
  };
  await Promise.all(Array.from({ length: input.concurrency ?? 8 }, worker));
  return {
    knownWorkers: input.adverts.length,
    failing,
    stakeReasons,
    capableButSilent,
    summary: summarise(input, failing, stakeReasons, capableButSilent),
  };
}

function summarise(
  input: ExplainInput,
  failing: Record<Requirement, number>,
  stakeReasons: Record<string, number>,
  silent: number,
): string {
  const n = input.adverts.length;
  if (n === 0) return 'no bids: no worker adverts known yet (is this node connected to the network?)';
  const req = input.requirements;
  const workers = (k: number): string => `${k} worker${k === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (failing.memory) parts.push(`${workers(failing.memory)} with less than ${req.minMemoryMb} MB memory`);
  if (failing.cores) parts.push(`${workers(failing.cores)} with fewer than ${req.minCores} cores`);
  if (failing.features)
    parts.push(`${workers(failing.features)} missing WASM features (${req.wasmFeatures.join(', ')})`);
  if (failing.fuel) parts.push(`${workers(failing.fuel)} slower than ${req.minFuelPerSecond} fuel/s`);
  if (failing.price)
    parts.push(`${workers(failing.price)} asking more than the budget of ${input.budget} fri`);
  if (failing.stake) {
    const reasons = Object.entries(stakeReasons)
      .map(([r, k]) => `${k}: ${r}`)
      .join('; ');
    parts.push(`${workers(failing.stake)} not eligible on chain (${reasons})`);
  }
  if (silent) parts.push(`${workers(silent)} capable but did not bid in time`);
  return `no bids: ${n} worker${n === 1 ? '' : 's'} known; ${parts.join(', ') || 'none failed a requirement'}`;
}
