/**
 * What the ingestor needs from a chain, and nothing more: the head, block headers and the
 * events of a set of contracts over a block range, in chain order. Implemented over Starknet
 * JSON-RPC (rpc-chain-source.ts) and over a recorded chain (replay-chain-source.ts); tests
 * script forks with the latter.
 */
export interface BlockHeader {
  number: number;
  hash: string;
  parentHash: string;
  /** Seconds since the epoch, as the sequencer stamped the block. */
  timestamp: number;
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
