/**
 * What this node does about an alert: its own policy, not the issuer's. An alert is a signed
 * claim; the node acts on it only when the issuer is one it trusts (alerts.trustedIssuers, or
 * itself) and the issuer's standing with this node is not bad. Then a hostile-module alert puts
 * the module on this node's refusal list, and a slashed-worker or griefing-poster alert lowers the
 * named peer's score (one graded penalty: enough to matter in choosing peers, far from a ban on
 * one claim). Anything else is noted in the log and changes nothing.
 */
import type { AlertsConfig } from '../config/alerts';
import { peerIdToString } from '../p2p/crypto';
import type { PeerAction } from '../p2p/errors';
import { MIN_SCORE_BEFORE_DISCONNECT, type PeerScoreStore } from '../p2p/scoring/peer-score';
import { AlertType, type Alert } from './alert-codec';

export type AlertDecision =
  | { action: 'refuse-module'; module: string }
  | { action: 'lower-peer'; peer: string; score: number }
  | { action: 'noted'; reason: string };

/** The penalty one trusted alert costs the peer it names. */
const ALERT_PENALTY: PeerAction = 'mid';
/** Modules remembered as refused; the oldest goes first. */
const MAX_REFUSED_MODULES = 10_000;

export class AlertPolicy {
  private readonly trusted: Set<string>;
  private readonly refused = new Set<bigint>();

  constructor(
    config: Pick<AlertsConfig, 'trustedIssuers'>,
    private readonly selfId: () => string,
    private readonly scores: PeerScoreStore,
  ) {
    this.trusted = new Set(config.trustedIssuers);
  }

  trusts(issuer: string): boolean {
    return issuer === this.selfId() || this.trusted.has(issuer);
  }

  isModuleRefused(manifestHash: bigint): boolean {
    return this.refused.has(manifestHash);
  }

  apply(alert: Alert, issuer: string): AlertDecision {
    if (!this.trusts(issuer)) return { action: 'noted', reason: 'issuer not trusted' };
    if (this.scores.score(issuer) <= MIN_SCORE_BEFORE_DISCONNECT)
      return { action: 'noted', reason: 'issuer in bad standing' };
    switch (alert.type) {
      case AlertType.ALERT_TYPE_HOSTILE_MODULE: {
        if (!this.refused.has(alert.subject)) {
          if (this.refused.size >= MAX_REFUSED_MODULES)
            this.refused.delete(this.refused.values().next().value as bigint);
          this.refused.add(alert.subject);
        }
        return { action: 'refuse-module', module: `0x${alert.subject.toString(16)}` };
      }
      case AlertType.ALERT_TYPE_WORKER_SLASHED:
      case AlertType.ALERT_TYPE_GRIEFING_POSTER: {
        if (!alert.subjectPeer) return { action: 'noted', reason: 'no peer named' };
        const peer = peerIdToString(alert.subjectPeer);
        if (peer === this.selfId()) return { action: 'noted', reason: 'names this node' };
        const reason =
          alert.type === AlertType.ALERT_TYPE_WORKER_SLASHED
            ? 'ALERT_WORKER_SLASHED'
            : 'ALERT_GRIEFING_POSTER';
        return { action: 'lower-peer', peer, score: this.scores.apply(peer, ALERT_PENALTY, reason) };
      }
      default:
        return { action: 'noted', reason: `unknown type ${String(alert.type)}` };
    }
  }
}
