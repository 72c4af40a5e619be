import { Registry } from 'prom-client';
import { QueryCache, QueryCacheMetrics, stableJson } from './query-cache';
import { QueryNormalizer } from './query-normalizer';

const body = (n: number) => Buffer.alloc(n, 'x');

test('a stored answer is served until the generation moves; an answer from an older generation is not stored', () => {
  const cache = new QueryCache(1 << 20);
  const g = cache.generation;
  expect(cache.set('k', body(10), g)).toBe(true);
  expect(cache.get('k')).toEqual(body(10));
  cache.invalidate('head');
  expect(cache.get('k')).toBeUndefined();
  expect(cache.set('k', body(10), g)).toBe(false);
  expect(cache.entries).toBe(0);
  cache.set('k', body(10), cache.generation);
  cache.invalidate('rollback');
  expect(cache.get('k')).toBeUndefined();
  expect(cache.bytes).toBe(0);
});

test('memory stays under the bound: least recently used answers go first, oversized ones are refused', async () => {
  const registry = new Registry();
  const cache = new QueryCache(8_000, new QueryCacheMetrics(registry));
  const g = cache.generation;
  for (let i = 0; i < 200; i++) {
    cache.set(`key-${i}`, body(100 + (i % 7) * 50), g);
    expect(cache.bytes).toBeLessThanOrEqual(8_000);
    if (i % 3 === 0) cache.get('key-0'); // kept warm
  }
  expect(cache.get('key-0')).toBeDefined();
  expect(cache.get('key-1')).toBeUndefined();
  expect(cache.set('huge', body(2_000), g)).toBe(false); // over an eighth of the bound
  const text = await registry.metrics();
  expect(text).toMatch(/indexer_query_cache_evictions_total \d{2,}/);
  expect(Number(/indexer_query_cache_bytes (\d+)/.exec(text)![1])).toBe(cache.bytes);
});

test('variables give the same key in any key order; queries normalize through a parse, live fields are never cached', () => {
  expect(stableJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
    stableJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
  );
  const n = new QueryNormalizer(1_000);
  expect(n.normalize('{ job(id: "1") { id } }')).toBe(
    n.normalize('query {\n  job(id:"1"){id}  # comment\n}'),
  );
  expect(n.normalize('{ indexerStatus { head } }')).toBeNull();
  expect(n.normalize('subscription { headBlock { number } }')).toBeNull();
  expect(n.normalize('{ job(')).toBeNull();
  expect(n.normalize('query A { job(id: "1") { id } } query B { job(id: "2") { id } }')).toBeNull();
});
