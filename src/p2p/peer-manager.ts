/**
 * Turns scores into consequences. A penalty that takes a peer to the disconnect threshold closes
 * its connections, and its connections are refused (both ways) until decay lifts its score back
 * above the threshold: otherwise a disconnected peer could reconnect at once, and every
 * reconnection costs us a Noise handshake while its messages are dropped unread. Reaching the ban
 * threshold refuses it for banMs whatever its score does. Every heartbeat the gossipsub score of
 * each connected peer is checked as well: a peer below the graylist threshold is already ignored
 * by gossipsub and is disconnected here.
 */
import type { Libp2p } from 'libp2p' with { 'resolution-mode': 'import' };
import type { ConnectionGater, PeerId } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { PeerAction } from './errors';
import type { Logger } from '../shared/logging';
import { PeerScoreStore, scoreState } from './scoring/peer-score';

export interface PeerManagerOptions {
  banMs: number;
  heartbeatMs: number;
  graylistThreshold: number;
}

export class PeerManager {
  private readonly banned = new Map<string, number>();
  private libp2p?: Libp2p;
  private gossipScore?: (peerId: string) => number;
  private timer?: NodeJS.Timeout;
  readonly disconnects = new Map<string, number>();
  /** Connections and dials refused by the gater, per peer. */
  readonly refusals = new Map<string, number>();

  constructor(
    readonly scores: PeerScoreStore,
    private readonly opts: PeerManagerOptions,
    private readonly log: Logger,
  ) {
    scores.onPenalty((peerId, score, action, reason) => this.onPenalty(peerId, score, action, reason));
  }

  /** Consulted by libp2p for every dial and every secured connection. */
  readonly gater: ConnectionGater = {
    denyDialPeer: (peerId: PeerId) => this.refuse(peerId.toString()),
    denyInboundEncryptedConnection: (peerId: PeerId) => this.refuse(peerId.toString()),
    denyOutboundEncryptedConnection: (peerId: PeerId) => this.refuse(peerId.toString()),
  };

  private refuse(peerId: string): boolean {
    const refused = this.isRefused(peerId);
    if (refused) this.refusals.set(peerId, (this.refusals.get(peerId) ?? 0) + 1);
    return refused;
  }

  /** Banned, or still at or below the disconnect score. */
  isRefused(peerId: string): boolean {
    return this.isBanned(peerId) || scoreState(this.scores.score(peerId)) !== 'healthy';
  }

  start(libp2p: Libp2p, gossipScore: (peerId: string) => number): void {
    this.libp2p = libp2p;
    this.gossipScore = gossipScore;
    // Started at a random phase: many nodes started together (a simulation, a fleet restart) would
    // otherwise all run their heartbeat in the same instant.
    this.timer = setTimeout(() => {
      this.timer = setInterval(() => this.heartbeat(), this.opts.heartbeatMs);
      this.timer.unref();
      this.heartbeat();
    }, Math.random() * this.opts.heartbeatMs);
    this.timer.unref();
  }

  stop(): void {
    // The first-phase timeout or the interval after it: Node's clearTimeout clears either.
    clearTimeout(this.timer);
    this.libp2p = undefined;
  }

  isBanned(peerId: string): boolean {
    const until = this.banned.get(peerId);
    if (until === undefined) return false;
    if (Date.now() < until) return true;
    this.banned.delete(peerId);
    return false;
  }

  /** Re-applies the consequences of a peer's current score (a protocol found it still talking). */
  enforce(peerId: string, reason: string): void {
    this.onPenalty(peerId, this.scores.score(peerId), 'high', reason);
  }

  private onPenalty(peerId: string, score: number, action: PeerAction, reason: string): void {
    const state = scoreState(score);
    if (state === 'healthy') return;
    if (state === 'ban' && !this.isBanned(peerId)) {
      this.banned.set(peerId, Date.now() + this.opts.banMs);
      this.log.warn({ peer: peerId, score, action, reason }, 'banning peer');
    }
    this.disconnect(peerId, score, reason);
  }

  private disconnect(peerId: string, score: number, reason: string): void {
    const libp2p = this.libp2p;
    if (!libp2p) return;
    const conns = libp2p.getConnections().filter((c) => c.remotePeer.toString() === peerId);
    if (conns.length === 0) return;
    this.disconnects.set(peerId, (this.disconnects.get(peerId) ?? 0) + 1);
    this.log.info({ peer: peerId, score, reason }, 'disconnecting peer');
    for (const conn of conns) conn.abort(new Error(`score ${score.toFixed(1)}: ${reason}`));
  }

  private heartbeat(): void {
    const libp2p = this.libp2p;
    if (!libp2p || !this.gossipScore) return;
    // getConnections, not getPeers: the latter parses every peer id from its string form again.
    const checked = new Set<string>();
    for (const conn of libp2p.getConnections()) {
      const id = conn.remotePeer.toString();
      if (checked.has(id)) continue;
      checked.add(id);
      const gossip = this.gossipScore(id);
      if (gossip < this.opts.graylistThreshold) {
        this.scores.apply(id, 'low', `gossip score ${gossip.toFixed(1)} below graylist`);
      }
    }
    if (this.banned.size > 0) for (const id of [...this.banned.keys()]) this.isBanned(id);
  }
}
