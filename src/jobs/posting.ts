/**
 * The first step of a poster's job: its manifest and blobs stored, its budget escrowed and the
 * job created on chain (one approve of the budgets, then a create_job each, in one transaction),
 * and the id the chain gave each post read back from the receipt.
 */
import { toBigInt } from '../chain/values';
import { manifestHash } from '../shared/commitment';
import { feltHex } from '../shared/felt';
import type { JobContext } from './context';
import { JobLifeError } from './errors';
import { type GraphUnitRef, note, type PosterRecord } from './journal';
import { blobsOf, requirementsOf } from './manifest-needs';

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

export interface PostedJob {
  jobId: bigint;
  txHash: string;
  /** Its first journal record: escrowed, about to be announced. */
  record: PosterRecord;
}

export class JobPosting {
  /** Job ids already matched to a post (see jobIdFrom). */
  private readonly claimed = new Set<bigint>();

  constructor(private readonly ctx: JobContext) {}

  /**
   * Validates each manifest and checks the node holds every blob it names, checks the balance
   * covers the budgets, and creates the jobs in one transaction. Resolves with the posts in order.
   */
  async post(inputs: PostJobInput[]): Promise<PostedJob[]> {
    const { ctx } = this;
    if (inputs.length === 0) return [];
    const prepared = inputs.map((input) => this.prepare(input));
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
      return { jobId, txHash, record };
    });
  }

  private prepare(input: PostJobInput) {
    const { ctx } = this;
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
