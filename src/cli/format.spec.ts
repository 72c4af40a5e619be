import { duration, fields } from './format';

describe('cli format', () => {
  it('shows durations in their two largest units', () => {
    expect(duration(800)).toBe('800 ms');
    expect(duration(5_000)).toBe('5s');
    expect(duration(312_000)).toBe('5m 12s');
    expect(duration(3_600_000)).toBe('1h');
    expect(duration(3 * 86_400_000 + 4 * 3_600_000 + 59_000)).toBe('3d 4h');
  });

  it('aligns labels and leaves out missing values', () => {
    expect(
      fields([
        ['a', '1'],
        ['long', '2'],
        ['gone', undefined],
      ]),
    ).toBe('  a     1\n  long  2');
  });
});
