/** Caps shared by the argument types and the query guards (no Nest imports: unit-testable). */
export const MAX_PAGE = 100;
/** Page size of a connection queried without `first` (PageArgs' default). */
export const DEFAULT_PAGE = 20;

/** What a GraphQL request may cost and take; from the indexer config (see the README). */
export interface GraphqlLimits {
  maxDepth: number;
  maxCost: number;
  queryCost: number;
  countCost: number;
  maxQueryBytes: number;
  maxTokens: number;
  maxAliases: number;
  maxDirectives: number;
  maxFragmentSpreads: number;
  maxIntrospectionLists: number;
  introspection: boolean;
  requestTimeoutMs: number;
  maxCostInFlight: number;
  rateLimitPerMinute: number;
}

/** The config fields GraphqlLimits renames (the config's names are the environment's). */
type Renamed = { maxDepth: 'maxQueryDepth'; maxCost: 'maxQueryCost'; maxTokens: 'maxQueryTokens' };
type LimitsConfig = Omit<GraphqlLimits, keyof Renamed> & { [K in keyof Renamed as Renamed[K]]: number };

/** The limits out of the parsed config. */
export function limitsFromConfig(cfg: LimitsConfig): GraphqlLimits {
  const { maxQueryDepth, maxQueryCost, maxQueryTokens, ...same } = cfg;
  return {
    maxDepth: maxQueryDepth,
    maxCost: maxQueryCost,
    maxTokens: maxQueryTokens,
    queryCost: same.queryCost,
    countCost: same.countCost,
    maxQueryBytes: same.maxQueryBytes,
    maxAliases: same.maxAliases,
    maxDirectives: same.maxDirectives,
    maxFragmentSpreads: same.maxFragmentSpreads,
    maxIntrospectionLists: same.maxIntrospectionLists,
    introspection: same.introspection,
    requestTimeoutMs: same.requestTimeoutMs,
    maxCostInFlight: same.maxCostInFlight,
    rateLimitPerMinute: same.rateLimitPerMinute,
  };
}
