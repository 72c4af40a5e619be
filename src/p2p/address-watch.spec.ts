import { AddressWatch } from './address-watch';

describe('address watch', () => {
  test('distinct offenders throttle their address for the window; others and whitelisted are untouched', () => {
    let t = 0;
    const watch = new AddressWatch({
      offenders: 2,
      windowMs: 10_000,
      perSecond: 1,
      whitelist: new Set(['10.9.9.9']),
      now: () => t,
    });
    watch.offended('10.0.0.1', 'a');
    watch.offended('10.0.0.1', 'a');
    expect(watch.throttled('10.0.0.1')).toBe(false);
    watch.offended('10.0.0.1', 'b');
    expect(watch.throttled('10.0.0.1')).toBe(true);
    expect(watch.admit('10.0.0.1')).toBe(true);
    expect(watch.admit('10.0.0.1')).toBe(false);
    expect(watch.admit('10.0.0.2')).toBe(true);
    expect(watch.admit('10.0.0.2')).toBe(true);
    t = 1000;
    expect(watch.admit('10.0.0.1')).toBe(true);
    t = 20_000;
    expect(watch.throttled('10.0.0.1')).toBe(false);
    watch.offended('10.9.9.9', 'x');
    watch.offended('10.9.9.9', 'y');
    expect(watch.throttled('10.9.9.9')).toBe(false);
  });
});
