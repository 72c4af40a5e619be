/**
 * Health (the process answers), readiness (503 until the indexer has caught up with the chain
 * head, and while ingest is failing) and Prometheus metrics, as plain routes on the Fastify
 * instance beside GraphQL.
 */
import type { FastifyInstance } from 'fastify';
import type { IngestStatus } from './ingest/ingestor';
/** Where /metrics comes from: the local registry, or the ingest process's (HTTP workers). */
export interface MetricsSource {
  contentType: string;
  text(): Promise<string> | string;
}

export function registerHttpRoutes(app: FastifyInstance, status: IngestStatus, metrics: MetricsSource): void {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_req, reply) => {
    const ready = status.caughtUp && status.lastError === null && status.fatal === null;
    reply.code(ready ? 200 : 503);
    return {
      ready,
      head: status.head,
      cursor: status.cursor,
      lastError: status.lastError,
      fatal: status.fatal,
    };
  });
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', metrics.contentType);
    return metrics.text();
  });
}
