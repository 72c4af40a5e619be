/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * Priority alerts on real libp2p hosts over TCP on loopback (Noise, Yamux, gossipsub, kad-dht):
 * 100 hosts in one process, each with the node's AlertService and a gossip topic for ordinary
 * traffic, joined in a random connected graph. An alert and an ordinary gossip message leave
 * one host at the same moment; the alert must reach every other host first. Then the hostile
 * side: forged and flooding alerts are dropped and scored, and each node's policy decides what
 * an alert changes.
 */
import { AlertType, encodeAlert, encodeRelay } from '../../src/alerts/alert-codec';
import { Kind, seal } from '../../src/p2p/envelope';
import { loadEsm } from '../../src/p2p/esm';
import { P2pHost } from '../../src/p2p/host';
import { peerIdFromText } from '../../src/p2p/crypto';
import { protocolId } from '../../src/p2p/topics';
import { NETWORK, memoryLogger, testConfig, waitFor } from './support/cluster';
import {
  alertNetwork,
  dialPeer,
  startAlertPeer,
  stopAlertPeers,
  type AlertPeer,
} from './support/alert-peers';
import { newSigner } from './support/advert-workers';

const N = 100;

describe('priority alerts', () => {
  const peers: AlertPeer[] = [];

  afterAll(async () => {
    await stopAlertPeers(peers);
  });

  describe('on a 100-node network', () => {
    const net: AlertPeer[] = [];

    beforeAll(async () => {
      net.push(...(await alertNetwork(N, 16)));
      peers.push(...net);
    }, 400_000);

    test.each([
      ['ordinary first', true],
      ['alert first', false],
    ])(
      'an alert reaches every node before ordinary traffic sent at the same moment (%s in the code)',
      async (label, ordinaryFirst) => {
        const source = net[label === 'ordinary first' ? 0 : 57]!;
        const tag = `race-${label}`;
        const ordinary = seal(source.host.signer, Kind.KIND_JOB_ANNOUNCEMENT, new TextEncoder().encode(tag));
        const subject = ordinaryFirst ? 0xbad1n : 0xbad2n;
        const alert = { type: AlertType.ALERT_TYPE_HOSTILE_MODULE, subject, evidence: tag };
        let published: Promise<number>;
        if (ordinaryFirst) {
          published = source.host.gossip.publish('job_announcement', ordinary);
          source.alerts.raise(alert);
        } else {
          source.alerts.raise(alert);
          published = source.host.gossip.publish('job_announcement', ordinary);
        }
        await published;
        const others = net.filter((p) => p !== source);
        await waitFor(
          () => others.every((p) => p.alertAt.has(tag) && p.gossipAt.has(tag)),
          'the alert and the ordinary message at every node',
          60_000,
        );
        const late = others.filter((p) => p.alertAt.get(tag)!.order > p.gossipAt.get(tag)!.order);
        expect(late.map((p) => p.host.peerId)).toEqual([]);
        // Nobody trusts the source but the source: everyone relayed the alert, only it acted on it.
        expect(source.alerts.policy.isModuleRefused(subject)).toBe(true);
        expect(others.filter((p) => p.alerts.policy.isModuleRefused(subject))).toHaveLength(0);
      },
      120_000,
    );
  });
  describe("hostile alerts and each node's policy", () => {
    const victimLog = memoryLogger('info');
    let V: AlertPeer;
    let W: AlertPeer;
    let T: AlertPeer;
    let U: AlertPeer;
    let attacker: P2pHost;
    const attackers: P2pHost[] = [];
    let send: (frame: Uint8Array) => Promise<void>;
    const got = (p: AlertPeer, evidence: string) => p.alertAt.has(evidence);

    beforeAll(async () => {
      T = await startAlertPeer();
      U = await startAlertPeer();
      // V trusts T's alerts and nobody else's; W is an honest neighbour that V relays to.
      V = await startAlertPeer({ alerts: { trustedIssuers: [T.host.peerId] } }, victimLog.log);
      W = await startAlertPeer();
      peers.push(T, U, V, W);
      await dialPeer(W, V);
      await dialPeer(T, V);
      await dialPeer(U, V);
      await waitFor(
        () => [V, W, T, U].every((p) => p.alerts.readyPeers() === p.host.libp2p.getPeers().length),
        'alert sessions',
      );
    }, 60_000);

    afterAll(async () => {
      await Promise.all(attackers.map((a) => a.stop()));
    });

    /** A fresh attacker per test (so each one's score is its own): a bare host speaking the alert protocol. */
    async function newAttacker(): Promise<void> {
      const m = await loadEsm();
      attacker = new P2pHost({
        config: testConfig(),
        log: memoryLogger('silent').log,
        privateKey: await m.keys.generateKeyPair('Ed25519'),
      });
      await attacker.start();
      attackers.push(attacker);
      const channel = await attacker.channel({
        protocol: protocolId(NETWORK, 'alert'),
        kinds: new Set([Kind.KIND_ALERT_RELAY]),
        onFrame: () => undefined,
      });
      send = (frame) => channel.send(V.host.libp2p.peerId, frame);
      await attacker.dial(V.host.multiaddrs()[0] as string);
    }

    const relayOf = (signed: Uint8Array, hops = 0) =>
      seal(attacker.signer, Kind.KIND_ALERT_RELAY, encodeRelay({ alert: signed, hops }));
    const module = (evidence: string, subject = 0x1n) =>
      encodeAlert({ type: AlertType.ALERT_TYPE_HOSTILE_MODULE, subject, evidence });

    test('a forged alert is dropped, not relayed, and the neighbour that passed it on is scored', async () => {
      await newAttacker();
      const issuer = newSigner();
      const signed = Uint8Array.from(seal(issuer, Kind.KIND_ALERT, module('forged')));
      signed[signed.length - 1]! ^= 0x01; // the signature is the envelope's last field
      const before = V.host.rejections.counts.get('FORGED_SIGNATURE') ?? 0;
      await send(relayOf(signed));
      await waitFor(
        () => (V.host.rejections.counts.get('FORGED_SIGNATURE') ?? 0) > before,
        'the forgery to be refused',
      );
      expect(V.host.scores.score(attacker.peerId)).toBeLessThan(0);
      expect(got(V, 'forged') || got(W, 'forged')).toBe(false);
    });

    test('a stale alert and a malformed one are dropped and scored', async () => {
      await newAttacker();
      const issuer = newSigner();
      const stale = seal(issuer, Kind.KIND_ALERT, module('stale'), Date.now() - 5 * 60_000);
      const malformed = seal(issuer, Kind.KIND_ALERT, Uint8Array.of(0x08, 0x63)); // alert type 99
      const stales = V.host.rejections.counts.get('STALE') ?? 0;
      const invalid = V.host.rejections.counts.get('INVALID_PAYLOAD') ?? 0;
      await send(relayOf(stale));
      await send(relayOf(malformed));
      await waitFor(
        () =>
          (V.host.rejections.counts.get('STALE') ?? 0) > stales &&
          (V.host.rejections.counts.get('INVALID_PAYLOAD') ?? 0) > invalid,
        'both to be refused',
      );
      expect(got(V, 'stale')).toBe(false);
    });

    test("a flood of alerts: the issuer's allowance passes, the rest are dropped and scored, and the flooder is cut off", async () => {
      await newAttacker();
      const flood = Array.from({ length: 60 }, (_, i) =>
        relayOf(seal(attacker.signer, Kind.KIND_ALERT, module(`flood-${i}`))),
      );
      for (const frame of flood) await send(frame).catch(() => undefined);
      const burst = V.host.config.alerts.issuerBurst;
      const before = V.host.rejections.counts.get('RATE_LIMITED') ?? 0;
      // Each alert over the allowance costs the flooder a little; some twenty cut it off, and
      // what it sends after that is not even read.
      await waitFor(
        () => V.host.libp2p.getConnections(attacker.libp2p.peerId).length === 0,
        'the flooder to be disconnected',
      );
      expect((V.host.rejections.counts.get('RATE_LIMITED') ?? 0) - before).toBeGreaterThanOrEqual(15);
      const delivered = [...V.alertAt.keys()].filter((k) => k.startsWith('flood-'));
      expect(delivered.length).toBeLessThanOrEqual(burst);
      expect(delivered.length).toBeGreaterThanOrEqual(1);
      // Only what V let through went on to W.
      await waitFor(() => delivered.every((k) => got(W, k)), 'the allowed alerts at W');
      expect([...W.alertAt.keys()].filter((k) => k.startsWith('flood-')).sort()).toEqual(delivered.sort());
      expect(V.host.scores.score(attacker.peerId)).toBeLessThanOrEqual(-20);
    });

    test('a neighbour that reconnects over and over says hello once per spacing and is not cut off for it', async () => {
      const X = await startAlertPeer();
      peers.push(X);
      const limited = V.host.rejections.counts.get('RATE_LIMITED') ?? 0;
      // More reconnects than the neighbour allowance's burst: one hello each would overrun it.
      const reconnects = V.host.config.alerts.peerBurst + 10;
      for (let i = 0; i < reconnects; i++) {
        await dialPeer(X, V);
        await X.host.libp2p.hangUp(V.host.libp2p.peerId);
        await waitFor(() => X.host.libp2p.getConnections(V.host.libp2p.peerId).length === 0, `disconnect ${i}`);
      }
      await dialPeer(X, V);
      expect(X.alerts.helloStats.sent + X.alerts.helloStats.tooSoon).toBeGreaterThanOrEqual(reconnects);
      expect(X.alerts.helloStats.sent).toBeLessThan(V.host.config.alerts.peerBurst);
      // The maintenance pass opens the session the skipped hellos did not.
      await waitFor(() => X.alerts.sessionOpen(V.host.peerId), "X's alert session to V");
      expect(V.host.rejections.counts.get('RATE_LIMITED') ?? 0).toBe(limited);
      expect(V.host.scores.score(X.host.peerId)).toBeGreaterThanOrEqual(0);
    });

    test("each node applies its own policy: a trusted issuer's alerts change things, an untrusted one's are only noted", async () => {
      const slashed = newSigner();
      T.alerts.raise({
        type: AlertType.ALERT_TYPE_WORKER_SLASHED,
        subject: 0x51a5n,
        subjectPeer: peerIdFromText(slashed.peerId),
        evidence: 'slash-tx-0x1234',
      });
      T.alerts.raise({ type: AlertType.ALERT_TYPE_HOSTILE_MODULE, subject: 0xe71n, evidence: 'module-by-T' });
      U.alerts.raise({ type: AlertType.ALERT_TYPE_HOSTILE_MODULE, subject: 0xe72n, evidence: 'module-by-U' });
      await waitFor(
        () => ['slash-tx-0x1234', 'module-by-T', 'module-by-U'].every((e) => got(V, e) && got(W, e)),
        'the alerts at V and W',
      );
      expect(V.host.scores.score(slashed.peerId)).toBeLessThan(0);
      expect(V.alerts.policy.isModuleRefused(0xe71n)).toBe(true);
      expect(V.alerts.policy.isModuleRefused(0xe72n)).toBe(false);
      // W trusts neither: it relayed all three and acted on none.
      expect(W.host.scores.score(slashed.peerId)).toBe(0);
      expect(W.alerts.policy.isModuleRefused(0xe71n)).toBe(false);
      const lines = (msg: string) =>
        victimLog.lines.filter((l) => l.msg === msg).map((l) => (l.decision as { action: string }).action);
      expect(lines('alert applied')).toEqual(expect.arrayContaining(['lower-peer', 'refuse-module']));
      expect(lines('alert noted').length).toBeGreaterThanOrEqual(1);
    });
  });
});
