/**
 * Turns scores into consequences. A penalty that takes a peer to the disconnect threshold is an
 * offence (scoring/offences.ts): its connections are closed and refused both ways for a time that
 * grows with every repeated offence; a fall to the ban threshold counts as two. When the refusal
 * ends the peer is on parole (score lifted to PAROLE_SCORE), so one more error is the next
 * offence, not a slow slide under a decaying score. Refusing both ways matters: otherwise a
 * disconnected peer reconnects at once, and every reconnection costs us a Noise handshake.
 *
 * Every heartbeat the gossipsub score of each connected peer is checked as well: a peer below the
 * graylist threshold on its own conduct (the colocation share of its score left out, see
 * scoring/colocation.ts) is penalised here, which leads to its disconnection.
 */
import type { Libp2p } from 'libp2p' with { 'resolution-mode': 'import' };
import type { ConnectionGater, PeerId } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { PeerAction } from './errors';
import type { Logger } from '../shared/logging';
import { remoteIp } from './addresses';
import type { AddressWatch } from './address-watch';
import type { Colocation } from './scoring/colocation';
import { OffenceBook, type BanPolicy } from './scoring/offences';
import { PAROLE_SCORE, PeerScoreStore, scoreState } from './scoring/peer-score';

export interface PeerManagerOptions {
  bans: BanPolicy;
  heartbeatMs: number;
  graylistThreshold: number;
}

export class PeerManager {
  readonly offences: OffenceBook;
  private libp2p?: Libp2p;
  private gossipScore?: (peerId: string) => number;
  private timer?: NodeJS.Timeout;
  readonly disconnects = new Map<string, number>();
  /** Connections and dials refused by the gater, per peer. */
  readonly refusals = new Map<string, number>();

  constructor(
    readonly scores: PeerScoreStore,
    readonly colocation: Colocation,
    readonly addresses: AddressWatch,
    private readonly opts: PeerManagerOptions,
    private readonly log: Logger,
  ) {
    this.offences = new OffenceBook(opts.bans);
    scores.onPenalty((peerId, score, action, reason) => this.onPenalty(peerId, score, action, reason));
  }

  /**
   * Consulted by libp2p for every dial and every secured connection. Inbound connections are
   * admitted by address before that, at accept and then in turn (inbound-queue.ts, which the host
   * installs as `denyInboundConnection` and which asks `addresses.admit`).
   */
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

  /** Serving a refusal (a ban of some length) for a past offence. */
  isRefused(peerId: string): boolean {
    return this.isBanned(peerId);
  }

  isBanned(peerId: string): boolean {
    if (this.offences.bannedUntil(peerId) !== undefined) return true;
    // Parole at once, not at the next heartbeat: a peer back before it would still sit at its
    // old score and be cut off by its first frame.
    if (this.offences.release(peerId)) this.onParole(peerId);
    return false;
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

  /** Re-applies the consequences of a peer's current score (a protocol found it still talking). */
  enforce(peerId: string, reason: string): void {
    this.onPenalty(peerId, this.scores.score(peerId), 'high', reason);
  }

  private onPenalty(peerId: string, score: number, action: PeerAction, reason: string): void {
    const state = scoreState(score);
    if (state === 'healthy') return;
    if (!this.isBanned(peerId)) {
      const ban = this.offences.offend(peerId, state === 'ban' ? 2 : 1);
      for (const conn of this.libp2p?.getConnections() ?? [])
        if (conn.remotePeer.toString() === peerId) this.addresses.offended(remoteIp(conn.remoteAddr), peerId);
      this.log.warn(
        { peer: peerId, score, action, reason, offences: ban.offences, banMs: ban.durationMs },
        ban.offences > 1 ? 'banning peer' : 'refusing peer after its first offence',
      );
    }
    this.disconnect(peerId, score, reason);
  }

  /** Refusals that ended: the peer may come back, one error away from its next offence. */
  private parole(): void {
    for (const id of this.offences.expired()) this.onParole(id);
  }

  private onParole(peerId: string): void {
    this.scores.raiseTo(peerId, PAROLE_SCORE);
    this.log.info({ peer: peerId, offences: this.offences.offences(peerId) }, 'ban expired; peer on parole');
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
    const conns = libp2p.getConnections();
    this.colocation.refresh(
      conns.map((c) => ({ peerId: c.remotePeer.toString(), ip: remoteIp(c.remoteAddr) })),
    );
    // getConnections, not getPeers: the latter parses every peer id from its string form again.
    const checked = new Set<string>();
    for (const conn of conns) {
      const id = conn.remotePeer.toString();
      if (checked.has(id)) continue;
      checked.add(id);
      // The colocation penalty keeps a crowded address's unproven peers out of gossip; it is not
      // the peer's own conduct, so it never leads to a disconnection.
      const own = this.gossipScore(id) - this.colocation.penalty(id);
      if (own < this.opts.graylistThreshold) {
        this.scores.apply(id, 'low', `gossip score ${own.toFixed(1)} below graylist`);
      }
    }
    this.parole();
    this.offences.sweep();
    this.addresses.sweep();
  }
}
