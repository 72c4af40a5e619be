import { FetchLimiter } from './fetch-limiter';

test('no more than perPeer fetches run at once per peer; other peers are not held up', async () => {
  const limiter = new FetchLimiter(2);
  let running = 0;
  let peak = 0;
  const gates: Array<() => void> = [];
  const fetch = () =>
    new Promise<void>((resolve) => {
      running++;
      peak = Math.max(peak, running);
      gates.push(() => {
        running--;
        resolve();
      });
    });
  const all = Array.from({ length: 5 }, () => limiter.run('a', fetch));
  let other = false;
  await limiter.run('b', async () => {
    other = true;
  });
  expect(other).toBe(true);
  while (gates.length || running) {
    await new Promise((r) => setImmediate(r));
    gates.shift()?.();
  }
  await Promise.all(all);
  expect(peak).toBe(2);
});
