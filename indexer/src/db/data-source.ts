/**
 * The TypeORM data source over the `pg` driver. The schema changes only through the migrations
 * in ./migrations (synchronize is off), run on start.
 */
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceOptions {
  poolSize?: number;
  /** Sent as each connection's statement_timeout: the server cancels longer statements. */
  statementTimeoutMs?: number;
  /** How long a query may wait for a free connection of this pool (and to connect). */
  acquireTimeoutMs?: number;
  /** Shown in pg_stat_activity: tells the API's connections from ingest's. */
  applicationName?: string;
}

export function createDataSource(url: string, opts: DataSourceOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    poolSize: opts.poolSize ?? 10,
    applicationName: opts.applicationName ?? 'cairn-indexer',
    // Fail fast so the caller's retry loop, not the driver, decides how long to wait.
    connectTimeoutMS: opts.acquireTimeoutMs ?? 5_000,
    extra: {
      connectionTimeoutMillis: opts.acquireTimeoutMs ?? 5_000,
      idleTimeoutMillis: 10_000,
      ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
    },
  });
}
