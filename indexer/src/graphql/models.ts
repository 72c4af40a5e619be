/**
 * The GraphQL object types (code-first). Every field names its type explicitly: the indexer
 * runs under tsx, whose esbuild emits no decorator metadata to infer types from. Amounts are
 * decimal strings (u256 does not fit a GraphQL Int or Float); timestamps are Unix seconds.
 */
import { EXISTING_JOB_STATUSES } from '../../../src/chain/job';
import { gql } from '../nest';

const { ObjectType, Field, Int, ID, registerEnumType } = gql;

/** The contract's job statuses but None, its "no such job", which no indexed job has. */
export type JobStatus = (typeof EXISTING_JOB_STATUSES)[number];
export const JobStatus = Object.fromEntries(EXISTING_JOB_STATUSES.map((s) => [s, s])) as {
  readonly [S in JobStatus]: S;
};
registerEnumType(JobStatus, { name: 'JobStatus', description: 'The JobMarket state machine' });

@ObjectType({ description: 'A page position' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' }) endCursor!:
    string | null;
}

@ObjectType({ description: 'One ReputationUpdated event: the evidence a score was computed from' })
export class ReputationEvidence {
  @Field(() => ID) jobId!: string;
  @Field(() => String, { description: 'completed | failed | slashed' }) outcome!: string;
  @Field(() => Int) completed!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) slashed!: number;
  @Field(() => Int, { description: 'Score after this event, basis points' }) score!: number;
  @Field(() => Int) blockNumber!: number;
  @Field(() => String) txHash!: string;
  @Field(() => Int) timestamp!: number;
}

@ObjectType({ description: 'Reputation as the Reputation contract keeps it, with its evidence' })
export class Reputation {
  @Field(() => Int, {
    description: 'Basis points: (completed + 1) * 10000 / (completed + failed + 2 * slashed + 2)',
  })
  score!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) slashed!: number;
  /** Resolved in batches (ReputationResolver). */
  worker!: string;
}

@ObjectType()
export class Worker {
  @Field(() => ID) address!: string;
  @Field(() => String) staked!: string;
  @Field(() => String) locked!: string;
  @Field(() => String) pendingUnstake!: string;
  @Field(() => Int) unstakeAvailableAt!: number;
  @Field(() => Int) suspendedUntil!: number;
  @Field(() => String, { nullable: true }) peerId!: string | null;
  @Field(() => Int) jobsAwarded!: number;
  @Field(() => Reputation) reputation!: Reputation;
}

@ObjectType({ description: 'One on-chain event of a job, as its contract emitted it' })
export class JobEvent {
  @Field(() => String, { description: 'market | registry | reputation' }) contract!: string;
  @Field(() => String, { description: 'The event name, e.g. JobAwarded' }) name!: string;
  @Field(() => Int) blockNumber!: number;
  @Field(() => String) txHash!: string;
  @Field(() => Int) eventIndex!: number;
  @Field(() => Int, { description: 'Block time, Unix seconds' }) timestamp!: number;
  @Field(() => String, { description: 'The decoded fields as JSON (amounts as decimal strings)' })
  fields!: string;
}

@ObjectType()
export class Job {
  @Field(() => ID) id!: string;
  @Field(() => JobStatus) status!: JobStatus;
  @Field(() => String) poster!: string;
  @Field(() => String, { nullable: true, description: 'Address of the awarded worker' }) workerAddress!:
    string | null;
  /** Filled by the job queries, in one batch per page, only when selected (see JobResolver). */
  @Field(() => Worker, { nullable: true, description: 'The awarded worker' }) worker?: Worker | null;
  @Field(() => String) budget!: string;
  @Field(() => String, { nullable: true }) price!: string | null;
  @Field(() => String) collateral!: string;
  @Field(() => String) manifestHash!: string;
  @Field(() => Int) execDuration!: number;
  @Field(() => Int) maxAttempts!: number;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true }) acceptBy!: number | null;
  @Field(() => Int, { nullable: true }) deadline!: number | null;
  @Field(() => Int, { nullable: true }) reviewUntil!: number | null;
  @Field(() => String, { nullable: true }) commitment!: string | null;
  @Field(() => String, { nullable: true }) disputeReason!: string | null;
  @Field(() => String) payout!: string;
  @Field(() => String) fee!: string;
  @Field(() => String) refund!: string;
  @Field(() => String) slashed!: string;
  @Field(() => Int) createdAt!: number;
  @Field(() => Int) updatedAt!: number;
  @Field(() => Int) createdBlock!: number;
  @Field(() => Int, { description: 'The block of the last event that changed this job' })
  updatedBlock!: number;
}

@ObjectType()
export class StakeEvent {
  @Field(() => String) worker!: string;
  @Field(() => String, {
    description:
      'staked | unstake_requested | unstake_cancelled | withdrawn | collateral_locked | collateral_released | slashed',
  })
  kind!: string;
  @Field(() => String) amount!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Stake after the movement (locked collateral for lock/release)',
  })
  balanceAfter!: string | null;
  @Field(() => ID, { nullable: true }) jobId!: string | null;
  @Field(() => Int) blockNumber!: number;
  @Field(() => String) txHash!: string;
  @Field(() => Int) timestamp!: number;
}

@ObjectType()
export class Slash {
  @Field(() => String) worker!: string;
  @Field(() => ID) jobId!: string;
  @Field(() => String) amount!: string;
  @Field(() => String) stakedAfter!: string;
  @Field(() => Int) suspendedUntil!: number;
  @Field(() => Int) blockNumber!: number;
  @Field(() => String) txHash!: string;
  @Field(() => Int) timestamp!: number;
}

@ObjectType({ description: 'Market activity of one UTC day' })
export class MarketDay {
  @Field(() => String, { description: 'YYYY-MM-DD' }) day!: string;
  @Field(() => Int) jobsCreated!: number;
  @Field(() => Int) jobsAwarded!: number;
  @Field(() => Int) jobsCompleted!: number;
  @Field(() => Int) jobsDisputed!: number;
  @Field(() => Int) jobsResolved!: number;
  @Field(() => Int) jobsCancelled!: number;
  @Field(() => Int) jobsExpired!: number;
  @Field(() => Int) slashes!: number;
  @Field(() => String) budgetPosted!: string;
  @Field(() => String, { nullable: true, description: 'Mean awarded price (integer division)' })
  averagePrice!: string | null;
  @Field(() => String, { description: 'Paid to workers' }) volume!: string;
  @Field(() => String) fees!: string;
  @Field(() => String) slashedAmount!: string;
}

@ObjectType()
export class IndexerStatus {
  @Field(() => Int) head!: number;
  @Field(() => Int) cursor!: number;
  @Field(() => Boolean) caughtUp!: boolean;
}

/** A cursor connection of `node` with pageInfo and totalCount. */
function connection<T>(node: new () => T, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Rows matching the filter, all pages' }) totalCount!: number;
  }
  return Connection;
}

export const JobConnection = connection(Job, 'Job');
export const WorkerConnection = connection(Worker, 'Worker');
export const StakeEventConnection = connection(StakeEvent, 'StakeEvent');
export const SlashConnection = connection(Slash, 'Slash');

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** -1 when the query did not select it. */
  totalCount: number;
}

@ObjectType({ description: 'A job as a committed block left it, pushed by a subscription' })
export class JobUpdate {
  @Field(() => ID) id!: string;
  @Field(() => Job, { nullable: true, description: 'Null when a reorg undid the job’s creation' })
  job!: Job | null;
  @Field(() => Int, { description: 'The committed block this state is from: pass it back as sinceBlock' })
  block!: number;
  @Field(() => String, { nullable: true }) blockHash!: string | null;
  @Field(() => Boolean, { description: 'This state comes from a reorg rolling the job back' })
  rolledBack!: boolean;
  @Field(() => Boolean, {
    description: 'Whether the job matches the subscription’s filter; false once it leaves it',
  })
  matchesFilter!: boolean;
}

@ObjectType({ description: 'The newest block in the projections' })
export class HeadBlock {
  @Field(() => Int) number!: number;
  @Field(() => String, { nullable: true }) hash!: string | null;
  @Field(() => Int) timestamp!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'When this head is a reorg’s fork point: the block the index stood at before',
  })
  rolledBackFrom!: number | null;
}

@ObjectType({ description: 'The market as a whole: jobs by state and the STRK they moved' })
export class MarketOverview {
  @Field(() => Int) jobs!: number;
  @Field(() => Int) open!: number;
  @Field(() => Int, { description: 'Awarded, accepted or submitted' }) running!: number;
  @Field(() => Int, { description: 'Completed, or resolved in the worker’s favour' }) paid!: number;
  @Field(() => Int, { description: 'Disputed and not yet resolved' }) disputed!: number;
  @Field(() => Int) expired!: number;
  @Field(() => Int) cancelled!: number;
  @Field(() => Int, { description: 'Resolved against the worker' }) lost!: number;
  @Field(() => String, { description: 'Budgets held in escrow by jobs still running or open' })
  escrowed!: string;
  @Field(() => String, { description: 'Paid to workers' }) paidOut!: string;
  @Field(() => String, { description: 'Taken from workers’ stakes' }) slashed!: string;
  @Field(() => String) fees!: string;
  @Field(() => Int) workers!: number;
  @Field(() => String, { description: 'Stake held by all workers' }) staked!: string;
}

@ObjectType({ description: 'Market activity over a range of blocks' })
export class BlockBucket {
  @Field(() => Int) fromBlock!: number;
  @Field(() => Int) toBlock!: number;
  @Field(() => Int) jobsCreated!: number;
  @Field(() => String, { description: 'Paid to workers in these blocks' }) volume!: string;
}
