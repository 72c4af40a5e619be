/**
 * The poster's side of bidding: announce a job on gossip, take bids on the bid protocol until the
 * window closes (its deadline, maxBids valid bids in, or a bid in from every worker the advert
 * book says may take the job: bid-window.ts), rank them with the strategy, award the first the
 * stake registry accepts, and send one signed outcome to every bidder (each learns from it
 * whether it won). With no eligible bid, the result explains why from the known adverts.
 *
 * A bid's reputation, which ranking needs for every bid, is read as the bid enters the window,
 * while the window waits for the others. The stake and the job's own check (checkBid) are read
 * at the close for the ranked candidates only, the two at once: checking every bid on arrival
 * was tried, and when many windows close together (a graph's units) it multiplied the chain
 * reads and made the close slower, not faster.
 *
 * Cost control on the hot path: a bid is read (protobuf only) before anything else only to find
 * its job; a bid for a job whose window already closed is answered with the job's outcome (it
 * lost) without validating or verifying it, since nothing in it is used (7 of 10 bids on the
 * throughput bench). Every bid that enters a window is fully validated and verified first. The
 * outcome is signed once per job, whatever the number of bidders.
 */
import { createHash } from 'node:crypto';
import { collateralFor } from '../chain/job';
import type { AdvertBook } from '../discovery/advert-book';
import type { DirectFrame } from '../p2p/direct';
import { Kind, seal } from '../p2p/envelope';
import { reject } from '../p2p/errors';
import type { P2pHost } from '../p2p/host';
import type { Logger } from '../shared/logging';
import { type CloseReason, earlyClose, expectedBidders } from './bid-window';
import { explainNoBids, type NoBidExplanation } from './explain';
import { feltHex } from '../shared/felt';
import type { Eligibility, ReputationSource, StakeVerifier } from './stake';
import type { ChooseStrategy, RankedBid } from './strategy';
import type { JobSpec, ReceivedBid } from './types';
import {
  RejectCode,
  checkBid,
  readBid,
  encodeAnnouncement,
  encodeOutcome,
  encodeRejection,
  MAX_BIDS_LIMIT,
  MAX_BID_WINDOW_MS,
} from './wire';

export type JobResult =
  | {
      status: 'awarded';
      jobId: bigint;
      winner: ReceivedBid;
      winnerReputation: number;
      /** Bids that entered the window, in arrival order. */
      bids: ReceivedBid[];
      /** Bidders refused by the stake registry before the winner was found. */
      refused: Array<{ worker: string; reason: string }>;
      /** Peers the outcome was sent to (winner and losers, late ones included). */
      notified: number;
      timing: JobTiming;
    }
  | {
      status: 'unawarded';
      jobId: bigint;
      reason: 'no-bids' | 'no-eligible-bids';
      bids: ReceivedBid[];
      refused: Array<{ worker: string; reason: string }>;
      explanation: NoBidExplanation;
      timing: JobTiming;
    };

export interface JobTiming {
  /** performance.now() when announce() was called. */
  announcedAt: number;
  firstBidAt?: number;
  /** When the window stopped taking bids (its ranking and checks then ran until closedAt). */
  closingAt?: number;
  closedAt: number;
  /** What closed the window. */
  closedBy?: CloseReason;
}

export interface PosterDeps {
  host: P2pHost;
  book: AdvertBook;
  stake: StakeVerifier;
  reputation: ReputationSource;
  strategy: ChooseStrategy;
  defaultBidWindowMs: number;
  defaultMaxBids: number;
  log: Logger;
}

type Reply = (bytes: Uint8Array) => boolean;

interface OpenJob {
  spec: JobSpec;
  strategy: ChooseStrategy;
  maxBids: number;
  /** The signed announcement as published: bids name its digest. */
  envelope: Uint8Array;
  digest: Uint8Array;
  state: 'open' | 'closing' | 'closed';
  /** Workers the advert book says may bid (see bid-window.ts); undefined: too many to wait for. */
  expected?: ReadonlySet<string>;
  bids: ReceivedBid[];
  /** Each bid's reputation, by bidder, read as it entered the window. */
  reputations: Map<string, Promise<ReputationRead>>;
  bidders: Map<string, Reply>;
  late: Map<string, Reply>;
  outcome?: Uint8Array;
  timer?: NodeJS.Timeout;
  timing: JobTiming;
  resolve(result: JobResult): void;
}

/** A bidder's reputation, or the error its read failed with (the close reports it). */
type ReputationRead = { score: number } | { error: unknown };

/** Closed jobs remembered for answering late bids; past this, the oldest is forgotten. */
const MAX_CLOSED_JOBS = 10_000;
/** Why a bid is refused when its bidder has no connection left to us at the close. */
export const BIDDER_GONE = 'bidder disconnected since its bid';

const sha256 = (b: Uint8Array): Uint8Array => createHash('sha256').update(b).digest();

export class Poster {
  private readonly open = new Map<string, OpenJob>();
  private readonly closed = new Map<string, OpenJob>();
  private closing = 0;
  /** Called with every bid that enters a window (the bench measures first-bid latency here). */
  onBidAccepted?: (jobId: bigint, bid: ReceivedBid) => void;

  constructor(private readonly deps: PosterDeps) {}

  get openJobs(): number {
    return this.open.size;
  }

  /** Windows open or closing (ranking, checking the winner): awards that may come soon. */
  get busyWindows(): number {
    return this.open.size + this.closing;
  }

  /** Announces a job and resolves when it has been awarded, or has failed to be, with why. */
  async announce(spec: JobSpec, opts: { strategy?: ChooseStrategy } = {}): Promise<JobResult> {
    // Latency is counted from here, so signing and publishing the announcement are part of it.
    const announcedAt = performance.now();
    const { host } = this.deps;
    const key = spec.jobId.toString();
    if (this.open.has(key)) throw new Error(`job ${key} is already open`);
    const windowMs = spec.bidWindowMs ?? this.deps.defaultBidWindowMs;
    const maxBids = spec.maxBids ?? this.deps.defaultMaxBids;
    if (windowMs <= 0 || windowMs > MAX_BID_WINDOW_MS)
      throw new RangeError(`bid window ${windowMs} ms out of range`);
    if (maxBids < 1 || maxBids > MAX_BIDS_LIMIT) throw new RangeError(`maxBids ${maxBids} out of range`);
    const now = Date.now();
    const payload = encodeAnnouncement({
      ...spec,
      bidDeadlineMs: now + windowMs,
      maxBids,
      posterAddrs: host.multiaddrs().slice(0, 4),
    });
    const envelope = seal(host.signer, Kind.KIND_JOB_ANNOUNCEMENT, payload, now);
    const result = new Promise<JobResult>((resolve) => {
      const job: OpenJob = {
        spec,
        strategy: opts.strategy ?? this.deps.strategy,
        maxBids,
        envelope,
        digest: sha256(envelope),
        state: 'open',
        expected: spec.fullWindow ? undefined : expectedBidders(this.deps.book.all(), spec, host.peerId, maxBids),
        bids: [],
        reputations: new Map(),
        bidders: new Map(),
        late: new Map(),
        timing: { announcedAt, closedAt: 0 },
        resolve,
      };
      job.timer = setTimeout(() => void this.close(job, 'deadline'), windowMs);
      this.open.set(key, job);
    });
    await host.gossip.publish('job_announcement', envelope);
    return result;
  }

  /**
   * The signed announcement of a job whose bid window is open now, byte for byte as published
   * (bids name its digest), for a worker that asks for it directly; undefined otherwise.
   */
  openAnnouncement(jobId: bigint): Uint8Array | undefined {
    const job = this.open.get(jobId.toString());
    return job?.state === 'open' ? job.envelope : undefined;
  }

  /** A BID frame from the bid protocol. Throws MessageValidationError for the channel to score. */
  onBid(frame: DirectFrame): void {
    const env = frame.env;
    const raw = readBid(env.payload);
    const key = raw.jobId.toString();
    const job = this.open.get(key);
    if (!job) {
      const closed = this.closed.get(key);
      if (!closed) throw reject('UNSOLICITED', `bid for unknown job ${key}`);
      if (closed.outcome) frame.reply(closed.outcome);
      else closed.late.set(frame.peerId, frame.reply);
      return;
    }
    if (job.state !== 'open') {
      job.late.set(frame.peerId, frame.reply);
      return;
    }
    const bid = checkBid(raw);
    env.authenticate();
    const refuse = (code: RejectCode, detail: string): void => {
      frame.reply(
        seal(
          this.deps.host.signer,
          Kind.KIND_BID_REJECTED,
          encodeRejection({ jobId: bid.jobId, code, detail }),
        ),
      );
    };
    if (
      !Buffer.from(bid.poster).equals(this.deps.host.signer.peerIdBytes) ||
      !Buffer.from(bid.announcementDigest).equals(job.digest)
    ) {
      refuse(RejectCode.REJECT_CODE_WRONG_ANNOUNCEMENT, 'bid does not name this announcement');
      throw reject('INVALID_PAYLOAD', 'bid names another announcement');
    }
    if (job.bidders.has(frame.peerId)) {
      refuse(RejectCode.REJECT_CODE_DUPLICATE_BID, 'one bid per worker per job');
      throw reject('DUPLICATE', `second bid for job ${key}`);
    }
    if (job.spec.requireConsent && !bid.consent) {
      refuse(
        RejectCode.REJECT_CODE_INELIGIBLE,
        'this job is awarded on chain: the bid must carry the account consent',
      );
      throw reject('INVALID_PAYLOAD', 'bid without award consent');
    }
    if (bid.price > job.spec.budget) {
      refuse(RejectCode.REJECT_CODE_OVER_BUDGET, `price ${bid.price} above budget ${job.spec.budget}`);
      throw reject('INVALID_PAYLOAD', 'bid above budget');
    }
    const received: ReceivedBid = {
      ...bid,
      worker: frame.peerId,
      workerPeerId: env.signer.slice(),
      digest: sha256(env.bytes),
      receivedAtMs: Date.now(),
    };
    job.bids.push(received);
    job.bidders.set(frame.peerId, frame.reply);
    job.reputations.set(
      frame.peerId,
      this.deps.reputation.scoreOf(feltHex(bid.workerAddress)).then(
        (score) => ({ score }),
        (error: unknown) => ({ error }),
      ),
    );
    job.timing.firstBidAt ??= performance.now();
    this.onBidAccepted?.(bid.jobId, received);
    const why = earlyClose(job.bidders, job.maxBids, job.expected, job.spec.minBids);
    if (why) void this.close(job, why);
  }

  /** A candidate's stake and the job's own check of it, read at once. */
  private async eligibility(
    job: OpenJob,
    bid: ReceivedBid,
  ): Promise<{ eligibility: Eligibility; refusal: string | undefined }> {
    const [eligibility, refusal] = await Promise.all([
      this.deps.stake.verify(
        feltHex(bid.workerAddress),
        bid.worker,
        collateralFor(bid.price, job.spec.collateralBps),
      ),
      job.spec.checkBid?.(bid),
    ]);
    return { eligibility, refusal };
  }

  /**
   * Why a ranked candidate may not win, if it may not: the job's vet (no chain read; it sees the
   * windows closing with this one), then its stake and the job's own check, read at once. A
   * candidate the vet took and the chain refused is given back.
   */
  private async refusal(
    job: OpenJob,
    bid: ReceivedBid,
  ): Promise<{ reason: string; detail: string } | undefined> {
    // A bidder gone since it bid (its process stopped, its link dropped) would take the award
    // and leave the job to wait out the accept window before its next attempt. Checked first,
    // before the graph's vet holds anything for it.
    if (!this.reachable(bid.worker)) return { reason: BIDDER_GONE, detail: BIDDER_GONE };
    const vetoed = await job.spec.vetBid?.(bid);
    if (vetoed !== undefined) return { reason: vetoed, detail: vetoed };
    const { eligibility: e, refusal } = await this.eligibility(job, bid);
    if (e.ok && refusal === undefined) return undefined;
    job.spec.releaseBid?.(bid);
    return e.ok ? { reason: refusal!, detail: refusal! } : { reason: e.reason, detail: e.detail ?? e.reason };
  }

  /** Whether we still hold an open connection to a bidder (relayed ones count). */
  private reachable(peerId: string): boolean {
    const { host } = this.deps;
    if (peerId === host.peerId) return true;
    return host.libp2p.getConnections(host.peerIdOf(peerId)).some((c) => c.status === 'open');
  }

  /** Ends the window: rank, find an eligible winner, notify everyone, resolve. */
  private async close(job: OpenJob, why: CloseReason): Promise<void> {
    if (job.state !== 'open') return;
    job.state = 'closing';
    job.timing.closedBy = why;
    job.timing.closingAt = performance.now();
    this.closing++;
    clearTimeout(job.timer);
    const key = job.spec.jobId.toString();
    this.open.delete(key);
    if (this.closed.size >= MAX_CLOSED_JOBS) this.closed.delete(this.closed.keys().next().value as string);
    this.closed.set(key, job);
    const { stake, host, log } = this.deps;
    try {
      const withReputation: RankedBid[] = [];
      for (const bid of job.bids) {
        const r = await job.reputations.get(bid.worker)!;
        if ('error' in r) throw r.error;
        withReputation.push({ bid, reputation: r.score });
      }
      const refused: Array<{ worker: string; reason: string }> = [];
      let winner: RankedBid | undefined;
      for (const candidate of job.strategy.rank(withReputation)) {
        const refusal = await this.refusal(job, candidate.bid);
        if (refusal === undefined) {
          winner = candidate;
          break;
        }
        const { reason, detail } = refusal;
        refused.push({ worker: candidate.bid.worker, reason });
        const reply = job.bidders.get(candidate.bid.worker);
        job.bidders.delete(candidate.bid.worker);
        reply?.(
          seal(
            host.signer,
            Kind.KIND_BID_REJECTED,
            encodeRejection({
              jobId: job.spec.jobId,
              code: RejectCode.REJECT_CODE_INELIGIBLE,
              detail,
            }),
          ),
        );
      }
      if (!winner) {
        const rejection = seal(
          host.signer,
          Kind.KIND_BID_REJECTED,
          encodeRejection({
            jobId: job.spec.jobId,
            code: RejectCode.REJECT_CODE_WINDOW_CLOSED,
            detail: 'no eligible bid; job not awarded',
          }),
        );
        for (const reply of job.late.values()) reply(rejection);
        job.outcome = rejection;
        job.state = 'closed';
        const explanation = await explainNoBids({
          requirements: job.spec.requirements,
          budget: job.spec.budget,
          collateralBps: job.spec.collateralBps,
          adverts: this.deps.book.all(),
          stake,
          refused,
        });
        job.timing.closedAt = performance.now();
        log.info({ jobId: key, bids: job.bids.length, summary: explanation.summary }, 'job not awarded');
        job.resolve({
          status: 'unawarded',
          jobId: job.spec.jobId,
          reason: job.bids.length === 0 ? 'no-bids' : 'no-eligible-bids',
          bids: job.bids,
          refused,
          explanation,
          timing: job.timing,
        });
        return;
      }
      const w = winner.bid;
      job.outcome = seal(
        host.signer,
        Kind.KIND_OUTCOME,
        encodeOutcome({
          jobId: job.spec.jobId,
          announcementDigest: job.digest,
          winner: w.workerPeerId,
          winnerAddress: w.workerAddress,
          price: w.price,
          winningBidDigest: w.digest,
        }),
      );
      job.state = 'closed';
      let notified = 0;
      for (const reply of job.bidders.values()) if (reply(job.outcome)) notified++;
      for (const reply of job.late.values()) if (reply(job.outcome)) notified++;
      job.late.clear();
      job.timing.closedAt = performance.now();
      log.debug(
        { jobId: key, winner: w.worker, price: w.price.toString(), bids: job.bids.length },
        'job awarded',
      );
      job.resolve({
        status: 'awarded',
        jobId: job.spec.jobId,
        winner: w,
        winnerReputation: winner.reputation,
        bids: job.bids,
        refused,
        notified,
        timing: job.timing,
      });
    } catch (err) {
      // A chain lookup failed: the job is not awarded; say so rather than hang the caller.
      job.state = 'closed';
      job.timing.closedAt = performance.now();
      log.error({ jobId: key, err: (err as Error).message }, 'closing job failed');
      job.resolve({
        status: 'unawarded',
        jobId: job.spec.jobId,
        reason: 'no-eligible-bids',
        bids: job.bids,
        refused: [],
        explanation: {
          knownWorkers: 0,
          failing: { cores: 0, memory: 0, features: 0, fuel: 0, price: 0, stake: 0 },
          stakeReasons: {},
          capableButSilent: 0,
          summary: `not awarded: ${(err as Error).message}`,
        },
        timing: job.timing,
      });
    } finally {
      this.closing--;
    }
  }

  /** Closes every open window now (shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.open.values()].map((job) => this.close(job, 'shutdown')));
  }
}
