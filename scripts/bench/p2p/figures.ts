/** Turning samples into the figures the p2p bench prints. */
import type { Loop } from './protocol';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

export function summary(values: number[]): { n: number; p50: number; p90: number; p99: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50)), p90: round(percentile(s, 90)), p99: round(percentile(s, 99)), max: round(s[s.length - 1] ?? NaN) };
}

/** One line per process for the human-readable output. */
export function describeLoops(loops: Array<Pick<Loop, 'utilization' | 'delayMs'>>): string[] {
  return loops.map((l) => `${Math.round(l.utilization * 100)}% busy, delay p99 ${l.delayMs.p99} ms max ${l.delayMs.max} ms`);
}

/** Progress lines: on stderr under --json, so stdout holds the JSON object alone. */
export const say = (json: boolean, ...args: unknown[]) => (json ? console.error(...args) : console.log(...args));
