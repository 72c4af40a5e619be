import { AdvertBook } from '../discovery/advert-book';
import { publicCapabilities } from '../discovery/advert-noise';
import type { Capabilities, JobRequirements } from '../discovery/capabilities';
import { seededUniform } from '../discovery/match-quality';
import { earlyClose, expectedBidders } from './bid-window';

const requirements: JobRequirements = {
  minCores: 2,
  minMemoryMb: 4096,
  wasmFeatures: ['multi-value'],
  minFuelPerSecond: 1000n,
  fuelLimit: 1000n,
};
const budget = 20_000n;

const worker = (over: Partial<Capabilities> = {}): Capabilities => ({
  workerAddress: 0x1n,
  cores: 8,
  memoryMb: 16_384,
  wasmFeatures: ['multi-value'],
  fuelPerSecond: 1_000_000n,
  pricePerFuel: 10n,
  ...over,
});

/** A book of nearly noiseless adverts (epsilon 10), so what each worker can do is plain. */
function bookOf(workers: Record<string, Capabilities>): AdvertBook {
  const book = new AdvertBook();
  let seed = 1;
  for (const [peer, caps] of Object.entries(workers))
    book.upsert(peer, publicCapabilities(caps, 10, seededUniform(seed++)), 1n);
  return book;
}

const bids = (...peers: string[]) => new Set(peers);

describe('expected bidders: the known workers that may take a job', () => {
  const book = bookOf({
    able1: worker(),
    able2: worker({ cores: 4 }),
    poster: worker(),
    smallMemory: worker({ memoryMb: 256 }),
    noFeature: worker({ wasmFeatures: [] }),
    dear: worker({ pricePerFuel: 1_000n }),
  });

  test('workers whose adverts meet the requirements and budget, the poster itself left out', () => {
    expect([...expectedBidders(book.all(), { requirements, budget }, 'poster', 8)!].sort()).toEqual([
      'able1',
      'able2',
    ]);
  });

  test('more able workers than maxBids: no set (maxBids closes the window first)', () => {
    expect(expectedBidders(book.all(), { requirements, budget }, 'poster', 1)).toBeUndefined();
    expect(expectedBidders(book.all(), { requirements, budget }, 'poster', 2)?.size).toBe(2);
  });

  test('an empty book expects nobody', () => {
    expect(expectedBidders([], { requirements, budget }, 'poster', 8)?.size).toBe(0);
  });

  test('a noisy advert that might match is expected (waiting for it costs time, not a better bid)', () => {
    // At the loosest noise a worker's buckets say little: it is counted as a possible bidder.
    const noisy = new AdvertBook();
    noisy.upsert('vague', publicCapabilities(worker({ memoryMb: 2048 }), 0.1, seededUniform(9)), 1n);
    expect([...expectedBidders(noisy.all(), { requirements, budget }, 'poster', 8)!]).toEqual(['vague']);
  });
});

describe('early close of a bid window', () => {
  const expected = new Set(['a', 'b', 'c']);

  test('open while an expected worker has not bid', () => {
    expect(earlyClose(bids(), 8, expected)).toBeUndefined();
    expect(earlyClose(bids('a', 'b'), 8, expected)).toBeUndefined();
    // As many bids as expected workers, but one from a stranger: c may still bid better.
    expect(earlyClose(bids('a', 'b', 'stranger'), 8, expected)).toBeUndefined();
  });

  test('closes once every expected worker has bid, strangers or not', () => {
    expect(earlyClose(bids('c', 'a', 'b'), 8, expected)).toBe('all-known-bid');
    expect(earlyClose(bids('a', 'stranger', 'b', 'c'), 8, expected)).toBe('all-known-bid');
  });

  test('a unit wanting k distinct workers stays open until k have bid, known ones or not', () => {
    const two = new Set(['a', 'b']);
    expect(earlyClose(bids('a', 'b'), 8, two, 3)).toBeUndefined();
    expect(earlyClose(bids('a', 'b', 'stranger'), 8, two, 3)).toBe('all-known-bid');
    expect(earlyClose(bids('a', 'b'), 8, two, 2)).toBe('all-known-bid');
    // maxBids still closes it: the poster asked for no more.
    expect(earlyClose(bids('a', 'b'), 2, two, 3)).toBe('max-bids');
  });

  test('maxBids valid bids close it whoever they are from', () => {
    expect(earlyClose(bids('x', 'y'), 2, expected)).toBe('max-bids');
    expect(earlyClose(bids('x', 'y'), 2, undefined)).toBe('max-bids');
  });

  test('with nobody known to match, or too many to track, only maxBids or the deadline close it', () => {
    expect(earlyClose(bids('x'), 8, new Set())).toBeUndefined();
    expect(earlyClose(bids('x', 'y', 'z'), 8, undefined)).toBeUndefined();
  });
});
