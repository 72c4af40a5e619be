/**
 * Projection rows as the ingestor reads and writes them: column names of the tables (snake
 * case), amounts as decimal strings. The entities (db/entities) describe the same tables for
 * TypeORM reads; these are the batch writer's view, kept JSON-ready for jsonb_populate_recordset.
 */
import type { JobStatus } from '../../../src/chain/job';

export interface JobRow {
  id: number;
  status: JobStatus;
  poster: string;
  worker: string | null;
  budget: string;
  price: string | null;
  collateral: string;
  manifest_hash: string;
  exec_duration: number;
  max_attempts: number;
  attempts: number;
  accept_by: number | null;
  deadline: number | null;
  review_until: number | null;
  commitment: string | null;
  dispute_reason: string | null;
  /** The rates the current (or last) award fixed; null before any award. */
  fee_bps: number | null;
  slash_bps: number | null;
  /** The poster's dispute bond, '0' unless disputed. */
  dispute_bond: string;
  payout: string;
  fee: string;
  refund: string;
  slashed: string;
  created_at: number;
  updated_at: number;
  created_block: number;
  updated_block: number;
}

export interface WorkerRow {
  address: string;
  staked: string;
  locked: string;
  pending_unstake: string;
  unstake_available_at: number;
  suspended_until: number;
  peer_id: string | null;
  completed: number;
  failed: number;
  slashed_count: number;
  score: number;
  jobs_awarded: number;
  first_block: number;
  updated_block: number;
}

export interface StatsRow {
  day: string;
  jobs_created: number;
  jobs_awarded: number;
  jobs_completed: number;
  jobs_disputed: number;
  jobs_resolved: number;
  jobs_cancelled: number;
  jobs_expired: number;
  slashes: number;
  budget_posted: string;
  price_awarded: string;
  volume: string;
  fees: string;
  slashed_amount: string;
}

export interface Position {
  block_number: number;
  tx_hash: string;
  event_index: number;
  timestamp: number;
}

export interface RawEventRow extends Position {
  block_hash: string;
  tx_index: number;
  contract: string;
  name: string;
  keys: string[];
  data: string[];
  decoded: Record<string, unknown>;
}

export interface StakeEventRow extends Position {
  worker: string;
  kind: string;
  amount: string;
  balance_after: string | null;
  job_id: number | null;
}

export interface SlashRow extends Position {
  worker: string;
  job_id: number;
  amount: string;
  staked_after: string;
  suspended_until: number;
}

export interface ReputationEventRow extends Position {
  worker: string;
  job_id: number;
  outcome: string;
  completed: number;
  failed: number;
  slashed: number;
  score: number;
}

/** The mutable projections: table, primary key column, row type. */
export const MUTABLE_TABLES = {
  jobs: 'id',
  workers: 'address',
  market_stats_daily: 'day',
} as const;
export type MutableTable = keyof typeof MUTABLE_TABLES;

/** Append-only tables, undone by deleting what lies above the fork. */
export const APPEND_TABLES = ['raw_events', 'stake_events', 'slashes', 'reputation_events'] as const;

export interface UndoRow {
  block_number: number;
  table_name: MutableTable;
  pk: string;
  before: JobRow | WorkerRow | StatsRow | null;
}
