import { PeerRateLimiter } from './rate-limit';

describe('per-peer rate limiter', () => {
  test('allows the burst, then the refill rate, per peer', () => {
    let t = 0;
    const limiter = new PeerRateLimiter(10, 5, 100, () => t);
    for (let i = 0; i < 5; i++) expect(limiter.tryTake('a')).toBe(true);
    expect(limiter.tryTake('a')).toBe(false);
    expect(limiter.peek('a')).toBe(false);
    expect(limiter.peek('b')).toBe(true);
    expect(limiter.peek('b', 5)).toBe(true);
    expect(limiter.tryTake('b')).toBe(true);
    expect(limiter.peek('b', 5)).toBe(false);
    t = 100; // 10/s refills one token in 100 ms
    expect(limiter.tryTake('a')).toBe(true);
    expect(limiter.tryTake('a')).toBe(false);
  });

  test('past maxPeers, newcomers share an empty bucket until idle peers are swept', () => {
    let t = 0;
    const limiter = new PeerRateLimiter(10, 5, 2, () => t);
    limiter.tryTake('a');
    limiter.tryTake('b');
    expect(limiter.tryTake('sybil')).toBe(false);
    t = 10_000;
    expect(limiter.tryTake('sybil')).toBe(true);
  });
});
