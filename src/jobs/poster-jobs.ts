/**
 * The poster's side of a job's life. Each job is driven by `reconcile`: read the job from the
 * chain, compare with what this node last did (the journal), take the next step. Events from
 * the chain follower, a worker's result notice and a periodic tick all just ask for a
 * reconcile, so a missed event, a repeated one after a reorg, or a restart change nothing.
 *
 *   Open      -> announce (bid window) -> award_job with the winner's consent
 *   Awarded   -> grant the winner the job's blobs; expire once the accept window has passed
 *   Accepted  -> expire once the execution deadline has passed (slashes, reopens)
 *   Submitted -> fetch the result named in the worker's notice, check it against the on-chain
 *                commitment, then confirm, or dispute (with a bond) on a mismatch
 *   Disputed  -> finalize_dispute once the arbiter's window has passed
 *   Completed, Resolved, Cancelled, Expired -> done; grants revoked
 *
 * This file is the driver; each step's work has its module: posting.ts (escrow and create),
 * award.ts (bid window and award), result-check.ts and settlement.ts (Submitted).
 */
import { toBigInt } from '../chain/values';
import { describe } from '../p2p/errors';
import { announceAndAward } from './award';
import { type ChainJob, chainNow, readJob } from './chain-view';
import { BackgroundSteps } from './background-steps';
import type { JobContext } from './context';
import { note, type PosterRecord } from './journal';
import type { PosterHooks } from './poster-hooks';
import { JobPosting, type PostJobInput } from './posting';
import { checkResult } from './result-check';
import type { ResultNotice } from './result-notice';
import { Serial } from './serial';
import { settle, settleDecision } from './settlement';

/** How long an announcement request waits for a bid window to open. */
const ANSWER_WAIT_MS = 2_000;

export class PosterJobs {
  private readonly records = new Map<string, PosterRecord>();
  private readonly serial = new Serial();
  /** Jobs with a bid window open, an award or a settlement in flight (not repeated meanwhile). */
  private readonly steps = new BackgroundSteps<PosterRecord>('poster', {
    save: (r) => this.save(r),
    reconcile: (id) => this.reconcile(id),
    log: () => this.ctx.log,
  });
  private readonly retryAt = new Map<string, number>();
  private collateralBps?: number;
  private readonly posting: JobPosting;
  /** Results held back by `hooks.settle` are looked at again after this time (ms since epoch). */
  private readonly heldUntil = new Map<string, number>();
  /** Set by a graph scheduler; a unit of a graph with no hooks installed waits. */
  hooks: PosterHooks = {};

  constructor(private readonly ctx: JobContext) {
    this.posting = new JobPosting(ctx);
  }

  /** Loads unfinished poster jobs from the journal (on start). */
  restore(): void {
    for (const r of this.ctx.journal.all()) {
      if (r.role !== 'poster' || r.step === 'done') continue;
      this.records.set(r.jobId, r);
      this.grantBlobs(r);
    }
  }

  live(): string[] {
    return [...this.records.keys()];
  }

  record(jobId: bigint): PosterRecord | undefined {
    return (
      this.records.get(jobId.toString()) ??
      (this.ctx.journal.load('poster', jobId.toString()) as PosterRecord | undefined)
    );
  }

  /**
   * Escrows and announces a job: stores its manifest and blobs, sends approve + create_job as
   * one transaction, and starts its life. Resolves with the on-chain job id.
   */
  async postJob(input: PostJobInput): Promise<{ jobId: bigint; txHash: string }> {
    return (await this.postJobs([input]))[0]!;
  }

  /**
   * Escrows and announces several jobs in one transaction (one approve of their budgets, then
   * a create_job each): the units of a graph's ready tasklets. Resolves with their ids in order.
   */
  async postJobs(inputs: PostJobInput[]): Promise<Array<{ jobId: bigint; txHash: string }>> {
    return (await this.posting.post(inputs)).map(({ jobId, txHash, record }) => {
      this.save(record);
      this.ctx.log.info({ jobId: record.jobId, txHash, budget: record.budget }, 'job posted');
      void this.reconcile(jobId);
      return { jobId, txHash };
    });
  }

  /** Cancels an Open job (refunds its budget). */
  async cancel(jobId: bigint): Promise<string> {
    const { txHash } = await this.ctx.txq.submit(
      this.ctx.clients.market.populate('cancel_job', jobId),
      `cancel job ${jobId}`,
    );
    void this.reconcile(jobId);
    return txHash;
  }

  /** A worker says its result is ready; acted on only if the chain agrees (see reconcile). */
  onNotice(from: string, n: ResultNotice): void {
    const r = this.records.get(n.jobId.toString());
    if (!r || r.award?.peer !== from || r.award.attempt !== n.attempt) return;
    if (r.result?.attempt === n.attempt && r.result.outputSha256 === n.outputSha256) return;
    r.result = {
      attempt: n.attempt,
      outputSha256: n.outputSha256,
      ...(n.proofSha256 ? { proofSha256: n.proofSha256 } : {}),
    };
    note(r, `result notice from the worker (output ${n.outputSha256.slice(0, 12)})`);
    this.save(r);
    void this.reconcile(n.jobId);
  }

  /**
   * A worker asks for the announcement of one of our jobs it did not hear: the open bid window's
   * announcement, or, between windows, the one a window opened now carries. Nothing for a job
   * that is not ours or not taking bids. A window is open at most once per bidWindowMs, however
   * often this is asked.
   */
  async announcementFor(jobId: bigint): Promise<Uint8Array | undefined> {
    const key = jobId.toString();
    const r = this.records.get(key);
    if (r?.step !== 'announcing') return undefined;
    const open = () => this.ctx.market.poster.openAnnouncement(jobId);
    if (open()) return open();
    if ((this.retryAt.get(key) ?? 0) > Date.now()) {
      this.retryAt.delete(key);
      void this.reconcile(jobId);
    }
    const until = Date.now() + ANSWER_WAIT_MS;
    while (!open() && Date.now() < until) await new Promise((res) => setTimeout(res, 50));
    return open();
  }

  reconcile(jobId: bigint): Promise<void> {
    const key = jobId.toString();
    return this.serial.run(key, async () => {
      const r = this.records.get(key);
      if (!r || r.step === 'done' || this.steps.running(key)) return;
      try {
        await this.step(r, await readJob(this.ctx.clients, jobId));
      } catch (err) {
        this.ctx.log.warn({ jobId: key, err: describe(err) }, 'poster step failed; retried on the next tick');
      }
    });
  }

  private async step(r: PosterRecord, job: ChainJob): Promise<void> {
    const { ctx } = this;
    if (r.chainStatus !== job.status) {
      note(r, `chain: ${job.status}${job.attempts ? ` (attempt ${job.attempts})` : ''}`);
      r.chainStatus = job.status;
      this.save(r);
    }
    switch (job.status) {
      case 'Open': {
        if ((this.retryAt.get(r.jobId) ?? 0) > Date.now()) return;
        // A reopened job: the lapsed award's worker may no longer fetch its data.
        if (r.award && r.award.attempt <= job.attempts) ctx.transfer.grants.revoke(job.id, r.award.peer);
        r.step = 'announcing';
        this.steps.run(r, () => this.announceAndAward(r, job));
        return;
      }
      case 'Awarded':
      case 'Accepted': {
        this.grantBlobs(r);
        const limit = job.status === 'Awarded' ? job.acceptBy : job.deadline;
        if ((await chainNow(ctx.provider)) > limit) {
          this.steps.run(r, async () => {
            const { txHash } = await ctx.txq.submit(
              ctx.clients.market.populate('expire', job.id),
              `expire job ${job.id}`,
            );
            note(
              r,
              `expired attempt ${job.attempts} (${job.status === 'Awarded' ? 'never accepted' : 'deadline missed'})`,
              txHash,
            );
            this.save(r);
          });
        }
        return;
      }
      case 'Submitted': {
        r.step = 'reviewing';
        if (r.result?.attempt !== job.attempts) return; // the worker's notice has not come yet
        if ((this.heldUntil.get(r.jobId) ?? 0) > Date.now()) return;
        this.steps.run(r, () => this.review(r, job));
        return;
      }
      case 'Disputed': {
        if ((await chainNow(ctx.provider)) > job.resolveBy) {
          this.steps.run(r, async () => {
            const { txHash } = await ctx.txq.submit(
              ctx.clients.market.populate('finalize_dispute', job.id),
              `finalize dispute of job ${job.id}`,
            );
            note(r, 'dispute settled by default (the arbiter did not rule in time)', txHash);
            this.save(r);
          });
        }
        return;
      }
      default: {
        // Completed, Resolved, Cancelled, Expired (the last attempt), None: nothing left to do.
        r.step = 'done';
        note(r, `done: ${job.status}`);
        ctx.transfer.grants.revoke(job.id);
        this.save(r);
        this.records.delete(r.jobId);
        ctx.log.info({ jobId: r.jobId, status: job.status }, 'job finished');
      }
    }
  }

  private async announceAndAward(r: PosterRecord, job: ChainJob): Promise<void> {
    const { ctx } = this;
    this.collateralBps ??= Number(toBigInt((await ctx.clients.market.read.params()).collateral_bps));
    const outcome = await announceAndAward(ctx, r, job, {
      hooks: this.hooks,
      collateralBps: this.collateralBps,
      save: (x) => this.save(x),
      grant: (x) => this.grantBlobs(x),
    });
    if (outcome === 'awarded') {
      this.grantBlobs(r);
      this.save(r);
    } else this.retryAt.set(r.jobId, Date.now() + ctx.timings.reannounceMs);
  }

  /**
   * Checks the result the worker named (result-check.ts), once, then confirms or disputes
   * (settlement.ts); a unit of a graph whose replicas have not agreed is looked at again later.
   */
  private async review(r: PosterRecord, job: ChainJob): Promise<void> {
    if (!r.result!.verdict) {
      await checkResult(this.ctx, r, job);
      this.save(r);
    }
    const decision = settleDecision(r, this.hooks);
    if (decision.action === 'wait') {
      // Its replicas have not agreed yet (src/graph/): looked at again on a later tick.
      this.heldUntil.set(r.jobId, Date.now() + this.ctx.timings.tickMs);
      return;
    }
    this.heldUntil.delete(r.jobId);
    r.step = 'settling';
    await settle(this.ctx, r, job, decision);
    this.save(r);
  }

  /** The awarded worker may fetch the manifest and the blobs it names, and nobody else. */
  private grantBlobs(r: PosterRecord): void {
    if (r.award) this.ctx.transfer.grants.allow(r.award.peer, BigInt(r.jobId), r.blobs);
  }

  private save(r: PosterRecord): void {
    if (r.step !== 'done') this.records.set(r.jobId, r);
    this.ctx.journal.save(r);
  }
}
