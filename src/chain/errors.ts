/**
 * Errors from the chain, typed so callers can tell a contract's refusal (with its reason, e.g.
 * 'Job is not open') from a transport failure.
 */
import { shortString } from 'starknet';

export type ChainErrorCode =
  /** The contract refused during fee estimation or simulation; nothing was sent. */
  | 'REJECTED'
  /** The transaction was included but reverted; fees were paid, state is unchanged. */
  | 'REVERTED'
  /** The node could not be reached or answered with something else. */
  | 'RPC';

export class ChainError extends Error {
  constructor(
    readonly code: ChainErrorCode,
    /** The contract's revert reason when one could be read, e.g. 'Caller is not the poster'. */
    readonly reason: string | undefined,
    message: string,
    readonly txHash?: string,
  ) {
    super(message);
    this.name = 'ChainError';
  }
}

/** Reasons that wrap the real one as a call goes through the account contract. */
const WRAPPERS = new Set(['ENTRYPOINT_FAILED', 'ENTRYPOINT_NOT_FOUND', 'argent/multicall-failed']);

/**
 * Finds the innermost contract panic in a node's error text. Devnet renders panic data both as
 * hex felts and, for short strings, as `('text')`; the first non-wrapper text is the reason.
 */
export function extractRevertReason(text: string): string | undefined {
  for (const m of text.matchAll(/\('([^']*)'\)/g)) {
    if (m[1] && !WRAPPERS.has(m[1])) return m[1];
  }
  for (const m of text.matchAll(/0x[0-9a-fA-F]{8,62}\b/g)) {
    try {
      const decoded = shortString.decodeShortString(m[0]);
      if (/^[ -~]{4,31}$/.test(decoded) && !WRAPPERS.has(decoded)) return decoded;
    } catch {
      // not a short string
    }
  }
  return undefined;
}

export function toChainError(err: unknown, code: ChainErrorCode = 'REJECTED', txHash?: string): ChainError {
  if (err instanceof ChainError) return err;
  const text = err instanceof Error ? err.message : String(err);
  const reason = extractRevertReason(text);
  if (!reason && /fetch failed|ECONNREFUSED|socket hang up/i.test(text)) {
    return new ChainError('RPC', undefined, `chain node unreachable: ${text}`, txHash);
  }
  return new ChainError(code, reason, reason ? `${code.toLowerCase()}: ${reason}` : text, txHash);
}
