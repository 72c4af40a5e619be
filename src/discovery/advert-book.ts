/**
 * The adverts a node has seen, one per worker (the highest sequence wins). Entries expire after
 * ttlMs without a refresh. Bounded: when full, the least recently refreshed advert is dropped,
 * so a flood of fresh Sybil adverts costs only the stalest knowledge.
 *
 * Every change is numbered (version) under an epoch drawn at random when the book is made, so a
 * peer that synced with this book before can ask for what changed since (advert-sync.ts). The
 * map is kept in version order: a change re-inserts its entry at the end.
 */
import { randomBytes } from 'node:crypto';
import type { PublicCapabilities } from './advert-noise';

export interface KnownAdvert {
  peerId: string;
  caps: PublicCapabilities;
  sequence: bigint;
  receivedAtMs: number;
  /** This book's change number for the entry. */
  version: bigint;
  /** The advert as its worker signed it (an encoded Envelope), which a sync passes on unchanged. */
  signed?: Uint8Array;
}

export class AdvertBook {
  private readonly adverts = new Map<string, KnownAdvert>();
  /** Random and non-zero: a restarted peer's versions never pass for the old book's. */
  readonly epoch: bigint = (randomBytes(8).readBigUInt64BE() >> 1n) | 1n;
  private clock = 0n;

  constructor(
    readonly ttlMs = 5 * 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** False when the advert is not newer than the one held. */
  upsert(
    peerId: string,
    caps: PublicCapabilities,
    sequence: bigint,
    nowMs = Date.now(),
    signed?: Uint8Array,
  ): boolean {
    const held = this.adverts.get(peerId);
    if (held && held.sequence >= sequence) return false;
    // Re-inserting moves the entry to the end, keeping the map ordered by refresh time.
    this.adverts.delete(peerId);
    if (this.adverts.size >= this.maxEntries) this.adverts.delete(this.adverts.keys().next().value as string);
    this.adverts.set(peerId, { peerId, caps, sequence, receivedAtMs: nowMs, version: ++this.clock, signed });
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

  /** Unexpired adverts changed after version `since` that can be passed on (signed), oldest change first. */
  changedSince(since: bigint, nowMs = Date.now()): KnownAdvert[] {
    return this.all(nowMs).filter((a) => a.version > since && a.signed !== undefined);
  }

  /** The number of the latest change. */
  get version(): bigint {
    return this.clock;
  }

  get size(): number {
    return this.adverts.size;
  }
}
