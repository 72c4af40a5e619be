/**
 * Prometheus metrics of the indexer, on their own registry (tests run several indexers in one
 * process). Names carry their unit.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** A gauge on `registry`. */
export function gaugeOn(registry: Registry, name: string, help: string): Gauge {
  return new Gauge({ name, help, registers: [registry] });
}

/** A counter on `registry`, with these labels. */
export function counterOn<L extends string = string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): Counter<L> {
  return new Counter<L>({ name, help, labelNames, registers: [registry] });
}

export class IndexerMetrics {
  readonly registry = new Registry();
  readonly headBlock = this.gauge('indexer_head_block', 'Newest block of the chain');
  readonly cursorBlock = this.gauge('indexer_cursor_block', 'Last block in the projections');
  readonly lagBlocks = this.gauge('indexer_lag_blocks', 'Blocks between the head and the cursor');
  readonly lagSeconds = this.gauge(
    'indexer_lag_seconds',
    'Block-timestamp difference between the head and the cursor',
  );
  readonly eventsIngested = this.counter('indexer_events_ingested_total', 'Events written to the database', [
    'contract',
  ]);
  readonly rollbacks = this.counter('indexer_rollbacks_total', 'Reorgs rolled back');
  readonly rolledBackBlocks = this.counter('indexer_rolled_back_blocks_total', 'Blocks undone by reorgs');
  readonly errors = this.counter(
    'indexer_ingest_errors_total',
    'Failed ingest steps (database or RPC unreachable, chain moved mid-chunk), each retried',
    ['kind'],
  );
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

  private gauge(name: string, help: string): Gauge {
    return gaugeOn(this.registry, name, help);
  }

  private counter<L extends string = string>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
  ): Counter<L> {
    return counterOn(this.registry, name, help, labelNames);
  }
}
