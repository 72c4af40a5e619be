/**
 * The input route's wire form (proto `InputRoute`, kind KIND_INPUT_ROUTE; see input-routes.ts):
 * encoded from and decoded into text ids and hex hashes, every field checked on the way in so a
 * hostile route is refused before it grants or fetches anything.
 */
import { ed25519KeyOf, peerIdFromText, peerIdToString } from '../p2p/crypto';
import { decodePayload, reject } from '../p2p/errors';
import { InputRoute as InputRoutePb } from '../p2p/proto/generated/cairn';

/** A dependent step reads at most this many outputs (an aggregate over 64 map steps). */
export const MAX_ROUTE_PARTS = 64;
const MAX_ADDRS = 8;
const MAX_ADDR_CHARS = 256;
const SHA256_BYTES = 32;

export interface InputPart {
  /** The unit job whose agreed output this is. */
  jobId: bigint;
  sha256: string;
  /** The producing worker's peer id (text). */
  producer: string;
  addrs: string[];
}

export interface InputRoute {
  jobId: bigint;
  attempt: number;
  /** The awarded worker's peer id (text). */
  consumer: string;
  inputSha256: string;
  parts: InputPart[];
  untilMs: number;
}

export function encodeInputRoute(r: InputRoute): Uint8Array {
  return InputRoutePb.encode({
    jobId: r.jobId,
    attempt: r.attempt,
    consumer: peerIdFromText(r.consumer),
    inputSha256: Buffer.from(r.inputSha256, 'hex'),
    parts: r.parts.map((p) => ({
      jobId: p.jobId,
      sha256: Buffer.from(p.sha256, 'hex'),
      producer: peerIdFromText(p.producer),
      addrs: p.addrs.slice(0, MAX_ADDRS),
    })),
    untilMs: BigInt(r.untilMs),
  }).finish();
}

function peer(bytes: Uint8Array, what: string): string {
  if (!ed25519KeyOf(bytes)) throw reject('INVALID_PAYLOAD', `input route: ${what} is not an Ed25519 peer id`);
  return peerIdToString(bytes);
}

function sha(bytes: Uint8Array, what: string): string {
  if (bytes.length !== SHA256_BYTES) throw reject('INVALID_PAYLOAD', `input route: ${what} must be 32 bytes`);
  return Buffer.from(bytes).toString('hex');
}

export function decodeInputRoute(payload: Uint8Array): InputRoute {
  const pb = decodePayload(InputRoutePb, payload, 'input route');
  if (pb.jobId === 0n) throw reject('INVALID_PAYLOAD', 'input route: job_id 0 is no on-chain job');
  if (pb.attempt < 1 || pb.attempt > 10) throw reject('INVALID_PAYLOAD', 'input route: attempt out of range');
  if (pb.parts.length === 0 || pb.parts.length > MAX_ROUTE_PARTS)
    throw reject('INVALID_PAYLOAD', `input route: 1 to ${MAX_ROUTE_PARTS} parts`);
  if (pb.untilMs > BigInt(Number.MAX_SAFE_INTEGER))
    throw reject('INVALID_PAYLOAD', 'input route: until_ms out of range');
  return {
    jobId: pb.jobId,
    attempt: pb.attempt,
    consumer: peer(pb.consumer, 'consumer'),
    inputSha256: sha(pb.inputSha256, 'input_sha256'),
    parts: pb.parts.map((p, i) => {
      if (p.jobId === 0n) throw reject('INVALID_PAYLOAD', `input route: part ${i} names job 0`);
      if (p.addrs.length > MAX_ADDRS || p.addrs.some((a) => a.length > MAX_ADDR_CHARS))
        throw reject('INVALID_PAYLOAD', `input route: part ${i} has too many or too long addresses`);
      return {
        jobId: p.jobId,
        sha256: sha(p.sha256, `part ${i} sha256`),
        producer: peer(p.producer, `part ${i} producer`),
        addrs: [...p.addrs],
      };
    }),
    untilMs: Number(pb.untilMs),
  };
}
