/**
 * The one error for configuration refused at start (node, executor, prover, indexer): every
 * problem listed at once, each as `path: message`, so a user fixes a file in one pass.
 */
export class ConfigError extends Error {
  constructor(
    readonly issues: string[],
    what = 'configuration',
  ) {
    super(`invalid ${what}:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** zod issues as `path: message` lines. */
export function issueLines(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
}
