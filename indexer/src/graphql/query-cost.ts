/**
 * The cost of a query in what the database does for it, from the document alone, in one pass:
 * each fragment body is analysed once and its summary reused at every spread, so a chain of
 * fragments that each spread the previous one twice costs a walk of its text, not of its 2^n
 * expansion. A spread that reaches a fragment still being analysed is a cycle (direct, or
 * through any depth of fields) and is reported, never followed.
 *
 * Schema-specific by design (no library knows which fields run SQL): a field costs one per row
 * it may return; a resolver that issues SQL (a page, a lookup, a loader batch) adds `queryCost`
 * once per occurrence — loaders batch a level into one query, so rows do not multiply it — and
 * every `totalCount` adds `countCost`. `first` is checked against 1..MAX_PAGE here: a literal
 * out of range is reported, a variable is costed at the cap (preExecution checks its value),
 * an absent one at the default. `@skip`/`@include` are ignored: a skipped field is priced as if
 * it ran, so nothing can lower the sum below what may execute.
 */
import {
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
} from 'graphql';

export interface CostModel {
  maxPage: number;
  defaultPage: number;
  queryCost: number;
  countCost: number;
}

/** Fields that are connections: their `edges` list is `first` long. */
const CONNECTIONS = new Set(['jobs', 'workers', 'slashes', 'stakeEvents']);
/** Fields (with a selection) whose resolver issues SQL, besides the connections. */
const QUERYING = new Set([
  'job',
  'worker',
  'evidence',
  'marketStats',
  'jobUpdated',
  'jobsChanged',
  'events',
  'marketOverview',
  'blockActivity',
]);
/** Rows assumed for lists without `first`: a year of days; evidence per worker. */
const LIST_ROWS: Record<string, number> = { marketStats: 367, evidence: 100, events: 50, blockActivity: 100 };
/** Introspection's list fields; the standard introspection query nests three (types → fields → args). */
const INTROSPECTION_LISTS = new Set([
  'types',
  'fields',
  'args',
  'inputFields',
  'interfaces',
  'possibleTypes',
  'enumValues',
  'directives',
]);

/**
 * What a selection set costs, linear in the page size its `edges` get:
 * rows + perPage × page, plus `fixed` (SQL charges, which no list multiplies).
 */
interface Summary {
  rows: number;
  perPage: number;
  fixed: number;
  /** Deepest nesting of introspection lists. */
  lists: number;
}

export interface BadPageSize {
  field: string;
  value: string;
}

export interface CostAnalysis {
  /** The largest cost over the document's operations. */
  cost: number;
  introspectionLists: number;
  /** Fragment bodies analysed: each at most once. */
  fragmentsAnalysed: number;
  /** Selections looked at: at most the number written in the document. */
  selectionsVisited: number;
  /** `...Name` spreads written in the document. */
  spreads: number;
  /** Fragments that reach themselves, as the first spread found closing each cycle. */
  cycles: string[];
  badPageSizes: BadPageSize[];
  /** Variables that feed `first`/`last`: checked against 1..maxPage before execution. */
  pageVariables: string[];
}

const ZERO: Summary = { rows: 0, perPage: 0, fixed: 0, lists: 0 };

export function analyseCost(doc: DocumentNode, model: CostModel): CostAnalysis {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const done = new Map<string, Summary>();
  const inProgress = new Set<string>();
  const out: CostAnalysis = {
    cost: 0,
    introspectionLists: 0,
    fragmentsAnalysed: 0,
    selectionsVisited: 0,
    spreads: 0,
    cycles: [],
    badPageSizes: [],
    pageVariables: [],
  };
  const pageVariables = new Set<string>();

  const pageSize = (field: FieldNode): number => {
    const arg = field.arguments?.find(
      (a: ArgumentNode) => a.name.value === 'first' || a.name.value === 'last',
    );
    if (!arg) return model.defaultPage;
    const v = arg.value;
    if (v.kind === Kind.VARIABLE) {
      pageVariables.add(v.name.value);
      return model.maxPage;
    }
    if (v.kind === Kind.INT) {
      const n = Number(v.value);
      if (Number.isSafeInteger(n) && n >= 1 && n <= model.maxPage) return n;
      out.badPageSizes.push({ field: field.name.value, value: v.value });
    }
    // Out of range or not an Int: reported (here or by the standard rules); costed at the cap.
    return model.maxPage;
  };

  const fragment = (name: string): Summary => {
    const known = done.get(name);
    if (known) return known;
    if (inProgress.has(name)) {
      out.cycles.push(name);
      return ZERO;
    }
    const def = fragments.get(name);
    if (!def) return ZERO; // an unknown fragment: KnownFragmentNamesRule reports it
    inProgress.add(name);
    out.fragmentsAnalysed++;
    const s = selectionSet(def.selectionSet);
    inProgress.delete(name);
    done.set(name, s);
    return s;
  };

  const field = (f: FieldNode): Summary => {
    const name = f.name.value;
    if (!f.selectionSet)
      return { rows: 1, perPage: 0, fixed: name === 'totalCount' ? model.countCost : 0, lists: 0 };
    const c = selectionSet(f.selectionSet);
    const lists = c.lists + (INTROSPECTION_LISTS.has(name) ? 1 : 0);
    if (CONNECTIONS.has(name)) {
      // The connection's page size goes to its edges; nothing above multiplies it further.
      return {
        rows: 1 + c.rows + pageSize(f) * c.perPage,
        perPage: 0,
        fixed: model.queryCost + c.fixed,
        lists,
      };
    }
    const fixed = (QUERYING.has(name) ? model.queryCost : 0) + c.fixed;
    if (name === 'edges') return { rows: 1, perPage: c.rows + c.perPage, fixed, lists };
    const k = LIST_ROWS[name] ?? 1;
    return { rows: 1 + k * c.rows, perPage: k * c.perPage, fixed, lists };
  };

  const selectionSet = (set: SelectionSetNode): Summary => {
    const sum: Summary = { rows: 0, perPage: 0, fixed: 0, lists: 0 };
    for (const sel of set.selections) {
      out.selectionsVisited++;
      let s: Summary;
      if (sel.kind === Kind.FIELD) s = field(sel);
      else if (sel.kind === Kind.INLINE_FRAGMENT) s = selectionSet(sel.selectionSet);
      else {
        out.spreads++;
        s = fragment(sel.name.value);
      }
      sum.rows += s.rows;
      sum.perPage += s.perPage;
      sum.fixed += s.fixed;
      sum.lists = Math.max(sum.lists, s.lists);
    }
    return sum;
  };

  // Every fragment once, used or not (an unused one is refused later, but its text is walked
  // now so the spread count covers the whole document), then each operation.
  for (const name of fragments.keys()) {
    const s = fragment(name);
    out.introspectionLists = Math.max(out.introspectionLists, s.lists);
  }
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const s = selectionSet(d.selectionSet);
    // An operation's top level is not under a connection: a stray `edges` there costs its rows.
    out.cost = Math.max(out.cost, s.rows + s.perPage * model.maxPage + s.fixed);
    out.introspectionLists = Math.max(out.introspectionLists, s.lists);
  }
  out.pageVariables = [...pageVariables];
  return out;
}
