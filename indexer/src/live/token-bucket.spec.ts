import { TokenBucket } from './token-bucket';

test('a burst is allowed, then one token per 1/rate seconds', () => {
  let now = 0;
  const b = new TokenBucket(10, 10, () => now);
  for (let i = 0; i < 10; i++) expect(b.take()).toBe(true);
  expect(b.take()).toBe(false);
  now += 100;
  expect(b.take()).toBe(true);
  expect(b.take()).toBe(false);
  now += 10_000;
  for (let i = 0; i < 10; i++) expect(b.take()).toBe(true);
  expect(b.take()).toBe(false);
});
