/**
 * At most `perPeer` fetches from one peer at a time: a peer's blob server answers BUSY past its
 * per-peer limit (transfer.perPeerConcurrency), so a busy node queues its own fetches instead of
 * having them refused and retried.
 */
export class FetchLimiter {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(private readonly perPeer: number) {}

  async run<T>(peer: string, fetch: () => Promise<T>): Promise<T> {
    if ((this.running.get(peer) ?? 0) >= this.perPeer) {
      await new Promise<void>((r) => this.waiting.set(peer, [...(this.waiting.get(peer) ?? []), r]));
    }
    this.running.set(peer, (this.running.get(peer) ?? 0) + 1);
    try {
      return await fetch();
    } finally {
      const left = (this.running.get(peer) ?? 1) - 1;
      if (left === 0) this.running.delete(peer);
      else this.running.set(peer, left);
      const next = this.waiting.get(peer)?.shift();
      if (this.waiting.get(peer)?.length === 0) this.waiting.delete(peer);
      next?.();
    }
  }
}
