/**
 * Resolvers: arguments are validated by their pipe, rows come from the request's MarketQueries
 * (over the API's pool, bound by the request's deadline), nested workers and reputation
 * evidence through per-request DataLoaders (one query per level of a page, not one per row).
 */
import 'reflect-metadata';
import DataLoader from 'dataloader';
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { normalizeAddress } from '../../../src/shared/felt';
import type { IngestStatus } from '../ingest/ingestor';
import { common, gql } from '../nest';
import {
  AddressArgs,
  BlockActivityArgs,
  JobArgs,
  JobsArgs,
  MarketStatsArgs,
  WorkerEventsArgs,
  WorkersArgs,
} from './args';
import type { FastifyReply } from 'fastify';
import type { MarketQueries } from './market-queries';
import type { DeadlineDb } from './request-db';
import {
  BlockBucket,
  IndexerStatus,
  Job,
  JobConnection,
  JobEvent,
  MarketDay,
  MarketOverview,
  Reputation,
  ReputationEvidence,
  SlashConnection,
  StakeEventConnection,
  Worker,
  WorkerConnection,
} from './models';
import { MAX_RANGE_DAYS, badInput, valid } from './validate-args';

const { Resolver, Query, ResolveField, Parent, Context, Info } = gql;

/** Whether the query selects `path` under the current field (fragments followed). */
function selects(info: GraphQLResolveInfo, path: string[]): boolean {
  const has = (set: SelectionSetNode | undefined, rest: string[]): boolean =>
    (set?.selections ?? []).some((s) =>
      s.kind === Kind.FIELD
        ? s.name.value === rest[0] && (rest.length === 1 || has(s.selectionSet, rest.slice(1)))
        : s.kind === Kind.INLINE_FRAGMENT
          ? has(s.selectionSet, rest)
          : has(info.fragments[s.name.value]?.selectionSet, rest),
    );
  return info.fieldNodes.some((n) => has(n.selectionSet, path));
}

/** A COUNT is not free: only when asked for. */
const wantsCount = (info: GraphQLResolveInfo) => selects(info, ['totalCount']);

/**
 * Attaches the awarded worker to a job. Jobs get their workers in the query (pages join them
 * in) rather than from a @ResolveField, whose per-row pass through Nest's pipeline cost more
 * than the query on a 50-job page.
 */
async function withWorkers(jobs: Job[], ctx: GqlContext): Promise<void> {
  const workers = await ctx.loaders.worker.loadMany(
    jobs.map((j) => j.workerAddress).filter((a): a is string => a !== null),
  );
  const by = new Map(
    workers.filter((w): w is Worker => w !== null && !(w instanceof Error)).map((w) => [w.address, w]),
  );
  for (const j of jobs) j.worker = j.workerAddress === null ? null : (by.get(j.workerAddress) ?? null);
}
const { Inject } = common;

export const INGEST_STATUS = Symbol('INGEST_STATUS');

export interface Loaders {
  worker: DataLoader<string, Worker | null>;
  evidence: DataLoader<string, ReputationEvidence[]>;
  jobEvents: DataLoader<string, JobEvent[]>;
}
export interface GqlContext {
  q: MarketQueries;
  db: DeadlineDb;
  loaders: Loaders;
  reply?: FastifyReply;
}

export function createLoaders(q: MarketQueries): Loaders {
  return {
    worker: new DataLoader((addresses) => q.workersByAddress(addresses)),
    evidence: new DataLoader((workers) => q.evidenceByWorker(workers)),
    jobEvents: new DataLoader((ids) => q.eventsByJob(ids)),
  };
}

@Resolver(() => Job)
export class JobResolver {
  @Query(() => Job, { nullable: true, description: 'A job by its on-chain id' })
  async job(@valid(JobArgs) args: JobArgs, @Info() info: GraphQLResolveInfo, @Context() ctx: GqlContext) {
    const job = await ctx.q.job(args.id);
    if (job && selects(info, ['worker'])) await withWorkers([job], ctx);
    return job;
  }

  @Query(() => JobConnection, { description: 'Jobs, filtered and ordered, as a cursor connection' })
  jobs(@valid(JobsArgs) args: JobsArgs, @Info() info: GraphQLResolveInfo, @Context() ctx: GqlContext) {
    return ctx.q.jobs(args, wantsCount(info), selects(info, ['edges', 'node', 'worker']));
  }

  @ResolveField(() => [JobEvent], {
    description: 'The job’s on-chain events in chain order, with their transactions (its timeline)',
  })
  events(@Parent() job: Job, @Context() ctx: GqlContext) {
    return ctx.loaders.jobEvents.load(job.id);
  }

  @Query(() => MarketOverview, { description: 'Jobs by state and the STRK the market moved, all time' })
  marketOverview(@Context() ctx: GqlContext) {
    return ctx.q.overview();
  }

  @Query(() => [BlockBucket], {
    description: 'Jobs created and volume paid over equal block ranges, first job to the cursor',
  })
  blockActivity(@valid(BlockActivityArgs) args: BlockActivityArgs, @Context() ctx: GqlContext) {
    return ctx.q.blockActivity(args.buckets);
  }
}

@Resolver(() => Worker)
export class WorkerResolver {
  @Query(() => Worker, { nullable: true })
  worker(@valid(AddressArgs) args: AddressArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.worker.load(normalizeAddress(args.address));
  }

  @Query(() => WorkerConnection, { description: 'Workers, highest score or stake first' })
  workers(
    @valid(WorkersArgs) args: WorkersArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: GqlContext,
  ) {
    return ctx.q.workers(args, wantsCount(info));
  }

  @Query(() => SlashConnection, { description: 'Slashes, newest first' })
  slashes(
    @valid(WorkerEventsArgs) args: WorkerEventsArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: GqlContext,
  ) {
    return ctx.q.slashes(args, wantsCount(info));
  }

  @Query(() => StakeEventConnection, { description: 'Stake and collateral movements, newest first' })
  stakeEvents(
    @valid(WorkerEventsArgs) args: WorkerEventsArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: GqlContext,
  ) {
    return ctx.q.stakeEvents(args, wantsCount(info));
  }

  @Query(() => [MarketDay], { description: 'Daily market statistics over [from, to]' })
  marketStats(@valid(MarketStatsArgs) args: MarketStatsArgs, @Context() ctx: GqlContext) {
    const from = Date.parse(`${args.from}T00:00:00Z`);
    const to = Date.parse(`${args.to}T00:00:00Z`);
    if (Number.isNaN(from) || Number.isNaN(to)) throw badInput('from and to must be real calendar dates');
    if (to < from) throw badInput('to must not be before from');
    if ((to - from) / 86_400_000 > MAX_RANGE_DAYS) throw badInput(`at most ${MAX_RANGE_DAYS} days per query`);
    return ctx.q.marketStats(args.from, args.to);
  }
}

@Resolver(() => Reputation)
export class ReputationResolver {
  @ResolveField(() => [ReputationEvidence], {
    description: 'The ReputationUpdated events the score comes from, oldest first',
  })
  evidence(@Parent() rep: Reputation, @Context() ctx: GqlContext) {
    return ctx.loaders.evidence.load(rep.worker);
  }
}

@Resolver(() => IndexerStatus)
export class StatusResolver {
  constructor(@Inject(INGEST_STATUS) private readonly status: IngestStatus) {}

  @Query(() => IndexerStatus, { description: 'How far the indexer has read' })
  indexerStatus() {
    return { head: this.status.head, cursor: this.status.cursor, caughtUp: this.status.caughtUp };
  }
}

export const RESOLVERS = [JobResolver, WorkerResolver, ReputationResolver, StatusResolver];
