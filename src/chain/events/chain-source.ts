/**
 * What a follower of the chain needs, and nothing more: the head, block headers and the events
 * of a set of contracts over a block range, in chain order. The indexer's ingestor reads the
 * chain through it; the node will follow its jobs through it. Implemented over Starknet JSON-RPC
 * (rpc-chain-source.ts) and over a chain held in memory (memory-chain.ts), with which tests
 * script forks and the indexer replays recorded chains.
 */
export interface BlockHeader {
  number: number;
  hash: string;
  parentHash: string;
  /** Seconds since the epoch, as the sequencer stamped the block. */
  timestamp: number;
  /**
   * A digest of the block's transaction hashes, when the source knows them. starknet-devnet's
   * block hashes do not commit to the transactions (a block replacing an aborted one can carry
   * the aborted block's hash), so identity is (hash, txDigest).
   */
  txDigest?: string;
}

/** Whether two headers of the same height are the same block. */
export function sameBlock(
  a: Pick<BlockHeader, 'hash' | 'txDigest'>,
  b: Pick<BlockHeader, 'hash' | 'txDigest'>,
): boolean {
  return (
    a.hash === b.hash && (a.txDigest === undefined || b.txDigest === undefined || a.txDigest === b.txDigest)
  );
}

export interface RawEvent {
  blockNumber: number;
  blockHash: string;
  txHash: string;
  txIndex: number;
  /** Index of the event within its transaction (all contracts counted). */
  eventIndex: number;
  fromAddress: string;
  keys: string[];
  data: string[];
}

export interface ChainSource {
  /** Number of the newest accepted block. */
  head(): Promise<number>;
  /** The header of block `n`, or undefined when the chain does not have it (yet, or any more). */
  block(n: number): Promise<BlockHeader | undefined>;
  /**
   * The newest accepted block's header, in one read: a follower polling a chain with nothing new
   * learns it from this alone (head() and block() would be two). Optional: without it, two.
   */
  latest?(): Promise<BlockHeader | undefined>;
  /** Events of `addresses` in blocks [from, to], ordered by block, transaction, event index. */
  events(from: number, to: number, addresses: string[]): Promise<RawEvent[]>;
  /** Identifies the chain in the database's build record (e.g. SN_SEPOLIA, or a file's id). */
  chainId(): Promise<string>;
}

export class ChainSourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChainSourceError';
  }
}
