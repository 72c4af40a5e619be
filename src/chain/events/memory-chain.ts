/**
 * A chain held in memory: recorded blocks replayed through the same ingestion path as a live
 * node (the bench, the crash test), and scripted histories that fork at a chosen block (reorg
 * tests). Files hold `{ chainId, blocks: [{ header, events }] }` as JSON.
 *
 * Not test-only: the indexer serves `INDEXER_RPC_URL=replay:<file>` from it, which is how the
 * bench and the crash test run a real indexer process on a recorded chain.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { BlockHeader, ChainSource, RawEvent } from './chain-source';

export interface RecordedBlock {
  header: BlockHeader;
  events: RawEvent[];
}

export interface RecordedChain {
  chainId: string;
  blocks: RecordedBlock[];
}

export class MemoryChain implements ChainSource {
  private readonly blocks: RecordedBlock[];
  /** Blocks [0, visible) are served; lets a test reveal a recorded chain bit by bit. */
  visible: number;

  constructor(
    private readonly id: string,
    blocks: readonly RecordedBlock[] = [],
  ) {
    this.blocks = [...blocks];
    this.visible = Number.MAX_SAFE_INTEGER;
  }

  static load(path: string): MemoryChain {
    const rec = JSON.parse(readFileSync(path, 'utf8')) as RecordedChain;
    return new MemoryChain(rec.chainId, rec.blocks);
  }

  /** Written to a temporary file and renamed: a reader of `path` sees the old chain or the new, whole. */
  save(path: string): void {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ chainId: this.id, blocks: this.blocks } satisfies RecordedChain));
    renameSync(tmp, path);
  }

  /** All recorded blocks, visible or not. */
  get length(): number {
    return this.blocks.length;
  }

  recorded(): readonly RecordedBlock[] {
    return this.blocks;
  }

  append(block: RecordedBlock): void {
    const expected = this.blocks.length;
    if (block.header.number !== expected)
      throw new Error(`block ${block.header.number} appended at height ${expected}`);
    this.blocks.push(block);
  }

  /** Drops blocks from `n` on, as devnet_abortBlocks does. */
  truncate(n: number): void {
    this.blocks.length = Math.min(this.blocks.length, n);
  }

  async head(): Promise<number> {
    return Math.min(this.blocks.length, this.visible) - 1;
  }

  async chainId(): Promise<string> {
    return this.id;
  }

  async block(n: number): Promise<BlockHeader | undefined> {
    if (n >= this.visible) return undefined;
    return this.blocks[n]?.header;
  }

  async latest(): Promise<BlockHeader | undefined> {
    return this.block(await this.head());
  }

  async events(from: number, to: number, addresses: string[]): Promise<RawEvent[]> {
    const wanted = new Set(addresses);
    const out: RawEvent[] = [];
    const last = Math.min(to, this.blocks.length - 1, this.visible - 1);
    for (let n = Math.max(from, 0); n <= last; n++) {
      for (const e of this.blocks[n]!.events) if (wanted.has(e.fromAddress)) out.push(e);
    }
    return out;
  }
}
