import { parseConfig } from '../config/config.schema';
import { SIMULATION_RELAXATIONS, effectiveDefence } from './p2p-defence';

describe('defence config', () => {
  test('public defaults, and a simulation relaxes only the per-address limits', () => {
    const { p2p } = parseConfig({});
    const pub = effectiveDefence(p2p.defence, false);
    expect(pub.connections).toEqual({
      upgradeTimeoutMs: 5000,
      maxPendingInbound: 64,
      inboundPerIpPerSecond: 20,
      waitingPerIp: 16,
      upgradingPerIp: 8,
      socketInactivityMs: 120_000,
    });
    expect(pub.colocation.weight).toBe(-20);
    const sim = effectiveDefence(p2p.defence, true);
    expect(sim.connections.inboundPerIpPerSecond).toBe(SIMULATION_RELAXATIONS.inboundPerIpPerSecond);
    expect(sim.connections.maxPendingInbound).toBe(SIMULATION_RELAXATIONS.maxPendingInbound);
    expect(sim.connections.waitingPerIp).toBe(SIMULATION_RELAXATIONS.waitingPerIp);
    expect(sim.connections.upgradingPerIp).toBe(SIMULATION_RELAXATIONS.upgradingPerIp);
    expect(sim.colocation.weight).toBe(0);
    expect(sim.addressThrottle.offenders).toBe(SIMULATION_RELAXATIONS.addressThrottleOffenders);
    const rest = (d: typeof pub) => ({
      ...d,
      connections: undefined,
      colocation: undefined,
      addressThrottle: undefined,
    });
    expect(rest(sim)).toEqual(rest(pub));
    expect(sim.connections.upgradeTimeoutMs).toBe(pub.connections.upgradeTimeoutMs);
  });

  test('bad limits are refused at start with the path named', () => {
    expect(() => parseConfig({ p2p: { defence: { bans: { escalation: 0 } } } })).toThrow(
      /p2p\.defence\.bans\.escalation/,
    );
    expect(() => parseConfig({ p2p: { defence: { colocation: { weight: 5 } } } })).toThrow(
      /colocation\.weight/,
    );
    expect(() => parseConfig({ p2p: { dialFrom: 'not-an-ip' } })).toThrow(/p2p\.dialFrom/);
  });
});
