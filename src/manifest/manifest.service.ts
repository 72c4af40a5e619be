/**
 * Manifest loading for the node: parse, validate against the schema and the node's ceilings.
 * The manifest hash is the felt the job stores on chain, over the exact bytes the poster posted.
 */
import { manifestHash } from '../shared/commitment';
import { MAX_MANIFEST_BYTES, parseManifestText } from './parse';
import type { ValidatedManifest } from './types';
import { type ManifestCeilings, validateManifest } from './validate';

export interface ManifestOptions {
  /** Requests above these are refused (OUT_OF_RANGE); none are applied when absent. */
  ceilings?: ManifestCeilings;
  maxBytes?: number;
}

export class ManifestService {
  constructor(private readonly opts: ManifestOptions = {}) {}

  /** Parses JSON or YAML and validates it. Throws ManifestError. */
  load(source: string | Uint8Array): ValidatedManifest {
    return validateManifest(
      parseManifestText(source, this.opts.maxBytes ?? MAX_MANIFEST_BYTES),
      this.opts.ceilings,
    );
  }

  /** Validates an already-parsed value. Throws ManifestError. */
  validate(value: unknown): ValidatedManifest {
    return validateManifest(value, this.opts.ceilings);
  }

  hash(source: string | Uint8Array): bigint {
    return manifestHash(typeof source === 'string' ? new TextEncoder().encode(source) : source);
  }
}
