import { buildSchema, parse, validate } from 'graphql';
import { costLimit, depthLimit } from './query-limits';

const schema = buildSchema(`
  type Evidence { jobId: ID! }
  type Reputation { score: Int! evidence: [Evidence!]! }
  type Worker { address: ID! reputation: Reputation! }
  type Job { id: ID! worker: Worker }
  type JobEdge { node: Job! }
  type JobConnection { edges: [JobEdge!]! totalCount: Int! }
  type Query { jobs(first: Int): JobConnection! job(id: ID!): Job }
`);

const errors = (q: string, depth = 8, cost = 10_000) =>
  validate(schema, parse(q), [depthLimit(depth), costLimit(cost)]).map((e) => e.message);

describe('query limits', () => {
  it('counts depth through fragments and inline fragments', () => {
    const q = `{ jobs { ...E } } fragment E on JobConnection { edges { node { ... on Job { worker { reputation { score } } } } } }`;
    expect(errors(q, 6)).toEqual([]);
    expect(errors(q, 5)).toEqual(['query depth 6 exceeds the limit of 5']);
  });

  it('multiplies the cost of what lies under a list by its page size', () => {
    // jobs 1 + 50 * (edges + node + id + worker + address) = 251: everything under a page, its
    // edges wrapper included, counts once per item (conservative by one field per page).
    const q = `{ jobs(first: 50) { edges { node { id worker { address } } } } }`;
    expect(errors(q, 8, 251)).toEqual([]);
    expect(errors(q, 8, 250)[0]).toMatch(/^query cost 251 exceeds the limit of 250/);
  });

  it('assumes the cap when the page size comes from a variable, and the default when absent', () => {
    const withVar = `query($n: Int) { jobs(first: $n) { edges { node { id } } } }`;
    const dflt = `{ jobs { edges { node { id } } } }`;
    expect(errors(withVar, 8, 301)).toEqual([]); // 1 + 100 * 3
    expect(errors(withVar, 8, 300)).toHaveLength(1);
    expect(errors(dflt, 8, 61)).toEqual([]); // 1 + 20 * 3
    expect(errors(dflt, 8, 60)).toHaveLength(1);
  });

  it('survives fragment cycles (left to the spec rule to report)', () => {
    const q = `{ jobs { ...A } } fragment A on JobConnection { edges { node { id } } ...A }`;
    expect(() => errors(q)).not.toThrow();
  });
});
