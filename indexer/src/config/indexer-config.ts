/**
 * The indexer's configuration: one zod schema read from INDEXER_* variables (and DATABASE_URL),
 * validated once at start with every bad variable listed, before any connection opens.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { normalizeAddress } from '../../../src/shared/felt';
import { ConfigError, issueLines } from '../../../src/shared/config-error';

const Address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{1,64}$/, 'expected a 0x-prefixed contract address')
  .transform((s) => normalizeAddress(s));

const Int = (min: number) => z.coerce.number().int().min(min);

export const IndexerConfigSchema = z.object({
  /** Starknet JSON-RPC endpoint, or `replay:<file>` for a recorded chain (bench, crash tests). */
  rpcUrl: z.string().min(1),
  contracts: z.object({ market: Address, registry: Address, reputation: Address }),
  /** First block to read: the deployment block of the contracts. */
  startBlock: Int(0),
  /**
   * Blocks below head - finalityDepth are final: their undo journal is pruned and a fork below
   * them is refused loudly. Starknet L2 blocks are not reorged once accepted on L2 in practice;
   * 64 leaves room for a sequencer hiccup or a devnet abort.
   */
  finalityDepth: Int(1).default(64),
  /** Blocks per getEvents range; one database transaction per chunk. */
  chunkBlocks: Int(1).default(2000),
  /** Events per getEvents page (RPC servers cap this, devnet at 1000). */
  pageSize: Int(1).max(1024).default(1000),
  /** Pause between polls once caught up with the head. */
  pollMs: Int(10).default(1000),
  /** Delay before retrying after the database or the RPC failed; doubles up to 30 s. */
  retryMs: Int(10).default(500),
  /** A PostgreSQL URL; when absent an embedded PostgreSQL is started with its data in pgDir. */
  databaseUrl: z.string().url().optional(),
  pgDir: z.string().min(1).default(join(tmpdir(), 'cairn-indexer-pg')),
  /** 0 = any free port (the embedded server only). */
  pgPort: Int(0).max(65535).default(0),
  httpHost: z.string().default('127.0.0.1'),
  httpPort: Int(0).max(65535).default(4350),
  graphqlDriver: z.enum(['mercurius', 'apollo']).default('mercurius'),
  /**
   * Processes serving HTTP. 1: the ingest process serves it. More: a Node cluster of that many
   * HTTP workers sharing the port, fed the ingest status and metrics over IPC, for machines
   * with cores to spare (one event loop bounds GraphQL throughput).
   */
  httpProcesses: Int(1).max(64).default(1),
  /** Deepest selection accepted; the deepest useful query (jobs → edges → node → worker → reputation → evidence) is 7. */
  maxQueryDepth: Int(1).max(64).default(8),
  /**
   * The cost a query may have (graphql/query-cost.ts): one per field per row it may return, plus
   * queryCost per SQL query and countCost per COUNT it makes the database run.
   */
  maxQueryCost: Int(1).default(10_000),
  /** Cost of one SQL query a resolver issues (a page, a lookup, a batch of evidence). */
  queryCost: Int(0).default(50),
  /** Cost of a `totalCount`: a COUNT over the filtered table, the priciest thing a visitor can ask. */
  countCost: Int(0).default(500),
  /** Bytes of the `query` text; the whole request body may hold 64 KiB more of variables. */
  maxQueryBytes: Int(64).max(1_048_576).default(16_384),
  /** Lexical tokens of the query (graphql-js `parse(..., { maxTokens })`). */
  maxQueryTokens: Int(16).default(3_000),
  maxAliases: Int(0).default(20),
  maxDirectives: Int(0).default(20),
  /** `...Fragment` spreads written in the document (each analysed once, however often reached). */
  maxFragmentSpreads: Int(0).default(50),
  /** Introspection lists nested in one another: 3 is the standard query's types → fields → args. */
  maxIntrospectionLists: Int(1).max(16).default(3),
  /** Answer `__schema`/`__type` (stock tools need it); turn off for production if wanted. */
  introspection: z.boolean().default(true),
  /** PostgreSQL connections of the GraphQL API, per HTTP process; ingest has its own pool. */
  graphqlPoolSize: Int(1).max(100).default(4),
  /** statement_timeout of the API's connections: no single SQL statement runs longer. */
  statementTimeoutMs: Int(10).default(3_000),
  /** Per-request deadline: after it no further SQL starts and the request ends with an error. */
  requestTimeoutMs: Int(50).default(8_000),
  /**
   * Query cost one HTTP process runs at once (graphql/admission.ts); beyond it a request gets
   * 503 and Retry-After at once. 50,000 is five of the priciest allowed queries.
   */
  maxCostInFlight: Int(1).default(50_000),
  /** GraphQL requests per client IP per minute (0: no limit); /health, /ready, /metrics are exempt. */
  rateLimitPerMinute: Int(0).default(600),
  /** Open WebSocket (subscription) connections per HTTP process; beyond, the upgrade gets 503. */
  maxWsConnections: Int(1).default(1_000),
  /** Subscriptions one WebSocket connection may hold at once (the explorer page uses 3). */
  maxSubscriptionsPerConnection: Int(1).max(1_000).default(20),
  /** Messages a WebSocket client may send per second, burst the same; beyond, it is closed (4429). */
  wsMessagesPerSecond: Int(1).default(20),
  /**
   * Bytes queued to a WebSocket client that does not read before it is closed (4413). With
   * maxWsConnections this bounds the memory held for slow readers: 1,000 x 256 KiB = 256 MiB.
   */
  wsMaxBufferedBytes: Int(1024).default(262_144),
  /**
   * Memory for answers of the per-block query cache (bytes of keys and bodies; 0 turns it off).
   * Every committed block or rollback empties it, so it holds one block's worth of answers.
   */
  queryCacheBytes: Int(0).default(64 * 1_048_576),
  /** Drop everything and start over when the database was built for another chain or schema. */
  reset: z.coerce.boolean().default(false),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
});

export type IndexerConfig = z.infer<typeof IndexerConfigSchema>;

/** The INDEXER_* variables that point an indexer at a deployment: its chain, its contracts, its first block. */
export function deploymentEnv(
  rpcUrl: string,
  d: { market: string; registry: string; reputation: string; deployBlock?: number },
): Record<string, string> {
  return {
    INDEXER_RPC_URL: rpcUrl,
    INDEXER_MARKET: d.market,
    INDEXER_REGISTRY: d.registry,
    INDEXER_REPUTATION: d.reputation,
    INDEXER_START_BLOCK: String(d.deployBlock ?? 0),
  };
}

/** Settings that only make sense together, checked with the rest at start. */
function crossChecks(cfg: IndexerConfig): string[] {
  const issues: string[] = [];
  if (cfg.maxCostInFlight < cfg.maxQueryCost)
    issues.push(
      `maxCostInFlight: ${cfg.maxCostInFlight} is below maxQueryCost (${cfg.maxQueryCost}); the priciest allowed query could never run beside another`,
    );
  if (cfg.statementTimeoutMs > cfg.requestTimeoutMs)
    issues.push(
      `statementTimeoutMs: ${cfg.statementTimeoutMs} exceeds requestTimeoutMs (${cfg.requestTimeoutMs}); one statement could outlast the request's deadline`,
    );
  return issues;
}
export type IndexerConfigInput = z.input<typeof IndexerConfigSchema>;

export { ConfigError };

export function parseConfig(input: unknown): IndexerConfig {
  const r = IndexerConfigSchema.safeParse(input);
  if (!r.success) {
    throw new ConfigError(issueLines(r.error.issues), 'indexer configuration');
  }
  const issues = crossChecks(r.data);
  if (issues.length) throw new ConfigError(issues, 'indexer configuration');
  return r.data;
}

/** Reads the environment: INDEXER_RPC_URL, INDEXER_MARKET, INDEXER_REGISTRY, INDEXER_REPUTATION, ... */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): IndexerConfig {
  const pick = (name: string) => (env[name] === '' ? undefined : env[name]);
  // true/1 and false/0 only: anything else reaches zod as itself and is reported.
  const bool = (v: string | undefined) =>
    v === undefined ? undefined : v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v;
  return parseConfig({
    rpcUrl: pick('INDEXER_RPC_URL'),
    contracts: {
      market: pick('INDEXER_MARKET'),
      registry: pick('INDEXER_REGISTRY'),
      reputation: pick('INDEXER_REPUTATION'),
    },
    startBlock: pick('INDEXER_START_BLOCK'),
    finalityDepth: pick('INDEXER_FINALITY_DEPTH'),
    chunkBlocks: pick('INDEXER_CHUNK_BLOCKS'),
    pageSize: pick('INDEXER_PAGE_SIZE'),
    pollMs: pick('INDEXER_POLL_MS'),
    retryMs: pick('INDEXER_RETRY_MS'),
    databaseUrl: pick('DATABASE_URL'),
    pgDir: pick('INDEXER_PG_DIR'),
    pgPort: pick('INDEXER_PG_PORT'),
    httpHost: pick('INDEXER_HTTP_HOST'),
    httpPort: pick('INDEXER_HTTP_PORT'),
    graphqlDriver: pick('INDEXER_GRAPHQL_DRIVER'),
    httpProcesses: pick('INDEXER_HTTP_PROCESSES'),
    maxQueryDepth: pick('INDEXER_MAX_QUERY_DEPTH'),
    maxQueryCost: pick('INDEXER_MAX_QUERY_COST'),
    queryCost: pick('INDEXER_QUERY_COST'),
    countCost: pick('INDEXER_COUNT_COST'),
    maxQueryBytes: pick('INDEXER_MAX_QUERY_BYTES'),
    maxQueryTokens: pick('INDEXER_MAX_QUERY_TOKENS'),
    maxAliases: pick('INDEXER_MAX_ALIASES'),
    maxDirectives: pick('INDEXER_MAX_DIRECTIVES'),
    maxFragmentSpreads: pick('INDEXER_MAX_FRAGMENT_SPREADS'),
    maxIntrospectionLists: pick('INDEXER_MAX_INTROSPECTION_LISTS'),
    introspection: bool(pick('INDEXER_INTROSPECTION')),
    graphqlPoolSize: pick('INDEXER_GRAPHQL_POOL_SIZE'),
    statementTimeoutMs: pick('INDEXER_STATEMENT_TIMEOUT_MS'),
    requestTimeoutMs: pick('INDEXER_REQUEST_TIMEOUT_MS'),
    maxCostInFlight: pick('INDEXER_MAX_COST_IN_FLIGHT'),
    rateLimitPerMinute: pick('INDEXER_RATE_LIMIT_PER_MINUTE'),
    maxWsConnections: pick('INDEXER_MAX_WS_CONNECTIONS'),
    maxSubscriptionsPerConnection: pick('INDEXER_MAX_SUBSCRIPTIONS_PER_CONNECTION'),
    wsMessagesPerSecond: pick('INDEXER_WS_MESSAGES_PER_SECOND'),
    wsMaxBufferedBytes: pick('INDEXER_WS_MAX_BUFFERED_BYTES'),
    queryCacheBytes: pick('INDEXER_QUERY_CACHE_BYTES'),
    reset: pick('INDEXER_RESET') === 'true' || pick('INDEXER_RESET') === '1',
    logLevel: pick('INDEXER_LOG_LEVEL'),
  });
}
