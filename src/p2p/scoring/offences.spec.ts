import { OffenceBook } from './offences';

describe('offence book', () => {
  const policy = { firstMs: 1000, escalation: 4, maxMs: 20_000, memoryMs: 60_000 };

  test('each repeated offence bans for longer, up to the cap', () => {
    let t = 0;
    const book = new OffenceBook(policy, () => t);
    expect(book.offend('p').durationMs).toBe(1000);
    t = 2000;
    expect(book.bannedUntil('p')).toBeUndefined();
    expect(book.offend('p').durationMs).toBe(4000);
    expect(book.bannedUntil('p')).toBe(6000);
    expect(book.offend('p').durationMs).toBe(16_000);
    expect(book.offend('p').durationMs).toBe(20_000);
  });

  test('a fall straight to the ban threshold counts twice', () => {
    const book = new OffenceBook(policy, () => 0);
    expect(book.offend('p', 2)).toMatchObject({ offences: 2, durationMs: 4000 });
  });

  test('offences are forgotten after the memory window; expiries are reported once', () => {
    let t = 0;
    const book = new OffenceBook(policy, () => t);
    book.offend('p');
    t = 1500;
    expect(book.expired()).toEqual(['p']);
    expect(book.expired()).toEqual([]);
    book.offend('q');
    expect(book.release('q')).toBe(false);
    t = 3000;
    expect(book.release('q')).toBe(true);
    expect(book.release('q')).toBe(false);
    expect(book.expired()).toEqual([]);
    t = 100_000;
    expect(book.offences('p')).toBe(0);
    expect(book.offend('p').durationMs).toBe(1000);
  });
});
