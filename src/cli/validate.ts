/** Ids and addresses checked before anything is sent: a typo is a usage error (exit 2), not a round trip. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, ExitCode } from './exit-codes';

/** A job id as the JobMarket numbers them (a u64, from 1). */
export function jobId(text: string): string {
  const t = text.trim();
  if (!/^[1-9][0-9]{0,19}$/.test(t) || BigInt(t) > 2n ** 64n - 1n)
    throw new CliError(
      ExitCode.Usage,
      `job id ${JSON.stringify(text)}: expected a positive integer (like 7)`,
      'USAGE',
    );
  return t;
}

/** A graph id as `graph.post` returns it (`g` + a base-36 time, `-`, 8 hex digits). */
export function graphId(text: string): string {
  const t = text.trim();
  if (!/^g[a-z0-9]{1,20}-[0-9a-f]{8}$/.test(t))
    throw new CliError(
      ExitCode.Usage,
      `graph id ${JSON.stringify(text)}: expected a graph id as \`cairn graph post\` prints it (like gmiq3k2x1-0a1b2c3d)`,
      'USAGE',
    );
  return t;
}

/** A Starknet address: 0x and 1 to 64 hex digits, below the field prime; returned as typed. */
export function address(text: string, what = 'address'): string {
  const t = text.trim();
  if (!/^0x[0-9a-fA-F]{1,64}$/.test(t) || BigInt(t) >= 2n ** 251n)
    throw new CliError(
      ExitCode.Usage,
      `${what} ${JSON.stringify(text)}: expected a Starknet address, 0x and up to 64 hex digits`,
      'USAGE',
    );
  return t;
}

/** One of `choices`, matched without regard to case; returned as the choice is spelled. */
export function oneOf<T extends string>(text: string, choices: readonly T[], what: string): T {
  const hit = choices.find((c) => c.toLowerCase() === text.trim().toLowerCase());
  if (!hit)
    throw new CliError(
      ExitCode.Usage,
      `${what} ${JSON.stringify(text)}: expected one of ${choices.join(', ')}`,
      'USAGE',
    );
  return hit;
}

/** A whole number from `min` to `max` (a count, seconds, attempts), as an option gives it. */
export function wholeNumber(text: string, what: string, min: number, max: number): number {
  // Decimal digits only: Number() alone would take '0x10', '1e1' and ' 7 ' too.
  const n = /^[0-9]{1,16}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(
      ExitCode.Usage,
      `${what} ${text}: expected a whole number from ${min} to ${max}`,
      'USAGE',
    );
  return n;
}

/** A whole-number option within [min, max], or undefined when not given. */
export function intOption(v: string | undefined, what: string, min: number, max: number): number | undefined {
  return v === undefined ? undefined : wholeNumber(v, what, min, max);
}

/** A file that exists (a manifest, a blob), as an absolute path. */
export function checkFile(path: string, what: string): string {
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch (err) {
    throw new CliError(
      ExitCode.Usage,
      `${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      'USAGE',
    );
  }
  return resolve(path);
}
