/**
 * Builds the HTTP side of the indexer: a NestJS application on Fastify with the GraphQL module
 * (over its own bounded pool) and the health, readiness and metrics routes, which touch no
 * database and so never wait behind GraphQL.
 */
import type { INestApplication } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import { type GraphqlOptions, IndexerGraphqlModule } from './graphql/graphql.module';
import { installHttpGuard } from './graphql/http-guard';
import { registerHttpRoutes } from './http-routes';
import type { IngestStatus } from './ingest/ingestor';
import type { MetricsSource } from './http-routes';
import { common, core, fastifyPlatform } from './nest';

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

export async function createIndexerApp(
  apiDs: DataSource,
  status: IngestStatus,
  metrics: MetricsSource,
  opts: GraphqlOptions,
): Promise<INestApplication> {
  const { FastifyAdapter } = fastifyPlatform();
  // The query's own cap is checked with its message by the guard; the body may add variables.
  const adapter = new FastifyAdapter({ bodyLimit: opts.limits.maxQueryBytes + 65_536 });
  await installHttpGuard(adapter.getInstance() as unknown as FastifyInstance, opts.limits);
  const app = await core().NestFactory.create(IndexerGraphqlModule.forRoot(apiDs, status, opts), adapter, {
    logger: ['error', 'warn'],
  });
  app.useGlobalFilters(new GraphqlErrorPassThrough());
  registerHttpRoutes(app.getHttpAdapter().getInstance() as FastifyInstance, status, metrics);
  return app;
}
