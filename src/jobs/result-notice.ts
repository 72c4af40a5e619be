/**
 * The result notice (job protocol, see job-protocol.ts): the worker's word to the poster that a
 * result is ready, with the hashes to fetch on the blob protocol. A notice is a pointer, not
 * evidence: the poster acts on it only when the chain says the job is Submitted by that worker
 * for that attempt, and checks the fetched bytes against the commitment on chain.
 */
import { decodePayload, reject } from '../p2p/errors';
import { AnnouncementRequest, ResultNotice as ResultNoticePb } from '../p2p/proto/generated/cairn';

export interface ResultNotice {
  jobId: bigint;
  attempt: number;
  outputSha256: string;
  proofSha256?: string;
}

const SHA256_BYTES = 32;

export function encodeResultNotice(n: ResultNotice): Uint8Array {
  return ResultNoticePb.encode({
    jobId: n.jobId,
    attempt: n.attempt,
    outputSha256: Buffer.from(n.outputSha256, 'hex'),
    proofSha256: n.proofSha256 ? Buffer.from(n.proofSha256, 'hex') : new Uint8Array(0),
  }).finish();
}

export function decodeResultNotice(payload: Uint8Array): ResultNotice {
  const pb = decodePayload(ResultNoticePb, payload, 'result notice');
  if (pb.jobId === 0n) throw reject('INVALID_PAYLOAD', 'result notice: job_id 0 is no on-chain job');
  if (pb.attempt < 1 || pb.attempt > 10)
    throw reject('INVALID_PAYLOAD', 'result notice: attempt out of range');
  if (pb.outputSha256.length !== SHA256_BYTES)
    throw reject('INVALID_PAYLOAD', 'result notice: output_sha256 must be 32 bytes');
  if (pb.proofSha256.length !== 0 && pb.proofSha256.length !== SHA256_BYTES)
    throw reject('INVALID_PAYLOAD', 'result notice: proof_sha256 must be 32 bytes or empty');
  return {
    jobId: pb.jobId,
    attempt: pb.attempt,
    outputSha256: Buffer.from(pb.outputSha256).toString('hex'),
    ...(pb.proofSha256.length ? { proofSha256: Buffer.from(pb.proofSha256).toString('hex') } : {}),
  };
}

/** A worker's request for the signed announcement of an on-chain job it did not hear. */
export function encodeAnnouncementRequest(jobId: bigint): Uint8Array {
  return AnnouncementRequest.encode({ jobId }).finish();
}

export function decodeAnnouncementRequest(payload: Uint8Array): bigint {
  const pb = decodePayload(AnnouncementRequest, payload, 'announcement request');
  if (pb.jobId === 0n) throw reject('INVALID_PAYLOAD', 'announcement request: job_id 0 is no on-chain job');
  return pb.jobId;
}
