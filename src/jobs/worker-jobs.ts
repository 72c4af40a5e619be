/**
 * The worker's side of a job's life, driven like the poster's by `reconcile` (chain first,
 * journal second):
 *
 *   bid       -> the bid carries the account's SNIP-12 consent; the bid is journalled
 *   Awarded   -> (to us, for our bid's attempt) check the price is our bid's and our free stake
 *                covers the collateral, fetch the manifest and its blobs from the poster
 *                (hash-checked), then accept_job; otherwise decline (let it lapse). Fetching
 *                first means a poster that never serves its inputs costs the worker a lapsed
 *                award, not the slash of a missed execution deadline
 *   Accepted  -> run the job in the sandbox, store the output, submit_result with its
 *                commitment, and tell the poster where the output is; never twice for the
 *                same attempt
 *   Submitted -> resend the notice until the poster settles; claim once the review window
 *                has passed with no word from the poster
 *   anything else, or an award that moved on -> done
 */
import { signAwardConsent } from '../chain/award-consent';
import type { SubmitOptions } from '../chain/tx-queue';
import type { Account } from 'starknet';
import { toBigInt } from '../chain/values';
import type { Announcement } from '../market/types';
import { RejectCode } from '../market/wire';
import { describe } from '../p2p/errors';
import { resultCommitment } from '../shared/commitment';
import { feltHex } from '../shared/felt';
import { type ChainJob, chainNow, readJob, recentChainTime } from './chain-view';
import { BackgroundSteps } from './background-steps';
import type { JobContext } from './context';
import { JobLifeError } from './errors';
import { note, type WorkerRecord } from './journal';
import { blobsOf } from './manifest-needs';
import { Serial } from './serial';

/**
 * How long after a won bid's window deadline its award is still expected soon; past it, the
 * follower's ordinary pace finds it (the poster may be retrying a failed award_job).
 */
const AWARD_EXPECTED_MS = 10_000;

/**
 * How old a seen block time a consent's expiry may start from. The poster wants at least 30 s
 * of the consent left (src/jobs/award.ts) out of consentTtlS (at least 60 s).
 */
const CLOCK_MAX_AGE_MS = 5_000;

export class WorkerJobs {
  private readonly records = new Map<string, WorkerRecord>();
  private readonly serial = new Serial();
  private readonly steps = new BackgroundSteps<WorkerRecord>('worker', {
    save: (r) => this.save(r),
    reconcile: (id) => this.reconcile(id),
    log: () => this.ctx.log,
  });
  private readonly noticeSentAt = new Map<string, number>();
  /** Bids the poster said we won, whose award is not on chain yet (the follower hurries). */
  private readonly awaitingAward = new Set<string>();
  /** The last consent signature queued (see oneAtATime). */
  private signing: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: JobContext,
    private readonly account: Account,
    /** Jobs this worker holds at once (awarded to running): its advertised capacity. */
    private readonly capacity: number,
  ) {}

  /** Hooks into the market's worker: bids carry consent, and capacity limits bidding. */
  attach(): void {
    const worker = this.ctx.market.worker;
    if (!worker)
      throw new JobLifeError('NOT_A_WORKER', 'this node has no worker capabilities (market.worker)');
    worker.consent = async (a, price) => {
      const now = await recentChainTime(this.ctx.provider, CLOCK_MAX_AGE_MS);
      const expiry = now + BigInt(this.ctx.timings.consentTtlS);
      const signature = await this.oneAtATime(() =>
        signAwardConsent(this.account, {
          market: this.ctx.clients.market.address,
          jobId: a.jobId,
          price,
          expiry,
          attempt: a.attempt,
        }),
      );
      return { expiry, signature: signature.map((s) => BigInt(s)) };
    };
    // Open bids count: each may be awarded, and an award must find room to be accepted.
    worker.willing = () => this.held(true) < this.capacity;
    worker.on('bid', ({ announcement, price }) => this.onBid(announcement, price));
    // In memory only (the next save keeps it): whether a bid went out matters to whoever watches
    // the job now, not after a restart, and a write per bid is not worth it.
    worker.on('sent', ({ jobId, poster }) => {
      const r = this.records.get(jobId.toString());
      if (r?.step === 'bidding' && r.poster === poster) note(r, 'bid sent');
    });
    worker.on('outcome', (o) => {
      const r = this.records.get(o.jobId.toString());
      if (o.won) {
        if (r?.step === 'bidding' && r.poster === o.poster) this.awaitingAward.add(r.jobId);
        return;
      }
      if (r?.step === 'bidding') this.forget(r);
    });
    // A bid refused at the close (ineligible, or the window closed with no award) cannot be
    // awarded: it must not hold capacity, or a worker whose bids all came late bids no more.
    // (A duplicate's refusal says nothing of the bid that came first.)
    worker.on('rejected', (x) => {
      const r = this.records.get(x.jobId.toString());
      const final =
        x.code === RejectCode.REJECT_CODE_WINDOW_CLOSED || x.code === RejectCode.REJECT_CODE_INELIGIBLE;
      if (final && r?.step === 'bidding' && r.poster === x.poster) this.forget(r);
    });
  }

  /**
   * Signing is CPU work of several milliseconds. Consents for announcements that came together
   * resume together (they share one read of the chain's clock), and signed back to back they
   * would hold the event loop for all of them: the bids already signed, and every other
   * message, would wait. One signature per turn of the loop lets each bid go out as it is ready.
   */
  private oneAtATime<T>(sign: () => Promise<T>): Promise<T> {
    const turn = this.signing.then(() => new Promise<void>((r) => setImmediate(r))).then(sign);
    this.signing = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  restore(): void {
    for (const r of this.ctx.journal.all()) {
      if (r.role === 'worker' && r.step !== 'done' && r.step !== 'declined') this.records.set(r.jobId, r);
    }
  }

  live(): string[] {
    return [...this.records.keys()];
  }

  /**
   * Whether a bid we won waits for its award on chain: the poster sends award_job as it tells
   * us, so the award is a receipt away, and the node's follower polls faster until it comes.
   */
  expectsAward(): boolean {
    for (const id of this.awaitingAward) {
      const r = this.records.get(id);
      if (r?.step === 'bidding' && (r.bidUntil ?? 0) + AWARD_EXPECTED_MS > Date.now()) return true;
      this.awaitingAward.delete(id);
    }
    return false;
  }

  /**
   * The jobs the periodic tick looks at again: all but bids whose window may still be open. A
   * worker bids on every job it can take, and reading each of them every tick while their
   * windows are open flooded the chain's RPC at the very moment the windows close.
   */
  due(now = Date.now()): string[] {
    const out: string[] = [];
    for (const [id, r] of this.records) if (!(r.step === 'bidding' && (r.bidUntil ?? 0) > now)) out.push(id);
    return out;
  }

  record(jobId: bigint): WorkerRecord | undefined {
    return (
      this.records.get(jobId.toString()) ??
      (this.ctx.journal.load('worker', jobId.toString()) as WorkerRecord | undefined)
    );
  }

  /** Jobs awarded to us and not yet submitted (and, if asked, bids that may still be awarded). */
  private held(withBids = false): number {
    let n = 0;
    for (const r of this.records.values())
      if (
        r.step === 'accepting' ||
        r.step === 'running' ||
        r.step === 'submitting' ||
        (withBids && r.step === 'bidding')
      )
        n++;
    return n;
  }

  private onBid(a: Announcement, price: bigint): void {
    if (!a.manifestSha256) return; // a simulation's job: nothing to run
    const r: WorkerRecord = {
      role: 'worker',
      jobId: a.jobId.toString(),
      step: 'bidding',
      attempt: a.attempt,
      poster: a.poster,
      posterAddrs: a.posterAddrs,
      manifestSha256: a.manifestSha256,
      price: price.toString(),
      bidUntil: a.bidDeadlineMs,
      history: [],
    };
    note(r, `bid ${price} fri on attempt ${a.attempt}`);
    this.save(r);
  }

  /** A JobAwarded event named us (or something about a job we hold changed). */
  reconcile(jobId: bigint): Promise<void> {
    const key = jobId.toString();
    return this.serial.run(key, async () => {
      const r = this.records.get(key);
      if (!r || r.step === 'done' || r.step === 'declined' || this.steps.running(key)) return;
      try {
        await this.step(r, await readJob(this.ctx.clients, jobId));
      } catch (err) {
        this.ctx.log.warn({ jobId: key, err: describe(err) }, 'worker step failed; retried on the next tick');
      }
    });
  }

  private async step(r: WorkerRecord, job: ChainJob): Promise<void> {
    const { ctx } = this;
    const ours = job.worker === ctx.account && job.attempts === r.attempt;
    if (r.chainStatus !== job.status) {
      r.chainStatus = job.status;
      note(r, `chain: ${job.status}${job.attempts ? ` (attempt ${job.attempts})` : ''}`);
      this.save(r);
    }
    if (!ours) {
      // Open (our bid lost, or not awarded yet) keeps a bid alive while its window may still award it.
      if (r.step === 'bidding' && job.status === 'Open' && job.attempts + 1 === r.attempt) return;
      return this.finish(r, `not ours (${job.status}, attempt ${job.attempts})`);
    }
    switch (job.status) {
      case 'Awarded': {
        if (r.step !== 'bidding' && r.step !== 'accepting') return;
        if (ctx.faults.neverAccept) return;
        r.step = 'accepting';
        const refusal = this.refusal(r, job);
        if (refusal) return this.decline(r, refusal);
        this.save(r);
        this.steps.run(r, async () => {
          // Our free stake is read while the job's data comes: both are needed before accepting.
          const [short, bad] = await Promise.all([this.stakeShortfall(job), this.fetchInputs(r, job.id)]);
          if (short) return this.decline(r, short);
          if (bad) return this.decline(r, bad);
          const { txHash } = await ctx.txq.submit(
            ctx.clients.market.populate('accept_job', job.id),
            `accept job ${job.id}`,
            this.companions(r, 'accepting'),
          );
          r.step = 'running';
          note(r, 'accepted (collateral locked)', txHash);
          this.save(r);
          // The receipt is the chain's word that the job is Accepted by us for this attempt:
          // run now rather than after the next read of the job says so.
          await this.run(r, job);
        });
        return;
      }
      case 'Accepted': {
        if (r.step === 'accepting' || r.step === 'bidding') r.step = 'running';
        if (r.step === 'running' && r.outputSha256 === undefined) {
          this.steps.run(r, () => this.run(r, job));
          return;
        }
        if (r.step === 'running' || r.step === 'submitting') {
          this.steps.run(r, () => this.submit(r, job));
        }
        return;
      }
      case 'Submitted': {
        if (r.step !== 'submitted') {
          r.step = 'submitted';
          this.save(r);
        }
        if ((await chainNow(ctx.provider)) > job.reviewUntil) {
          this.steps.run(r, async () => {
            r.step = 'claiming';
            const { txHash } = await ctx.txq.submit(
              ctx.clients.market.populate('claim', job.id),
              `claim job ${job.id}`,
            );
            note(r, 'claimed after the review window', txHash);
            this.save(r);
          });
          return;
        }
        this.sendNotice(r);
        return;
      }
      case 'Disputed':
        return; // the arbiter rules; its ruling ends the job
      default:
        return this.finish(r, job.status);
    }
  }

  /**
   * Awards that came together are accepted together, and jobs run together submit together:
   * while another job is at `step`, its call will soon follow, so the transaction waits for it.
   */
  private companions(r: WorkerRecord, step: WorkerRecord['step']): SubmitOptions {
    for (const x of this.records.values())
      if (x !== r && x.step === step) return { waitForCompanionsMs: this.ctx.timings.batchWaitMs };
    return {};
  }

  private decline(r: WorkerRecord, refusal: string): void {
    r.step = 'declined';
    note(r, `declined the award: ${refusal}`);
    this.save(r);
    this.records.delete(r.jobId);
    this.ctx.log.warn({ jobId: r.jobId, refusal }, 'award declined');
  }

  /** Why this award must not be accepted, if it must not, from what the node knows. */
  private refusal(r: WorkerRecord, job: ChainJob): string | undefined {
    if (job.price !== BigInt(r.price)) return `price ${job.price} is not our bid of ${r.price}`;
    if (this.held() > this.capacity) return `already holding ${this.held()} jobs (capacity ${this.capacity})`;
    if (!this.ctx.executor) return 'this node runs no executor';
    return undefined;
  }

  /** Why our free stake cannot take this award's collateral, if it cannot (read on chain). */
  private async stakeShortfall(job: ChainJob): Promise<string | undefined> {
    const free = toBigInt(await this.ctx.clients.registry.read.free_stake_of(feltHex(this.ctx.account)));
    return free < job.collateral ? `free stake ${free} does not cover the collateral ${job.collateral}` : undefined;
  }

  /**
   * Brings the job's manifest and the blobs it names into the store (those not held already).
   * A transfer failure throws (the step is retried while the award stands); a manifest this
   * node cannot run is returned as the reason to decline, since retrying cannot fix it.
   */
  private async fetchInputs(r: WorkerRecord, jobId: bigint): Promise<string | undefined> {
    const { ctx } = this;
    const store = ctx.executor!.store;
    const caps = {
      maxBytes: ctx.timings.maxFetchBytes,
      timeoutMs: ctx.timings.fetchTimeoutMs,
      addrs: r.posterAddrs,
    };
    const held = store.has(r.manifestSha256);
    if (!held) await this.fetch(r, jobId, [r.manifestSha256], caps);
    let wanted: string[];
    try {
      wanted = blobsOf(ctx.manifests.load(store.get(r.manifestSha256, 'manifest'))).filter(
        (h) => !store.has(h),
      );
    } catch (err) {
      return `the job's manifest is not runnable: ${describe(err)}`;
    }
    if (wanted.length) await this.fetch(r, jobId, wanted, caps);
    if (!held || wanted.length) note(r, `fetched the job (${wanted.length + (held ? 0 : 1)} blobs)`);
    return undefined;
  }

  private async run(r: WorkerRecord, job: ChainJob): Promise<void> {
    const { ctx } = this;
    const executor = ctx.executor!;
    // Normally fetched before accepting; a journal from before that rule may still need it.
    const bad = await this.fetchInputs(r, job.id);
    if (bad) throw new JobLifeError('BAD_MANIFEST', bad);
    const bytes = executor.store.get(r.manifestSha256, 'manifest');
    const ranAt = performance.now();
    const result = await executor.runJob({ manifest: bytes, jobId: job.id });
    r.runMs = Math.round(performance.now() - ranAt);
    const output =
      ctx.faults.cheat || ctx.faults.wrongOutput
        ? new TextEncoder().encode(`not the output of job ${job.id}`)
        : result.output;
    r.outputSha256 = executor.store.put(output);
    if (result.proof) {
      const p = result.proof as { proof: { pi_a: unknown; pi_c: unknown } };
      // badProof: well-formed points in the wrong places, so the pairing check fails.
      const proof = ctx.faults.badProof
        ? { ...result.proof, proof: { ...p.proof, pi_a: p.proof.pi_c, pi_c: p.proof.pi_a } }
        : result.proof;
      r.proofSha256 = executor.store.put(new TextEncoder().encode(JSON.stringify(proof)));
    }
    r.commitment = feltHex(ctx.faults.wrongOutput ? resultCommitment(job.id, output) : result.commitment);
    r.fuelUsed = result.fuelUsed.toString();
    r.step = 'submitting';
    note(r, `ran: fuel ${result.fuelUsed}, output ${output.length} bytes`);
    this.save(r);
    await this.submit(r, job);
  }

  private async fetch(
    r: WorkerRecord,
    jobId: bigint,
    hashes: string[],
    caps: { maxBytes: number; timeoutMs: number; addrs: string[] },
  ) {
    const got = await this.ctx.fetches.run(r.poster, () =>
      this.ctx.transfer.fetchBlobs(r.poster, jobId, hashes, caps),
    );
    for (const b of got.values()) this.ctx.executor!.store.put(b);
    return got;
  }

  private async submit(r: WorkerRecord, job: ChainJob): Promise<void> {
    const { ctx } = this;
    r.step = 'submitting';
    const { txHash } = await ctx.txq.submit(
      ctx.clients.market.populate('submit_result', job.id, BigInt(r.commitment!)),
      `submit job ${job.id}`,
      this.companions(r, 'running'),
    );
    r.step = 'submitted';
    note(r, `submitted commitment ${r.commitment!.slice(0, 14)}…`, txHash);
    this.save(r);
    // The poster may fetch the output (and proof) of this job from us now.
    ctx.transfer.grants.allow(r.poster, job.id, [r.outputSha256!, ...(r.proofSha256 ? [r.proofSha256] : [])]);
    this.sendNotice(r, true);
  }

  private sendNotice(r: WorkerRecord, now = false): void {
    const { ctx } = this;
    if (!r.outputSha256) return;
    ctx.transfer.grants.allow(r.poster, BigInt(r.jobId), [
      r.outputSha256,
      ...(r.proofSha256 ? [r.proofSha256] : []),
    ]);
    const last = this.noticeSentAt.get(r.jobId) ?? 0;
    if (!now && Date.now() - last < ctx.timings.noticeEveryMs) return;
    this.noticeSentAt.set(r.jobId, Date.now());
    ctx.protocol
      .send(r.poster, r.posterAddrs, {
        jobId: BigInt(r.jobId),
        attempt: r.attempt,
        outputSha256: r.outputSha256,
        ...(r.proofSha256 ? { proofSha256: r.proofSha256 } : {}),
      })
      .catch((err: unknown) =>
        ctx.log.warn({ jobId: r.jobId, err: describe(err) }, 'result notice not delivered; resent later'),
      );
  }

  private finish(r: WorkerRecord, why: string): void {
    if (r.step === 'bidding') return this.forget(r);
    r.step = 'done';
    note(r, `done: ${why}`);
    this.ctx.transfer.grants.revoke(BigInt(r.jobId));
    this.save(r);
    this.records.delete(r.jobId);
    this.ctx.log.info({ jobId: r.jobId, why }, 'job finished');
  }

  /** A bid that came to nothing leaves no file behind. */
  private forget(r: WorkerRecord): void {
    this.records.delete(r.jobId);
    this.ctx.journal.remove('worker', r.jobId);
  }

  private save(r: WorkerRecord): void {
    if (r.step !== 'done' && r.step !== 'declined') this.records.set(r.jobId, r);
    this.ctx.journal.save(r);
  }
}
