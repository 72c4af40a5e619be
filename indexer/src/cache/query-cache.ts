/**
 * The per-block query cache: answers keyed by (head block, normalized query, operation name,
 * variables), bounded in bytes. The data changes only when ingest commits a block or rolls one
 * back; each of those is a new generation, which empties the cache. An answer computed while the
 * generation moved is not stored: it may hold either block's rows.
 *
 * Least recently used entries go first when the bound is reached; one answer may take at most an
 * eighth of the bound, so a single large page cannot flush everything else.
 */
import type { Counter, Gauge, Registry } from 'prom-client';
import { counterOn, gaugeOn } from '../metrics';

export class QueryCacheMetrics {
  readonly hits: Counter;
  readonly misses: Counter;
  readonly evictions: Counter;
  readonly invalidations: Counter<'reason'>;
  readonly bytes: Gauge;
  readonly entries: Gauge;

  constructor(registry: Registry) {
    this.hits = counterOn(
      registry,
      'indexer_query_cache_hits_total',
      'GraphQL answers served from the per-block cache',
    );
    this.misses = counterOn(
      registry,
      'indexer_query_cache_misses_total',
      'Cacheable GraphQL requests that had to run',
    );
    this.evictions = counterOn(
      registry,
      'indexer_query_cache_evictions_total',
      'Answers dropped to stay under the memory bound',
    );
    this.invalidations = counterOn(
      registry,
      'indexer_query_cache_invalidations_total',
      'Times the cache was emptied: a new committed head, or a rollback',
      ['reason'] as const,
    );
    this.bytes = gaugeOn(registry, 'indexer_query_cache_bytes', 'Bytes of keys and answers held');
    this.entries = gaugeOn(registry, 'indexer_query_cache_entries', 'Answers held');
  }
}

export class QueryCache {
  private readonly map = new Map<string, Buffer>();
  private size = 0;
  private gen = 0;

  constructor(
    readonly maxBytes: number,
    private readonly metrics?: QueryCacheMetrics,
  ) {}

  get generation(): number {
    return this.gen;
  }

  get bytes(): number {
    return this.size;
  }

  get entries(): number {
    return this.map.size;
  }

  /** The bytes an entry is charged: its key (UTF-16 in the Map) and its body. */
  static cost(key: string, body: Buffer): number {
    return key.length * 2 + body.length;
  }

  get(key: string): Buffer | undefined {
    const body = this.map.get(key);
    if (body === undefined) {
      this.metrics?.misses.inc();
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.map.delete(key);
    this.map.set(key, body);
    this.metrics?.hits.inc();
    return body;
  }

  /** Stores `body` if the generation it was computed in is still the current one. */
  set(key: string, body: Buffer, generation: number): boolean {
    if (generation !== this.gen || this.maxBytes === 0) return false;
    const cost = QueryCache.cost(key, body);
    if (cost > this.maxBytes / 8) return false;
    const old = this.map.get(key);
    if (old !== undefined) {
      this.size -= QueryCache.cost(key, old);
      this.map.delete(key);
    }
    this.map.set(key, body);
    this.size += cost;
    for (const [k, b] of this.map) {
      if (this.size <= this.maxBytes) break;
      this.map.delete(k);
      this.size -= QueryCache.cost(k, b);
      this.metrics?.evictions.inc();
    }
    this.report();
    return true;
  }

  /** A new committed head or a rollback: nothing held describes the index any more. */
  invalidate(reason: 'head' | 'rollback'): void {
    this.gen++;
    this.map.clear();
    this.size = 0;
    this.metrics?.invalidations.inc({ reason });
    this.report();
  }

  private report(): void {
    this.metrics?.bytes.set(this.size);
    this.metrics?.entries.set(this.map.size);
  }
}

/** JSON with object keys sorted: the same variables always give the same key. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}
