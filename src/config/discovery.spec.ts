import { ConfigError, parseConfig } from './config.schema';
import { DEFAULT_EPSILON, DEFAULT_MISS_RATE } from './discovery';

describe('discovery configuration', () => {
  test('defaults: the documented noise strength and miss rate', () => {
    const c = parseConfig({});
    expect(c.discovery.advertEpsilon).toBe(DEFAULT_EPSILON);
    expect(c.discovery.matchMissRate).toBe(DEFAULT_MISS_RATE);
  });

  test.each([
    [{ advertEpsilon: 0.05 }, 'discovery.advertEpsilon'],
    [{ advertEpsilon: 11 }, 'discovery.advertEpsilon'],
    [{ advertEpsilon: 'strong' }, 'discovery.advertEpsilon'],
    [{ matchMissRate: 0 }, 'discovery.matchMissRate'],
    [{ matchMissRate: 0.9 }, 'discovery.matchMissRate'],
  ])('refuses %j, naming the setting', (discovery, path) => {
    expect(() => parseConfig({ discovery })).toThrow(ConfigError);
    expect(() => parseConfig({ discovery })).toThrow(path);
  });

  test('a valid strength inside the bounds is kept', () => {
    expect(parseConfig({ discovery: { advertEpsilon: 0.5 } }).discovery.advertEpsilon).toBe(0.5);
  });
});
