/**
 * Token buckets per peer. A direct-protocol frame costs a token; a peer out of tokens has its
 * frames dropped (and is penalised per drop, so a flood turns into a ban quickly). Buckets of
 * peers that went quiet are swept, and the table is bounded: past maxPeers a new peer starts
 * with a shared empty bucket until the sweep frees room, which throttles a Sybil swarm without
 * touching established peers.
 */
interface Bucket {
  tokens: number;
  refilledMs: number;
}

export class PeerRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly overflow: Bucket = { tokens: 0, refilledMs: 0 };

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly maxPeers = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` tokens if available. */
  tryTake(peerId: string, cost = 1): boolean {
    const bucket = this.refilled(peerId);
    if (bucket.tokens < cost) return false;
    bucket.tokens -= cost;
    return true;
  }

  /** Whether `cost` tokens are available, taking none. */
  peek(peerId: string, cost = 1): boolean {
    return this.refilled(peerId).tokens >= cost;
  }

  private refilled(peerId: string): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(peerId);
    if (!bucket) {
      if (this.buckets.size >= this.maxPeers) this.sweep(now);
      if (this.buckets.size >= this.maxPeers) bucket = this.overflow;
      else this.buckets.set(peerId, (bucket = { tokens: this.burst, refilledMs: now }));
    }
    const elapsed = now - bucket.refilledMs;
    if (elapsed > 0) {
      bucket.tokens = Math.min(this.burst, bucket.tokens + (elapsed * this.ratePerSecond) / 1000);
      bucket.refilledMs = now;
    }
    return bucket;
  }

  forget(peerId: string): void {
    this.buckets.delete(peerId);
  }

  /** Drops buckets that have refilled completely: their peers are idle and start full anyway. */
  sweep(now = this.now()): void {
    const fullAfterMs = (this.burst / this.ratePerSecond) * 1000;
    for (const [id, bucket] of this.buckets)
      if (now - bucket.refilledMs >= fullAfterMs) this.buckets.delete(id);
  }
}
