/**
 * The job model every part of cairn shares: a job is the JobMarket contract's job, named by the
 * id `create_job` returns (a u64, from 1). The node's announcements, the chain clients and the
 * indexer all carry that id; nothing else identifies a job. Collateral, deadlines and attempts
 * are the contract's: the collateral a worker locks is `collateral_bps` of its price (rounded
 * down, as the contract's `bps_of` does), the execution deadline is `exec_duration` seconds after
 * the worker accepts, and a job is re-awarded until `max_attempts` awards have expired.
 *
 * This module loads nothing heavy (the job states are src/shared/job-status.ts), so the CLI can
 * name job states without loading starknet.js.
 */

import { JOB_STATUSES, type JobStatus } from '../shared/job-status';

export {
  EXISTING_JOB_STATUSES,
  type ExistingJobStatus,
  JOB_STATUSES,
  type JobStatus,
} from '../shared/job-status';

/** The contract numbers jobs with a u64. */
export const JOB_ID_MAX = (1n << 64n) - 1n;

export const BPS_DENOMINATOR = 10_000n;

/** `amount * bps / 10000`, rounded down: the contract's `bps_of` (contracts/src/common/bps.cairo). */
export function bpsOf(amount: bigint, bps: bigint | number): bigint {
  return (amount * BigInt(bps)) / BPS_DENOMINATOR;
}

/** The collateral a worker locks when it accepts a job at `price`. */
export function collateralFor(price: bigint, collateralBps: bigint | number): bigint {
  return bpsOf(price, collateralBps);
}

/** The terms a poster fixes when it creates a job (`create_job`'s arguments). */
export interface JobTermsOnChain {
  /** Escrowed in full at creation; the agreed price is paid from it, the rest refunded. */
  budget: bigint;
  /** felt250(sha256(manifest bytes)): src/shared/commitment.ts `manifestHash`. */
  manifestHash: bigint;
  /** Seconds the worker has from accepting to submitting. */
  execDurationS: bigint;
  /** Awards the job may go through before it expires and the poster is refunded (1..10). */
  maxAttempts: number;
}

/**
 * A job's status from what starknet.js returns for the Cairo enum: a CairnCustomEnum (whose
 * `activeVariant()` names it) or, from some decoders, the variant's index.
 */
export function jobStatusOf(raw: unknown): JobStatus {
  const e = raw as { activeVariant?: () => string };
  if (typeof e?.activeVariant === 'function') return e.activeVariant() as JobStatus;
  return JOB_STATUSES[Number(raw)] ?? 'None';
}
