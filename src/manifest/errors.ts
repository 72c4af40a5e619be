/**
 * Why a manifest was refused. Each issue names where (a path like `tasklets[2].input.from[0]`)
 * and why, in words a poster can act on.
 */

export type ManifestErrorCode =
  /** Not parseable as JSON or YAML. */
  | 'PARSE'
  /** Larger than the node accepts. */
  | 'TOO_LARGE'
  /** Does not match the JSON Schema (missing or unknown field, wrong type, bad pattern...). */
  | 'SCHEMA'
  /** Two tasklets share an id. */
  | 'DUPLICATE_ID'
  /** A tasklet or the aggregate step reads from a tasklet that does not exist. */
  | 'UNKNOWN_REFERENCE'
  /** Tasklets read from each other in a loop. */
  | 'CYCLE'
  /** No aggregate step and more than one tasklet whose output nobody reads. */
  | 'AMBIGUOUS_OUTPUT'
  /** A number is out of range (a price above u256, a limit above the node's ceiling). */
  | 'OUT_OF_RANGE'
  /** Fields that cannot go together. */
  | 'CONFLICT'
  /** Valid in the job language, but this node does not carry it out (a verification mode). */
  | 'UNSUPPORTED';

export interface ManifestIssue {
  /** Where, e.g. `resources.fuel` or `tasklets[1].input.from[0]`; empty for the whole document. */
  path: string;
  reason: string;
}

export class ManifestError extends Error {
  constructor(
    readonly code: ManifestErrorCode,
    readonly issues: ManifestIssue[],
  ) {
    super(`invalid manifest (${code.toLowerCase().replace(/_/g, ' ')}): ${summarize(issues)}`);
    this.name = 'ManifestError';
  }
}

function summarize(issues: ManifestIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.reason}` : i.reason));
  const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : '';
  return shown.join('; ') + more;
}
