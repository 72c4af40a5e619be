/**
 * The states of a JobMarket job, once for every part of cairn: the chain clients (src/chain/job.ts
 * re-exports them), the node, the CLI, the indexer's schema and the explorer page, which bundles
 * this file (so it imports nothing).
 */

/** Job states in the order of the Cairo `JobStatus` enum (variant index = position). */
export const JOB_STATUSES = [
  'None',
  'Open',
  'Awarded',
  'Accepted',
  'Submitted',
  'Completed',
  'Disputed',
  'Resolved',
  'Cancelled',
  'Expired',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The states a job that exists can be in: all but `None`, the contract's word for no such job. */
export type ExistingJobStatus = Exclude<JobStatus, 'None'>;
export const EXISTING_JOB_STATUSES = JOB_STATUSES.filter((s): s is ExistingJobStatus => s !== 'None');
