/**
 * A bounded async queue a subscription reads from: the hub pushes, graphql-ws pulls. `return()`
 * (the client completed, or its connection closed) ends it at once, even while a `next()` is
 * waiting — an async generator cannot, which would leave a listener behind per closed socket.
 * When the reader falls `capacity` values behind, the channel ends with an error instead of
 * growing: the client reconnects with its last block and catches up from the database.
 */
export class ChannelOverflowError extends Error {
  constructor(capacity: number) {
    super(
      `this subscription fell ${capacity} updates behind and was ended; subscribe again with sinceBlock set to the last block you saw`,
    );
    this.name = 'ChannelOverflowError';
  }
}

export class Channel<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | undefined;
  private failWaiting: ((e: Error) => void) | undefined;
  private done = false;
  private error: Error | undefined;

  constructor(
    private readonly capacity: number,
    private readonly onClose: () => void,
  ) {}

  push(value: T): void {
    if (this.done || this.error) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = this.failWaiting = undefined;
      w({ value, done: false });
      return;
    }
    if (this.queue.length >= this.capacity) {
      this.fail(new ChannelOverflowError(this.capacity));
      return;
    }
    this.queue.push(value);
  }

  fail(error: Error): void {
    if (this.done || this.error) return;
    this.error = error;
    this.queue.length = 0;
    this.onClose();
    if (this.failWaiting) {
      const f = this.failWaiting;
      this.waiting = this.failWaiting = undefined;
      f(error);
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.error) {
      const e = this.error;
      this.done = true;
      this.error = undefined;
      return Promise.reject(e);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      this.queue.length = 0;
      if (!this.error) this.onClose();
      this.error = undefined;
      const w = this.waiting;
      this.waiting = this.failWaiting = undefined;
      w?.({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(e: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Values waiting to be read. */
  get queued(): number {
    return this.queue.length;
  }
}
