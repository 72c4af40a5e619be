/**
 * The per-block query cache in a real indexer process following a chain that grows and forks
 * under it: a repeated query is answered from memory (the same bytes, `cairn-cache: hit`,
 * counted in /metrics); a new committed head and a rollback each invalidate it, so the next
 * answer is the new block's; memory stays under its bound however many distinct queries come.
 */
import { waitFor } from './support/indexer-process';
import { liveIndexerForFile } from './support/live-indexer';
import { address } from './support/market-script';

const E = 10n ** 18n;
const CACHE_BYTES = 64 * 1024;

const live = liveIndexerForFile({
  INDEXER_QUERY_CACHE_BYTES: String(CACHE_BYTES),
  INDEXER_RATE_LIMIT_PER_MINUTE: '0',
});
async function post(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(`http://127.0.0.1:${live.indexer.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { cache: res.headers.get('cairn-cache'), text: await res.text(), status: res.status };
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${live.indexer.port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name + ' ') || l.startsWith(name + '{'));
  return line ? Number(line.split(' ').at(-1)) : NaN;
}

async function waitCursor(block: number): Promise<void> {
  await live.waitCommitted(block, 60_000);
  // The HTTP side hears of the commit just after it: wait for the head it serves.
  await waitFor(`served head ${block}`, async () =>
    (await metric('indexer_cursor_block')) === block ? true : undefined,
  );
}

const JOB8 = 'query Job($id: ID!) { job(id: $id) { id status workerAddress updatedBlock } }';

test('a repeated query is a hit with the same answer; a new committed head invalidates it', async () => {
  const first = await post(JOB8, { id: '8' });
  expect(first.cache).toBe('miss');
  expect(JSON.parse(first.text)).toEqual({
    data: { job: { id: '8', status: 'Open', workerAddress: null, updatedBlock: live.chain.height - 1 } },
  });
  const hits = await metric('indexer_query_cache_hits_total');
  const second = await post(JOB8, { id: '8' });
  expect(second).toEqual({ ...first, cache: 'hit' });
  // The same query written differently is the same entry.
  expect(
    (
      await post(`query Job($id: ID!) {\n job(id: $id) {\n id status workerAddress updatedBlock } }`, {
        id: '8',
      })
    ).cache,
  ).toBe('hit');
  expect(await metric('indexer_query_cache_hits_total')).toBe(hits + 2);
  expect((await post(JOB8, { id: '7' })).cache).toBe('miss');

  live.chain.extend((s) => {
    s.award(8, address('alice'), 1n * E);
    s.mine();
  });
  await waitCursor(live.chain.height - 1);
  const after = await post(JOB8, { id: '8' });
  expect(after.cache).toBe('miss');
  expect(JSON.parse(after.text).data.job).toEqual({
    id: '8',
    status: 'Awarded',
    workerAddress: address('alice'),
    updatedBlock: live.chain.height - 1,
  });
  expect(await metric('indexer_query_cache_invalidations_total{reason="head"}')).toBeGreaterThanOrEqual(1);
});

test('a rollback invalidates: the next answer is the rolled-back state', async () => {
  const keep = live.chain.stepCount;
  const forkAt = live.chain.height;
  live.chain.extend((s) => {
    s.accept(8);
    s.mine();
  });
  await waitCursor(live.chain.height - 1);
  expect((await post(JOB8, { id: '8' })).cache).toBe('miss');
  const held = await post(JOB8, { id: '8' });
  expect(held.cache).toBe('hit');
  expect(JSON.parse(held.text).data.job.status).toBe('Accepted');

  live.chain.fork(forkAt, keep, (s) => s.advance(1));
  await waitFor('the rollback', async () =>
    (await metric('indexer_query_cache_invalidations_total{reason="rollback"}')) >= 1 ? true : undefined,
  );
  await waitCursor(live.chain.height - 1);
  const back = await post(JOB8, { id: '8' });
  expect(back.cache).toBe('miss');
  expect(JSON.parse(back.text).data.job.status).toBe('Awarded');
});

test('memory stays under the bound across many distinct queries; answers with errors and live fields are not cached', async () => {
  for (let i = 0; i < 300; i++) {
    const r = await post(
      'query Jobs($first: Int!, $after: String) { jobs(first: $first, after: $after) { edges { node { id status budget poster } } } }',
      {
        first: 1 + (i % 100),
        after: i < 100 ? undefined : Buffer.from(JSON.stringify([String(i)])).toString('base64url'),
      },
    );
    expect(r.status).toBe(200);
  }
  const bytes = await metric('indexer_query_cache_bytes');
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThanOrEqual(CACHE_BYTES);
  expect(await metric('indexer_query_cache_evictions_total')).toBeGreaterThan(0);

  const bad = '{ job(id: "x") { id } }';
  expect((await post(bad)).cache).toBe('miss');
  expect((await post(bad)).cache).toBe('miss');
  const status = '{ indexerStatus { head cursor } }';
  expect((await post(status)).cache).toBeNull();
});
