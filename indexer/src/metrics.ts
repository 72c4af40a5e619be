/**
 * Prometheus metrics of the indexer, on their own registry (tests run several indexers in one
 * process). Names carry their unit.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class IndexerMetrics {
  readonly registry = new Registry();
  readonly headBlock = new Gauge({
    name: 'indexer_head_block',
    help: 'Newest block of the chain',
    registers: [this.registry],
  });
  readonly cursorBlock = new Gauge({
    name: 'indexer_cursor_block',
    help: 'Last block in the projections',
    registers: [this.registry],
  });
  readonly lagBlocks = new Gauge({
    name: 'indexer_lag_blocks',
    help: 'Blocks between the head and the cursor',
    registers: [this.registry],
  });
  readonly lagSeconds = new Gauge({
    name: 'indexer_lag_seconds',
    help: 'Block-timestamp difference between the head and the cursor',
    registers: [this.registry],
  });
  readonly eventsIngested = new Counter({
    name: 'indexer_events_ingested_total',
    help: 'Events written to the database',
    labelNames: ['contract'] as const,
    registers: [this.registry],
  });
  readonly rollbacks = new Counter({
    name: 'indexer_rollbacks_total',
    help: 'Reorgs rolled back',
    registers: [this.registry],
  });
  readonly rolledBackBlocks = new Counter({
    name: 'indexer_rolled_back_blocks_total',
    help: 'Blocks undone by reorgs',
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'indexer_ingest_errors_total',
    help: 'Failed ingest steps (database or RPC unreachable, chain moved mid-chunk), each retried',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly chunkSeconds = new Histogram({
    name: 'indexer_chunk_seconds',
    help: 'Time to read, project and commit one chunk',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** As /metrics serves it. */
  readonly source = { contentType: this.registry.contentType, text: () => this.registry.metrics() };

  constructor(defaults = false) {
    if (defaults) collectDefaultMetrics({ register: this.registry });
  }
}
