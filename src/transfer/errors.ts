/**
 * Why a transfer failed, as a closed union a caller can branch on: the job life module retries
 * another time on BUSY or a timeout, gives up on UNAUTHORIZED, and treats HASH_MISMATCH or
 * PROTOCOL_VIOLATION as a peer that lied (already scored here).
 */
export type TransferErrorCode =
  /** The server does not allow this peer this job's blob (not the awarded peer, or too early). */
  | 'UNAUTHORIZED'
  /** The server does not hold a blob it was asked for. */
  | 'NOT_FOUND'
  /** A blob, or the sum of them, is over a cap (ours, or the server's). */
  | 'TOO_LARGE'
  /** The server has as many transfers running with us as it allows. */
  | 'BUSY'
  /** The request was refused as malformed, forged, stale or replayed, or we could not build it. */
  | 'BAD_REQUEST'
  /** Bytes that do not hash to the digest they were sent for. */
  | 'HASH_MISMATCH'
  /** The server broke the wire format (junk, bad framing, more bytes than declared, bad header). */
  | 'PROTOCOL_VIOLATION'
  /** No byte moved for the idle timeout. */
  | 'IDLE_TIMEOUT'
  /** The overall deadline passed. */
  | 'DEADLINE'
  /** The peer could not be reached, or the stream closed before the transfer completed. */
  | 'STREAM_FAILED';

export class TransferError extends Error {
  constructor(
    readonly code: TransferErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TransferError';
  }
}

export function isTransferError(err: unknown): err is TransferError {
  // By name as well: an error from another realm (jest) fails instanceof.
  return err instanceof TransferError || (err as { name?: string } | null)?.name === 'TransferError';
}
