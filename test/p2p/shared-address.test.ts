/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * Attackers and honest peers behind one address (127.0.0.2, as behind an office NAT), against a
 * poster V on 127.0.0.1 running the public defaults (no simulation relaxations), with short bans
 * and stream limits so the suite can watch them expire. The attackers are not cairn nodes: bare
 * libp2p peers writing raw gossipsub frames and resetting streams, and raw TCP sockets
 * (support/raw-peer.ts). Through every attack the honest worker H on the same address keeps
 * hearing V's announcements and winning its jobs, and a fresh honest node from that address
 * connects within 2 s. A storm of connections from one address is closed at accept.
 */
import type { Socket } from 'node:net';
import type { CairnNode } from '../../src/node/start-node';
import { InMemoryStakeRegistry } from '../../src/market/stake';
import type { DefenceConfigInput } from '../../src/config/p2p-defence';
import type { WireErrorCode } from '../../src/p2p/errors';
import { protocolId } from '../../src/p2p/topics';
import { jobSpec } from '../support/job-spec';
import { HONEST_WORKER, NETWORK, SMALL_JOB, connect, memoryLogger, startNode, stopAll, waitFor } from './support/cluster';
import { esm } from '../../src/p2p/esm';
import { INVALID_RPC, rawPeer, rpcWithMessage, stalledSocket, type RawPeer } from './support/raw-peer';
import { forkFlood } from '../../scripts/bench/p2p/junk-flooder';

const SHARED = '127.0.0.2';
const BID = protocolId(NETWORK, 'bid');
const FIRST_BAN_MS = 600;
const ESCALATION = 4;
const defence: DefenceConfigInput = {
  bans: { firstMs: FIRST_BAN_MS, escalation: ESCALATION },
  streams: { firstFrameMs: 500, partialFrameMs: 500, idleMs: 1500, closeMs: 500, resetsPerMinute: 2 },
  connections: { upgradeTimeoutMs: 1000 },
  colocation: { threshold: 2 },
  // This suite's many attackers all come from 127.0.0.2; the address throttle has its own test below.
  addressThrottle: { offenders: 1000 },
};
const publicNode = (listen: string, extra: { dialFrom?: string; defence?: DefenceConfigInput } = {}) => ({
  p2p: { simulation: false, listen: [`/ip4/${listen}/tcp/0`], defence, ...extra },
});

const requirements = SMALL_JOB;
const honestCaps = HONEST_WORKER;

describe('attackers and honest peers sharing one address', () => {
  const stake = new InMemoryStakeRegistry(0n);
  const victimLog = memoryLogger('warn');
  let V: CairnNode;
  let H: CairnNode;
  const raw: RawPeer[] = [];
  const extra: CairnNode[] = [];
  let nextJob = 1000n;

  const vAddr = () => V.host.multiaddrs()[0] as string;
  const vPort = () => Number(vAddr().split('/')[4]);
  const rejections = (code: WireErrorCode) => V.host.rejections.counts.get(code) ?? 0;

  async function attacker(): Promise<RawPeer> {
    const a = await rawPeer(SHARED);
    raw.push(a);
    await joinGossip(a);
    return a;
  }

  /** Connects and waits until V holds gossip state for the attacker (it then reads its frames). */
  async function joinGossip(a: RawPeer): Promise<void> {
    await a.dial(vAddr());
    await waitFor(
      () => V.host.libp2p.services.pubsub.getPeers().some((p) => p.toString() === a.peerId),
      'V to add the attacker as a gossip peer',
    );
  }

  async function honestKeepsWinning(): Promise<void> {
    const result = await V.market.poster.announce(
      jobSpec(nextJob++, { requirements, budget: 1_000_000n, bidWindowMs: 1000, maxBids: 1 }),
    );
    expect(result.status === 'awarded' && result.winner.worker === H.peerId).toBe(true);
  }

  /** A node V never met, from the shared address: its connection is up within 2 s. Stopped unless kept. */
  async function freshPeerConnects(keep = false): Promise<CairnNode> {
    const F = await startNode({ config: publicNode(SHARED, { dialFrom: SHARED }) });
    extra.push(F);
    const t0 = Date.now();
    await connect(F, V);
    // V finishes its side of the upgrade a moment after F's dial resolves.
    await waitFor(() => V.host.libp2p.getConnections(F.host.libp2p.peerId).length > 0, 'V to see F', 2000);
    expect(Date.now() - t0).toBeLessThan(2000);
    if (!keep) await F.stop();
    return F;
  }

  beforeAll(async () => {
    V = await startNode({ stake, log: victimLog.log, config: publicNode('127.0.0.1') });
    H = await startNode({
      worker: honestCaps,
      stake,
      // H keeps its own sessions open long: the idle-stream test watches V close them.
      config: publicNode(SHARED, { dialFrom: SHARED, defence: { ...defence, streams: { idleMs: 600_000 } } }),
    });
    stake.stake('0x777', 10n).bindPeer('0x777', H.peerId);
    await connect(H, V);
    await waitFor(() => V.host.gossip.subscribers('job_announcement') >= 1, 'V to see H subscribed');
    await honestKeepsWinning();
  });

  afterAll(async () => {
    await Promise.all(raw.map((a) => a.stop().catch(() => undefined)));
    await stopAll([V, H, ...extra]);
  });

  const junk: Array<{ kind: string; code: WireErrorCode; send(a: RawPeer): Promise<void> }> = [
    {
      kind: 'messages on a topic V does not accept',
      code: 'UNKNOWN_TOPIC',
      send: (a) =>
        a.gossipFrames(
          V.peerId,
          Array.from({ length: 50 }, (_, i) =>
            rpcWithMessage('/cairn/other/job_announcement/1/proto', Uint8Array.of(i)),
          ),
        ),
    },
    {
      kind: 'frames that are not gossipsub RPCs',
      code: 'INVALID_RPC',
      send: (a) =>
        a.gossipFrames(
          V.peerId,
          Array.from({ length: 50 }, () => INVALID_RPC),
        ),
    },
    {
      kind: 'a 2 MiB gossip message',
      code: 'OVERSIZED_FRAME',
      send: (a) => a.gossipFrames(V.peerId, [new Uint8Array(2 * 1024 * 1024).fill(7)]),
    },
    {
      kind: 'repeated stream resets',
      code: 'STREAM_RESET',
      send: async (a) => {
        for (let i = 0; i < 30 && a.connected(V.peerId); i++) {
          const s = await a.stream(V.peerId, BID).catch(() => undefined);
          // Let V's handler take the stream before it is reset.
          await new Promise((r) => setTimeout(r, 10));
          s?.abort(new Error('reset on purpose'));
        }
      },
    },
  ];

  describe.each(junk)('$kind', ({ code, send }) => {
    test('costs the sender: score, disconnect, ban on repeat, ban expiry; H is unharmed', async () => {
      const before = rejections(code);
      const a = await attacker();
      await send(a);
      await waitFor(() => !a.connected(V.peerId), 'V to disconnect the attacker');
      expect(rejections(code)).toBeGreaterThan(before);
      expect(V.host.scores.score(a.peerId)).toBeLessThan(0);
      expect(V.host.peers.offences.offences(a.peerId)).toBe(1);
      expect(V.host.peers.disconnects.get(a.peerId)).toBe(1);

      // Refused while its first (short) ban runs; H and a fresh peer on its address are not.
      const refusals = V.host.peers.refusals.get(a.peerId) ?? 0;
      await a.dial(vAddr()).catch(() => undefined);
      if (V.host.peers.isRefused(a.peerId))
        await waitFor(() => (V.host.peers.refusals.get(a.peerId) ?? 0) > refusals, 'V to refuse the redial');
      await honestKeepsWinning();
      await freshPeerConnects();

      // After the ban it may come back, on parole: the same junk again is a second offence,
      // and the ban escalates.
      await waitFor(() => !V.host.peers.isRefused(a.peerId), 'the first ban to expire', 10_000);
      await waitFor(() => !a.connected(V.peerId), 'the refused redial to be closed');
      await joinGossip(a);
      await send(a);
      await waitFor(() => V.host.peers.offences.offences(a.peerId) === 2, 'a second offence');
      const until = V.host.peers.offences.bannedUntil(a.peerId) ?? 0;
      expect(until - Date.now()).toBeGreaterThan(FIRST_BAN_MS * ESCALATION - 1000);
      await waitFor(() => !a.connected(V.peerId), 'V to disconnect the attacker again');
      await honestKeepsWinning();

      // The ban expires: the peer may connect again.
      await waitFor(() => !V.host.peers.isRefused(a.peerId), 'the second ban to expire', 15_000);
      await a.dial(vAddr());
      await waitFor(
        () => V.host.libp2p.getConnections(a.node.peerId).length > 0,
        'V to accept the attacker after its ban',
      );
      await a.stop();
    });
  });

  test('a banned peer redialling in a loop: the honest peers on its address still get in', async () => {
    const a = await attacker();
    // Two offences, so its ban (2.4 s) outlasts the loop's first redials.
    for (let offence = 1; offence <= 2; offence++) {
      if (offence > 1) {
        await waitFor(
          () => !V.host.peers.isRefused(a.peerId) && !a.connected(V.peerId),
          'the first ban to end',
        );
        await joinGossip(a);
      }
      await a.gossipFrames(
        V.peerId,
        Array.from({ length: 50 }, () => INVALID_RPC),
      );
      await waitFor(() => V.host.peers.offences.offences(a.peerId) >= offence, 'the attacker to offend');
      await waitFor(() => !a.connected(V.peerId), 'V to disconnect the attacker');
    }
    let stop = false;
    const loop = (async () => {
      while (!stop) {
        await a.dial(vAddr()).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      await freshPeerConnects();
      await honestKeepsWinning();
      expect(V.host.peers.refusals.get(a.peerId) ?? 0).toBeGreaterThan(0);
    } finally {
      stop = true;
      await loop;
    }
  });

  test('colocation weighs behaviour: a crowd on the address costs only its unproven members, and departed peers stop counting', async () => {
    const crowd = await Promise.all([1, 2, 3, 4].map(() => attacker()));
    await waitFor(
      () => V.host.colocation.probationCount(SHARED) >= crowd.length,
      'the census to see the crowd',
    );
    await waitFor(
      () => crowd.every((a) => V.host.colocation.penalty(a.peerId) < 0),
      'the unproven crowd to pay the colocation penalty',
    );
    // H delivered valid adverts and bids: proven, it pays nothing and is not graylisted.
    expect(V.host.colocation.proven(H.peerId)).toBe(true);
    expect(V.host.colocation.penalty(H.peerId)).toBe(0);
    expect(V.host.gossip.score(H.peerId)).toBeGreaterThanOrEqual(0);
    await honestKeepsWinning();
    // A fresh honest node arriving into the crowd is on probation (kept out of gossip while the
    // crowd lasts) but never disconnected for it.
    const F = await freshPeerConnects(true);
    await new Promise((r) => setTimeout(r, 3 * V.host.config.p2p.heartbeatMs));
    expect(V.host.libp2p.getConnections(F.host.libp2p.peerId).length).toBeGreaterThan(0);
    expect(V.host.peers.offences.offences(F.peerId)).toBe(0);

    await Promise.all(crowd.map((a) => a.stop()));
    await waitFor(() => V.host.colocation.probationCount(SHARED) <= 1, 'departed peers to leave the census');
    await waitFor(() => V.host.colocation.penalty(F.peerId) === 0, 'the fresh peer to stop paying');
  });

  test('half-open and unfinished direct streams are reset at their limits and charged; idle ones closed', async () => {
    const a = await attacker();
    const timeouts = rejections('STREAM_TIMEOUT');
    const closedAfter = (s: { addEventListener(t: 'close', f: () => void): void }) => {
      const t0 = Date.now();
      return new Promise<number>((resolve) => s.addEventListener('close', () => resolve(Date.now() - t0)));
    };
    const silent = await a.stream(V.peerId, BID);
    const partial = await a.stream(V.peerId, BID);
    partial.send(Uint8Array.of(100, 1, 2, 3)); // a 100-byte frame that never finishes
    const [silentMs, partialMs] = await Promise.all([closedAfter(silent), closedAfter(partial)]);
    expect(silentMs).toBeGreaterThanOrEqual(400);
    expect(partialMs).toBeGreaterThanOrEqual(400);
    expect(rejections('STREAM_TIMEOUT')).toBeGreaterThanOrEqual(timeouts + 2);

    // H's bid session to V: V closes it after 1.5 s without a frame, without penalty.
    await honestKeepsWinning();
    const bidStreams = () =>
      V.host.libp2p
        .getConnections(H.host.libp2p.peerId)
        .flatMap((c) => c.streams)
        .filter((s) => s.protocol === BID).length;
    expect(bidStreams()).toBeGreaterThan(0);
    await waitFor(() => bidStreams() === 0, 'V to close the idle session', 10_000);
    expect(V.host.scores.score(H.peerId)).toBeGreaterThanOrEqual(0);
    await honestKeepsWinning();
  });

  test('raw TCP sockets that never finish the upgrade hold no slot past the upgrade timeout', async () => {
    const multistream = Uint8Array.from([19, ...new TextEncoder().encode('/multistream/1.0.0\n')]);
    const sockets: Socket[] = [];
    for (let i = 0; i < 10; i++) sockets.push(await stalledSocket('127.0.0.1', vPort(), SHARED));
    for (let i = 0; i < 3; i++) sockets.push(await stalledSocket('127.0.0.1', vPort(), SHARED, multistream));
    const t0 = Date.now();
    const closed = sockets.map((s) => new Promise<number>((r) => s.once('close', () => r(Date.now() - t0))));
    await freshPeerConnects();
    await honestKeepsWinning();
    const times = await Promise.all(closed);
    // Closed by V at its 1 s upgrade timeout (the sockets never close on their own).
    for (const ms of times) expect(ms).toBeGreaterThanOrEqual(500);
  });
});

describe('identities rotating from one address', () => {
  let V: CairnNode;
  const raw: RawPeer[] = [];
  const extra: CairnNode[] = [];

  afterAll(async () => {
    await Promise.all(raw.map((a) => a.stop().catch(() => undefined)));
    await stopAll([V, ...extra]);
  });

  test('slow that address down before the handshake; honest nodes on it still get in, other addresses are untouched', async () => {
    V = await startNode({
      config: publicNode('127.0.0.1', {
        defence: { ...defence, addressThrottle: { offenders: 3, windowMs: 20_000, perSecond: 1 } },
      }),
    });
    const vAddr = V.host.multiaddrs()[0] as string;
    const watch = V.host.peers.addresses;
    for (let i = 0; i < 3; i++) {
      const a = await rawPeer(SHARED);
      raw.push(a);
      await a.dial(vAddr);
      await waitFor(
        () => V.host.libp2p.services.pubsub.getPeers().some((p) => p.toString() === a.peerId),
        'V to add the attacker as a gossip peer',
      );
      await a.gossipFrames(
        V.peerId,
        Array.from({ length: 50 }, () => INVALID_RPC),
      );
      await waitFor(() => V.host.peers.offences.offences(a.peerId) === 1, 'an offence');
    }
    expect(watch.throttled(SHARED)).toBe(true);

    // Ten fresh identities at once: they wait for the throttled rate (1/s) before any handshake,
    // and most reach V's 1 s upgrade timeout first.
    const burst = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const a = await rawPeer(SHARED);
        raw.push(a);
        return a.dial(vAddr).then(
          () => true,
          () => false,
        );
      }),
    );
    expect(burst.filter((ok) => !ok).length).toBeGreaterThan(0);
    expect(V.host.inbound.counts.get(SHARED)?.held ?? 0).toBeGreaterThan(0);

    // An honest node on the address gets in at the throttled rate (1/s), retrying as a dialler would.
    const F = await startNode({ config: publicNode(SHARED, { dialFrom: SHARED }) });
    extra.push(F);
    const t0 = Date.now();
    while (V.host.libp2p.getConnections(F.host.libp2p.peerId).length === 0) {
      await F.host.libp2p.dial(esmMultiaddr(vAddr)).catch(() => undefined);
      if (Date.now() - t0 > 5000) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await waitFor(() => V.host.libp2p.getConnections(F.host.libp2p.peerId).length > 0, 'V to see F', 1000);
    expect(Date.now() - t0).toBeLessThan(2000);

    // Another address is not throttled at all.
    const G = await startNode({ config: publicNode('127.0.0.3', { dialFrom: '127.0.0.3' }) });
    extra.push(G);
    await connect(G, V);
    expect(watch.throttled('127.0.0.3')).toBe(false);
  });
});

function esmMultiaddr(addr: string) {
  return esm().multiaddr.multiaddr(addr);
}

/** Dials V from F every 100 ms (past F's own backoff) until V sees F; returns how long it took. */
async function dialUntilConnected(F: CairnNode, V: CairnNode, limitMs: number): Promise<number> {
  const t0 = Date.now();
  const addr = esmMultiaddr(V.host.multiaddrs()[0] as string);
  while (V.host.libp2p.getConnections(F.host.libp2p.peerId).length === 0 && Date.now() - t0 < limitMs) {
    await F.host.libp2p.dial(addr, { signal: AbortSignal.timeout(5000) }).catch(() => undefined);
    if (V.host.libp2p.getConnections(F.host.libp2p.peerId).length > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await waitFor(() => V.host.libp2p.getConnections(F.host.libp2p.peerId).length > 0, 'V to see F', 1000);
  return Date.now() - t0;
}

describe('a connection storm from one address', () => {
  let V: CairnNode;
  const extra: CairnNode[] = [];

  afterAll(async () => {
    await stopAll([V, ...extra]);
  });

  test('silent sockets never reach a handshake and past the waiting places are refused at accept; a node from the stormed address gets in during the storm, others throughout', async () => {
    V = await startNode({
      config: publicNode('127.0.0.1', {
        defence: { ...defence, connections: { ...defence.connections, waitingPerIp: 8 } },
      }),
    });
    const port = Number((V.host.multiaddrs()[0] as string).split('/')[4]);
    const STORM = '127.0.0.4';
    const counts = () => V.host.inbound.counts.get(STORM) ?? { refused: 0, held: 0, evicted: 0 };
    // Sockets that never start the handshake, twenty at once and then ten a second: more than the
    // eight places hold over the 1 s upgrade timeout. (Evictions are allowed at the per-IP rate,
    // 20/s; a storm faster than that leaves a newcomer a share of them, see inbound-queue.ts.)
    const closed: Array<Promise<void>> = [];
    const open = async () => {
      const s = await stalledSocket('127.0.0.1', port, STORM).catch(() => undefined);
      if (s) closed.push(new Promise<void>((r) => (s.destroyed ? r() : s.once('close', () => r()))));
    };
    await Promise.all(Array.from({ length: 20 }, open));
    let stop = false;
    const storm = (async () => {
      while (!stop) {
        await open();
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      await waitFor(() => counts().refused > 0, 'V to refuse at accept');
      expect(V.host.inbound.waitingFrom(STORM)).toBeLessThanOrEqual(8);
      // Another address is not affected by the storm.
      const G = await startNode({ config: publicNode('127.0.0.5', { dialFrom: '127.0.0.5' }) });
      extra.push(G);
      await connect(G, V);
      // A node on the stormed address while silent sockets hold every place: it takes the place
      // of one that has said nothing past its grace. Evictions are shared with the storm's own
      // arrivals, so it dials again if refused, as a dialler does.
      const F = await startNode({ config: publicNode(STORM, { dialFrom: STORM }) });
      extra.push(F);
      await dialUntilConnected(F, V, 10_000);
      expect(counts().evicted).toBeGreaterThan(0);
      expect(counts().held).toBe(0);
    } finally {
      stop = true;
      await storm;
    }
    // Every socket is closed by V: at accept, by eviction, or at the 1 s upgrade timeout.
    await Promise.all(closed);
    await waitFor(() => V.host.inbound.waitingFrom(STORM) === 0, 'the places to empty');
  });
});

describe('floods under way from the address an honest peer shares', () => {
  const FLOODED = '127.0.0.6';
  const stake = new InMemoryStakeRegistry(0n);
  let V: CairnNode;
  let H: CairnNode;
  const extra: CairnNode[] = [];
  let nextJob = 5000n;

  afterAll(async () => {
    await stopAll([V, H, ...extra]);
  });

  test('a junk flood at full speed under fresh identities, a banned peer redialling without pause and a stream of silent sockets: H keeps hearing announcements and winning, a fresh node gets in with one dial', async () => {
    // The public defaults: the address throttle engages after five offenders, at 2 connections a second.
    V = await startNode({ stake, config: { p2p: { simulation: false, listen: ['/ip4/127.0.0.1/tcp/0'] } } });
    H = await startNode({
      worker: honestCaps,
      stake,
      config: { p2p: { simulation: false, listen: [`/ip4/${FLOODED}/tcp/0`], dialFrom: FLOODED } },
    });
    stake.stake('0x777', 10n).bindPeer('0x777', H.peerId);
    await connect(H, V);
    await waitFor(() => V.host.gossip.subscribers('job_announcement') >= 1, 'V to see H subscribed');
    const announced = () => H.market.worker?.stats.announcements ?? 0;
    const winsOnce = async () => {
      const heard = announced();
      const result = await V.market.poster.announce(
        jobSpec(nextJob++, { requirements, budget: 1_000_000n, bidWindowMs: 1000, maxBids: 1 }),
      );
      expect(result.status === 'awarded' && result.winner.worker === H.peerId).toBe(true);
      expect(announced()).toBeGreaterThan(heard);
    };
    await winsOnce();

    const vAddr = V.host.multiaddrs()[0] as string;
    const port = Number(vAddr.split('/')[4]);
    const flood = forkFlood(vAddr, FLOODED);
    // A peer banned at its first junk that redials as soon as each dial fails.
    const banned = await rawPeer(FLOODED);
    let stop = false;
    const loops: Array<Promise<void>> = [];
    try {
      await banned.dial(vAddr);
      await waitFor(
        () => V.host.libp2p.services.pubsub.getPeers().some((p) => p.toString() === banned.peerId),
        'V to add the banned-to-be peer as a gossip peer',
      );
      await banned.gossipFrames(V.peerId, Array.from({ length: 50 }, () => INVALID_RPC));
      await waitFor(() => V.host.peers.isRefused(banned.peerId), 'V to ban it');
      loops.push(
        (async () => {
          while (!stop) {
            await banned.dial(vAddr).catch(() => undefined);
            // A dial its own node fails at once must not starve the event loop.
            await new Promise((r) => setImmediate(r));
          }
        })(),
        (async () => {
          while (!stop) {
            const s = await stalledSocket('127.0.0.1', port, FLOODED).catch(() => undefined);
            setTimeout(() => s?.destroy(), 10_000).unref();
            await new Promise((r) => setTimeout(r, 100));
          }
        })(),
      );
      await waitFor(() => V.host.peers.addresses.throttled(FLOODED), 'the flood to get its address throttled', 60_000);
      await waitFor(() => (V.host.inbound.counts.get(FLOODED)?.held ?? 0) > 0, 'connections to wait their turn');

      await winsOnce();
      // One dial, no retry: it waits its turn behind the flood's connections instead of being refused.
      const F = await startNode({ config: { p2p: { simulation: false, listen: [`/ip4/${FLOODED}/tcp/0`], dialFrom: FLOODED } } });
      extra.push(F);
      const t0 = Date.now();
      await connect(F, V);
      await waitFor(() => V.host.libp2p.getConnections(F.host.libp2p.peerId).length > 0, 'V to see F', 5000);
      // Measured, not asserted against the clock: the 2 s figure is the bench's to report.
      console.log(`fresh node from the flooded address connected in ${Date.now() - t0} ms`);
      await winsOnce();
      expect(V.host.libp2p.getConnections(H.host.libp2p.peerId).length).toBeGreaterThan(0);
    } finally {
      stop = true;
      await Promise.all(loops);
      await banned.stop().catch(() => undefined);
      const stats = await flood.stop();
      // The flood really ran: at least the four identities that, with the banned peer, offended
      // enough to get the address throttled.
      expect(stats.identities).toBeGreaterThanOrEqual(4);
      expect(stats.connected).toBeGreaterThan(0);
    }
    expect(V.host.peers.refusals.get(banned.peerId) ?? 0).toBeGreaterThan(0);
  });
});
