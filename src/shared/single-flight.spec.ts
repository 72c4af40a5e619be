import { SingleFlight } from './single-flight';

/** A read that settles when the test says so. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SingleFlight', () => {
  test('callers of one key while its read is pending share it; other keys read on their own', async () => {
    const f = new SingleFlight<string, number>();
    const reads: string[] = [];
    const a = deferred<number>();
    const b = deferred<number>();
    const read = (key: string, d: { promise: Promise<number> }) => () => {
      reads.push(key);
      return d.promise;
    };
    const [x1, x2, y] = [f.run('x', read('x', a)), f.run('x', read('x', a)), f.run('y', read('y', b))];
    expect(reads).toEqual(['x', 'y']);
    a.resolve(1);
    b.resolve(2);
    expect(await Promise.all([x1, x2, y])).toEqual([1, 1, 2]);
    expect(f.size).toBe(0);
  });

  test('nothing is kept once a read settles, failed or not: the next caller reads afresh', async () => {
    const f = new SingleFlight<string, number>();
    const first = deferred<number>();
    const p1 = f.run('k', () => first.promise);
    const p2 = f.run('k', () => Promise.resolve(99));
    first.reject(new Error('rpc down'));
    await expect(p1).rejects.toThrow('rpc down');
    await expect(p2).rejects.toThrow('rpc down');
    expect(await f.run('k', () => Promise.resolve(7))).toBe(7);
  });
});
