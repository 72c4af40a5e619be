/**
 * Validation rules that refuse a query before it runs: too deep (nested selections, fragments
 * followed), or too costly — an estimate of the rows it may touch: every field costs one, times
 * the page sizes of the lists above it (a connection's `first`, the cap when it is a variable, 20
 * when absent; the edges wrapper counts per item too, which errs on the safe side).
 */
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { MAX_PAGE } from './limits';

/** Fields returning lists, with the size assumed when they take no `first`. */
const LIST_SIZES: Record<string, number> = { edges: 1, evidence: 50, marketStats: 366 };
const PAGED = new Set(['jobs', 'workers', 'slashes', 'stakeEvents']);

function walk(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  visit: (
    field: { name: string; first: number },
    depth: number,
    children: SelectionSetNode | undefined,
  ) => void,
  depth: number,
  seen: Set<string>,
): void {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      const firstArg = sel.arguments?.find((a) => a.name.value === 'first');
      let first = PAGED.has(sel.name.value) ? 20 : (LIST_SIZES[sel.name.value] ?? 1);
      if (firstArg?.value.kind === Kind.INT) first = Number(firstArg.value.value);
      else if (firstArg) first = MAX_PAGE;
      visit({ name: sel.name.value, first }, depth + 1, sel.selectionSet);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      walk(sel.selectionSet, fragments, visit, depth, seen);
    } else {
      const frag = fragments[sel.name.value];
      if (frag && !seen.has(sel.name.value))
        walk(frag.selectionSet, fragments, visit, depth, new Set([...seen, sel.name.value]));
    }
  }
}

function fragmentsOf(ctx: ValidationContext): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const d of ctx.getDocument().definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) out[d.name.value] = d;
  return out;
}

export function depthLimit(max: number) {
  return (ctx: ValidationContext): ASTVisitor => ({
    OperationDefinition(op: OperationDefinitionNode) {
      const fragments = fragmentsOf(ctx);
      let deepest = 0;
      const visit = (_f: unknown, depth: number, children: SelectionSetNode | undefined) => {
        deepest = Math.max(deepest, depth);
        if (children && depth < 64) walk(children, fragments, visit, depth, new Set());
      };
      walk(op.selectionSet, fragments, visit, 0, new Set());
      if (deepest > max)
        ctx.reportError(
          new GraphQLError(`query depth ${deepest} exceeds the limit of ${max}`, {
            nodes: [op],
            extensions: { code: 'QUERY_TOO_DEEP', depth: deepest, limit: max },
          }),
        );
    },
  });
}

export function costLimit(max: number) {
  return (ctx: ValidationContext): ASTVisitor => ({
    OperationDefinition(op: OperationDefinitionNode) {
      const fragments = fragmentsOf(ctx);
      const cost = (set: SelectionSetNode, multiplier: number, depth: number): number => {
        let total = 0;
        walk(
          set,
          fragments,
          (f, _d, children) => {
            const m = multiplier * (PAGED.has(f.name) || f.name in LIST_SIZES ? f.first : 1);
            total += multiplier;
            if (children && depth < 32) total += cost(children, m, depth + 1);
          },
          0,
          new Set(),
        );
        return total;
      };
      const total = cost(op.selectionSet, 1, 0);
      if (total > max)
        ctx.reportError(
          new GraphQLError(
            `query cost ${total} exceeds the limit of ${max}: ask for fewer items (first) or fewer nested fields`,
            {
              nodes: [op],
              extensions: { code: 'QUERY_TOO_COSTLY', cost: total, limit: max },
            },
          ),
        );
    },
  });
}
