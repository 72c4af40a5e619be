/**
 * The result commitment and the manifest hash: the two felts the JobMarket contract stores for a
 * job. The worker computes the commitment when it submits, the poster recomputes it from the
 * output it received before accepting, and the contracts' convention is the same function, so
 * this file is the single definition (do not re-derive it elsewhere).
 *
 *   resultCommitment(jobId, output) = felt250(sha256(u64be(jobId) || output))
 *   manifestHash(bytes)             = felt250(sha256(bytes))
 *
 * felt250 clears the top 6 bits of the 256-bit digest, so the value is < 2^250 and always fits a
 * Starknet felt (the Stark prime is just above 2^251) without a modular reduction that would make
 * two digests collide more often than truncation does.
 */
import { createHash } from 'node:crypto';

/** 2^250 - 1: keeps the low 250 bits of a sha256 digest. */
export const FELT250_MASK = (1n << 250n) - 1n;

const U64_MAX = (1n << 64n) - 1n;

/** The low 250 bits of the sha256 of `parts`, as a bigint. */
function sha256Felt250(...parts: Uint8Array[]): bigint {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return BigInt(`0x${h.digest('hex')}`) & FELT250_MASK;
}

/**
 * Commits a job's output to its job id. The job id is a u64 on chain; it is encoded big-endian in
 * 8 bytes so the commitment of one job's output can never be replayed for another job.
 *
 * Never returns 0: the contract uses 0 for "no result submitted", so a digest whose low 250 bits
 * are all zero (probability 2^-250) is mapped to 1. Both sides use this function, so they agree.
 */
export function resultCommitment(jobId: bigint, output: Uint8Array): bigint {
  if (jobId < 0n || jobId > U64_MAX) {
    throw new RangeError(`job id ${jobId} does not fit a u64`);
  }
  const id = new Uint8Array(8);
  new DataView(id.buffer).setBigUint64(0, jobId, false);
  const c = sha256Felt250(id, output);
  return c === 0n ? 1n : c;
}

/** The felt a job stores for its manifest: the same 250-bit truncation of sha256 of its bytes. */
export function manifestHash(bytes: Uint8Array): bigint {
  return sha256Felt250(bytes);
}
