/**
 * The indexer: `npx tsx indexer/src/main.ts` (`npm run indexer:start`). Configuration from
 * INDEXER_* variables (config/indexer-config.ts). Starts (or connects to) PostgreSQL, migrates,
 * checks the build record, serves GraphQL/health/metrics and follows the chain. A database or
 * RPC that is down, at start or later, is logged and retried from the committed cursor; only
 * a configuration error, a database built for something else or a reorg deeper than the
 * journal ends the process (exit 1 / 2), because a restart would not fix them.
 */
import 'reflect-metadata';
import cluster from 'node:cluster';
import pino, { type Logger } from 'pino';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { cairnEventCodec } from '../../src/chain/events/cairn-codec';
import type { ChainSource } from '../../src/chain/events/chain-source';
import { ReplayFileChain } from '../../src/chain/events/replay-file-chain';
import { RpcChainSource } from '../../src/chain/events/rpc-chain-source';
import { ConfigError, type IndexerConfig, loadConfig } from './config/indexer-config';
import { createDataSource } from './db/data-source';
import { type PgServer, startEmbeddedPostgres } from './db/embedded-postgres';
import { limitsFromConfig } from './graphql/limits';
import { MarketQueries } from './graphql/market-queries';
import { createApiDataSource } from './graphql/request-db';
import { type CommitEvent, isCommitEvent } from './ingest/commit-feed';
import { LiveHub } from './live/live-hub';
import { liveLimitsFromConfig } from './live/live-limits';
import { createIndexerApp } from './indexer-app';
import { BuildMismatchError, IngestStore } from './ingest/ingest-store';
import { Ingestor, ReorgTooDeepError } from './ingest/ingestor';
import type { MetricsSource } from './http-routes';
import type { IngestStatus } from './ingest/ingestor';
import { IndexerMetrics } from './metrics';

/** What the ingest process tells its HTTP workers, every STATUS_EVERY_MS. */
interface StatusMessage {
  kind: 'status';
  status: IngestStatus;
  metrics: string;
}
/** ...and at once after each commit or rollback. */
interface CommitMessage {
  kind: 'commit';
  event: CommitEvent;
}
const STATUS_EVERY_MS = 250;

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Retries `fn` with backoff until it succeeds, logging each failure with what to check. */
async function retrying<T>(
  log: Logger,
  what: string,
  cfg: IndexerConfig,
  fn: () => Promise<T>,
  fatal: (e: unknown) => boolean = () => false,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (fatal(err)) throw err;
      const delay = Math.min(cfg.retryMs * 2 ** Math.min(attempt - 1, 10), 30_000);
      log.error({ err: (err as Error).message, attempt, retryInMs: delay }, `${what} failed; retrying`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

function chainSource(cfg: IndexerConfig): ChainSource {
  return cfg.rpcUrl.startsWith('replay:')
    ? new ReplayFileChain(cfg.rpcUrl.slice('replay:'.length))
    : new RpcChainSource(cfg.rpcUrl, cfg.pageSize);
}

function appOptions(cfg: IndexerConfig, log: Logger, hub: LiveHub, registry: Registry) {
  return {
    cache: { maxBytes: cfg.queryCacheBytes, registry },
    driver: cfg.graphqlDriver,
    limits: limitsFromConfig(cfg),
    live: liveLimitsFromConfig(cfg),
    log: log.child({ part: 'graphql' }),
    hub,
  };
}

/** The process's LiveHub over the API's pool (start it with startHub once the pool is up). */
const liveHub = (apiDs: DataSource, log: Logger) =>
  new LiveHub(new MarketQueries(apiDs), log.child({ part: 'live' }));

/** The committed cursor as the hub's head, unless a commit event told it a newer one already. */
async function startHub(hub: LiveHub, apiDs: DataSource): Promise<void> {
  const cursor = await new IngestStore(apiDs).cursor();
  hub.start({ number: cursor.block, hash: cursor.hash, timestamp: cursor.timestamp });
}

/** An HTTP worker of the cluster: GraphQL over the database, status and metrics from the ingest process. */
async function httpWorker(cfg: IndexerConfig, url: string, log: Logger): Promise<void> {
  const status: IngestStatus = { head: -1, cursor: -1, caughtUp: false, lastError: 'starting', fatal: null };
  let metricsText = '';
  // The ingest process's metrics, and this worker's own (its query cache).
  const own = new Registry();
  const metrics: MetricsSource = {
    contentType: 'text/plain; version=0.0.4; charset=utf-8',
    text: async () => metricsText + (await own.metrics()),
  };
  const ds = createApiDataSource(url, cfg);
  const hub = liveHub(ds, log);
  process.on('message', (m: StatusMessage | CommitMessage) => {
    if (m?.kind === 'commit' && isCommitEvent(m.event)) {
      hub.onCommit(m.event);
      return;
    }
    if (m?.kind !== 'status') return;
    Object.assign(status, m.status);
    metricsText = m.metrics;
  });
  await retrying(log, `connecting to PostgreSQL at ${redact(url)}`, cfg, () => ds.initialize());
  await startHub(hub, ds);
  const app = await createIndexerApp(ds, status, metrics, appOptions(cfg, log, hub, own));
  await app.listen(cfg.httpPort, cfg.httpHost);
  process.once(
    'SIGTERM',
    () => void app.close().finally(() => void ds.destroy().finally(() => process.exit(0))),
  );
  // The ingest process is gone (even killed): no status any more, nothing to serve.
  process.once('disconnect', () => process.exit(0));
}

async function main(): Promise<void> {
  let cfg: IndexerConfig;
  try {
    cfg = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = pino({ name: 'cairn-indexer', level: cfg.logLevel });
  if (cluster.isWorker) return httpWorker(cfg, process.env.INDEXER_WORKER_DATABASE_URL!, log);
  const codec = cairnEventCodec(cfg.contracts);
  const chain = chainSource(cfg);
  const metrics = new IndexerMetrics(true);

  let pg: PgServer | undefined;
  let url = cfg.databaseUrl;
  if (!url) {
    pg = await retrying(log, `starting the embedded PostgreSQL in ${cfg.pgDir}`, cfg, () =>
      startEmbeddedPostgres({ dir: cfg.pgDir, port: cfg.pgPort }),
    );
    await pg.createDatabase('cairn_indexer');
    url = pg.url('cairn_indexer');
    log.info({ dir: cfg.pgDir, port: pg.port }, 'embedded PostgreSQL started');
  }
  const ds: DataSource = createDataSource(url);
  await retrying(log, `connecting to PostgreSQL at ${redact(url)}`, cfg, async () => {
    if (!ds.isInitialized) await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
  });

  const ingestor = new Ingestor(
    chain,
    codec,
    new IngestStore(ds),
    { ...cfg, reset: cfg.reset },
    log,
    metrics,
  );
  const cursor = await retrying(
    log,
    'opening the index',
    cfg,
    () => ingestor.open(cfg.contracts),
    (e) => e instanceof BuildMismatchError,
  );
  log.info(
    { cursor: cursor.block, contracts: cfg.contracts, startBlock: cfg.startBlock },
    'resuming from the cursor',
  );

  let app: { close(): Promise<unknown> };
  if (cfg.httpProcesses > 1) {
    // The workers share the port (the primary hands out connections) and get the status pushed.
    for (let i = 0; i < cfg.httpProcesses; i++) cluster.fork({ INDEXER_WORKER_DATABASE_URL: url });
    ingestor.feed.on((event) => {
      const message: CommitMessage = { kind: 'commit', event };
      for (const w of Object.values(cluster.workers ?? {})) if (w?.isConnected()) w.send(message);
    });
    const push = async () => {
      const message: StatusMessage = {
        kind: 'status',
        status: { ...ingestor.status },
        metrics: await metrics.registry.metrics(),
      };
      for (const w of Object.values(cluster.workers ?? {})) if (w?.isConnected()) w.send(message);
    };
    const timer = setInterval(() => void push().catch(() => undefined), STATUS_EVERY_MS);
    app = {
      close: async () => {
        clearInterval(timer);
        for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      },
    };
  } else {
    // The API gets its own pool: however busy GraphQL is, ingest keeps its connections.
    const apiDs = createApiDataSource(url, cfg);
    await retrying(log, `connecting the API to PostgreSQL at ${redact(url)}`, cfg, () => apiDs.initialize());
    const hub = liveHub(apiDs, log);
    await startHub(hub, apiDs);
    ingestor.feed.on((event) => hub.onCommit(event));
    const nest = await createIndexerApp(
      apiDs,
      ingestor.status,
      metrics.source,
      appOptions(cfg, log, hub, metrics.registry),
    );
    await nest.listen(cfg.httpPort, cfg.httpHost);
    app = {
      close: async () => {
        await nest.close();
        await apiDs.destroy();
      },
    };
  }
  log.info(
    {
      url: `http://${cfg.httpHost}:${cfg.httpPort}/graphql`,
      driver: cfg.graphqlDriver,
      processes: cfg.httpProcesses,
    },
    'GraphQL listening',
  );

  const shutdown = async (code: number) => {
    ingestor.stop();
    await app.close().catch(() => undefined);
    await ds.destroy().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGTERM', () => void shutdown(0));
  process.once('SIGINT', () => void shutdown(0));
  try {
    await ingestor.run();
  } catch (err) {
    if (err instanceof ReorgTooDeepError) await shutdown(2);
    throw err;
  }
}

main().catch((err: unknown) => {
  if (err instanceof BuildMismatchError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
});
