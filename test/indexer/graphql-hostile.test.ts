/**
 * The GraphQL endpoint attacked from a plain HTTP client (fetch, not a GraphQL library): hostile
 * documents generated in sweeps up to and past each cap — fragment cycles direct and through
 * fields, doubling fragment chains, alias, directive and COUNT floods, out-of-range `first`
 * from literals and variables under @skip/@include, deep introspection, bodies that are not a
 * GraphQL request. Each is refused with its code or answered correctly, and the guard's own
 * account of its work (the `cairn-graphql-work` header: fragments analysed, selections visited,
 * cost) is checked against the document's size — never a clock. /health is probed throughout.
 */
import { getIntrospectionQuery } from 'graphql';
import { Client } from 'pg';
import { TestPg, saveScriptedHistory } from './support/harness';
import {
  aliasFlood,
  countFlood,
  deepIntrospection,
  directiveFlood,
  doublingChain,
  fragmentCycle,
  fragmentsWritten,
  pagePlacements,
  selectionsWritten,
} from './support/hostile-documents';
import {
  type IndexerProcess,
  spawnIndexer,
  stopIndexer,
  waitReady,
  withIndexer,
} from './support/indexer-process';

interface Work {
  fragmentsAnalysed: number;
  selectionsVisited: number;
  fragmentLookups: number;
  cost: number;
}
interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  work: Work | null;
}

const POOL = 3;
let pg: TestPg;
let replay: string;
let url: string;
let indexer: IndexerProcess;

async function send(p: IndexerProcess, body: string, contentType = 'application/json'): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${p.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  const work = res.headers.get('cairn-graphql-work');
  return {
    status: res.status,
    body: (await res.json()) as Answer['body'],
    work: work ? (JSON.parse(work) as Work) : null,
  };
}
/** The scripted history on this file's database, and an indexer of the test's own settings over it. */
const historyEnv = () => ({ INDEXER_RPC_URL: `replay:${replay}`, DATABASE_URL: url });
const ownIndexer = (env: Record<string, string>, fn: (p: IndexerProcess) => Promise<void>) =>
  withIndexer({ ...historyEnv(), ...env }, fn);

const ask = (query: string, variables?: Record<string, unknown>) =>
  send(indexer, JSON.stringify({ query, variables }));
const codes = (a: Answer) => (a.body.errors ?? []).map((e) => e.extensions?.code);

/** Probes /health every few ms until stopped: how many answered 200, how many did not. */
function probeHealth(p: IndexerProcess) {
  let ok = 0;
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const r = await fetch(`http://127.0.0.1:${p.port}/health`).catch((e: Error) => e);
      if (r instanceof Response && r.status === 200) ok++;
      else failures.push(r instanceof Response ? `HTTP ${r.status}` : r.message);
      await new Promise((res) => setTimeout(res, 5));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { ok, failures };
  };
}

beforeAll(async () => {
  pg = await TestPg.start();
  replay = saveScriptedHistory(pg.dir);
  const db = await pg.database();
  url = db.url;
  await db.ds.destroy();
  indexer = await spawnIndexer({
    ...historyEnv(),
    INDEXER_RATE_LIMIT_PER_MINUTE: '0',
    INDEXER_GRAPHQL_POOL_SIZE: String(POOL),
  });
  await waitReady(indexer);
});

afterAll(async () => {
  if (indexer) await stopIndexer(indexer);
  await pg?.stop();
});

test('fragment cycles, direct and through 0 to 7 fields, are refused after one look at each fragment', async () => {
  for (const length of [1, 2, 3, 8])
    for (const depth of [0, 1, 3, 7]) {
      const doc = fragmentCycle(length, depth);
      const a = await ask(doc);
      expect([a.status, codes(a)[0]]).toEqual([400, 'FRAGMENT_CYCLE']);
      expect(a.body.data ?? null).toBeNull();
      expect(a.work!.fragmentsAnalysed).toBe(length);
      expect(a.work!.selectionsVisited).toBeLessThanOrEqual(selectionsWritten(doc));
    }
});

test('doubling fragment chains: linear work up to the spread cap, answered while cheap, refused by cost then by count', async () => {
  for (let n = 1; n <= 26; n++) {
    const doc = doublingChain(n);
    const a = await ask(doc);
    // Every body walked once and every written selection at most once, whatever 2^n is.
    expect(a.work!.fragmentsAnalysed).toBe(fragmentsWritten(doc));
    expect(a.work!.selectionsVisited).toBeLessThanOrEqual(selectionsWritten(doc));
    expect(a.work!.fragmentLookups).toBeLessThanOrEqual(3 * fragmentsWritten(doc));
    // 2^n ids on one row, a row of jobs, its edges, node, one page query.
    expect(a.work!.cost).toBe(1 + 1 + (1 + 2 ** n) + 50);
    if (2 * n + 1 > 50) expect(codes(a)).toContain('TOO_MANY_FRAGMENT_SPREADS');
    if (a.work!.cost > 10_000) {
      expect([a.status, codes(a)]).toEqual([400, expect.arrayContaining(['QUERY_TOO_COSTLY'])]);
    } else {
      expect(a.status).toBe(200);
      expect(a.body.data).toEqual({ jobs: { edges: [{ node: { id: '8' } }] } });
    }
  }
  // Aliases doubling through the chain are counted in the same linear time.
  const aliased = await ask(doublingChain(12, 'a: id b: id'));
  expect(codes(aliased)).toEqual(expect.arrayContaining(['TOO_MANY_ALIASES']));
  expect(aliased.work!.fragmentsAnalysed).toBe(13);
});

test('alias and directive floods are refused past 20, and past the token cap by the parser', async () => {
  for (const k of [1, 20, 21, 100, 400, 600, 2000]) {
    const doc = aliasFlood(k);
    const a = await ask(doc);
    if (k <= 20) expect(a.body.data!.a0).toEqual({ head: expect.any(Number) });
    else if (Buffer.byteLength(doc) > 16_384)
      expect([a.status, codes(a)]).toEqual([413, ['QUERY_TOO_LARGE']]);
    else if (k * 6 + 2 <= 3000) expect(codes(a)).toEqual(['TOO_MANY_ALIASES']);
    else expect(a.body.errors![0]!.message).toMatch(/more tha\w? 3000 tokens/);
    if (k > 20) expect(a.status).toBeGreaterThanOrEqual(400);
  }
  for (const k of [1, 20, 21, 300]) {
    const a = await ask(directiveFlood(k));
    if (k <= 20) expect(a.status).toBe(200);
    else expect(codes(a)).toContain('TOO_MANY_DIRECTIVES');
  }
  const huge = await ask(`{ ${'__typename '.repeat(2000)} }`);
  expect([huge.status, codes(huge)]).toEqual([413, ['QUERY_TOO_LARGE']]);
});

test('first: negative, zero and huge, literal or variable, skipped or included, is refused before any cost is taken', async () => {
  for (const v of [-2147483648, -1, 0, 101, 2147483647]) {
    for (const doc of pagePlacements(String(v))) {
      const a = await ask(doc);
      expect([a.status, codes(a)]).toEqual([400, ['BAD_USER_INPUT']]);
      expect(a.body.errors![0]!.message).toMatch(/first must not be (less than 1|greater than 100)/);
    }
    for (const doc of pagePlacements('$n')) {
      const a = await ask(doc.replace('{', 'query($n: Int) {'), { n: v });
      expect(a.status).toBe(400);
      expect(a.body.data ?? null).toBeNull();
      expect(a.body.errors![0]!.message).toMatch(/first must not be|Int cannot represent/);
    }
  }
  // A literal past Int32 is refused too (by the guard, before the spec's coercion rule).
  expect(codes(await ask(pagePlacements('99999999999999999999')[1]!))).toContain('BAD_USER_INPUT');
  // A huge negative `first` on a skipped field does not offset an expensive one.
  const heavy = `a: jobs(first: 100) { edges { node { worker { reputation { evidence { jobId } } } } } }`;
  const offset = await ask(`{ ${heavy} b: jobs(first: -100000000) @skip(if: true) { totalCount } }`);
  expect(codes(offset)).toEqual(['BAD_USER_INPUT', 'QUERY_TOO_COSTLY']);
  // In range, from a variable: answered, costed at the cap.
  const ok = await ask(`query($n: Int) { jobs(first: $n) { edges { node { id } } } }`, { n: 3 });
  expect(ok.body).toEqual({
    data: { jobs: { edges: [{ node: { id: '8' } }, { node: { id: '7' } }, { node: { id: '6' } }] } },
  });
  expect(ok.work!.cost).toBe(1 + 1 + 100 * 2 + 50);
});

test('COUNT floods: each totalCount is priced as the COUNT it runs', async () => {
  for (let k = 1; k <= 22; k++) {
    const a = await ask(countFlood(k));
    if (k <= 20) expect(a.work!.cost).toBe(k * (1 + 1 + 50 + 500));
    if (k * 552 <= 10_000) {
      expect(a.status).toBe(200);
      expect(Object.values(a.body.data!)).toEqual(Array.from({ length: k }, () => ({ totalCount: 8 })));
    } else {
      expect(a.status).toBe(400);
      expect(codes(a)).toEqual(expect.arrayContaining([k > 20 ? 'TOO_MANY_ALIASES' : 'QUERY_TOO_COSTLY']));
    }
  }
});

test('introspection: the standard query answers, deeper nesting is refused', async () => {
  const std = await ask(getIntrospectionQuery());
  expect(std.status).toBe(200);
  const types = (std.body.data!.__schema as { types: { name: string }[] }).types.map((t) => t.name);
  expect(types).toEqual(expect.arrayContaining(['Job', 'Worker', 'JobConnection', 'Query']));
  for (const lists of [4, 6, 12]) {
    for (const root of ['__schema', '__type'] as const) {
      const a = await ask(deepIntrospection(lists, root));
      expect(a.status).toBe(400);
      expect(codes(a)).toEqual(expect.arrayContaining(['INTROSPECTION_TOO_DEEP']));
    }
  }
});

test('bodies that are not one GraphQL request get 400 and a GraphQL error, never a server error', async () => {
  const bodies = [
    { query: 5 },
    { query: true },
    { query: {} },
    { query: [] },
    { query: ['{ indexerStatus { head } }'] },
    { query: null },
    { query: '' },
    {},
    { query: '{ indexerStatus { head } }', variables: [1] },
    { query: '{ indexerStatus { head } }', operationName: 7 },
    [{ query: '{ indexerStatus { head } }' }],
    'text',
    42,
    null,
  ];
  for (const b of bodies) {
    const a = await send(indexer, JSON.stringify(b));
    expect([a.status, codes(a)]).toEqual([400, ['BAD_REQUEST']]);
    expect(a.body.errors![0]!.message.length).toBeGreaterThan(10);
  }
  for (const raw of ['{', '{"query": "{ indexerStatus { head } }"', '\u0000']) {
    const a = await send(indexer, raw);
    expect(a.status).toBe(400);
    expect(a.body.errors!.length).toBeGreaterThan(0);
  }
  // A resolver's argument check: answered with its message (and logged without a stack, below).
  const pipe = await ask('{ worker(address: "alice") { address } }');
  expect([pipe.status, codes(pipe)]).toEqual([200, ['BAD_USER_INPUT']]);
  expect(pipe.body.errors![0]!.message).toMatch(/address must be a 0x-prefixed address/);
  const syntax = await ask('{ jobs(');
  expect(syntax.status).toBe(400);
  expect(syntax.body.errors![0]!.message).toMatch(/Syntax Error/);
});

test('all of it at once, 40 at a time: /health answers every probe during and after, the API keeps to its pool share, refusals are logged once without stacks', async () => {
  const docs: [string, Record<string, unknown>?][] = [];
  for (let n = 1; n <= 26; n++) docs.push([doublingChain(n)]);
  for (const l of [1, 2, 8]) for (const d of [0, 3, 7]) docs.push([fragmentCycle(l, d)]);
  for (let k = 1; k <= 22; k++) docs.push([countFlood(k)]);
  for (const k of [20, 21, 400]) docs.push([aliasFlood(k)], [directiveFlood(k)]);
  for (const v of [-1, 0, 101])
    for (const d of pagePlacements('$n')) docs.push([d.replace('{', 'query($n: Int) {'), { n: v }]);
  docs.push([getIntrospectionQuery()], [deepIntrospection(8)]);
  const stop = probeHealth(indexer);
  const statuses: number[] = [];
  for (let round = 0; round < 3; round++)
    for (let i = 0; i < docs.length; i += 40)
      statuses.push(
        ...(await Promise.all(docs.slice(i, i + 40).map(([q, v]) => ask(q, v).then((a) => a.status)))),
      );
  // While the last wave's COUNTs may still be running: the API's connections stay within its share.
  const admin = new Client({ connectionString: url });
  await admin.connect();
  const { rows } = await admin.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'cairn-indexer-graphql'",
  );
  await admin.end();
  expect(rows[0]!.n).toBeLessThanOrEqual(POOL);
  const health = await stop();
  expect(health.failures).toEqual([]);
  expect(health.ok).toBeGreaterThan(0);
  // Answered, refused, or (40 pricey ones at once exceed the cost budget) told to come back.
  expect(statuses.filter((s) => s !== 200 && s !== 400 && s !== 503)).toEqual([]);
  expect((await fetch(`http://127.0.0.1:${indexer.port}/health`)).status).toBe(200);
  expect((await ask('{ jobs { totalCount } }')).body).toEqual({ data: { jobs: { totalCount: 8 } } });
  const log = indexer.output();
  expect(log).toMatch(/GraphQL request refused/);
  expect(log).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack traces
  expect(log).not.toMatch(/ExceptionsHandler/);
});

test('per-IP rate limit and introspection off: 429 with a GraphQL error past the limit, /health unaffected', async () => {
  await ownIndexer({ INDEXER_RATE_LIMIT_PER_MINUTE: '5', INDEXER_INTROSPECTION: 'false' }, async (p) => {
    const intro = await send(p, JSON.stringify({ query: getIntrospectionQuery() }));
    expect(intro.status).toBe(400);
    expect(intro.body.errors![0]!.message).toMatch(/introspection has been disabled/);
    const answers: Answer[] = [];
    for (let i = 0; i < 6; i++)
      answers.push(await send(p, JSON.stringify({ query: '{ indexerStatus { head } }' })));
    // The introspection request was the first of the five.
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 429, 429]);
    expect(codes(answers[4]!)).toEqual(['RATE_LIMITED']);
    expect(answers[4]!.body.errors![0]!.message).toMatch(/5 GraphQL requests a minute per client/);
    for (let i = 0; i < 20; i++) expect((await fetch(`http://127.0.0.1:${p.port}/health`)).status).toBe(200);
  });
});

test('a cost budget per process: past it, 503 with Retry-After at once; the budget comes back as responses close', async () => {
  // A budget of one priciest query: ten of them at once cannot all run.
  await ownIndexer({ INDEXER_RATE_LIMIT_PER_MINUTE: '0', INDEXER_MAX_COST_IN_FLIGHT: '10000' }, async (p) => {
    const body = JSON.stringify({ query: countFlood(18) });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(`http://127.0.0.1:${p.port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }),
      ),
    );
    const texts = await Promise.all(answers.map((r) => r.text()));
    const busy = answers.findIndex((r) => r.status === 503);
    expect(busy).toBeGreaterThanOrEqual(0);
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(answers.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    expect(answers[busy]!.headers.get('retry-after')).toBe('1');
    const err = (JSON.parse(texts[busy]!) as Answer['body']).errors![0]!;
    expect(err.extensions?.code).toBe('BUSY');
    // Every response has closed: the whole budget is free again.
    const again = await send(p, body);
    expect(again.status).toBe(200);
    expect(Object.keys(again.body.data!)).toHaveLength(18);
    expect((await fetch(`http://127.0.0.1:${p.port}/ready`)).status).toBe(200);
  });
});

test('the Apollo driver gets the same document checks', async () => {
  await ownIndexer({ INDEXER_GRAPHQL_DRIVER: 'apollo', INDEXER_RATE_LIMIT_PER_MINUTE: '0' }, async (p) => {
    const post = (query: string) => send(p, JSON.stringify({ query }));
    // Apollo files every validation error under its own code; the messages are ours.
    const messages = async (query: string) =>
      (await post(query)).body.errors!.map((e) => e.message).join('\n');
    expect(await messages(doublingChain(20))).toMatch(/query cost \d+ exceeds the limit of 10000/);
    expect(await messages(fragmentCycle(3, 3))).toMatch(/fragment C\d spreads itself/);
    expect(await messages(countFlood(19))).toMatch(/query cost 10488 exceeds/);
    expect(await messages(deepIntrospection(6))).toMatch(/introspection lists nested 6 deep/);
    expect(Buffer.byteLength(aliasFlood(520))).toBeLessThan(16_384);
    expect(await messages(aliasFlood(520))).toMatch(/more tha\w? 3000 tokens/);
    expect([(await send(p, JSON.stringify({ query: 5 }))).status]).toEqual([400]);
    const std = await post(getIntrospectionQuery());
    expect(std.body.errors).toBeUndefined();
    expect((await post('{ jobs { totalCount } }')).body).toEqual({ data: { jobs: { totalCount: 8 } } });
    expect((await fetch(`http://127.0.0.1:${p.port}/health`)).status).toBe(200);
  });
});
