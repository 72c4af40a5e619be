/**
 * The context of one subscription: it lives as long as the subscription, so it has no request
 * deadline (each statement still has the pool's statement_timeout), and its loaders are made
 * anew for each committed block instead of caching rows for the subscription's whole life.
 */
import type { DataSource } from 'typeorm';
import type { GraphqlLimits } from '../graphql/limits';
import { MarketQueries } from '../graphql/market-queries';
import { DeadlineDb } from '../graphql/request-db';
import { type GqlContext, type Loaders, createLoaders } from '../graphql/resolvers';
import type { LiveHub } from './live-hub';

export function subscriptionContext(ds: DataSource, hub: LiveHub, limits: GraphqlLimits): GqlContext {
  const db = new DeadlineDb(ds, Number.POSITIVE_INFINITY, limits.requestTimeoutMs);
  const q = new MarketQueries(db);
  let gen = -1;
  let loaders: Loaders | undefined;
  return {
    q,
    db,
    get loaders() {
      if (!loaders || gen !== hub.generation) {
        loaders = createLoaders(q);
        gen = hub.generation;
      }
      return loaders;
    },
  };
}
