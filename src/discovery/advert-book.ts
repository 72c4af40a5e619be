/**
 * The adverts a node has seen, one per worker (the highest sequence wins). Entries expire after
 * ttlMs without a refresh. Bounded: when full, the least recently refreshed advert is dropped,
 * so a flood of fresh Sybil adverts costs only the stalest knowledge.
 */
import type { Capabilities } from './capabilities';

export interface KnownAdvert {
  peerId: string;
  caps: Capabilities;
  sequence: bigint;
  receivedAtMs: number;
}

export class AdvertBook {
  private readonly adverts = new Map<string, KnownAdvert>();

  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** False when the advert is not newer than the one held. */
  upsert(peerId: string, caps: Capabilities, sequence: bigint, nowMs = Date.now()): boolean {
    const held = this.adverts.get(peerId);
    if (held && held.sequence >= sequence) return false;
    // Re-inserting moves the entry to the end, keeping the map ordered by refresh time.
    this.adverts.delete(peerId);
    if (this.adverts.size >= this.maxEntries) this.adverts.delete(this.adverts.keys().next().value as string);
    this.adverts.set(peerId, { peerId, caps, sequence, receivedAtMs: nowMs });
    return true;
  }

  get(peerId: string, nowMs = Date.now()): KnownAdvert | undefined {
    const a = this.adverts.get(peerId);
    return a && nowMs - a.receivedAtMs <= this.ttlMs ? a : undefined;
  }

  /** Unexpired adverts; expired ones are dropped on the way. */
  all(nowMs = Date.now()): KnownAdvert[] {
    const out: KnownAdvert[] = [];
    for (const [id, a] of this.adverts) {
      if (nowMs - a.receivedAtMs > this.ttlMs) this.adverts.delete(id);
      else out.push(a);
    }
    return out;
  }

  get size(): number {
    return this.adverts.size;
  }
}
