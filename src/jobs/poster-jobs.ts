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
 */
import { awardConsentHash } from '../chain/award-consent';
import { bpsOf } from '../chain/job';
import { toBigInt } from '../chain/values';
import type { JobRequirements } from '../discovery/capabilities';
import type { ValidatedManifest } from '../manifest/types';
import type { JobResult as AnnounceResult } from '../market/poster';
import type { RankedBid } from '../market/strategy';
import type { ReceivedBid } from '../market/types';
import { describe } from '../p2p/errors';
import { manifestHash, resultCommitment, FELT250_MASK } from '../shared/commitment';
import { feltHex } from '../shared/felt';
import { type ChainJob, chainNow, readJob } from './chain-view';
import { BackgroundSteps } from './background-steps';
import type { JobContext } from './context';
import { JobLifeError } from './errors';
import { type GraphUnitRef, note, type PosterRecord } from './journal';
import type { ResultNotice } from './result-notice';
import { Serial } from './serial';

export interface PostJobInput {
  /** The manifest as written (JSON or YAML). */
  manifest: string | Uint8Array;
  /** The modules and inputs it names by sha256 (those not already in the node's blob store). */
  blobs?: Uint8Array[];
  /** Escrowed in full; the winning price is paid from it and the rest refunded. */
  budget: bigint;
  /** Seconds the worker has from accept to submit (default 600). */
  execDurationS?: bigint;
  /** Awards the job may go through (1..10, default 3). */
  maxAttempts?: number;
  /** The unit of a tasklet graph this job is (src/graph/), journalled with it. */
  graph?: GraphUnitRef;
}

/**
 * What a graph scheduler decides for a job of its graph (src/graph/ installs these; the job
 * life cannot import that room). A unit's checked result may have to wait for its replicas.
 */
export type SettleDecision =
  { action: 'confirm' } | { action: 'wait' } | { action: 'dispute'; reason: string; evidence: bigint };

export interface PosterHooks {
  /** A further check of a ranked bid on a unit of a graph; a reason refuses the bid. */
  vetBid?(r: PosterRecord, bid: ReceivedBid): string | undefined;
  /** Whether a unit's result, checked against its commitment, is confirmed now. */
  settle?(r: PosterRecord): SettleDecision;
  /** Reorders the bids on a unit, already ranked by the node's strategy. */
  rankBids?(r: PosterRecord, ranked: RankedBid[]): RankedBid[];
}

const VALID = 0x56414c4944n; // 'VALID', SRC-6's answer to a good signature

/** How long an announcement request waits for a bid window to open. */
const ANSWER_WAIT_MS = 2_000;

/** What a worker must offer to run `m`: derived from the manifest, never stated separately. */
export function requirementsOf(m: ValidatedManifest): JobRequirements {
  const steps = m.manifest.tasklets.length + (m.manifest.aggregate ? 1 : 0);
  return {
    minCores: 1,
    minMemoryMb: Math.ceil((m.manifest.resources.memoryPages * 64) / 1024),
    wasmFeatures: [],
    minFuelPerSecond: 1n,
    fuelLimit: BigInt(m.manifest.resources.fuel) * BigInt(steps),
  };
}

/** Every blob a manifest names (modules, inputs, circuit files). */
export function blobsOf(m: ValidatedManifest): string[] {
  const out = new Set<string>();
  for (const t of m.manifest.tasklets) {
    out.add(t.module);
    if (t.input?.blob) out.add(t.input.blob);
  }
  if (m.manifest.aggregate) out.add(m.manifest.aggregate.module);
  const v = m.manifest.verification;
  if (v.mode === 'groth16') {
    out.add(v.circuit.wasm);
    out.add(v.circuit.zkey);
    // The poster checks the proof with it before confirming, so it must hold it.
    out.add(v.verificationKey);
  }
  return [...out];
}

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
  /** Job ids already matched to a post (see jobIdFrom). */
  private readonly claimed = new Set<bigint>();
  /** Results held back by `hooks.settle` are looked at again after this time (ms since epoch). */
  private readonly heldUntil = new Map<string, number>();
  /** Set by a graph scheduler; a unit of a graph with no hooks installed waits. */
  hooks: PosterHooks = {};

  constructor(private readonly ctx: JobContext) {}

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
    const { ctx } = this;
    if (inputs.length === 0) return [];
    const prepared = inputs.map((input) => {
      const bytes =
        typeof input.manifest === 'string' ? new TextEncoder().encode(input.manifest) : input.manifest;
      const validated = ctx.manifests.load(bytes);
      for (const b of input.blobs ?? []) ctx.blobs.put(b);
      const blobs = blobsOf(validated);
      const missing = blobs.filter((h) => !ctx.blobs.has(h));
      if (missing.length)
        throw new JobLifeError(
          'MISSING_BLOBS',
          `the manifest names blobs this node does not hold: ${missing.join(', ')}`,
        );
      return {
        input,
        blobs,
        manifestSha256: ctx.blobs.put(bytes),
        hash: manifestHash(bytes),
        maxAttempts: input.maxAttempts ?? 3,
        execDurationS: input.execDurationS ?? 600n,
        requirements: requirementsOf(validated),
      };
    });
    const total = inputs.reduce((sum, i) => sum + i.budget, 0n);
    const { market, token } = ctx.clients;
    const balance = toBigInt(await token.read.balance_of(feltHex(ctx.account)));
    if (balance < total) {
      throw new JobLifeError(
        'INSUFFICIENT_BALANCE',
        `balance ${balance} fri is below the budget ${total} fri`,
      );
    }
    const { txHash, receipt } = await ctx.txq.submit(
      [
        token.populate('approve', market.address, total),
        ...prepared.map((p) =>
          market.populate('create_job', p.input.budget, p.hash, p.execDurationS, p.maxAttempts),
        ),
      ],
      prepared.length === 1 ? 'post job' : `post ${prepared.length} jobs`,
    );
    return prepared.map((p) => {
      const jobId = this.jobIdFrom(receipt, { manifestHash: p.hash, budget: p.input.budget });
      const record: PosterRecord = {
        role: 'poster',
        jobId: jobId.toString(),
        step: 'announcing',
        manifestSha256: p.manifestSha256,
        blobs: [p.manifestSha256, ...p.blobs],
        requirements: p.requirements,
        budget: p.input.budget.toString(),
        execDurationS: p.execDurationS.toString(),
        maxAttempts: p.maxAttempts,
        ...(p.input.graph ? { graph: p.input.graph } : {}),
        history: [],
      };
      note(record, 'created and escrowed', txHash);
      this.save(record);
      ctx.log.info({ jobId: record.jobId, txHash, budget: record.budget }, 'job posted');
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
    const attempt = job.attempts + 1;
    const chainId = await ctx.provider.getChainId();
    const base = ctx.market.strategy;
    const rankBids = r.graph ? this.hooks.rankBids : undefined;
    const strategy = rankBids && {
      name: `${base.name}, graph`,
      rank: (bids: readonly RankedBid[]) => rankBids(r, base.rank(bids)),
    };
    const result: AnnounceResult = await ctx.market.poster.announce(
      {
        jobId: job.id,
        posterAddress: ctx.account,
        manifestHash: job.manifestHash,
        manifestSha256: r.manifestSha256,
        requirements: r.requirements,
        budget: job.budget,
        collateralBps: this.collateralBps,
        execDurationS: job.execDuration,
        attempt,
        maxAttempts: job.maxAttempts,
        bidWindowMs: ctx.timings.bidWindowMs,
        requireConsent: true,
        vetBid: async (bid) =>
          (r.graph ? this.hooks.vetBid?.(r, bid) : undefined) ??
          (await this.vetConsent(chainId, job, attempt, bid)),
      },
      strategy ? { strategy } : {},
    );
    r.bids = (r.bids ?? 0) + result.bids.length;
    if (result.status !== 'awarded') {
      note(r, `attempt ${attempt}: not awarded (${result.explanation.summary})`);
      this.save(r);
      this.retryAt.set(r.jobId, Date.now() + ctx.timings.reannounceMs);
      return;
    }
    const w = result.winner;
    const consent = w.consent!;
    r.step = 'awarding';
    r.award = { attempt, worker: feltHex(w.workerAddress), peer: w.worker, price: w.price.toString() };
    this.save(r);
    try {
      const { txHash } = await ctx.txq.submit(
        ctx.clients.market.populate(
          'award_job',
          job.id,
          feltHex(w.workerAddress),
          w.price,
          consent.expiry,
          consent.signature,
        ),
        `award job ${job.id}`,
      );
      r.step = 'awarded';
      note(r, `attempt ${attempt} awarded to ${r.award.worker} (${w.worker}) at ${w.price} fri`, txHash);
      this.grantBlobs(r);
      this.save(r);
    } catch (err) {
      note(r, `award failed: ${describe(err)}`);
      r.step = 'announcing';
      this.save(r);
      this.retryAt.set(r.jobId, Date.now() + ctx.timings.reannounceMs);
    }
  }

  /** The winner's consent must hold on chain: its account's SRC-6 check, and time to use it. */
  private async vetConsent(
    chainId: string,
    job: ChainJob,
    attempt: number,
    bid: ReceivedBid,
  ): Promise<string | undefined> {
    const consent = bid.consent;
    if (!consent) return 'no award consent';
    const now = await chainNow(this.ctx.provider);
    if (consent.expiry < now + 30n) return 'award consent expires too soon';
    const hash = awardConsentHash(chainId, bid.workerAddress, {
      market: this.ctx.clients.market.address,
      jobId: job.id,
      price: bid.price,
      expiry: consent.expiry,
      attempt,
    });
    try {
      const res = await this.ctx.provider.callContract({
        contractAddress: feltHex(bid.workerAddress),
        entrypoint: 'is_valid_signature',
        calldata: [
          feltHex(hash),
          String(consent.signature.length),
          ...consent.signature.map((s) => feltHex(s)),
        ],
      });
      return BigInt(res[0] ?? 0) === VALID || BigInt(res[0] ?? 0) === 1n
        ? undefined
        : 'award consent signature is not valid';
    } catch (err) {
      return `award consent could not be checked: ${describe(err)}`;
    }
  }

  /**
   * Fetches the result the worker named (and its proof, for a groth16 job), checks it against
   * the commitment on chain and the proof against the manifest's verification key, then
   * confirms, or disputes with what failed as the reason.
   */
  private async review(r: PosterRecord, job: ChainJob): Promise<void> {
    const { ctx } = this;
    const res = r.result!;
    if (!res.verdict) {
      const peer = r.award!.peer;
      const wanted = [res.outputSha256, ...(res.proofSha256 ? [res.proofSha256] : [])];
      const got = await ctx.fetches.run(peer, () =>
        ctx.transfer.fetchBlobs(peer, job.id, wanted, {
          maxBytes: ctx.timings.maxFetchBytes,
          timeoutMs: ctx.timings.fetchTimeoutMs,
        }),
      );
      const output = got.get(res.outputSha256)!;
      ctx.blobs.put(output);
      const proof = res.proofSha256 ? got.get(res.proofSha256) : undefined;
      if (proof) ctx.blobs.put(proof);
      const matches = resultCommitment(job.id, output) === job.commitment;
      const v = ctx.manifests.load(ctx.blobs.get(r.manifestSha256)).manifest.verification;
      const refusal =
        matches && v.mode === 'groth16'
          ? await ctx.proofs.check(v, job.id, output, proof, ctx.blobs)
          : undefined;
      res.verdict = !matches ? 'mismatch' : refusal ? 'invalid-proof' : 'match';
      if (refusal) res.refusal = refusal;
      note(
        r,
        `result fetched (${output.length} bytes): ${matches ? 'matches' : 'does NOT match'} the commitment on chain` +
          (v.mode === 'groth16' && matches
            ? refusal
              ? `; proof REFUSED: ${refusal}`
              : '; proof verified'
            : ''),
      );
      this.save(r);
    }
    const decision: SettleDecision =
      res.verdict === 'mismatch'
        ? {
            action: 'dispute',
            reason: 'commitment mismatch',
            evidence: BigInt(`0x${res.outputSha256}`) & FELT250_MASK,
          }
        : res.verdict === 'invalid-proof'
          ? {
              action: 'dispute',
              reason: 'invalid proof',
              evidence: BigInt(`0x${res.proofSha256 ?? res.outputSha256}`) & FELT250_MASK,
            }
          : r.graph
            ? (this.hooks.settle?.(r) ?? { action: 'wait' })
            : { action: 'confirm' };
    if (decision.action === 'wait') {
      // Its replicas have not agreed yet (src/graph/): looked at again on a later tick.
      this.heldUntil.set(r.jobId, Date.now() + ctx.timings.tickMs);
      return;
    }
    this.heldUntil.delete(r.jobId);
    r.step = 'settling';
    const { market, token } = ctx.clients;
    if (decision.action === 'confirm') {
      const { txHash } = await ctx.txq.submit(market.populate('confirm', job.id), `confirm job ${job.id}`);
      note(r, 'confirmed: worker paid', txHash);
    } else {
      const bond = bpsOf(job.price, job.disputeBondBps);
      const { txHash } = await ctx.txq.submit(
        [
          token.populate('approve', market.address, bond),
          market.populate('dispute', job.id, decision.reason, decision.evidence),
        ],
        `dispute job ${job.id}`,
      );
      const why = res.verdict === 'mismatch' ? 'output does not match the commitment' : decision.reason;
      note(r, `disputed: ${why} (bond ${bond} fri)`, txHash);
    }
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

  /**
   * The id create_job gave this post. A batched transaction can carry several posts, whose
   * JobCreated events come in call order but name no call; so this post takes the first event
   * with its own terms that no other post of the batch has taken (posts with equal terms are
   * the same job, so which one gets which id does not matter).
   */
  private jobIdFrom(receipt: unknown, terms: { manifestHash: bigint; budget: bigint }): bigint {
    const events =
      (receipt as { value?: { events?: Array<{ from_address: string; keys: string[]; data: string[] }> } })
        .value?.events ?? [];
    const market = BigInt(this.ctx.clients.market.address);
    for (const e of events) {
      if (BigInt(e.from_address) !== market) continue;
      const d = this.ctx.codec.decode(e.from_address, e.keys, e.data);
      if (d?.name !== 'JobCreated') continue;
      const id = toBigInt(d.fields.job_id);
      if (
        toBigInt(d.fields.manifest_hash) !== terms.manifestHash ||
        toBigInt(d.fields.budget) !== terms.budget
      )
        continue;
      if (this.claimed.has(id)) continue;
      this.claimed.add(id);
      return id;
    }
    throw new JobLifeError(
      'NO_JOB_ID',
      'create_job succeeded but its receipt has no JobCreated event for this post',
    );
  }
}
