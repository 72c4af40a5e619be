/**
 * ChainSource over Starknet JSON-RPC 0.10 (what devnet 0.8 and current nodes serve): one
 * getEvents filter for all the contracts (0.10 accepts an address list and returns each event's
 * transaction and event index), paged with continuation tokens.
 */
import { createHash } from 'node:crypto';
import { type BlockHeader, type ChainSource, ChainSourceError, type RawEvent } from './chain-source';

interface RpcEmittedEvent {
  from_address: string;
  keys: string[];
  data: string[];
  block_hash?: string;
  block_number?: number;
  transaction_hash: string;
  transaction_index: number;
  event_index: number;
}

export class RpcChainSource implements ChainSource {
  private id = 0;

  constructor(
    private readonly url: string,
    private readonly pageSize = 1000,
  ) {}

  private async call<T>(method: string, params: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: ++this.id, method, params }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      throw new ChainSourceError(`${method}: cannot reach ${this.url}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    const body = (await res.json().catch(() => ({}))) as {
      result?: T;
      error?: { code: number; message: string };
    };
    if (body.error) {
      const e = new ChainSourceError(`${method} failed: ${body.error.message} (code ${body.error.code})`);
      (e as ChainSourceError & { rpcCode?: number }).rpcCode = body.error.code;
      throw e;
    }
    if (!res.ok || body.result === undefined)
      throw new ChainSourceError(`${method}: HTTP ${res.status} from ${this.url}`);
    return body.result;
  }

  head(): Promise<number> {
    return this.call<number>('starknet_blockNumber', []);
  }

  chainId(): Promise<string> {
    return this.call<string>('starknet_chainId', []);
  }

  block(n: number): Promise<BlockHeader | undefined> {
    return this.header({ block_number: n });
  }

  latest(): Promise<BlockHeader | undefined> {
    return this.header('latest');
  }

  private async header(blockId: { block_number: number } | 'latest'): Promise<BlockHeader | undefined> {
    try {
      const b = await this.call<{
        block_hash: string;
        parent_hash: string;
        block_number: number;
        timestamp: number;
        transactions: string[];
      }>('starknet_getBlockWithTxHashes', { block_id: blockId });
      if (!b.block_hash) return undefined; // a pre-confirmed block has no hash yet
      return {
        number: b.block_number,
        hash: b.block_hash,
        parentHash: b.parent_hash,
        timestamp: b.timestamp,
        txDigest: createHash('sha256').update(b.transactions.join(',')).digest('hex'),
      };
    } catch (err) {
      // 24 = BLOCK_NOT_FOUND
      if ((err as { rpcCode?: number }).rpcCode === 24) return undefined;
      throw err;
    }
  }

  async events(from: number, to: number, addresses: string[]): Promise<RawEvent[]> {
    const out: RawEvent[] = [];
    let token: string | undefined;
    do {
      const page = await this.call<{ events: RpcEmittedEvent[]; continuation_token?: string }>(
        'starknet_getEvents',
        {
          filter: {
            from_block: { block_number: from },
            to_block: { block_number: to },
            address: addresses,
            keys: [],
            chunk_size: this.pageSize,
            ...(token ? { continuation_token: token } : {}),
          },
        },
      );
      for (const e of page.events) {
        if (e.block_number === undefined || e.block_hash === undefined) continue; // not in an accepted block yet
        out.push({
          blockNumber: e.block_number,
          blockHash: e.block_hash,
          txHash: e.transaction_hash,
          txIndex: e.transaction_index,
          eventIndex: e.event_index,
          fromAddress: e.from_address,
          keys: e.keys,
          data: e.data,
        });
      }
      token = page.continuation_token;
    } while (token);
    return out;
  }
}
