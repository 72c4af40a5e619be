/**
 * The wire of the job-data transfer protocol (/cairn/<network>/blob/1.0.0), one stream per
 * request (a blob transfer is long next to a stream's setup cost, unlike a bid):
 *
 *   requester -> server   [varint len][Envelope KIND_BLOB_REQUEST { job_id, hashes, caps }]  then close
 *   server -> requester   [varint len][Envelope KIND_BLOB_RESPONSE { status, detail, sizes }]
 *                         if OK, for each blob in request order: chunks [varint len][1..65536 bytes]
 *                         adding up to exactly its declared size; then close
 *
 * Both envelopes are signed and checked with the host's pipeline (signer = the remote peer,
 * freshness, replay, signature). Blob bytes travel outside envelopes (which are capped at 4 KiB)
 * and are trusted only once they hash to the digest they were asked by.
 */
import { BlobRequest, BlobResponse, BlobStatus } from '../p2p/proto/generated/cairn';
import { protocolId } from '../p2p/topics';

export { BlobStatus };

/** Largest chunk of blob bytes in one frame. */
export const CHUNK_BYTES = 64 * 1024;

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function blobProtocol(network: string): string {
  return protocolId(network, 'blob');
}

/** A sha256 digest as src/executor/blob-store.ts names blobs: 64 lowercase hex characters. */
export function isSha256Hex(hash: string): boolean {
  return SHA256_HEX.test(hash);
}

export interface BlobRequestFields {
  jobId: bigint;
  /** sha256 hex digests, distinct. */
  hashes: string[];
  maxBlobBytes: number;
  maxTotalBytes: number;
}

export function encodeRequest(req: BlobRequestFields): Uint8Array {
  return BlobRequest.encode({
    jobId: req.jobId,
    hashes: req.hashes.map((h) => Buffer.from(h, 'hex')),
    maxBlobBytes: BigInt(req.maxBlobBytes),
    maxTotalBytes: BigInt(req.maxTotalBytes),
  }).finish();
}

/** Decodes and checks a request's payload; throws Error with what is wrong. */
export function decodeRequest(payload: Uint8Array, maxHashes: number): BlobRequestFields {
  const req = BlobRequest.decode(payload);
  if (req.hashes.length === 0) throw new Error('no hashes');
  if (req.hashes.length > maxHashes) throw new Error(`${req.hashes.length} hashes, at most ${maxHashes}`);
  const hashes = req.hashes.map((h) => {
    if (h.length !== 32) throw new Error(`a hash of ${h.length} bytes, not 32`);
    return Buffer.from(h).toString('hex');
  });
  if (new Set(hashes).size !== hashes.length) throw new Error('duplicate hashes');
  const cap = (v: bigint): number =>
    v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
  return {
    jobId: req.jobId,
    hashes,
    maxBlobBytes: cap(req.maxBlobBytes),
    maxTotalBytes: cap(req.maxTotalBytes),
  };
}

export interface BlobResponseFields {
  jobId: bigint;
  status: BlobStatus;
  detail: string;
  sizes: number[];
}

export function encodeResponse(res: BlobResponseFields): Uint8Array {
  return BlobResponse.encode({
    jobId: res.jobId,
    status: res.status,
    detail: res.detail,
    sizes: res.sizes.map((s) => BigInt(s)),
  }).finish();
}

export function decodeResponse(payload: Uint8Array): BlobResponseFields {
  const res = BlobResponse.decode(payload);
  return {
    jobId: res.jobId,
    status: res.status,
    detail: res.detail,
    sizes: res.sizes.map((s) => (s > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(s))),
  };
}
