/**
 * Builds the HTTP side of the indexer: a NestJS application on Fastify with the GraphQL module
 * and the health, readiness and metrics routes.
 */
import type { INestApplication } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import { type GraphqlOptions, IndexerGraphqlModule } from './graphql/graphql.module';
import { registerHttpRoutes } from './http-routes';
import type { IngestStatus } from './ingest/ingestor';
import type { MetricsSource } from './http-routes';
import { core, fastifyPlatform } from './nest';

export async function createIndexerApp(
  ds: DataSource,
  status: IngestStatus,
  metrics: MetricsSource,
  opts: GraphqlOptions,
): Promise<INestApplication> {
  const { FastifyAdapter } = fastifyPlatform();
  const app = await core().NestFactory.create(
    IndexerGraphqlModule.forRoot(ds, status, opts),
    new FastifyAdapter(),
    {
      logger: ['error', 'warn'],
    },
  );
  registerHttpRoutes(app.getHttpAdapter().getInstance() as FastifyInstance, status, metrics);
  return app;
}
