/**
 * The Subscription type: a job's updates, the updates of jobs matching a filter, and the
 * committed head. Each returns a channel of the process's LiveHub; graphql-ws (ws-server.ts)
 * carries them. Arguments are validated by the same pipes as the queries.
 */
import 'reflect-metadata';
import { JobUpdatedArgs, JobsChangedArgs } from '../graphql/args';
import { HeadBlock, JobUpdate } from '../graphql/models';
import { valid } from '../graphql/validate-args';
import { common, gql } from '../nest';
import type { LiveHub } from './live-hub';

const { Resolver, Subscription } = gql;
const { Inject } = common;

export const LIVE_HUB = Symbol('LIVE_HUB');

/** A subscription whose answer is what the hub pushes, as it is. */
const pushed = (type: () => object, description: string) =>
  Subscription(type, { resolve: <T>(payload: T) => payload, description });

@Resolver()
export class SubscriptionResolver {
  constructor(@Inject(LIVE_HUB) private readonly hub: LiveHub) {}

  @pushed(() => JobUpdate, 'Each committed change of one job (and its state after a reorg)')
  jobUpdated(@valid(JobUpdatedArgs) args: JobUpdatedArgs) {
    return this.hub.jobUpdates({ id: args.id, sinceBlock: args.sinceBlock });
  }

  @pushed(
    () => JobUpdate,
    'Committed changes of jobs matching the filter; a job leaving it comes once with matchesFilter false',
  )
  jobsChanged(@valid(JobsChangedArgs) args: JobsChangedArgs) {
    return this.hub.jobUpdates({ filter: args.filter, sinceBlock: args.sinceBlock });
  }

  @pushed(
    () => HeadBlock,
    'The committed head now, then each new one; a reorg sends its fork point with rolledBackFrom',
  )
  headBlock() {
    return this.hub.heads();
  }
}
