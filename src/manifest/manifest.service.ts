/**
 * Manifest loading for the node: parse, validate against the schema and the node's ceilings.
 * The manifest hash is the felt the job stores on chain, over the exact bytes the poster posted.
 */
import { manifestHash } from '../shared/commitment';
import { ManifestError } from './errors';
import { MAX_MANIFEST_BYTES, parseManifestText } from './parse';
import type { Manifest, ValidatedManifest } from './types';
import { type ManifestCeilings, validateManifest } from './validate';

export interface ManifestOptions {
  /** Requests above these are refused (OUT_OF_RANGE); none are applied when absent. */
  ceilings?: ManifestCeilings;
  maxBytes?: number;
  /**
   * The verification modes this node carries out; a manifest asking for another is refused
   * (UNSUPPORTED) rather than accepted and then not honoured. All modes when absent (the job
   * language itself, as the schema defines it).
   */
  verificationModes?: readonly Manifest['verification']['mode'][];
}

/** What a node runs today: `redundancy` (k workers agreeing) is in the language, not in the node. */
export const NODE_VERIFICATION_MODES: readonly Manifest['verification']['mode'][] = ['none', 'groth16'];

export class ManifestService {
  constructor(private readonly opts: ManifestOptions = {}) {}

  /** Parses JSON or YAML and validates it. Throws ManifestError. */
  load(source: string | Uint8Array): ValidatedManifest {
    return this.supported(
      validateManifest(
        parseManifestText(source, this.opts.maxBytes ?? MAX_MANIFEST_BYTES),
        this.opts.ceilings,
      ),
    );
  }

  /** Validates an already-parsed value. Throws ManifestError. */
  validate(value: unknown): ValidatedManifest {
    return this.supported(validateManifest(value, this.opts.ceilings));
  }

  private supported(v: ValidatedManifest): ValidatedManifest {
    const modes = this.opts.verificationModes;
    const mode = v.manifest.verification.mode;
    if (modes && !modes.includes(mode)) {
      throw new ManifestError('UNSUPPORTED', [
        {
          path: 'verification.mode',
          reason: `"${mode}" is not carried out by this node (it runs ${modes.map((m) => `"${m}"`).join(', ')})`,
        },
      ]);
    }
    return v;
  }

  hash(source: string | Uint8Array): bigint {
    return manifestHash(typeof source === 'string' ? new TextEncoder().encode(source) : source);
  }
}
