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

/** The limits out of the parsed config (its field names are the environment's). */
export function limitsFromConfig(cfg: {
  maxQueryDepth: number;
  maxQueryCost: number;
  queryCost: number;
  countCost: number;
  maxQueryBytes: number;
  maxQueryTokens: number;
  maxAliases: number;
  maxDirectives: number;
  maxFragmentSpreads: number;
  maxIntrospectionLists: number;
  introspection: boolean;
  requestTimeoutMs: number;
  maxCostInFlight: number;
  rateLimitPerMinute: number;
}): GraphqlLimits {
  return {
    maxDepth: cfg.maxQueryDepth,
    maxCost: cfg.maxQueryCost,
    queryCost: cfg.queryCost,
    countCost: cfg.countCost,
    maxQueryBytes: cfg.maxQueryBytes,
    maxTokens: cfg.maxQueryTokens,
    maxAliases: cfg.maxAliases,
    maxDirectives: cfg.maxDirectives,
    maxFragmentSpreads: cfg.maxFragmentSpreads,
    maxIntrospectionLists: cfg.maxIntrospectionLists,
    introspection: cfg.introspection,
    requestTimeoutMs: cfg.requestTimeoutMs,
    maxCostInFlight: cfg.maxCostInFlight,
    rateLimitPerMinute: cfg.rateLimitPerMinute,
  };
}
