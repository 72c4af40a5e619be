/** How amounts, addresses and times read on the page. */
const DECIMALS = 18n;
const UNIT = 10n ** DECIMALS;

/** An amount in fri (10^-18 STRK) as STRK with up to 4 decimals: "12.5 STRK". */
export function strk(fri: string | null | undefined): string {
  if (fri === null || fri === undefined) return '–';
  const v = BigInt(fri);
  const whole = v / UNIT;
  const frac = ((v % UNIT) * 10_000n) / UNIT;
  const tail = frac === 0n ? '' : `.${frac.toString().padStart(4, '0').replace(/0+$/, '')}`;
  return `${whole.toLocaleString('en')}${tail} STRK`;
}

/** STRK as a number, for charts only (precision does not matter at a pixel). */
export const strkNumber = (fri: string) => Number(BigInt(fri) / 10n ** 14n) / 10_000;

export const short = (hex: string | null | undefined, keep = 6) =>
  !hex ? '–' : hex.length <= keep * 2 + 3 ? hex : `${hex.slice(0, keep + 2)}…${hex.slice(-keep)}`;

export const when = (unix: number | null | undefined) =>
  !unix ? '–' : new Date(unix * 1000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

export const pct = (bps: number) => `${(bps / 100).toFixed(2)}%`;
