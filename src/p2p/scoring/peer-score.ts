/**
 * One score per peer for everything the application sees (bad messages, rate-limit breaches,
 * protocol violations), after lodestar's PeerRpcScoreStore. Scores decay towards 0 with a
 * half-life, so an honest peer that once sent a stale message recovers, while a peer that keeps
 * misbehaving falls through the disconnect and ban thresholds. The same score is fed to gossipsub
 * as its application-specific score (P5), so gossip and direct protocols judge a peer alike.
 */
import type { PeerAction } from '../errors';

export const MAX_SCORE = 100;
export const MIN_SCORE = -100;
/** Two low-tolerance errors: the peer is disconnected and refused for a while (an offence). */
export const MIN_SCORE_BEFORE_DISCONNECT = -20;
/** Five low-tolerance errors or one fatal: counts as two offences at once (a longer ban). */
export const MIN_SCORE_BEFORE_BAN = -50;

export const ACTION_SCORE: Record<PeerAction, number> = {
  fatal: MIN_SCORE - MAX_SCORE,
  severe: MIN_SCORE_BEFORE_DISCONNECT,
  low: -10,
  mid: -5,
  high: -1,
};

/** Where a peer's score is set when its ban ends: one more low-tolerance error is a new offence. */
export const PAROLE_SCORE = MIN_SCORE_BEFORE_DISCONNECT / 2;

export type ScoreState = 'healthy' | 'disconnect' | 'ban';

export function scoreState(score: number): ScoreState {
  if (score <= MIN_SCORE_BEFORE_BAN) return 'ban';
  if (score <= MIN_SCORE_BEFORE_DISCONNECT) return 'disconnect';
  return 'healthy';
}

interface Entry {
  score: number;
  updatedMs: number;
}

export interface PeerScoreOptions {
  /** 10 minutes: a banned peer (-50) is back to disconnect level (-20) after ~13 minutes. */
  halfLifeMs?: number;
  /** Bounded: when full, the entry closest to zero (the least informative) is dropped. */
  maxPeers?: number;
  now?: () => number;
}

export class PeerScoreStore {
  private readonly scores = new Map<string, Entry>();
  private readonly decayPerMs: number;
  private readonly maxPeers: number;
  private readonly now: () => number;
  private readonly listeners: Array<
    (peerId: string, score: number, action: PeerAction, reason: string) => void
  > = [];

  constructor(opts: PeerScoreOptions = {}) {
    this.decayPerMs = Math.log(2) / (opts.halfLifeMs ?? 10 * 60_000);
    this.maxPeers = opts.maxPeers ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  score(peerId: string): number {
    const entry = this.scores.get(peerId);
    if (!entry) return 0;
    this.decay(entry);
    return entry.score;
  }

  /** Applies a penalty and tells the listeners (the peer manager disconnects or bans). */
  apply(peerId: string, action: PeerAction, reason: string): number {
    let entry = this.scores.get(peerId);
    if (!entry) {
      if (this.scores.size >= this.maxPeers) this.evictOne();
      entry = { score: 0, updatedMs: this.now() };
      this.scores.set(peerId, entry);
    } else {
      this.decay(entry);
    }
    entry.score = Math.max(MIN_SCORE, Math.min(MAX_SCORE, entry.score + ACTION_SCORE[action]));
    for (const listener of this.listeners) listener(peerId, entry.score, action, reason);
    return entry.score;
  }

  /** Lifts a score to at least `floor` (parole after a ban); never lowers it, tells nobody. */
  raiseTo(peerId: string, floor: number): void {
    const entry = this.scores.get(peerId);
    if (!entry) return;
    this.decay(entry);
    entry.score = Math.max(entry.score, floor);
  }

  onPenalty(listener: (peerId: string, score: number, action: PeerAction, reason: string) => void): void {
    this.listeners.push(listener);
  }

  private decay(entry: Entry): void {
    const now = this.now();
    const elapsed = now - entry.updatedMs;
    if (elapsed <= 0) return;
    entry.score *= Math.exp(-this.decayPerMs * elapsed);
    if (Math.abs(entry.score) < 0.01) entry.score = 0;
    entry.updatedMs = now;
  }

  private evictOne(): void {
    let victim: string | undefined;
    let best = Infinity;
    for (const [id, entry] of this.scores) {
      const magnitude = Math.abs(entry.score);
      if (magnitude < best) {
        best = magnitude;
        victim = id;
        if (magnitude === 0) break;
      }
    }
    if (victim !== undefined) this.scores.delete(victim);
  }
}
