/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * The AutoNAT wrapper (src/p2p/autonat-fresh-dial.ts) on real libp2p nodes over TCP: the
 * connection manager AutoNAT sees opens a new connection for a single address (a dial-back), so
 * closing it afterwards, as AutoNAT does, leaves the node's own connection to that peer open.
 * The real AutoNAT handler refuses loopback addresses, so the NAT suite (nat.test.ts, in network
 * namespaces with public addresses) is where the whole exchange runs; here a stand-in service
 * receives the same wrapped components AutoNAT would.
 */
import type { Connection, Libp2p, PeerId } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { Multiaddr } from '@multiformats/multiaddr' with { 'resolution-mode': 'import' };
import { autonatDialingAfresh } from '../../src/p2p/autonat-fresh-dial';
import { loadEsm } from '../../src/p2p/esm';

interface Dialer {
  openConnection(target: PeerId | Multiaddr | Multiaddr[], options?: object): Promise<Connection>;
}

describe('AutoNAT dial-backs on a fresh connection', () => {
  let a: Libp2p;
  let b: Libp2p;
  let seen: { connectionManager: Dialer } | undefined;
  let bAddr: Multiaddr;

  beforeAll(async () => {
    const m = await loadEsm();
    const base = async (services: Record<string, (c: never) => unknown>) =>
      (await m.libp2p.createLibp2p({
        privateKey: await m.keys.generateKeyPair('Ed25519'),
        addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
        transports: [m.tcp.tcp()],
        connectionEncrypters: [m.noise.noise()],
        streamMuxers: [m.yamux.yamux()],
        connectionMonitor: { enabled: false },
        services: services as never,
      })) as unknown as Libp2p;
    const standIn = (components: never): object => {
      seen = components;
      return {};
    };
    a = await base({ autonat: autonatDialingAfresh(standIn, (v) => m.multiaddr.isMultiaddr(v)) });
    b = await base({});
    bAddr = b.getMultiaddrs()[0] as Multiaddr;
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('opens a second connection for an address already connected, and closing it keeps the first', async () => {
    const own = await a.dial(bAddr);
    // What libp2p itself does, and why the wrapper exists: the same address returns the open one.
    const reused = await a.dial(bAddr);
    expect(reused.id).toBe(own.id);

    const dialBack = await (seen as { connectionManager: Dialer }).connectionManager.openConnection(bAddr);
    expect(dialBack.id).not.toBe(own.id);
    expect(a.getConnections(b.peerId).map((c) => c.id).sort()).toEqual([own.id, dialBack.id].sort());

    await dialBack.close();
    expect(own.status).toBe('open');
    expect(a.getConnections(b.peerId).map((c) => c.id)).toEqual([own.id]);
  });

  it("reuses open connections for AutoNAT's other dials (a peer's list of addresses, a peer id)", async () => {
    const own = a.getConnections(b.peerId)[0] as Connection;
    const cm = (seen as { connectionManager: Dialer }).connectionManager;
    expect((await cm.openConnection([bAddr])).id).toBe(own.id);
    expect((await cm.openConnection(b.peerId)).id).toBe(own.id);
    expect(a.getConnections(b.peerId)).toHaveLength(1);
  });
});
