/**
 * Who may hold a reservation on this node when it serves as a circuit relay. libp2p's relay
 * store caps reservations in total and sets their TTL and per-circuit limits; it takes any
 * peer that asks. Here, before it does: a peer serving a ban or with a negative score gets
 * nothing, and one remote IP holds at most `maxPerIp` reservations, so one host cannot take
 * every slot with throwaway identities. Renewing one's own reservation is always allowed.
 */
import type { PeerScoreStore } from './scoring/peer-score';

export interface ReservationHolder {
  peerId: string;
  ip: string | undefined;
}

export interface ReservationRequest {
  peerId: string;
  /** The remote IP of the connection the request came on; undefined for a non-IP transport. */
  ip: string | undefined;
}

export type ReservationVerdict = 'accept' | 'refused-peer' | 'ip-full';

/** The decision alone, over a snapshot of current holders. */
export function judgeReservation(
  req: ReservationRequest,
  holders: Iterable<ReservationHolder>,
  opts: { maxPerIp: number; refused: (peerId: string) => boolean; score: (peerId: string) => number },
): ReservationVerdict {
  if (opts.refused(req.peerId) || opts.score(req.peerId) < 0) return 'refused-peer';
  if (req.ip === undefined) return 'accept';
  let sameIp = 0;
  for (const h of holders) {
    if (h.peerId === req.peerId) return 'accept';
    if (h.ip === req.ip) sameIp++;
  }
  return sameIp >= opts.maxPerIp ? 'ip-full' : 'accept';
}

export interface RelayPolicyDeps {
  maxPerIp: number;
  scores: PeerScoreStore;
  refused: (peerId: string) => boolean;
  /** Current reservations (the relay service's store). */
  holders: () => Iterable<ReservationHolder>;
  /** The IP a peer is connected from now. */
  ipOf: (peerId: string) => string | undefined;
}

export class RelayReservationPolicy {
  readonly refusals: Record<Exclude<ReservationVerdict, 'accept'>, number> = { 'refused-peer': 0, 'ip-full': 0 };

  constructor(private readonly deps: RelayPolicyDeps) {}

  /** The connection gater's denyInboundRelayReservation: true refuses. */
  deny(peerId: string): boolean {
    const verdict = judgeReservation({ peerId, ip: this.deps.ipOf(peerId) }, this.deps.holders(), {
      maxPerIp: this.deps.maxPerIp,
      refused: this.deps.refused,
      score: (id) => this.deps.scores.score(id),
    });
    if (verdict === 'accept') return false;
    this.refusals[verdict]++;
    return true;
  }
}
