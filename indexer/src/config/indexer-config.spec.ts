import { ConfigError, loadConfig } from './indexer-config';

const BASE = {
  INDEXER_RPC_URL: 'http://127.0.0.1:5050/rpc',
  INDEXER_MARKET: '0x1',
  INDEXER_REGISTRY: '0x2',
  INDEXER_REPUTATION: '0x3',
  INDEXER_START_BLOCK: '0',
};

const issues = (env: Record<string, string>) => {
  try {
    loadConfig({ ...BASE, ...env });
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  return [];
};

describe('indexer config: GraphQL limits', () => {
  it('has defaults, and reads each limit from its variable', () => {
    const d = loadConfig(BASE);
    expect([d.maxQueryCost, d.maxAliases, d.maxQueryTokens, d.introspection, d.rateLimitPerMinute]).toEqual([
      10_000,
      20,
      3_000,
      true,
      600,
    ]);
    const c = loadConfig({
      ...BASE,
      INDEXER_MAX_ALIASES: '5',
      INDEXER_INTROSPECTION: 'false',
      INDEXER_GRAPHQL_POOL_SIZE: '2',
      INDEXER_STATEMENT_TIMEOUT_MS: '1000',
      INDEXER_MAX_COST_IN_FLIGHT: '20000',
    });
    expect([
      c.maxAliases,
      c.introspection,
      c.graphqlPoolSize,
      c.statementTimeoutMs,
      c.maxCostInFlight,
    ]).toEqual([5, false, 2, 1000, 20_000]);
  });

  it('lists every bad value at once, by name', () => {
    const found = issues({
      INDEXER_MAX_ALIASES: '-1',
      INDEXER_INTROSPECTION: 'maybe',
      INDEXER_GRAPHQL_POOL_SIZE: '0',
    });
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toMatch(/maxAliases/);
    expect(found.join('\n')).toMatch(/introspection/);
    expect(found.join('\n')).toMatch(/graphqlPoolSize/);
  });

  it('refuses limits that contradict each other', () => {
    expect(issues({ INDEXER_MAX_COST_IN_FLIGHT: '5000' })[0]).toMatch(
      /maxCostInFlight: 5000 is below maxQueryCost/,
    );
    expect(issues({ INDEXER_STATEMENT_TIMEOUT_MS: '9000' })[0]).toMatch(
      /statementTimeoutMs: 9000 exceeds requestTimeoutMs/,
    );
  });
});
