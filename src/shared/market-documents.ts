/**
 * The GraphQL documents that read the market from the indexer, with the shapes of their
 * answers: one place for `cairn market` (src/cli/commands/market.ts) and the explorer page
 * (indexer/explorer), so the terminal and the browser ask the same questions the same way (and
 * share the indexer's per-block cache). Plain strings and types only: the page bundles this file.
 */

import { EXISTING_JOB_STATUSES, type ExistingJobStatus } from './job-status';

/** The states a listed job can be in (the indexer knows only jobs that exist). */
export const JOB_STATUSES = EXISTING_JOB_STATUSES;
export type MarketJobStatus = ExistingJobStatus;

export interface JobFilterInput {
  status?: MarketJobStatus;
  poster?: string;
  worker?: string;
}

export interface JobRow {
  id: string;
  status: MarketJobStatus;
  poster: string;
  workerAddress: string | null;
  budget: string;
  price: string | null;
  attempts: number;
  maxAttempts: number;
  createdAt: number;
  updatedBlock: number;
}

const JOB_ROW = `id status poster workerAddress budget price attempts maxAttempts createdAt updatedBlock`;

/** Variables: first (1..100), filter, after. */
export const JOBS_QUERY = `
  query Jobs($first: Int!, $filter: JobFilter, $after: String) {
    jobs(first: $first, filter: $filter, after: $after, orderBy: CREATED_DESC) {
      totalCount
      edges { node { ${JOB_ROW} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
export interface JobsAnswer {
  jobs: {
    totalCount: number;
    edges: { node: JobRow }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface JobEventRow {
  contract: string;
  name: string;
  blockNumber: number;
  txHash: string;
  eventIndex: number;
  timestamp: number;
  /** The decoded fields, as JSON. */
  fields: string;
}

export interface JobDetail extends JobRow {
  collateral: string;
  manifestHash: string;
  execDuration: number;
  acceptBy: number | null;
  deadline: number | null;
  reviewUntil: number | null;
  commitment: string | null;
  disputeReason: string | null;
  payout: string;
  fee: string;
  refund: string;
  slashed: string;
  updatedAt: number;
  createdBlock: number;
  events: JobEventRow[];
}

/** Variables: id. */
export const JOB_QUERY = `
  query Job($id: ID!) {
    job(id: $id) {
      ${JOB_ROW}
      collateral manifestHash execDuration acceptBy deadline reviewUntil commitment disputeReason
      payout fee refund slashed updatedAt createdBlock
      events { contract name blockNumber txHash eventIndex timestamp fields }
    }
  }
`;
export interface JobAnswer {
  job: JobDetail | null;
}

export interface Reputation {
  score: number;
  completed: number;
  failed: number;
  slashed: number;
}

export interface EvidenceRow {
  jobId: string;
  outcome: string;
  score: number;
  blockNumber: number;
  timestamp: number;
  txHash: string;
}

export interface WorkerRow {
  address: string;
  peerId: string | null;
  staked: string;
  locked: string;
  pendingUnstake: string;
  unstakeAvailableAt: number;
  suspendedUntil: number;
  jobsAwarded: number;
  reputation: Reputation & { evidence?: EvidenceRow[] };
}

const WORKER_ROW = `address peerId staked locked pendingUnstake unstakeAvailableAt suspendedUntil jobsAwarded
  reputation { score completed failed slashed }`;

/** Variables: first (1..100), order (SCORE | STAKE). */
export const WORKERS_QUERY = `
  query Workers($first: Int!, $order: WorkerOrder!) {
    workers(first: $first, orderBy: $order) {
      totalCount
      edges { node { ${WORKER_ROW} } }
    }
  }
`;
export interface WorkersAnswer {
  workers: { totalCount: number; edges: { node: WorkerRow }[] };
}

export interface StakeEventRow {
  kind: string;
  amount: string;
  balanceAfter: string | null;
  jobId: string | null;
  blockNumber: number;
  timestamp: number;
  txHash: string;
}

/** Variables: a (the worker's address). */
export const WORKER_QUERY = `
  query Worker($a: String!) {
    worker(address: $a) {
      address peerId staked locked pendingUnstake unstakeAvailableAt suspendedUntil jobsAwarded
      reputation {
        score completed failed slashed
        evidence { jobId outcome score blockNumber timestamp txHash }
      }
    }
    stakeEvents(worker: $a, first: 20) {
      edges { node { kind amount balanceAfter jobId blockNumber timestamp txHash } }
    }
    jobs(first: 20, filter: { worker: $a }) {
      totalCount
      edges { node { ${JOB_ROW} } }
    }
  }
`;
export interface WorkerAnswer {
  worker: WorkerRow | null;
  stakeEvents: { edges: { node: StakeEventRow }[] };
  jobs: { totalCount: number; edges: { node: JobRow }[] };
}

export interface MarketDayRow {
  day: string;
  jobsCreated: number;
  jobsAwarded: number;
  jobsCompleted: number;
  jobsDisputed: number;
  jobsExpired: number;
  jobsCancelled: number;
  volume: string;
  fees: string;
  averagePrice: string | null;
}

/** Variables: from, to (YYYY-MM-DD). */
export const MARKET_STATS_QUERY = `
  query MarketStats($from: String!, $to: String!) {
    marketStats(from: $from, to: $to) {
      day jobsCreated jobsAwarded jobsCompleted jobsDisputed jobsExpired jobsCancelled volume fees averagePrice
    }
    indexerStatus { head cursor caughtUp }
  }
`;
export interface MarketStatsAnswer {
  marketStats: MarketDayRow[];
  indexerStatus: { head: number; cursor: number; caughtUp: boolean };
}

export interface Overview {
  jobs: number;
  open: number;
  running: number;
  paid: number;
  disputed: number;
  expired: number;
  cancelled: number;
  lost: number;
  escrowed: string;
  paidOut: string;
  slashed: string;
  fees: string;
  workers: number;
  staked: string;
}

export interface BlockBucketRow {
  fromBlock: number;
  toBlock: number;
  jobsCreated: number;
  volume: string;
}

/** Variables: buckets (1..100). */
export const OVERVIEW_QUERY = `
  query Overview($buckets: Int!) {
    marketOverview {
      jobs open running paid disputed expired cancelled lost escrowed paidOut slashed fees workers staked
    }
    blockActivity(buckets: $buckets) { fromBlock toBlock jobsCreated volume }
  }
`;
export interface OverviewAnswer {
  marketOverview: Overview;
  blockActivity: BlockBucketRow[];
}

export interface JobUpdateRow {
  id: string;
  block: number;
  rolledBack: boolean;
  matchesFilter: boolean;
  job: JobRow | null;
}

/** Variables: filter, since (the last block seen, or null). */
export const JOBS_CHANGED_SUBSCRIPTION = `
  subscription JobsChanged($filter: JobFilter, $since: Int) {
    jobsChanged(filter: $filter, sinceBlock: $since) {
      id block rolledBack matchesFilter
      job { ${JOB_ROW} }
    }
  }
`;
export interface JobsChangedAnswer {
  jobsChanged: JobUpdateRow;
}

/** Variables: id, since. */
export const JOB_UPDATED_SUBSCRIPTION = `
  subscription JobUpdated($id: ID!, $since: Int) {
    jobUpdated(id: $id, sinceBlock: $since) { id block rolledBack matchesFilter job { ${JOB_ROW} } }
  }
`;
export interface JobUpdatedAnswer {
  jobUpdated: JobUpdateRow;
}

export const HEAD_BLOCK_SUBSCRIPTION = `
  subscription HeadBlock { headBlock { number hash timestamp rolledBackFrom } }
`;
export interface HeadBlockAnswer {
  headBlock: { number: number; hash: string | null; timestamp: number; rolledBackFrom: number | null };
}
