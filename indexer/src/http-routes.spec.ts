import Fastify from 'fastify';
import { registerHttpRoutes } from './http-routes';
import type { IngestStatus } from './ingest/ingestor';
import { IndexerMetrics } from './metrics';

describe('health, readiness and metrics routes', () => {
  const status: IngestStatus = { head: 100, cursor: 40, caughtUp: false, lastError: null, fatal: null };
  const metrics = new IndexerMetrics();
  const app = Fastify();
  registerHttpRoutes(app, status, metrics.source);
  let base = '';
  beforeAll(async () => {
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());
  const get = async (path: string) => {
    const res = await fetch(base + path);
    return { statusCode: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  };

  it('answers 503 until the indexer has caught up, and while ingest is failing', async () => {
    expect((await get('/health')).statusCode).toBe(200);
    const behind = await get('/ready');
    expect(behind.statusCode).toBe(503);
    expect(JSON.parse(behind.body)).toMatchObject({ ready: false, head: 100, cursor: 40 });
    Object.assign(status, { caughtUp: true, cursor: 100 });
    expect((await get('/ready')).statusCode).toBe(200);
    status.lastError = 'database: connect ECONNREFUSED';
    const failing = await get('/ready');
    expect(failing.statusCode).toBe(503);
    expect(JSON.parse(failing.body).lastError).toMatch(/ECONNREFUSED/);
  });

  it('exposes lag, ingest counts and rollbacks in the Prometheus format', async () => {
    metrics.lagBlocks.set(3);
    metrics.lagSeconds.set(36);
    metrics.eventsIngested.inc({ contract: 'market' }, 5);
    metrics.rollbacks.inc();
    const res = await get('/metrics');
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toMatch(/^indexer_lag_blocks 3$/m);
    expect(res.body).toMatch(/^indexer_lag_seconds 36$/m);
    expect(res.body).toMatch(/^indexer_events_ingested_total\{contract="market"\} 5$/m);
    expect(res.body).toMatch(/^indexer_rollbacks_total 1$/m);
  });
});
