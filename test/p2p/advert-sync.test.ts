/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * Advert book sync over real libp2p streams (TCP on loopback, Noise, Yamux): a node that
 * reconnects fetches only what changed in its peer's book, and a peer that passes on bad adverts
 * or pushes batches nobody asked for is penalised. The books hold 1,000 adverts signed by 1,000
 * worker identities, as gossip would have filled them.
 */
import { AdvertSync } from '../../src/discovery/advert-sync';
import type { CairnNode } from '../../src/node/start-node';
import { Kind, seal } from '../../src/p2p/envelope';
import { P2pHost } from '../../src/p2p/host';
import { loadEsm } from '../../src/p2p/esm';
import { AdvertSyncBatch } from '../../src/p2p/proto/generated/cairn';
import { protocolId } from '../../src/p2p/topics';
import { AdvertOnlyWorker } from './support/advert-workers';
import { NETWORK, connect, memoryLogger, startNode, stopAll, testConfig, waitFor } from './support/cluster';

const ADVERTS = 1000;
const CHANGED = ADVERTS / 100;

const sync = (n: CairnNode): AdvertSync => n.app.get(AdvertSync);
const total = (r: { bytesSent: number; bytesReceived: number }) => r.bytesSent + r.bytesReceived;

describe('advert book sync', () => {
  const nodes: CairnNode[] = [];
  let workers: AdvertOnlyWorker[] = [];
  let S: CairnNode;
  let C: CairnNode;

  beforeAll(async () => {
    await loadEsm(); // peer ids are base58 text, which comes from an ESM package
    workers = Array.from({ length: ADVERTS }, (_, i) => new AdvertOnlyWorker(i));
    // S has heard every worker; C starts empty and syncs with S whenever it connects.
    S = await startNode({ config: { discovery: { sync: { onConnect: false, minIntervalMs: 0 } } } });
    // C's own spacing off too: these tests reconnect at once and want the sync each time.
    C = await startNode({ config: { discovery: { sync: { onConnect: true, fullSyncPeers: 1, minIntervalMs: 0 } } } });
    nodes.push(S, C);
    for (const w of workers) w.learn(S.book, 1n);
  });

  afterAll(async () => {
    await stopAll(nodes);
  });

  /** Connects C to S, waits for C's `nth` sync and checks it took one round, every advert accepted. */
  const syncOnConnect = async (nth: number, what: string, expected: { full: boolean; adverts: number }) => {
    await connect(C, S);
    await waitFor(() => sync(C).history.length === nth, what);
    const r = sync(C).history[nth - 1]!;
    expect(r).toMatchObject({ peer: S.peerId, ...expected, accepted: expected.adverts, rounds: 1 });
    return r;
  };

  test('a reconnect after 1% of 1,000 adverts changed moves at least 20x fewer bytes than the full sync', async () => {
    const full = await syncOnConnect(1, 'the full sync on first connect', { full: true, adverts: ADVERTS });
    expect(C.book.size).toBe(ADVERTS);
    expect(sync(C).cursor(S.peerId)).toEqual({ epoch: S.book.epoch, version: S.book.version });

    await C.host.libp2p.hangUp(S.host.libp2p.peerId);
    await waitFor(() => C.host.libp2p.getConnections(S.host.libp2p.peerId).length === 0, 'the disconnect');
    const changed = workers.filter((_, i) => i % 100 === 7);
    expect(changed).toHaveLength(CHANGED);
    for (const w of changed) w.learn(S.book, 2n);

    const delta = await syncOnConnect(2, 'the delta sync on reconnect', { full: false, adverts: CHANGED });
    for (const w of changed) expect(C.book.get(w.peerId)?.sequence).toBe(2n);
    expect(C.book.size).toBe(ADVERTS);
    // Frames on the sync stream both ways (npm run bench:adverts -- --only=sync prints them).
    expect(total(full) / total(delta)).toBeGreaterThanOrEqual(20);
  });

  test('a peer that restarted (another epoch) answers a stale cursor with its whole book', async () => {
    const S2 = await startNode({ config: { discovery: { sync: { onConnect: false } } } });
    nodes.push(S2);
    for (const w of workers.slice(0, 50)) w.learn(S2.book, 5n);
    await connect(C, S2);
    // A cursor from S's epoch is no use at S2.
    (sync(C) as unknown as { cursors: Map<string, unknown> }).cursors.set(S2.peerId, {
      epoch: S.book.epoch,
      version: 3n,
    });
    const r = await sync(C).sync(S2.host.libp2p.peerId);
    expect(r).toMatchObject({ full: true, adverts: 50, accepted: 50 });
  });

  test('answers are capped; the requester pages through the rest', async () => {
    const P = await startNode({
      config: { discovery: { sync: { onConnect: false, maxAdvertsPerAnswer: 300 } } },
    });
    const Q = await startNode({ config: { discovery: { sync: { onConnect: false } } } });
    nodes.push(P, Q);
    for (const w of workers) w.learn(P.book, 9n);
    await connect(Q, P);
    const r = await sync(Q).sync(P.host.libp2p.peerId);
    expect(r).toMatchObject({ full: true, adverts: ADVERTS, accepted: ADVERTS, rounds: 4 });
    expect(Q.book.size).toBe(ADVERTS);
  });

  test('a peer passing on a forged advert is penalised, and the advert is not taken', async () => {
    const H = await startNode({ config: { discovery: { sync: { onConnect: false } } } });
    const V = await startNode({ config: { discovery: { sync: { onConnect: false } } } });
    nodes.push(H, V);
    const victimWorker = new AdvertOnlyWorker(5000);
    const forged = Uint8Array.from(victimWorker.advert(1n));
    forged[forged.length - 1]! ^= 0xff; // the signature is the last field
    H.book.upsert(victimWorker.peerId, victimWorker.caps, 1n, Date.now(), forged);
    await connect(V, H);
    await expect(sync(V).sync(H.host.libp2p.peerId)).rejects.toThrow(/FORGED_SIGNATURE/);
    expect(V.book.get(victimWorker.peerId)).toBeUndefined();
    expect(V.host.scores.score(H.peerId)).toBeLessThan(0);
    expect(V.host.rejections.counts.get('FORGED_SIGNATURE')).toBeGreaterThanOrEqual(1);
  });

  test('a connection that drops and comes back at once opens no second sync, so the peer scores nothing', async () => {
    // Both with the default spacing (5 s), as every node runs.
    const P = await startNode({ config: { discovery: { sync: { onConnect: false } } } });
    const Q = await startNode({ config: { discovery: { sync: { onConnect: true } } } });
    nodes.push(P, Q);
    for (let i = 1; i <= 4; i++) {
      await connect(Q, P);
      await waitFor(() => sync(Q).onConnectStats.connects === i, `connection ${i} seen`);
      await waitFor(() => sync(Q).history.length === 1, 'the sync on first connect');
      await Q.host.libp2p.hangUp(P.host.libp2p.peerId);
      await waitFor(() => Q.host.libp2p.getConnections(P.host.libp2p.peerId).length === 0, `disconnect ${i}`);
    }
    await connect(Q, P);
    await waitFor(() => sync(Q).onConnectStats.connects === 5, 'connection 5 seen');
    expect(sync(Q).onConnectStats.tooSoon).toBe(4);
    expect(sync(Q).history.map((r) => r.peer)).toEqual([P.peerId]);
    expect(P.host.rejections.counts.get('RATE_LIMITED') ?? 0).toBe(0);
    expect(P.host.scores.score(Q.peerId)).toBeGreaterThanOrEqual(0);
  });

  test('batches nobody asked for are refused and scored; too-frequent requests are refused and scored', async () => {
    const m = await loadEsm();
    const V = await startNode({
      config: { discovery: { sync: { onConnect: false, minIntervalMs: 60_000 } } },
    });
    nodes.push(V);
    // The pusher is a bare host speaking the sync protocol, not a node with an AdvertSync.
    const pusher = new P2pHost({
      config: testConfig(),
      log: memoryLogger('silent').log,
      privateKey: await m.keys.generateKeyPair('Ed25519'),
    });
    await pusher.start();
    try {
      const channel = await pusher.channel({
        protocol: protocolId(NETWORK, 'advert-sync'),
        kinds: new Set([Kind.KIND_ADVERT_SYNC_BATCH]),
        onFrame: () => undefined,
      });
      const batch = AdvertSyncBatch.encode({
        epoch: 1n,
        version: 1n,
        adverts: [workers[0]!.advert(99n)],
        last: true,
        full: true,
        more: false,
      }).finish();
      await channel.send(V.host.libp2p.peerId, seal(pusher.signer, Kind.KIND_ADVERT_SYNC_BATCH, batch), [
        m.multiaddr.multiaddr(V.host.multiaddrs()[0] as string),
      ]);
      await waitFor(
        () => (V.host.rejections.counts.get('UNSOLICITED') ?? 0) >= 1,
        'the unsolicited batch to be refused',
      );
      expect(V.book.get(workers[0]!.peerId)).toBeUndefined();
      expect(V.host.scores.score(pusher.peerId)).toBeLessThan(0);
    } finally {
      await pusher.stop();
    }

    // A requester starting syncs back to back: the first is served, the second refused.
    const R = await startNode({ config: { discovery: { sync: { onConnect: false, timeoutMs: 1500 } } } });
    nodes.push(R);
    await connect(R, V);
    await sync(R).sync(V.host.libp2p.peerId);
    await expect(sync(R).sync(V.host.libp2p.peerId)).rejects.toThrow(/timed out/);
    expect(V.host.rejections.counts.get('RATE_LIMITED')).toBeGreaterThanOrEqual(1);
    expect(V.host.scores.score(R.peerId)).toBeLessThan(0);
  });
});
