/**
 * Offences per peer id and the refusals they earn. An offence is a fall to the disconnect
 * threshold; each one refuses the peer for longer (first, first × escalation, ... up to max), and
 * the count survives reconnects and ban expiry until the peer has been clean for `memoryMs`. So a
 * peer that misbehaves just enough to be disconnected, waits and comes back, is refused for
 * longer every time instead of being welcomed back 0.3 s later.
 *
 * Bans are by peer id only, never by address: an address may be a NAT shared by honest peers.
 */
export interface BanPolicy {
  firstMs: number;
  escalation: number;
  maxMs: number;
  memoryMs: number;
}

interface OffenceRecord {
  offences: number;
  lastMs: number;
  untilMs: number;
}

export interface Ban {
  offences: number;
  durationMs: number;
  untilMs: number;
}

export class OffenceBook {
  private readonly records = new Map<string, OffenceRecord>();

  constructor(
    private readonly policy: BanPolicy,
    private readonly now: () => number = Date.now,
    private readonly maxPeers = 10_000,
  ) {}

  /** Records `weight` offences (a fall straight to the ban threshold counts twice) and bans. */
  offend(peerId: string, weight = 1): Ban {
    const now = this.now();
    let record = this.records.get(peerId);
    if (record && now - record.lastMs > this.policy.memoryMs) record = undefined;
    if (!record) {
      if (this.records.size >= this.maxPeers) this.sweep(now);
      if (this.records.size >= this.maxPeers) this.evictOldest();
      record = { offences: 0, lastMs: now, untilMs: 0 };
      this.records.set(peerId, record);
    }
    record.offences += weight;
    record.lastMs = now;
    const durationMs = Math.min(
      this.policy.maxMs,
      this.policy.firstMs * Math.pow(this.policy.escalation, record.offences - 1),
    );
    record.untilMs = Math.max(record.untilMs, now + durationMs);
    return { offences: record.offences, durationMs, untilMs: record.untilMs };
  }

  /** The end of the peer's current refusal, or undefined when it is not refused. */
  bannedUntil(peerId: string): number | undefined {
    const record = this.records.get(peerId);
    if (!record || record.untilMs <= this.now()) return undefined;
    return record.untilMs;
  }

  offences(peerId: string): number {
    const record = this.records.get(peerId);
    if (!record || this.now() - record.lastMs > this.policy.memoryMs) return 0;
    return record.offences;
  }

  /** True once, when the peer's refusal has ended (the caller puts it on parole). */
  release(peerId: string): boolean {
    const r = this.records.get(peerId);
    if (!r || r.untilMs === 0 || r.untilMs > this.now()) return false;
    r.untilMs = 0;
    return true;
  }

  /** Peers whose refusal ended since the last call (the caller puts them on parole). */
  expired(): string[] {
    const now = this.now();
    const out: string[] = [];
    for (const [id, r] of this.records)
      if (r.untilMs > 0 && r.untilMs <= now) {
        out.push(id);
        r.untilMs = 0;
      }
    return out;
  }

  sweep(now = this.now()): void {
    for (const [id, r] of this.records)
      if (r.untilMs <= now && now - r.lastMs > this.policy.memoryMs) this.records.delete(id);
  }

  private evictOldest(): void {
    let victim: string | undefined;
    let oldest = Infinity;
    for (const [id, r] of this.records)
      if (r.untilMs <= this.now() && r.lastMs < oldest) {
        oldest = r.lastMs;
        victim = id;
      }
    if (victim !== undefined) this.records.delete(victim);
  }
}
