/**
 * The body of a `*.watch` method: send the record as it is now, then each change to it, until it
 * ends or the caller cancels. `graph.watch` and `job.watch` differ only in which records are
 * theirs and when a record has ended, so they say just that and share the subscription, the
 * progress events and the clean-up on every way out.
 */
import type { MethodContext } from './registry';

export interface Watch<T> {
  /** The record as it is now; its first progress event. */
  current: T;
  /** Subscribes to every change of the room's records; returns the unsubscribe. */
  onChange(listener: (record: T) => void): () => void;
  /** Whether a changed record is the watched one. */
  isWatched(record: T): boolean;
  /** Whether the record is in its last state, after which nothing more is sent. */
  ended(record: T): boolean;
}

/**
 * Resolves with the ended record, or `undefined` once the caller cancels (the channel has then
 * answered already). The listener is removed either way, so a cancelled watch leaves nothing behind.
 */
export function watchUntil<T>(ctx: MethodContext, watch: Watch<T>): Promise<T | undefined> {
  ctx.notify(watch.current);
  if (watch.ended(watch.current)) return Promise.resolve(watch.current);
  if (ctx.signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const off = watch.onChange((record) => {
      if (!watch.isWatched(record)) return;
      ctx.notify(record);
      if (watch.ended(record)) finish(record);
    });
    const finish = (record: T | undefined) => {
      off();
      ctx.signal.removeEventListener('abort', onAbort);
      resolve(record);
    };
    const onAbort = () => finish(undefined);
    ctx.signal.addEventListener('abort', onAbort);
  });
}
