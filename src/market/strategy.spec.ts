import type { RankedBid } from './strategy';
import { lowestPrice, reputationWeighted } from './strategy';

const bid = (worker: string, price: bigint, reputation: number, digestByte: number): RankedBid => ({
  bid: {
    jobId: 1n,
    poster: new Uint8Array(38),
    announcementDigest: new Uint8Array(32),
    workerAddress: BigInt(worker.length),
    price,
    worker,
    workerPeerId: new Uint8Array(38),
    digest: new Uint8Array(32).fill(digestByte),
    receivedAtMs: Math.random(),
  },
  reputation,
});

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('choose strategies', () => {
  const bids = [
    bid('a', 1000n, 2000, 1),
    bid('b', 1100n, 5000, 2),
    bid('c', 1200n, 10_000, 3),
    bid('d', 1000n, 2000, 0),
  ];

  test.each([lowestPrice, reputationWeighted])(
    '$name ranks the same bids the same way whatever their order',
    (strategy) => {
      const orders = permutations(bids).map((p) =>
        strategy
          .rank(p)
          .map((r) => r.bid.worker)
          .join(''),
      );
      expect(new Set(orders).size).toBe(1);
    },
  );

  test('lowest price: cheapest first; ties to reputation, then digest', () => {
    expect(lowestPrice.rank(bids).map((r) => r.bid.worker)).toEqual(['d', 'a', 'b', 'c']);
  });

  test('reputation-weighted: price * (2 - reputation/10000)', () => {
    // c: 1200 * 1.0 = 1200; b: 1100 * 1.5 = 1650; a, d: 1000 * 1.8 = 1800 (digest breaks the tie).
    expect(reputationWeighted.rank(bids).map((r) => r.bid.worker)).toEqual(['c', 'b', 'd', 'a']);
  });
});
