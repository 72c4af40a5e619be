/**
 * A recorded chain read from a file that may grow or fork while it is followed: the file is read
 * again whenever its size or modification time changes, so a test (or a demo) can append blocks,
 * or replace the tail with a fork, under a running indexer. Writers replace the file whole
 * (MemoryChain.save writes a temporary file and renames it), so a read never sees half a chain.
 */
import { statSync } from 'node:fs';
import type { BlockHeader, ChainSource, RawEvent } from './chain-source';
import { MemoryChain } from './memory-chain';

export class ReplayFileChain implements ChainSource {
  private chain: MemoryChain;
  private stamp: string;

  constructor(private readonly path: string) {
    this.stamp = this.currentStamp();
    this.chain = MemoryChain.load(path);
  }

  private currentStamp(): string {
    const s = statSync(this.path);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  }

  /** The chain as the file holds it now. */
  private current(): MemoryChain {
    const stamp = this.currentStamp();
    if (stamp !== this.stamp) {
      this.chain = MemoryChain.load(this.path);
      this.stamp = stamp;
    }
    return this.chain;
  }

  head(): Promise<number> {
    return this.current().head();
  }

  block(n: number): Promise<BlockHeader | undefined> {
    return this.current().block(n);
  }

  latest(): Promise<BlockHeader | undefined> {
    return this.current().latest();
  }

  events(from: number, to: number, addresses: string[]): Promise<RawEvent[]> {
    return this.current().events(from, to, addresses);
  }

  chainId(): Promise<string> {
    return this.current().chainId();
  }
}
