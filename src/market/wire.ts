/**
 * Payload codecs for the market messages: domain objects to protobuf bytes and back. Decoding is
 * also where content rules are enforced (ranges, lengths, deadlines), so a handler only ever sees
 * a message that is well-formed in every field. Decode failures are MALFORMED, rule breaks
 * INVALID_PAYLOAD; both are rejections the sender is scored for.
 */
import { FEATURE_NAME, MAX_FEATURES, type JobRequirements } from '../discovery/capabilities';
import { PEER_ID_BYTES } from '../p2p/crypto';
import { decodePayload, reject } from '../p2p/errors';
import {
  Bid as BidPb,
  BidRejected as BidRejectedPb,
  JobAnnouncement as JobAnnouncementPb,
  JobRequirements as JobRequirementsPb,
  Outcome as OutcomePb,
  RejectCode,
} from '../p2p/proto/generated/cairn';
import { feltFromBytes, feltToBytes, u256FromBytes, u256ToBytes } from '../p2p/felt-codec';
import { FELT250_MASK } from '../shared/commitment';
import type { AnnouncementFields, BidPayload, OutcomePayload } from './types';

export { RejectCode };

/** A bid window longer than this is refused: it would hold workers' capacity hostage. */
export const MAX_BID_WINDOW_MS = 10 * 60_000;
export const MAX_BIDS_LIMIT = 256;
const MAX_POSTER_ADDRS = 4;
const MAX_ADDR_LENGTH = 200;
const DIGEST_BYTES = 32;
/** The JobMarket's bounds (create_job: 1..10 attempts; a collateral of at most 5x the price). */
const MAX_ATTEMPTS = 10;
const MAX_COLLATERAL_BPS = 50_000;
/** An account signature is a few felts (2 for a plain Stark key; multisig accounts send more). */
const MAX_SIGNATURE_FELTS = 16;

function checkRequirements(req: JobRequirementsPb | undefined): JobRequirements {
  if (!req) throw reject('INVALID_PAYLOAD', 'requirements missing');
  if (req.wasmFeatures.length > MAX_FEATURES) throw reject('INVALID_PAYLOAD', 'too many wasm features');
  for (const f of req.wasmFeatures)
    if (!FEATURE_NAME.test(f)) throw reject('INVALID_PAYLOAD', `bad feature name`);
  if (req.fuelLimit === 0n) throw reject('INVALID_PAYLOAD', 'fuel_limit must be positive');
  if (req.minMemoryMb > BigInt(Number.MAX_SAFE_INTEGER))
    throw reject('INVALID_PAYLOAD', 'min_memory_mb out of range');
  return {
    minCores: req.minCores,
    minMemoryMb: Number(req.minMemoryMb),
    wasmFeatures: req.wasmFeatures,
    minFuelPerSecond: req.minFuelPerSecond,
    fuelLimit: req.fuelLimit,
  };
}

export function encodeAnnouncement(a: AnnouncementFields): Uint8Array {
  return JobAnnouncementPb.encode({
    jobId: a.jobId,
    posterAddress: feltToBytes(a.posterAddress),
    manifestHash: feltToBytes(a.manifestHash),
    requirements: {
      minCores: a.requirements.minCores,
      minMemoryMb: BigInt(a.requirements.minMemoryMb),
      wasmFeatures: a.requirements.wasmFeatures,
      minFuelPerSecond: a.requirements.minFuelPerSecond,
      fuelLimit: a.requirements.fuelLimit,
    },
    budget: u256ToBytes(a.budget),
    bidDeadlineMs: BigInt(a.bidDeadlineMs),
    maxBids: a.maxBids,
    posterAddrs: a.posterAddrs,
    collateralBps: a.collateralBps,
    execDurationS: a.execDurationS,
    attempt: a.attempt,
    maxAttempts: a.maxAttempts,
    manifestSha256: a.manifestSha256 ? Buffer.from(a.manifestSha256, 'hex') : new Uint8Array(0),
  }).finish();
}

export function decodeAnnouncement(payload: Uint8Array, nowMs: number): AnnouncementFields {
  const pb = decodePayload(JobAnnouncementPb, payload, 'announcement');
  const bidDeadlineMs = Number(pb.bidDeadlineMs);
  // A deadline already past is not an attack, just late: the worker ignores it.
  if (bidDeadlineMs <= nowMs) throw reject('INVALID_PAYLOAD', 'bid deadline has passed');
  if (bidDeadlineMs > nowMs + MAX_BID_WINDOW_MS) throw reject('INVALID_PAYLOAD', 'bid window too long');
  if (pb.maxBids < 1 || pb.maxBids > MAX_BIDS_LIMIT) throw reject('INVALID_PAYLOAD', 'max_bids out of range');
  if (
    pb.posterAddrs.length > MAX_POSTER_ADDRS ||
    pb.posterAddrs.some((a) => a.length > MAX_ADDR_LENGTH || !a.startsWith('/'))
  ) {
    throw reject('INVALID_PAYLOAD', 'bad poster addresses');
  }
  // The contract's own bounds: a job id from 1, a rate of at most 100%, 1..10 attempts.
  if (pb.jobId === 0n) throw reject('INVALID_PAYLOAD', 'job_id 0 is no on-chain job');
  if (pb.collateralBps > MAX_COLLATERAL_BPS)
    throw reject('INVALID_PAYLOAD', 'collateral_bps above the contract maximum (50000)');
  if (pb.execDurationS === 0n) throw reject('INVALID_PAYLOAD', 'exec_duration_s must be positive');
  if (pb.maxAttempts < 1 || pb.maxAttempts > MAX_ATTEMPTS || pb.attempt < 1 || pb.attempt > pb.maxAttempts) {
    throw reject('INVALID_PAYLOAD', 'attempt out of range');
  }
  const manifestHashFelt = feltFromBytes(pb.manifestHash, 'manifest_hash');
  let manifestSha256: string | undefined;
  if (pb.manifestSha256.length > 0) {
    if (pb.manifestSha256.length !== DIGEST_BYTES)
      throw reject('INVALID_PAYLOAD', 'manifest_sha256 must be 32 bytes');
    manifestSha256 = Buffer.from(pb.manifestSha256).toString('hex');
    // The address the worker fetches by must name the manifest the chain holds.
    if ((BigInt(`0x${manifestSha256}`) & FELT250_MASK) !== manifestHashFelt)
      throw reject('INVALID_PAYLOAD', 'manifest_sha256 does not match manifest_hash');
  }
  return {
    jobId: pb.jobId,
    posterAddress: feltFromBytes(pb.posterAddress, 'poster_address'),
    manifestHash: manifestHashFelt,
    manifestSha256,
    requirements: checkRequirements(pb.requirements),
    budget: u256FromBytes(pb.budget, 'budget'),
    bidDeadlineMs,
    maxBids: pb.maxBids,
    posterAddrs: pb.posterAddrs,
    collateralBps: pb.collateralBps,
    execDurationS: pb.execDurationS,
    attempt: pb.attempt,
    maxAttempts: pb.maxAttempts,
  };
}

export function encodeBid(b: BidPayload): Uint8Array {
  return BidPb.encode({
    jobId: b.jobId,
    poster: b.poster,
    announcementDigest: b.announcementDigest,
    workerAddress: feltToBytes(b.workerAddress),
    price: u256ToBytes(b.price),
    consentExpiry: b.consent?.expiry ?? 0n,
    consentSignature: (b.consent?.signature ?? []).map(feltToBytes),
  }).finish();
}

/** A bid as it came off the wire: schema-checked, its fields not yet validated. */
export type RawBid = BidPb;

/** Reads a bid far enough to find its job; a late bid needs nothing more. */
export function readBid(payload: Uint8Array): RawBid {
  return decodePayload(BidPb, payload, 'bid');
}

/** Validates the rest of a bid read by readBid. */
export function checkBid(pb: RawBid): BidPayload {
  if (pb.poster.length !== PEER_ID_BYTES) throw reject('INVALID_PAYLOAD', 'bid poster is not a peer id');
  if (pb.announcementDigest.length !== DIGEST_BYTES)
    throw reject('INVALID_PAYLOAD', 'bad announcement digest');
  if (pb.consentSignature.length > MAX_SIGNATURE_FELTS)
    throw reject('INVALID_PAYLOAD', 'consent signature too long');
  if ((pb.consentSignature.length === 0) !== (pb.consentExpiry === 0n))
    throw reject('INVALID_PAYLOAD', 'consent needs both an expiry and a signature');
  const consent =
    pb.consentSignature.length > 0
      ? {
          expiry: pb.consentExpiry,
          signature: pb.consentSignature.map((f, i) => feltFromBytes(f, `consent_signature[${i}]`)),
        }
      : undefined;
  return {
    jobId: pb.jobId,
    poster: pb.poster,
    announcementDigest: pb.announcementDigest,
    workerAddress: feltFromBytes(pb.workerAddress, 'worker_address'),
    price: u256FromBytes(pb.price, 'price'),
    ...(consent ? { consent } : {}),
  };
}

export function encodeOutcome(o: OutcomePayload): Uint8Array {
  return OutcomePb.encode({
    jobId: o.jobId,
    announcementDigest: o.announcementDigest,
    winner: o.winner,
    winnerAddress: feltToBytes(o.winnerAddress),
    price: u256ToBytes(o.price),
    winningBidDigest: o.winningBidDigest,
  }).finish();
}

export function decodeOutcome(payload: Uint8Array): OutcomePayload {
  const pb = decodePayload(OutcomePb, payload, 'outcome');
  if (pb.winner.length !== PEER_ID_BYTES) throw reject('INVALID_PAYLOAD', 'outcome winner is not a peer id');
  if (pb.announcementDigest.length !== DIGEST_BYTES || pb.winningBidDigest.length !== DIGEST_BYTES) {
    throw reject('INVALID_PAYLOAD', 'bad digest in outcome');
  }
  return {
    jobId: pb.jobId,
    announcementDigest: pb.announcementDigest,
    winner: pb.winner,
    winnerAddress: feltFromBytes(pb.winnerAddress, 'winner_address'),
    price: u256FromBytes(pb.price, 'price'),
    winningBidDigest: pb.winningBidDigest,
  };
}

export interface Rejection {
  jobId: bigint;
  code: RejectCode;
  detail: string;
}

export function encodeRejection(r: Rejection): Uint8Array {
  return BidRejectedPb.encode({ jobId: r.jobId, code: r.code, detail: r.detail.slice(0, 200) }).finish();
}

export function decodeRejection(payload: Uint8Array): Rejection {
  const pb = decodePayload(BidRejectedPb, payload, 'bid rejection');
  if (pb.detail.length > 200) throw reject('INVALID_PAYLOAD', 'rejection detail too long');
  return { jobId: pb.jobId, code: pb.code, detail: pb.detail };
}
