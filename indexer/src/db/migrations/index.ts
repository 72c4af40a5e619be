import { InitialSchema1763900000000 } from './1763900000000-initial-schema';

/** In order. Bump SCHEMA_VERSION (db/schema-version.ts) with every migration that changes projections. */
export const MIGRATIONS = [InitialSchema1763900000000];
