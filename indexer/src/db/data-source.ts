/**
 * The TypeORM data source over the `pg` driver. The schema changes only through the migrations
 * in ./migrations (synchronize is off), run on start.
 */
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function createDataSource(url: string, opts: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    poolSize: opts.poolSize ?? 10,
    // Fail fast so the caller's retry loop, not the driver, decides how long to wait.
    connectTimeoutMS: 5_000,
    extra: { connectionTimeoutMillis: 5_000, idleTimeoutMillis: 10_000 },
  });
}
