import { watchUntil, type Watch } from './watch';

interface Rec {
  id: string;
  step: number;
}

/** A room of records that change: the listeners a watch subscribes, and what it was sent. */
function room(current: Rec) {
  const listeners = new Set<(r: Rec) => void>();
  const sent: Rec[] = [];
  const controller = new AbortController();
  const watch: Watch<Rec> = {
    current,
    onChange: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    isWatched: (r) => r.id === current.id,
    ended: (r) => r.step >= 3,
  };
  const ctx = { notify: (e: unknown) => sent.push(e as Rec), signal: controller.signal };
  const change = (r: Rec) => [...listeners].forEach((l) => l(r));
  return { watch, ctx, sent, listeners, change, cancel: () => controller.abort() };
}

describe('watchUntil', () => {
  it('sends the record now and each change to it, and resolves with the ended one', async () => {
    const r = room({ id: 'a', step: 1 });
    const done = watchUntil(r.ctx, r.watch);
    r.change({ id: 'b', step: 2 });
    r.change({ id: 'a', step: 2 });
    r.change({ id: 'a', step: 3 });
    r.change({ id: 'a', step: 4 });
    await expect(done).resolves.toEqual({ id: 'a', step: 3 });
    expect(r.sent).toEqual([
      { id: 'a', step: 1 },
      { id: 'a', step: 2 },
      { id: 'a', step: 3 },
    ]);
    expect(r.listeners.size).toBe(0);
  });

  it('answers at once with a record that has ended, subscribing to nothing', async () => {
    const r = room({ id: 'a', step: 3 });
    await expect(watchUntil(r.ctx, r.watch)).resolves.toEqual({ id: 'a', step: 3 });
    expect(r.sent).toEqual([{ id: 'a', step: 3 }]);
    expect(r.listeners.size).toBe(0);
  });

  it('resolves undefined and unsubscribes when the caller cancels', async () => {
    const r = room({ id: 'a', step: 1 });
    const done = watchUntil(r.ctx, r.watch);
    expect(r.listeners.size).toBe(1);
    r.cancel();
    await expect(done).resolves.toBeUndefined();
    expect(r.listeners.size).toBe(0);
    r.change({ id: 'a', step: 3 });
    expect(r.sent).toEqual([{ id: 'a', step: 1 }]);
  });

  it('does not wait on a caller that cancelled before the watch began', async () => {
    const r = room({ id: 'a', step: 1 });
    r.cancel();
    await expect(watchUntil(r.ctx, r.watch)).resolves.toBeUndefined();
    expect(r.listeners.size).toBe(0);
  });
});
