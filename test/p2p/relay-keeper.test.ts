/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * A node configured with a relay keeps its reservation there across the relay's restart (real
 * hosts over TCP on loopback, the relay restarted with its key on its port). libp2p's relay
 * transport drops a configured relay's reservation for good when its connection closes; the
 * host's relay keeper (src/p2p/relay-keeper.ts) takes it again.
 */
import { createServer } from 'node:net';
import type { PrivateKey } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import { loadEsm } from '../../src/p2p/esm';
import { P2pHost } from '../../src/p2p/host';
import { holdsCircuit } from '../../src/p2p/relay-keeper';
import { memoryLogger, testConfig, waitFor } from './support/cluster';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('relay reservations kept across a relay restart', () => {
  const hosts: P2pHost[] = [];
  let key: PrivateKey;
  let port: number;

  const startRelay = async (): Promise<P2pHost> => {
    const relay = new P2pHost({
      config: testConfig({
        p2p: { listen: [`/ip4/127.0.0.1/tcp/${port}`], nat: { relay: { server: { enabled: true } } } },
      }),
      log: memoryLogger('silent').log,
      privateKey: key,
    });
    await relay.start();
    hosts.push(relay);
    return relay;
  };

  beforeAll(async () => {
    const m = await loadEsm();
    key = await m.keys.generateKeyPair('Ed25519');
    port = await freePort();
  });

  afterAll(async () => {
    await Promise.all(hosts.map((h) => h.stop()));
  });

  it('takes the reservation again once the relay is back, and says so', async () => {
    const m = await loadEsm();
    let relay = await startRelay();
    const relayAddr = `/ip4/127.0.0.1/tcp/${port}/p2p/${relay.peerId}`;
    const client = new P2pHost({
      config: testConfig({
        p2p: { nat: { relay: { client: { enabled: true, relays: [relayAddr], recheckMs: 200 } } } },
      }),
      log: memoryLogger('silent').log,
      privateKey: await m.keys.generateKeyPair('Ed25519'),
    });
    await client.start();
    hosts.push(client);
    const circuit = (): boolean => holdsCircuit(client.natStatus().relayAddrs, relay.peerId);
    expect(circuit()).toBe(true);
    expect(relay.natStatus().reservations).toBe(1);

    await relay.stop();
    await waitFor(() => !circuit(), 'the reservation to go with the relay');

    relay = await startRelay();
    await waitFor(() => circuit(), 'the reservation on the restarted relay');
    expect(relay.natStatus().reservations).toBe(1);
    expect(client.relayKeeper?.stats.restored).toBeGreaterThanOrEqual(1);
    // While the relay was down the keeper failed and backed off; it did not spin.
    expect(client.relayKeeper?.stats.failed ?? 0).toBeLessThan(20);
  });
});
