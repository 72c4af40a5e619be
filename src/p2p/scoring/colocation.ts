/**
 * The IP-colocation penalty (gossipsub's P6), weighed by behaviour. Gossipsub's own P6 charges
 * every peer on a crowded address, and counts peers that left but whose scores it retains: a
 * handful of junk peers behind an office NAT got the honest poster and observer on the same NAT
 * graylisted and disconnected. Here the penalty is part of the application score (P5) instead,
 * gossipsub's P6 weight is 0, and:
 *
 * - only connected peers count: a departed peer's retained score is its own business;
 * - only peers on probation count and pay: a peer is proven once it has delivered a valid message
 *   or stayed `provenAfterMs` without a penalty, and stays proven while its score is not negative;
 *   whitelisted addresses (config) and trusted peers (e.g. staked on chain) are always proven;
 * - it only limits gossip (graylisting while the crowd lasts); the peer manager never disconnects
 *   or bans a peer for this part of its score.
 *
 * So a Sybil farm of fresh identities on one address is kept out of gossip as before, while an
 * honest peer that shares the address with misbehaving ones is judged by its own conduct.
 */
import type { PeerScoreStore } from './peer-score';

export interface ColocationOptions {
  threshold: number;
  weight: number;
  provenAfterMs: number;
  whitelist: ReadonlySet<string>;
  /** Peers vouched for outside the p2p layer (on-chain stake); never on probation. */
  trusted?: (peerId: string) => boolean;
  now?: () => number;
}

export interface ConnectedPeer {
  peerId: string;
  /** Undefined for transports without an IP (the in-memory transport). */
  ip: string | undefined;
}

const MAX_REMEMBERED = 10_000;

export class Colocation {
  private readonly ipOf = new Map<string, string>();
  private readonly connectedSince = new Map<string, number>();
  /** Peers that delivered a valid message; kept across reconnects (bounded, oldest dropped). */
  private readonly delivered = new Set<string>();
  private onProbation = new Map<string, number>();
  private readonly now: () => number;

  constructor(
    private readonly opts: ColocationOptions,
    private readonly scores: PeerScoreStore,
  ) {
    this.now = opts.now ?? Date.now;
  }

  /** A valid message from the peer: the strongest sign that it is what it claims. */
  deliveredValid(peerId: string): void {
    if (this.delivered.has(peerId)) return;
    if (this.delivered.size >= MAX_REMEMBERED) {
      const first = this.delivered.values().next().value;
      if (first !== undefined) this.delivered.delete(first);
    }
    this.delivered.add(peerId);
  }

  proven(peerId: string): boolean {
    const ip = this.ipOf.get(peerId);
    if (ip !== undefined && this.opts.whitelist.has(ip)) return true;
    if (this.opts.trusted?.(peerId)) return true;
    if (this.scores.score(peerId) < 0) return false;
    if (this.delivered.has(peerId)) return true;
    const since = this.connectedSince.get(peerId);
    return since !== undefined && this.now() - since >= this.opts.provenAfterMs;
  }

  /** Rebuilds the per-address census from the live connections (once per heartbeat). */
  refresh(connected: Iterable<ConnectedPeer>): void {
    const now = this.now();
    const seen = new Set<string>();
    this.ipOf.clear();
    for (const { peerId, ip } of connected) {
      if (seen.has(peerId)) continue;
      seen.add(peerId);
      if (!this.connectedSince.has(peerId)) this.connectedSince.set(peerId, now);
      if (ip !== undefined) this.ipOf.set(peerId, ip);
    }
    for (const id of this.connectedSince.keys()) if (!seen.has(id)) this.connectedSince.delete(id);
    const counts = new Map<string, number>();
    if (this.opts.weight !== 0)
      for (const [peerId, ip] of this.ipOf)
        if (!this.proven(peerId)) counts.set(ip, (counts.get(ip) ?? 0) + 1);
    this.onProbation = counts;
  }

  /** The penalty (≤ 0) added to the peer's application score. */
  penalty(peerId: string): number {
    if (this.opts.weight === 0) return 0;
    const ip = this.ipOf.get(peerId);
    if (ip === undefined) return 0;
    const excess = (this.onProbation.get(ip) ?? 0) - this.opts.threshold;
    if (excess <= 0 || this.proven(peerId)) return 0;
    return this.opts.weight * excess * excess;
  }

  /** Peers on probation at `ip` at the last census. */
  probationCount(ip: string): number {
    return this.onProbation.get(ip) ?? 0;
  }
}
