import { friInText, parseAmount, strk } from './amount';
import { CliError } from './exit-codes';

describe('amounts', () => {
  it('reads STRK with decimals, and fri with --fri', () => {
    expect(parseAmount('10')).toBe(10n * 10n ** 18n);
    expect(parseAmount('0.25')).toBe(25n * 10n ** 16n);
    expect(parseAmount('.5')).toBe(5n * 10n ** 17n);
    expect(parseAmount('1_000')).toBe(1000n * 10n ** 18n);
    expect(parseAmount('0.000000000000000001')).toBe(1n);
    expect(parseAmount('12345', { fri: true })).toBe(12345n);
  });

  it('refuses what is not an amount, as a usage error naming it', () => {
    for (const [text, why] of [
      ['', /expected STRK/],
      ['1.2.3', /expected STRK/],
      ['-1', /expected STRK/],
      ['0', /more than zero/],
      ['0.0000000000000000001', /18 decimals/],
      ['1e3', /expected STRK/],
    ] as const) {
      let err: unknown;
      try {
        parseAmount(text, { what: '--budget' });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CliError);
      expect((err as CliError).exitCode).toBe(2);
      expect((err as CliError).message).toMatch(why);
    }
    expect(() => parseAmount('1.5', { fri: true })).toThrow(/whole number of fri/);
    expect(() => parseAmount((2n ** 256n).toString(), { fri: true })).toThrow(/u256/);
  });

  it('shows fri as STRK without trailing zeros, and rewrites fri in texts', () => {
    expect(strk(15n * 10n ** 17n)).toBe('1.5 STRK');
    expect(strk('1000000000000000000000000')).toBe('1,000,000 STRK');
    expect(strk(10n ** 16n)).toBe('0.01 STRK');
    expect(strk(7n, { fri: true })).toBe('7 fri');
    expect(friInText('balance 2000000000000000000 fri is below the budget 3500000000000000000 fri')).toBe(
      'balance 2 STRK is below the budget 3.5 STRK',
    );
    expect(friInText('price 5 fri')).toBe('price 5 fri');
    expect(friInText('x 2000000000000000000 fri', { fri: true })).toBe('x 2000000000000000000 fri');
  });
});
