/**
 * Stream resets per peer. An honest peer resets a stream now and then (it shut down, a timeout
 * fired); a peer that opens and resets streams in a loop makes us pay for each negotiation. A
 * token bucket per peer forgives `perMinute` resets a minute; each reset beyond is charged.
 */
import { PeerRateLimiter } from './rate-limit';

export class ResetMeter {
  private readonly bucket: PeerRateLimiter;
  /** Resets seen per peer since start, for tests and metrics. */
  readonly counts = new Map<string, number>();

  constructor(perMinute: number, now?: () => number) {
    // A zero allowance still needs a positive refill rate for the bucket; it never fills past 0.
    this.bucket = new PeerRateLimiter(Math.max(perMinute, 1e-9) / 60, perMinute, 10_000, now);
  }

  /** Records a reset by the peer; true when it is beyond the allowance and must be charged. */
  overAllowance(peerId: string): boolean {
    this.counts.set(peerId, (this.counts.get(peerId) ?? 0) + 1);
    if (this.counts.size > 10_000) this.counts.clear();
    return !this.bucket.tryTake(peerId);
  }

  sweep(): void {
    this.bucket.sweep();
  }
}
