/**
 * Backoff for our own dials. A peer that refused or dropped us (it may have banned us, or be
 * overloaded) is not redialled in a loop: each failure doubles the wait before the next dial to
 * it, with jitter so many nodes do not retry in step, and a success clears it. Redialling every
 * second is what locked an honest poster out of its own address: each attempt spent one of the
 * per-IP inbound connection allowance shared with everyone behind the same NAT.
 */
import { HostError } from './errors';

interface Entry {
  failures: number;
  notBeforeMs: number;
}

export class DialBackoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly firstMs: number,
    private readonly maxMs: number,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  /** Throws BACKING_OFF while the peer's wait runs. */
  check(peerId: string): void {
    const entry = this.entries.get(peerId);
    if (!entry) return;
    const waitMs = entry.notBeforeMs - this.now();
    if (waitMs > 0)
      throw new HostError(
        'BACKING_OFF',
        `not redialling ${peerId} for another ${Math.ceil(waitMs)} ms after ${entry.failures} failed dial(s)`,
      );
  }

  failed(peerId: string): void {
    const entry = this.entries.get(peerId) ?? { failures: 0, notBeforeMs: 0 };
    entry.failures++;
    const base = Math.min(this.maxMs, this.firstMs * 2 ** (entry.failures - 1));
    // ±25% jitter.
    entry.notBeforeMs = this.now() + base * (0.75 + this.random() * 0.5);
    if (!this.entries.has(peerId) && this.entries.size >= 10_000) this.sweep();
    this.entries.set(peerId, entry);
  }

  succeeded(peerId: string): void {
    this.entries.delete(peerId);
  }

  /** Forgets peers whose wait ended long ago. */
  sweep(): void {
    const now = this.now();
    for (const [id, e] of this.entries) if (now - e.notBeforeMs > this.maxMs) this.entries.delete(id);
  }

  /** Runs `dial` unless the peer is in backoff, recording the outcome. */
  async run<T>(peerId: string, dial: () => Promise<T>): Promise<T> {
    this.check(peerId);
    try {
      const result = await dial();
      this.succeeded(peerId);
      return result;
    } catch (err) {
      this.failed(peerId);
      throw err;
    }
  }
}
