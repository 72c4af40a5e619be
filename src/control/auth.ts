/**
 * Remote use of the control channel (TCP, off by default): a bearer token read from a file only
 * its owner can read, compared in constant time, and failed attempts limited per remote address
 * so the token cannot be guessed at line rate.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { ConfigError } from '../shared/config-error';

export const MIN_TOKEN_LENGTH = 16;

export async function readTokenFile(path: string): Promise<string> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (err) {
    throw new ConfigError([
      `control.tcp.tokenFile: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); create it with: openssl rand -hex 32 > ${path} && chmod 600 ${path}`,
    ]);
  }
  if ((mode & 0o077) !== 0) {
    throw new ConfigError([
      `control.tcp.tokenFile: ${path} is accessible by group or others (mode ${(mode & 0o777).toString(8)}); run chmod 600 ${path}`,
    ]);
  }
  const token = (await readFile(path, 'utf8')).trim();
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError([
      `control.tcp.tokenFile: the token in ${path} is shorter than ${MIN_TOKEN_LENGTH} characters; generate one with: openssl rand -hex 32 > ${path}`,
    ]);
  }
  return token;
}

/**
 * Constant time in the token's content: both sides are hashed first, so timingSafeEqual compares
 * equal lengths and the time does not even tell the expected token's length.
 */
export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d; they are the same address. */
export function normalizeAddress(addr: string | undefined): string {
  if (!addr) return 'unknown';
  return addr.startsWith('::ffff:') && addr.includes('.') ? addr.slice(7) : addr;
}

/**
 * Failed authentications per remote address in a sliding window. At `max` failures the address
 * is refused without its token being looked at until the oldest failure leaves the window. The
 * table is bounded: past `maxAddresses` the addresses with the oldest failures are forgotten
 * first (an attacker with that many addresses gains little by pushing itself out).
 */
export class AuthFailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    readonly maxAddresses = 10_000,
  ) {}

  /** 0 when the address may try; otherwise how long until it may. */
  retryAfterMs(addr: string, now = Date.now()): number {
    const times = this.recent(addr, now);
    if (times.length < this.max) return 0;
    return times[times.length - this.max]! + this.windowMs - now;
  }

  fail(addr: string, now = Date.now()): void {
    const times = this.recent(addr, now);
    times.push(now);
    this.failures.delete(addr);
    this.failures.set(addr, times.slice(-this.max));
    while (this.failures.size > this.maxAddresses) {
      const oldest = this.failures.keys().next().value as string;
      this.failures.delete(oldest);
    }
  }

  get size(): number {
    return this.failures.size;
  }

  private recent(addr: string, now: number): number[] {
    const times = (this.failures.get(addr) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length === 0) this.failures.delete(addr);
    return times;
  }
}
