import { ConfigError, parseConfig } from './config.schema';

function problems(p2p: unknown): string[] {
  try {
    parseConfig({ p2p });
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  return [];
}

describe('p2p.simulationCosts config', () => {
  test('a public node runs the full stack by default', () => {
    expect(parseConfig({}).p2p.simulationCosts).toEqual({ plaintext: false, muxerKeepAlive: true });
    expect(parseConfig({}).p2p.simulationCosts.housekeepingMs).toBeUndefined();
  });

  test('a simulation may skip the costs it names', () => {
    const costs = { plaintext: true, muxerKeepAlive: false, housekeepingMs: 10_000 };
    expect(problems({ simulation: true, simulationCosts: costs })).toEqual([]);
    expect(parseConfig({ p2p: { simulation: true, simulationCosts: costs } }).p2p.simulationCosts).toEqual(costs);
  });

  test('a relaxation without p2p.simulation is refused at start, each named', () => {
    expect(problems({ simulationCosts: { plaintext: true, muxerKeepAlive: false, housekeepingMs: 10_000 } })).toEqual([
      'p2p.simulationCosts.plaintext: unencrypted connections need p2p.simulation (never on a public node)',
      'p2p.simulationCosts.muxerKeepAlive: turning it off needs p2p.simulation',
      'p2p.simulationCosts.housekeepingMs: needs p2p.simulation',
    ]);
  });

  test.each([{ plaintext: 'yes' }, { muxerKeepAlive: 0 }, { plaintext: null }, { housekeepingMs: 10 }, { housekeepingMs: 1.5e3 + 0.5 }])(
    'refuses a malformed setting %j',
    (costs) => {
      expect(problems({ simulation: true, simulationCosts: costs }).join('\n')).toMatch(/p2p\.simulationCosts/);
    },
  );
});
