/**
 * Builds the HTTP side of the indexer: a NestJS application on Fastify with the GraphQL module
 * (over its own bounded pool) and the health, readiness and metrics routes, which touch no
 * database and so never wait behind GraphQL.
 */
import type { INestApplication } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import type { Server } from 'node:http';
import { type GraphqlOptions, IndexerGraphqlModule } from './graphql/graphql.module';
import type { LiveHub } from './live/live-hub';
import { subscriptionContext } from './live/subscription-context';
import { LIVE_HUB, SubscriptionResolver } from './live/subscription.resolver';
import type { Registry } from 'prom-client';
import { installQueryCache } from './cache/http-cache';
import { QueryCache, QueryCacheMetrics } from './cache/query-cache';
import { QueryNormalizer } from './cache/query-normalizer';
import type { LiveLimits } from './live/live-limits';
import { attachSubscriptionServer } from './live/ws-server';
import { installHttpGuard } from './graphql/http-guard';
import { registerExplorerRoutes } from './explorer-routes';
import { registerHttpRoutes } from './http-routes';
import type { IngestStatus } from './ingest/ingestor';
import type { MetricsSource } from './http-routes';
import { common, core, fastifyPlatform, gql } from './nest';

/**
 * Errors thrown in resolvers and argument pipes go back to GraphQL as they are, and the error
 * formatter logs them once (graphql/error-format.ts): without this, Nest's default handler
 * logs each one at ERROR with its stack, a user's typo included.
 */
class GraphqlErrorPassThrough {
  catch(exception: unknown): unknown {
    return exception;
  }
}
common.Catch()(GraphqlErrorPassThrough);

export interface IndexerAppOptions extends GraphqlOptions {
  /** The process's view of ingest commits: what subscriptions and the query cache follow. */
  hub: LiveHub;
  live: LiveLimits;
  /** The per-block query cache's bound (0: off) and where its counters go. */
  cache: { maxBytes: number; registry: Registry };
}

/** The app, initialised (call listen), with subscriptions on its HTTP server. */
export async function createIndexerApp(
  apiDs: DataSource,
  status: IngestStatus,
  metrics: MetricsSource,
  opts: IndexerAppOptions,
): Promise<INestApplication> {
  const { FastifyAdapter } = fastifyPlatform();
  // The query's own cap is checked with its message by the guard; the body may add variables.
  const adapter = new FastifyAdapter({ bodyLimit: opts.limits.maxQueryBytes + 65_536 });
  await installHttpGuard(adapter.getInstance() as unknown as FastifyInstance, opts.limits);
  if (opts.cache.maxBytes > 0)
    installQueryCache(
      adapter.getInstance() as unknown as FastifyInstance,
      new QueryCache(opts.cache.maxBytes, new QueryCacheMetrics(opts.cache.registry)),
      new QueryNormalizer(opts.limits.maxTokens),
      opts.hub,
    );
  const app = await core().NestFactory.create(
    IndexerGraphqlModule.forRoot(apiDs, status, {
      ...opts,
      providers: [{ provide: LIVE_HUB, useValue: opts.hub }, SubscriptionResolver],
    }),
    adapter,
    {
      logger: ['error', 'warn'],
    },
  );
  app.useGlobalFilters(new GraphqlErrorPassThrough());
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  registerHttpRoutes(fastify, status, metrics);
  registerExplorerRoutes(fastify);
  await app.init();
  const ws = attachSubscriptionServer(app.getHttpServer() as Server, {
    schema: app.get(gql.GraphQLSchemaHost).schema,
    limits: opts.limits,
    live: opts.live,
    context: () => subscriptionContext(apiDs, opts.hub, opts.limits),
    log: opts.log.child({ part: 'subscriptions' }),
  });
  fastify.addHook('onClose', async () => ws.close());
  return app;
}
