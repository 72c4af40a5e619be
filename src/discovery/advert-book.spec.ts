import { AdvertBook } from './advert-book';
import { publicCapabilities } from './advert-noise';
import { randomWorker, seededUniform } from './match-quality';

const caps = publicCapabilities(randomWorker(seededUniform(1), 1), 2, seededUniform(2));

describe('advert book versions', () => {
  test('every change gets the next version; changedSince returns later changes in version order', () => {
    const book = new AdvertBook();
    expect(book.epoch).toBeGreaterThan(0n);
    expect(new AdvertBook().epoch).not.toBe(book.epoch);
    const signed = Uint8Array.of(1);
    book.upsert('a', caps, 1n, 1000, signed);
    book.upsert('b', caps, 1n, 1000, signed);
    book.upsert('c', caps, 1n, 1000); // heard without its signed bytes: never passed on
    expect(book.upsert('a', caps, 1n, 1000, signed)).toBe(false); // not newer: no change
    expect(book.version).toBe(3n);
    book.upsert('a', caps, 2n, 1000, signed);
    expect(book.version).toBe(4n);
    expect(book.changedSince(0n, 1000).map((a) => [a.peerId, a.version])).toEqual([
      ['b', 2n],
      ['a', 4n],
    ]);
    expect(book.changedSince(2n, 1000).map((a) => a.peerId)).toEqual(['a']);
    expect(book.changedSince(4n, 1000)).toEqual([]);
    // Expired entries are not passed on.
    expect(book.changedSince(0n, 1000 + book.ttlMs + 1)).toEqual([]);
  });
});
