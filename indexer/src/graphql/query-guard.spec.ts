import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import type { GraphqlLimits } from './limits';
import { checkPageVariables, guardDocument } from './query-guard';

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
const LIMITS: GraphqlLimits = {
  maxDepth: 8,
  maxCost: 10_000,
  queryCost: 50,
  countCost: 500,
  maxQueryBytes: 16_384,
  maxTokens: 3_000,
  maxAliases: 20,
  maxDirectives: 20,
  maxFragmentSpreads: 50,
  maxIntrospectionLists: 3,
  introspection: true,
  requestTimeoutMs: 8_000,
  maxCostInFlight: 50_000,
  rateLimitPerMinute: 600,
};
const guard = (q: string, limits: Partial<GraphqlLimits> = {}) =>
  guardDocument(schema, parse(q), { ...LIMITS, ...limits });
const codes = (q: string, limits: Partial<GraphqlLimits> = {}) =>
  guard(q, limits).errors.map((e) => e.extensions.code);

describe('query guard', () => {
  it('prices rows, SQL queries and counts: a page of 50 with workers', () => {
    // jobs: 1 + edges 1 + 50 × (node 1 + id 1 + worker 1 + address 1) = 202 rows,
    // plus one SQL for the page and one for the workers (50 each), plus a COUNT (500).
    const r = guard(`{ jobs(first: 50) { totalCount edges { node { id worker { address } } } } }`);
    expect(r.work.cost).toBe(1 + 1 + 1 + 50 * 4 + 50 + 50 + 500);
    expect(r.errors).toEqual([]);
  });

  it('costs a variable page size at the cap and the default when absent; checks variables', () => {
    const withVar = guard(`query($n: Int) { jobs(first: $n) { edges { node { id } } } }`);
    expect(withVar.work.cost).toBe(1 + 1 + 100 * 2 + 50);
    expect(withVar.analysis.pageVariables).toEqual(['n']);
    expect(guard(`{ jobs { edges { node { id } } } }`).work.cost).toBe(1 + 1 + 20 * 2 + 50);
    expect(checkPageVariables(['n'], { n: 100 })).toEqual([]);
    expect(checkPageVariables(['n'], {})).toEqual([]);
    for (const bad of [0, -5, 101, 1.5, '10', null, 2 ** 53])
      expect(checkPageVariables(['n'], { n: bad }).map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('never lets @skip/@include or a negative first lower the cost', () => {
    const heavy = `a: jobs(first: 100) { edges { node { worker { reputation { evidence { jobId } } } } } }`;
    expect(codes(`{ ${heavy} }`)).toEqual(['QUERY_TOO_COSTLY']);
    expect(codes(`{ ${heavy} b: jobs(first: -1000000) @skip(if: true) { totalCount } }`)).toEqual([
      'BAD_USER_INPUT',
      'QUERY_TOO_COSTLY',
    ]);
    const skipped = guard(`{ jobs(first: 10) @skip(if: true) { totalCount } }`).work.cost;
    expect(skipped).toBe(guard(`{ jobs(first: 10) { totalCount } }`).work.cost);
  });

  it('analyses each fragment once: a doubling chain of 20 is 21 bodies, not 2^20 expansions', () => {
    const defs = ['fragment F0 on Job { id }'];
    for (let i = 1; i <= 20; i++) defs.push(`fragment F${i} on Job { ...F${i - 1} ...F${i - 1} }`);
    const r = guard(`{ jobs(first: 1) { edges { node { ...F20 } } } } ${defs.join(' ')}`);
    expect(r.work.fragmentsAnalysed).toBe(21);
    // Four in the operation, F0's one, two in each of the others.
    expect(r.work.selectionsVisited).toBe(4 + 1 + 2 * 20);
    expect(r.work.cost).toBeGreaterThan(2 ** 20);
    expect(r.errors.map((e) => e.extensions.code)).toEqual(['QUERY_TOO_COSTLY']);
    expect(r.work.fragmentLookups).toBeLessThanOrEqual(3 * 21);
  });

  it('refuses cycles, direct and through fields, without following them', () => {
    expect(codes(`{ job(id: "1") { ...A } } fragment A on Job { id ...A }`)).toContain('FRAGMENT_CYCLE');
    const r =
      guard(`{ job(id: "1") { ...A } } fragment A on Job { worker { reputation { evidence { jobId } } } id ...B }
      fragment B on Job { worker { address } ...A }`);
    expect(r.errors.map((e) => e.extensions.code)).toEqual(['FRAGMENT_CYCLE']);
    expect(r.work.fragmentsAnalysed).toBe(2);
  });

  it('answers the standard introspection query, refuses deep introspection', () => {
    expect(guard(getIntrospectionQuery()).errors).toEqual([]);
    expect(
      codes(`{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`),
    ).toEqual(['INTROSPECTION_TOO_DEEP']);
  });

  it('caps depth, aliases, directives and spreads with their own codes', () => {
    expect(codes(`{ jobs { edges { node { worker { reputation { score } } } } } }`, { maxDepth: 4 })).toEqual(
      ['QUERY_TOO_DEEP'],
    );
    expect(
      guard(`{ jobs { edges { node { worker { reputation { score } } } } } }`, { maxDepth: 4 }).errors[0]!
        .message,
    ).toBe('query depth 6 exceeds the limit of 4');
    const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: indexerStatus { head }`).join(' ');
    expect(codes(`{ ${aliases} }`)).toEqual(['TOO_MANY_ALIASES']);
    const directives = Array.from(
      { length: 21 },
      (_, i) => `a${i}: indexerStatus @include(if: true) { head }`,
    );
    expect(codes(`{ ${directives.slice(0, 20).join(' ')} }`, { maxAliases: 100 })).toEqual(
      ['TOO_MANY_DIRECTIVES'].slice(1),
    );
    expect(codes(`{ ${directives.join(' ')} }`, { maxAliases: 100 })).toEqual(['TOO_MANY_DIRECTIVES']);
    const spreads = Array.from({ length: 51 }, () => '...S').join(' ');
    expect(codes(`{ ${spreads} } fragment S on Query { indexerStatus { head } }`)).toEqual([
      'TOO_MANY_FRAGMENT_SPREADS',
    ]);
  });
});
