/**
 * The poster's Submitted step, first half: fetch the result the worker named in its notice (and
 * its proof, for a groth16 job) over the blob protocol, and check it against the commitment on
 * chain and the proof against the manifest's verification key. The verdict is kept in the
 * record, so a restart does not fetch again.
 */
import { resultCommitment } from '../shared/commitment';
import type { ChainJob } from './chain-view';
import type { JobContext } from './context';
import { note, type PosterRecord } from './journal';

/** Sets `r.result.verdict` (and the proof's refusal), noted in its history; the caller saves. */
export async function checkResult(ctx: JobContext, r: PosterRecord, job: ChainJob): Promise<void> {
  const res = r.result!;
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
    matches && v.mode === 'groth16' ? await ctx.proofs.check(v, job.id, output, proof, ctx.blobs) : undefined;
  res.verdict = !matches ? 'mismatch' : refusal ? 'invalid-proof' : 'match';
  if (refusal) res.refusal = refusal;
  note(
    r,
    `result fetched (${output.length} bytes): ${matches ? 'matches' : 'does NOT match'} the commitment on chain` +
      (v.mode === 'groth16' && matches ? (refusal ? `; proof REFUSED: ${refusal}` : '; proof verified') : ''),
  );
}
