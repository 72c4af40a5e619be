import { ConfigError, parseConfig } from './config.schema';

const RELAY = '/ip4/11.0.0.1/tcp/4001/p2p/12D3KooWG2GWQ6AhGt7jxGsRfvdpfmjm9ggkBbzAqNyA8KmmW9cH';

function problems(nat: unknown): string[] {
  try {
    parseConfig({ p2p: { nat } });
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  return [];
}

describe('p2p.nat config', () => {
  test('everything is off by default; a relay serves with the documented limits', () => {
    const { nat } = parseConfig({}).p2p;
    expect(nat.autonat || nat.dcutr || nat.relayOnly || nat.upnp.enabled).toBe(false);
    expect(nat.relay.client.enabled || nat.relay.server.enabled).toBe(false);
    const server = parseConfig({ p2p: { nat: { relay: { server: { enabled: true } } } } }).p2p.nat.relay.server;
    expect(server).toMatchObject({
      maxReservations: 64,
      maxReservationsPerIp: 4,
      reservationTtlMs: 3_600_000,
      limits: { durationMs: 120_000, dataBytes: 1024 * 1024 },
    });
  });

  test('a coherent NATed node parses', () => {
    expect(
      problems({ autonat: true, dcutr: true, upnp: { enabled: true }, relay: { client: { enabled: true, relays: [RELAY] } } }),
    ).toEqual([]);
    expect(problems({ relayOnly: true, relay: { client: { enabled: true, relays: [RELAY] } } })).toEqual([]);
  });

  test('combinations that cannot work are refused at start, each named', () => {
    expect(problems({ dcutr: true })).toEqual([
      'p2p.nat.dcutr: needs p2p.nat.relay.client.enabled (DCUtR upgrades relayed connections)',
    ]);
    expect(problems({ relay: { client: { enabled: true } } })).toEqual([
      'p2p.nat.relay.client: enabled without relays or discover: no reservation would be made',
    ]);
    expect(problems({ relay: { client: { relays: [RELAY] } } })).toEqual([
      'p2p.nat.relay.client: relays or discover given but the client is not enabled',
    ]);
    const relayOnly = problems({
      relayOnly: true,
      dcutr: true,
      upnp: { enabled: true },
      relay: { client: { enabled: true, relays: [RELAY] }, server: { enabled: true } },
    });
    expect(relayOnly).toHaveLength(3);
    expect(relayOnly.every((l) => l.startsWith('p2p.nat.relayOnly:'))).toBe(true);
    expect(problems({ relay: { server: { enabled: true, maxReservations: 2, maxReservationsPerIp: 3 } } })).toEqual([
      'p2p.nat.relay.server: maxReservationsPerIp is above maxReservations',
    ]);
  });

  test('hostile values are refused by the schema', () => {
    expect(problems({ relay: { client: { enabled: true, relays: ['/ip4/1.2.3.4/tcp/1'] } } }).join()).toContain('relays');
    expect(problems({ relay: { server: { limits: { dataBytes: 10 } } } }).join()).toContain('dataBytes');
    expect(problems({ relay: { server: { limits: { durationMs: -1 } } } }).join()).toContain('durationMs');
    expect(problems({ relay: { server: { maxReservations: 1e9 } } }).join()).toContain('maxReservations');
    expect(problems({ upnp: { enabled: true, gateways: ['not a url'] } }).join()).toContain('gateways');
    expect(problems({ holePunch: true }).join()).toContain('holePunch');
    expect(problems({ directWaitMs: 1e9 }).join()).toContain('directWaitMs');
  });
});
