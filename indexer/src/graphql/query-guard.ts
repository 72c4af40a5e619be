/**
 * Every limit a GraphQL document must pass before the standard validation and execution see
 * it, each in time linear in the document:
 *
 * - tokens: graphql-js's own `parse(..., { maxTokens })` (passed to the server's parser);
 * - depth, aliases, directives: GraphQL Armor's rules, which remember each fragment's figure
 *   the first time they reach it (depth with fragments flattened: a spread adds no level);
 * - spreads, cycles, page sizes, introspection nesting and cost: query-cost.ts, the part
 *   that knows this schema.
 *
 * Mercurius would run extra `validationRules` in the same pass as the standard ones, where
 * nothing has refused a fragment cycle yet; here they run first, on their own, from its
 * preValidation hook, so the standard rules (OverlappingFieldsCanBeMerged is quadratic) only
 * ever see documents already known to be small and acyclic.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
  validate,
} from 'graphql';
import { DEFAULT_PAGE, type GraphqlLimits, MAX_PAGE } from './limits';
import { type CostAnalysis, analyseCost } from './query-cost';

/** The work one document's checks did: what the adversarial tests assert on. */
export interface GuardWork {
  /** Fragment bodies the cost analysis walked (each at most once). */
  fragmentsAnalysed: number;
  /** Selections the cost analysis looked at (at most those written). */
  selectionsVisited: number;
  /** Fragment look-ups by the Armor rules (each rule looks a fragment up once). */
  fragmentLookups: number;
  cost: number;
  depth: number | null;
  aliases: number | null;
  directives: number | null;
}

export interface GuardResult {
  errors: GraphQLError[];
  work: GuardWork;
  analysis: CostAnalysis;
}

const refusal = (message: string, code: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extra } });

type ArmorRule = (options: Parameters<typeof maxDepthRule>[0]) => ValidationRule;

/**
 * An Armor rule reporting through the validation context with our code and wording ("query
 * depth 9 exceeds the limit of 8"), instead of throwing out of `validate`.
 */
function armor(
  make: ArmorRule,
  what: string,
  n: number,
  code: string,
  found: (n: number) => void,
): ValidationRule {
  return make({
    n,
    flattenFragments: true,
    ignoreIntrospection: true,
    exposeLimits: true,
    propagateOnRejection: false,
    onAccept: [(_ctx, details: { n: number }) => found(details.n)],
    onReject: [
      (ctx, err) => {
        const count = /found (\d+)/.exec(err.message)?.[1];
        ctx?.reportError(
          count
            ? refusal(`${what} ${count} exceeds the limit of ${n}`, code, { found: Number(count), limit: n })
            : refusal(err.message.replace(/^Syntax Error: /, ''), code, { limit: n }),
        );
      },
    ],
  });
}

const pageSizeMessage = (v: string) =>
  Number(v) < 1 ? 'first must not be less than 1' : `first must not be greater than ${MAX_PAGE}`;

export function guardDocument(schema: GraphQLSchema, doc: DocumentNode, limits: GraphqlLimits): GuardResult {
  const analysis = analyseCost(doc, {
    maxPage: MAX_PAGE,
    defaultPage: DEFAULT_PAGE,
    queryCost: limits.queryCost,
    countCost: limits.countCost,
  });
  const work: GuardWork = {
    fragmentsAnalysed: analysis.fragmentsAnalysed,
    selectionsVisited: analysis.selectionsVisited,
    fragmentLookups: 0,
    cost: analysis.cost,
    depth: null,
    aliases: null,
    directives: null,
  };
  const errors: GraphQLError[] = [];
  if (analysis.spreads > limits.maxFragmentSpreads)
    errors.push(
      refusal(
        `${analysis.spreads} fragment spreads exceed the limit of ${limits.maxFragmentSpreads}`,
        'TOO_MANY_FRAGMENT_SPREADS',
        { spreads: analysis.spreads, limit: limits.maxFragmentSpreads },
      ),
    );
  for (const name of analysis.cycles)
    errors.push(
      refusal(`fragment ${name} spreads itself (directly or through other fragments)`, 'FRAGMENT_CYCLE'),
    );
  for (const bad of analysis.badPageSizes)
    errors.push(
      refusal(`${bad.field}(first: ${bad.value}): ${pageSizeMessage(bad.value)}`, 'BAD_USER_INPUT'),
    );
  if (analysis.introspectionLists > limits.maxIntrospectionLists)
    errors.push(
      refusal(
        `introspection lists nested ${analysis.introspectionLists} deep exceed the limit of ${limits.maxIntrospectionLists}`,
        'INTROSPECTION_TOO_DEEP',
      ),
    );
  if (analysis.cost > limits.maxCost)
    errors.push(
      refusal(
        `query cost ${analysis.cost} exceeds the limit of ${limits.maxCost}: ask for fewer items (first), fewer totalCount or fewer nested fields`,
        'QUERY_TOO_COSTLY',
        { cost: analysis.cost, limit: limits.maxCost },
      ),
    );
  // The Armor rules are cycle-safe, but a cyclic document is refused already: spare the walk.
  if (analysis.cycles.length === 0) {
    const countLookups: ValidationRule = (ctx: ValidationContext) => {
      const lookup = ctx.getFragment.bind(ctx);
      ctx.getFragment = (name: string) => {
        work.fragmentLookups++;
        return lookup(name);
      };
      return {};
    };
    errors.push(
      ...validate(schema, doc, [
        countLookups,
        armor(
          maxDepthRule as ArmorRule,
          'query depth',
          limits.maxDepth,
          'QUERY_TOO_DEEP',
          (n) => (work.depth = Math.max(work.depth ?? 0, n)),
        ),
        armor(
          maxAliasesRule as ArmorRule,
          'aliases',
          limits.maxAliases,
          'TOO_MANY_ALIASES',
          (n) => (work.aliases = Math.max(work.aliases ?? 0, n)),
        ),
        armor(
          maxDirectivesRule as ArmorRule,
          'directives',
          limits.maxDirectives,
          'TOO_MANY_DIRECTIVES',
          (n) => (work.directives = Math.max(work.directives ?? 0, n)),
        ),
      ]),
    );
  }
  return { errors, work, analysis };
}

/** A `first`/`last` variable's value must be an Int in 1..MAX_PAGE (absent: the default applies). */
export function checkPageVariables(
  names: string[],
  variables: Record<string, unknown> | undefined,
): GraphQLError[] {
  const errors: GraphQLError[] = [];
  for (const name of names) {
    const v = variables?.[name];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_PAGE)
      errors.push(
        refusal(
          `variable $${name} = ${JSON.stringify(v)}: ${typeof v === 'number' ? pageSizeMessage(String(v)) : `first must be an integer from 1 to ${MAX_PAGE}`}`,
          'BAD_USER_INPUT',
        ),
      );
  }
  return errors;
}
