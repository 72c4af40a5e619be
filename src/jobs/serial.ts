/**
 * Runs tasks of one key one after another (a job's reconciles never overlap), different keys
 * side by side. A task asked for while one of its key is queued is folded into it.
 */
export class Serial {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();

  run(key: string, task: () => Promise<void>): Promise<void> {
    const waiting = this.queued.get(key);
    if (waiting) return waiting;
    const tail = this.tails.get(key) ?? Promise.resolve();
    const next = tail.then(() => {
      this.queued.delete(key);
      return task();
    });
    const settled = next.catch(() => undefined);
    this.queued.set(key, next);
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return next;
  }
}
