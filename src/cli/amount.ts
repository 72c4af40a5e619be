/**
 * Amounts as people write them (STRK with decimals: `10`, `0.5`, `2.25`) and as the chain
 * counts them (fri, 10^-18 STRK). `--fri` switches both reading and showing to raw fri.
 */
import { CliError, ExitCode } from './exit-codes';

const DECIMALS = 18;
const ONE = 10n ** BigInt(DECIMALS);
/** The largest amount a u256 holds. */
const MAX = 2n ** 256n - 1n;

/** Parses an amount the user typed into fri; a usage error says what was wrong. */
export function parseAmount(text: string, opts: { fri?: boolean; what?: string } = {}): bigint {
  const what = opts.what ?? 'amount';
  const bad = (why: string): never => {
    throw new CliError(ExitCode.Usage, `${what} ${JSON.stringify(text)}: ${why}`, 'USAGE');
  };
  const t = text.trim().replace(/_/g, '');
  let fri: bigint;
  if (opts.fri) {
    if (!/^\d+$/.test(t)) bad('expected a whole number of fri (--fri)');
    fri = BigInt(t);
  } else {
    const m = /^(\d*)(?:\.(\d*))?$/.exec(t);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) bad('expected STRK, like 10 or 0.25 (or fri with --fri)');
    const frac = m![2] ?? '';
    if (frac.length > DECIMALS) bad(`STRK has ${DECIMALS} decimals; give fewer, or fri with --fri`);
    fri = BigInt(m![1] || '0') * ONE + BigInt(frac.padEnd(DECIMALS, '0') || '0');
  }
  if (fri === 0n) bad('must be more than zero');
  if (fri > MAX) bad('too large for the chain (a u256)');
  return fri;
}

/** fri as STRK text without trailing zeros: 1500000000000000000 -> "1.5 STRK". */
export function strk(fri: bigint | string, opts: { fri?: boolean } = {}): string {
  const v = BigInt(fri);
  if (opts.fri) return `${v} fri`;
  const sign = v < 0n ? '-' : '';
  const a = v < 0n ? -v : v;
  const whole = a / ONE;
  const frac = (a % ONE).toString().padStart(DECIMALS, '0').replace(/0+$/, '');
  return `${sign}${whole.toLocaleString('en-US')}${frac ? `.${frac}` : ''} STRK`;
}

/**
 * Rewrites "<n> fri" in a text from the node (a job's history, an error message) as STRK, so
 * what people read is in the unit they typed. Amounts below 10^9 fri stay as they are (fuel
 * prices, not balances).
 */
export function friInText(text: string, opts: { fri?: boolean } = {}): string {
  if (opts.fri) return text;
  return text.replace(/\b(\d{10,78}) fri\b/g, (_m, n: string) => strk(BigInt(n)));
}
