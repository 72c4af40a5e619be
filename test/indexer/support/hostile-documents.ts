/**
 * Generators of hostile GraphQL documents, parameterised by size and depth so a suite can sweep
 * them up to (and past) the server's caps instead of listing a few by hand.
 */
import { Kind, parse, visit } from 'graphql';

/** A cycle of `length` fragments on Job, each spreading the next `fieldDepth` fields down. */
export function fragmentCycle(length: number, fieldDepth: number): string {
  // Fields that nest on Job: worker → reputation → evidence, then repeat the path's shape.
  const path = ['worker', 'reputation', 'evidence'];
  const wrap = (inner: string) => {
    let s = inner;
    for (let d = fieldDepth - 1; d >= 0; d--) s = `${path[d % path.length]} { ${s} }`;
    return s;
  };
  const defs = Array.from(
    { length },
    (_, i) => `fragment C${i} on Job { id ${wrap(`...C${(i + 1) % length}`)} }`,
  );
  return `{ job(id: "1") { ...C0 } } ${defs.join(' ')}`;
}

/** F0 holds `leaf`; each F(i) spreads F(i-1) twice: 2^n copies of the leaf from n + 1 bodies. */
export function doublingChain(n: number, leaf = 'id'): string {
  const defs = [`fragment F0 on Job { ${leaf} }`];
  for (let i = 1; i <= n; i++) defs.push(`fragment F${i} on Job { ...F${i - 1} ...F${i - 1} }`);
  return `{ jobs(first: 1) { edges { node { ...F${n} } } } } ${defs.join(' ')}`;
}

export function aliasFlood(k: number): string {
  return `{ ${Array.from({ length: k }, (_, i) => `a${i}: indexerStatus { head }`).join(' ')} }`;
}

export function directiveFlood(k: number): string {
  return `{ indexerStatus { ${'head @include(if: true) '.repeat(k)}} }`;
}

/** `k` connections asking for their COUNT: each runs a page query and a COUNT. */
export function countFlood(k: number): string {
  return `{ ${Array.from({ length: k }, (_, i) => `c${i}: jobs(first: 1) { totalCount }`).join(' ')} }`;
}

/** `fields { name type { fields { … } } }`, `lists` lists deep. */
const fieldsNest = (lists: number): string =>
  lists === 0 ? 'name' : `fields { name type { ${fieldsNest(lists - 1)} } }`;

/** Introspection lists nested `lists` deep: types → fields → type → fields → … */
export function deepIntrospection(lists: number, root: '__schema' | '__type' = '__schema'): string {
  return root === '__schema'
    ? `{ __schema { types { ${fieldsNest(lists - 1)} } } }`
    : `{ __type(name: "Job") { ${fieldsNest(lists)} } }`;
}

/** A heavy but allowed page, plus a field that a directive may or may not skip. */
export function pagePlacements(first: string): string[] {
  return [
    `{ jobs(first: ${first}) { totalCount } }`,
    `{ jobs(first: 5) { totalCount } s: jobs(first: ${first}) @skip(if: true) { totalCount } }`,
    `{ jobs(first: 5) { totalCount } s: jobs(first: ${first}) @include(if: false) { totalCount } }`,
  ];
}

/** Selections written in a document (what a linear walk may look at, at most). */
export function selectionsWritten(doc: string): number {
  let n = 0;
  visit(parse(doc, { noLocation: true }), {
    [Kind.FIELD]: () => void n++,
    [Kind.FRAGMENT_SPREAD]: () => void n++,
    [Kind.INLINE_FRAGMENT]: () => void n++,
  });
  return n;
}

export function fragmentsWritten(doc: string): number {
  return parse(doc, { noLocation: true }).definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
    .length;
}
