import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { BlockTxDigest1763900000001 } from './1763900000001-block-tx-digest';
import { JobTermsAndBonds1764600000000 } from './1764600000000-job-terms-and-bonds';
import { RawEventJobIndex1765000000000 } from './1765000000000-raw-event-job-index';

/** In order. Bump SCHEMA_VERSION (ingest/ingest-store.ts) with every migration that changes what projections mean. */
export const MIGRATIONS = [
  InitialSchema1763900000000,
  BlockTxDigest1763900000001,
  JobTermsAndBonds1764600000000,
  RawEventJobIndex1765000000000,
];
