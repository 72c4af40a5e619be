/**
 * The worker's side of bidding: on every valid announcement, compare the job's requirements and
 * budget with our capabilities and price floor; if they match, send a signed bid to the poster at
 * our floor price on the bid protocol, and wait for the poster's outcome or rejection on the same
 * stream. Runs inside the gossip validator, before the announcement is forwarded, so the bid is on
 * the wire as early as possible.
 *
 * Pending bids are bounded (maxPending): past it the worker stops bidding until outcomes or
 * expiry free room, since a worker that cannot track a bid should not make it.
 */
import { EventEmitter } from 'node:events';
import { priceFor, unmetRequirements, type Capabilities, type Requirement } from '../discovery/capabilities';
import type { DirectChannel, DirectFrame } from '../p2p/direct';
import { Kind, seal } from '../p2p/envelope';
import { esm } from '../p2p/esm';
import { describe, reject } from '../p2p/errors';
import type { P2pHost } from '../p2p/host';
import type { Logger } from '../shared/logging';
import type { Announcement, BidConsent } from './types';

/**
 * Signs the worker account's consent to be awarded `a` at `price` (src/jobs does, with the
 * account's key): without it a bid cannot be awarded on chain. Absent on simulated workers.
 */
export type ConsentSigner = (a: Announcement, price: bigint) => Promise<BidConsent>;
import { RejectCode, decodeOutcome, decodeRejection, encodeBid } from './wire';

export interface BidOutcome {
  jobId: bigint;
  poster: string;
  won: boolean;
  /** The winning price (ours when we won). */
  price: bigint;
  winner: string;
}

export interface BidRefusal {
  jobId: bigint;
  poster: string;
  code: RejectCode;
  detail: string;
}

export interface WorkerEvents {
  /** A bid decided on: its consent is being signed, then it is sent. */
  bid: [{ jobId: bigint; poster: string; price: bigint; announcement: Announcement }];
  /** A bid handed to the poster's stream (written, not necessarily read yet). */
  sent: [{ jobId: bigint; poster: string }];
  skip: [{ jobId: bigint; poster: string; unmet: Requirement[] }];
  outcome: [BidOutcome];
  rejected: [BidRefusal];
}

interface PendingBid {
  jobId: bigint;
  poster: string;
  price: bigint;
  expiresAtMs: number;
}

/** How long after the bid deadline an unanswered bid is kept; outcomes come right after it. */
const PENDING_GRACE_MS = 30_000;

export class Worker extends EventEmitter<WorkerEvents> {
  private readonly pending = new Map<string, PendingBid>();
  readonly stats = { announcements: 0, bids: 0, skipped: 0, won: 0, lost: 0, rejected: 0, dropped: 0 };
  private readonly log: Logger;
  /** Set by the job life on a node with an account; bids then carry the account's consent. */
  consent?: ConsentSigner;
  /** The least this worker bids (the market's minimum price, which an award must reach). */
  priceFloor = 0n;
  /** Asked before each bid (the job life: free capacity, jobs already held); false skips it. */
  willing?: (a: Announcement) => boolean;
  /** Modules this node refuses to run (src/alerts: hostile-module alerts it believes); true skips the job. */
  refusesModule?: (manifestHash: bigint) => boolean;

  constructor(
    private readonly host: P2pHost,
    private readonly channel: () => DirectChannel,
    readonly caps: Capabilities,
    private readonly maxPending = 4096,
  ) {
    super();
    this.log = host.log.child({ module: 'worker' });
  }

  onAnnouncement(a: Announcement): void {
    if (a.poster === this.host.peerId) return;
    this.stats.announcements++;
    const unmet = unmetRequirements(this.caps, a.requirements, a.budget);
    if (unmet.length > 0) {
      this.stats.skipped++;
      this.emit('skip', { jobId: a.jobId, poster: a.poster, unmet });
      return;
    }
    if (this.refusesModule?.(a.manifestHash)) {
      this.stats.skipped++;
      this.log.info({ jobId: a.jobId, poster: a.poster }, 'job skipped: its module is refused by an alert');
      this.emit('skip', { jobId: a.jobId, poster: a.poster, unmet: [] });
      return;
    }
    if (this.willing && !this.willing(a)) {
      this.stats.skipped++;
      this.emit('skip', { jobId: a.jobId, poster: a.poster, unmet: [] });
      return;
    }
    const now = Date.now();
    if (this.pending.size >= this.maxPending) this.expire(now);
    if (this.pending.size >= this.maxPending) {
      this.stats.dropped++;
      this.log.warn(
        { jobId: a.jobId.toString(), pending: this.pending.size },
        'too many pending bids; not bidding',
      );
      return;
    }
    const offer = priceFor(this.caps, a.requirements);
    const price = offer > this.priceFloor ? offer : this.priceFloor;
    if (price > a.budget) {
      this.stats.skipped++;
      this.emit('skip', { jobId: a.jobId, poster: a.poster, unmet: ['price'] });
      return;
    }
    const key = `${a.poster}|${a.jobId}`;
    this.pending.set(key, {
      jobId: a.jobId,
      poster: a.poster,
      price,
      expiresAtMs: a.bidDeadlineMs + PENDING_GRACE_MS,
    });
    this.stats.bids++;
    this.emit('bid', { jobId: a.jobId, poster: a.poster, price, announcement: a });
    if (!this.consent) {
      this.sendBid(a, price, now);
      return;
    }
    this.consent(a, price).then(
      (consent) => this.sendBid(a, price, Date.now(), consent),
      (err: unknown) => {
        this.pending.delete(key);
        this.log.warn(
          { jobId: a.jobId.toString(), err: describe(err) },
          'could not sign award consent; not bidding',
        );
      },
    );
  }

  private sendBid(a: Announcement, price: bigint, now: number, consent?: BidConsent): void {
    const envelope = seal(
      this.host.signer,
      Kind.KIND_BID,
      encodeBid({
        jobId: a.jobId,
        poster: a.posterBytes,
        announcementDigest: a.digest,
        workerAddress: this.caps.workerAddress,
        price,
        ...(consent ? { consent } : {}),
      }),
      now,
    );
    const channel = this.channel();
    const sent = () => void this.emit('sent', { jobId: a.jobId, poster: a.poster });
    if (channel.trySend(a.poster, envelope)) return sent();
    const { multiaddr } = esm().multiaddr;
    const addrs = a.posterAddrs.flatMap((s) => {
      try {
        return [multiaddr(s)];
      } catch {
        return [];
      }
    });
    channel.send(this.host.peerIdOf(a.poster), envelope, addrs).then(sent, (err: unknown) => {
      this.pending.delete(`${a.poster}|${a.jobId}`);
      this.log.warn({ jobId: a.jobId.toString(), poster: a.poster, err: describe(err) }, 'bid not delivered');
    });
  }

  /**
   * OUTCOME or BID_REJECTED from a poster, on the stream our bid went out on. The stream's peer
   * is the envelope's signer (checked on admission) and Noise authenticated it, so the signature
   * adds only evidence: it is verified when we act on the message (an award, a rejection), not
   * for a lost bid, which only frees our pending entry. That saves a verification (~0.15 ms) per
   * job on every losing worker.
   */
  onFrame(frame: DirectFrame): void {
    const env = frame.env;
    if (env.kind === Kind.KIND_OUTCOME) {
      const o = decodeOutcome(env.payload);
      const key = `${frame.peerId}|${o.jobId}`;
      if (!this.pending.has(key)) throw reject('UNSOLICITED', `outcome for job ${o.jobId} we did not bid on`);
      const won = Buffer.from(o.winner).equals(this.host.signer.peerIdBytes);
      if (won) env.authenticate();
      this.pending.delete(key);
      if (won) this.stats.won++;
      else this.stats.lost++;
      this.emit('outcome', {
        jobId: o.jobId,
        poster: frame.peerId,
        won,
        price: o.price,
        winner: esm().base58.base58btc.baseEncode(o.winner),
      });
      return;
    }
    env.authenticate();
    const r = decodeRejection(env.payload);
    if (!this.pending.delete(`${frame.peerId}|${r.jobId}`))
      throw reject('UNSOLICITED', `rejection for job ${r.jobId} we did not bid on`);
    this.stats.rejected++;
    this.emit('rejected', { jobId: r.jobId, poster: frame.peerId, code: r.code, detail: r.detail });
  }

  get pendingBids(): number {
    return this.pending.size;
  }

  private expire(now: number): void {
    for (const [key, p] of this.pending) if (p.expiresAtMs < now) this.pending.delete(key);
  }
}
