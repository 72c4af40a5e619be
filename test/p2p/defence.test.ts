/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * Bad input against a real poster (V) over TCP, on both paths a peer can reach it: gossip (the
 * job_announcement topic) and the direct bid protocol. Each kind of bad message comes from a
 * fresh attacker so its score change is its own. An honest worker (H) keeps working throughout.
 */
import { createHash } from 'node:crypto';
import type { Message } from '@libp2p/gossipsub' with { 'resolution-mode': 'import' };
import type { Stream } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { CairnNode } from '../../src/node/start-node';
import type { JobResult } from '../../src/market/poster';
import { InMemoryStakeRegistry } from '../../src/market/stake';
import { decodeAnnouncement, encodeBid, encodeOutcome } from '../../src/market/wire';
import { encodeFrame } from '../../src/p2p/direct';
import { Kind, seal, signingBytes, ENVELOPE_VERSION } from '../../src/p2p/envelope';
import type { WireErrorCode } from '../../src/p2p/errors';
import { Envelope } from '../../src/p2p/proto/generated/cairn';
import { MIN_SCORE_BEFORE_DISCONNECT } from '../../src/p2p/scoring/peer-score';
import { protocolId, stringifyTopic } from '../../src/p2p/topics';
import {
  HONEST_WORKER,
  NETWORK,
  SMALL_JOB,
  connect,
  memoryLogger,
  startNode,
  stopAll,
  waitFor,
  type LogLine,
} from './support/cluster';
import { jobSpec } from '../support/job-spec';

const requirements = SMALL_JOB;
const honestCaps = HONEST_WORKER;
const TOPIC = stringifyTopic({ type: 'job_announcement', network: NETWORK });
const BID_PROTOCOL = protocolId(NETWORK, 'bid');

describe('defence against bad input', () => {
  const stake = new InMemoryStakeRegistry(0n);
  const victimLog = memoryLogger('warn');
  let V: CairnNode;
  let H: CairnNode;
  const attackers: CairnNode[] = [];
  let nextJob = 100n;
  /** The open job's announcement as the network saw it, for crafting bids that reach the checks. */
  let openJob: { jobId: bigint; digest: Uint8Array } | undefined;
  let openJobResult: Promise<JobResult> | undefined;

  const spec = (over: { bidWindowMs?: number; maxBids?: number } = {}) =>
    jobSpec(nextJob++, { manifestHash: 0x99n, requirements, budget: 1_000_000n, bidWindowMs: 1000, ...over });

  const rejections = (code: WireErrorCode) => V.host.rejections.counts.get(code) ?? 0;
  const logged = (code: WireErrorCode, peer: string, via?: string) =>
    victimLog.lines.some(
      (l: LogLine) =>
        l.code === code &&
        l.peer === peer &&
        l.msg === `rejected message: ${code}` &&
        (via === undefined || String(l.via).startsWith(via)),
    );
  /** The victim rejected `a`'s message for `code` on gossip and on the bid protocol, and scored it down. */
  const rejectedOnBothPaths = async (code: WireErrorCode, a: CairnNode) => {
    await waitFor(
      () => logged(code, a.peerId, 'gossip') && logged(code, a.peerId, BID_PROTOCOL),
      'both rejections logged',
    );
    expect(V.host.scores.score(a.peerId)).toBeLessThan(0);
  };

  async function attacker(): Promise<CairnNode> {
    const a = await startNode();
    attackers.push(a);
    await connect(a, V);
    await waitFor(
      () => a.host.gossip.subscribers('job_announcement') >= 1,
      'attacker to see the victim subscribed',
    );
    return a;
  }

  async function openStream(a: CairnNode): Promise<Stream> {
    return a.host.libp2p.dialProtocol(V.host.libp2p.peerId, BID_PROTOCOL);
  }

  function envelope(
    a: CairnNode,
    fields: Partial<Envelope> & { kind: Kind; payload: Uint8Array },
    signWith?: CairnNode,
  ): Uint8Array {
    const timestampMs = fields.timestampMs ?? BigInt(Date.now());
    const nonce = fields.nonce ?? BigInt(Math.floor(Math.random() * 2 ** 48));
    const signature =
      fields.signature ??
      (signWith ?? a).host.signer.sign(signingBytes(fields.kind, timestampMs, nonce, fields.payload));
    return Envelope.encode({
      version: ENVELOPE_VERSION,
      signer: a.host.signer.peerIdBytes,
      ...fields,
      timestampMs,
      nonce,
      signature,
    }).finish();
  }

  function bidPayload(): Uint8Array {
    if (!openJob) throw new Error('no open job');
    return encodeBid({
      jobId: openJob.jobId,
      poster: V.host.signer.peerIdBytes,
      announcementDigest: openJob.digest,
      workerAddress: 0x666n,
      price: 1n,
    });
  }

  beforeAll(async () => {
    // V relays announcements, so bad ones reach its gossip validator as they would any worker's.
    V = await startNode({ stake, log: victimLog.log, config: { market: { relayAnnouncements: true } } });
    H = await startNode({ worker: honestCaps, stake });
    stake.stake('0x777', 10n).bindPeer('0x777', H.peerId);
    await connect(H, V);
    await waitFor(
      () =>
        V.host.gossip.meshPeers('job_announcement') >= 1 && H.host.gossip.meshPeers('job_announcement') >= 1,
      'mesh',
    );
    // A job that stays open for the whole suite: bids for it reach the signature check.
    const listener = (evt: CustomEvent<Message>) => {
      const env = Envelope.decode(evt.detail.data);
      const a = decodeAnnouncement(env.payload, Date.now());
      openJob = { jobId: a.jobId, digest: createHash('sha256').update(evt.detail.data).digest() };
    };
    H.host.libp2p.services.pubsub.addEventListener('message', listener);
    openJobResult = V.market.poster.announce(spec({ bidWindowMs: 120_000, maxBids: 100 }));
    await waitFor(() => openJob !== undefined, 'the open job to reach H');
    H.host.libp2p.services.pubsub.removeEventListener('message', listener);
  });

  afterAll(async () => {
    await stopAll([V, H, ...attackers]);
    await openJobResult;
  });

  test('malformed messages are rejected with a logged reason and cost the sender score', async () => {
    const a = await attacker();
    // A length-delimited field claiming more bytes than follow: not a protobuf message.
    const junk = Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3);
    (await openStream(a)).send(encodeFrame(junk));
    await a.host.libp2p.services.pubsub.publish(TOPIC, junk);
    await rejectedOnBothPaths('MALFORMED', a);
    // Gossipsub caches scores for a heartbeat; its P4 penalty shows on the next one.
    await waitFor(() => V.host.gossip.score(a.peerId) < 0, 'gossipsub score to drop');
  });

  test('oversized messages are rejected before decoding', async () => {
    const a = await attacker();
    const big = new Uint8Array(V.host.config.p2p.maxMessageBytes + 1).fill(7);
    await a.host.libp2p.services.pubsub.publish(TOPIC, big);
    (await openStream(a)).send(encodeFrame(big));
    await rejectedOnBothPaths('OVERSIZED', a);
  });

  test('unsigned messages are rejected', async () => {
    const a = await attacker();
    const unsigned = envelope(a, {
      kind: Kind.KIND_BID,
      payload: bidPayload(),
      signature: new Uint8Array(0),
    });
    (await openStream(a)).send(encodeFrame(unsigned));
    const ann = envelope(a, {
      kind: Kind.KIND_JOB_ANNOUNCEMENT,
      payload: new Uint8Array([8, 1]),
      signature: new Uint8Array(0),
    });
    await a.host.libp2p.services.pubsub.publish(TOPIC, ann);
    await rejectedOnBothPaths('UNSIGNED', a);
  });

  test('forged signatures are rejected', async () => {
    const a = await attacker();
    const other = await startNode();
    attackers.push(other);
    // Claims to be `a`, signed by `other`.
    const forgedBid = envelope(a, { kind: Kind.KIND_BID, payload: bidPayload() }, other);
    (await openStream(a)).send(encodeFrame(forgedBid));
    const forgedAnn = envelope(
      a,
      { kind: Kind.KIND_JOB_ANNOUNCEMENT, payload: new Uint8Array([8, 1]) },
      other,
    );
    await a.host.libp2p.services.pubsub.publish(TOPIC, forgedAnn);
    await rejectedOnBothPaths('FORGED_SIGNATURE', a);
    await waitFor(() => V.host.gossip.score(a.peerId) < 0, 'gossipsub score to drop');
  });

  test('stale messages are rejected', async () => {
    const a = await attacker();
    const old = BigInt(Date.now() - 3 * V.host.config.p2p.freshnessWindowMs);
    (await openStream(a)).send(
      encodeFrame(envelope(a, { kind: Kind.KIND_BID, payload: bidPayload(), timestampMs: old })),
    );
    await a.host.libp2p.services.pubsub.publish(
      TOPIC,
      envelope(a, { kind: Kind.KIND_JOB_ANNOUNCEMENT, payload: new Uint8Array([8, 1]), timestampMs: old }),
    );
    await rejectedOnBothPaths('STALE', a);
  });

  test('replayed messages are rejected', async () => {
    const a = await attacker();
    // Direct: the same valid bid twice. The first enters the window; the second is a replay.
    const bid = envelope(a, { kind: Kind.KIND_BID, payload: bidPayload() });
    const stream = await openStream(a);
    stream.send(encodeFrame(bid));
    stream.send(encodeFrame(bid));
    // Gossip: identical bytes are dropped by gossipsub's seen-cache before us, so a replay that
    // reaches the validator is re-wrapped: an unknown field appended changes the message id but
    // not the signed content.
    const ann = seal(a.host.signer, Kind.KIND_JOB_ANNOUNCEMENT, new Uint8Array([8, 1]));
    await a.host.libp2p.services.pubsub.publish(TOPIC, ann);
    await a.host.libp2p.services.pubsub.publish(TOPIC, Uint8Array.from([...ann, 0x78, 0x01]));
    await rejectedOnBothPaths('REPLAYED', a);
  });

  test('a forged award is rejected by the worker it names', async () => {
    // A poster H really bid to sends H an outcome naming H the winner, signed by someone else.
    // A losing outcome is taken on the stream's (Noise-authenticated) word; an award is checked.
    const a = await attacker();
    const other = await startNode();
    attackers.push(other);
    const job = spec({ bidWindowMs: 60_000, maxBids: 100 });
    const bid = new Promise<void>((resolve) =>
      H.market.worker?.on('bid', (b) => b.jobId === job.jobId && b.poster === a.peerId && resolve()),
    );
    void a.market.poster.announce(job).catch(() => undefined);
    await bid;
    const forgedBefore = H.host.rejections.counts.get('FORGED_SIGNATURE') ?? 0;
    const wonBefore = H.market.worker?.stats.won;
    const award = encodeOutcome({
      jobId: job.jobId,
      announcementDigest: new Uint8Array(32),
      winner: H.host.signer.peerIdBytes,
      winnerAddress: honestCaps.workerAddress,
      price: 1n,
      winningBidDigest: new Uint8Array(32),
    });
    const stream = await a.host.libp2p.dialProtocol(H.host.libp2p.peerId, BID_PROTOCOL);
    stream.send(encodeFrame(envelope(a, { kind: Kind.KIND_OUTCOME, payload: award }, other)));
    await waitFor(
      () => (H.host.rejections.counts.get('FORGED_SIGNATURE') ?? 0) > forgedBefore,
      'the worker to reject the forged award',
    );
    expect(H.market.worker?.stats.won).toBe(wonBefore);
    expect(H.host.scores.score(a.peerId)).toBeLessThan(0);
  });

  test('10,000 garbage messages: the node stays up, cuts the senders off and keeps serving honest peers', async () => {
    const flooders = await Promise.all([1, 2, 3, 4, 5].map(() => attacker()));
    const junk = (i: number, k: number) =>
      Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, i, k & 0xff, k >> 8);
    const PER_FLOODER = 2000;
    const ROUNDS = 4;
    let attempted = 0;
    let refusedAtDial = 0;
    const honestJobs: Array<Promise<JobResult>> = [];
    // Each flooder sends its 2,000 messages in rounds (half as one burst on the bid protocol,
    // half as distinct gossip messages), trying to reconnect after every disconnect.
    await Promise.all(
      flooders.map(async (a, i) => {
        const victim = V.host.libp2p.peerId;
        for (let round = 0; round < ROUNDS; round++) {
          const batch = PER_FLOODER / ROUNDS;
          attempted += batch;
          if (i === 0) honestJobs.push(V.market.poster.announce(spec()));
          let stream: Stream;
          try {
            if (a.host.libp2p.getConnections(victim).length === 0) await a.host.libp2p.dial(victim);
            stream = await openStream(a);
          } catch {
            refusedAtDial += batch;
            continue;
          }
          for (let k = 0; k < batch / 2; k++) stream.send(encodeFrame(junk(i, round * batch + k)));
          for (let k = batch / 2; k < batch; k++) {
            await a.host.libp2p.services.pubsub
              .publish(TOPIC, junk(i, round * batch + k))
              .catch(() => undefined);
            if (k % 50 === 0) await new Promise((r) => setImmediate(r));
          }
          await waitFor(
            () => a.host.libp2p.getConnections(victim).length === 0,
            'the victim to drop the flooder',
          );
        }
      }),
    );
    expect(attempted).toBe(10_000);

    // Every flooder fell to the disconnect threshold (an offence; its score has decayed a little
    // since), was disconnected, and its dials are refused for the offence's ban.
    for (const a of flooders) {
      expect(V.host.scores.score(a.peerId)).toBeLessThan(MIN_SCORE_BEFORE_DISCONNECT / 2);
      expect(V.host.peers.offences.offences(a.peerId)).toBeGreaterThanOrEqual(1);
      expect(V.host.peers.isRefused(a.peerId)).toBe(true);
      expect(V.host.peers.disconnects.get(a.peerId)).toBeGreaterThanOrEqual(1);
      // A redial may look open to the dialler for a moment; the victim refuses it once the
      // Noise handshake names the peer, and closes it.
      await waitFor(
        () => a.host.libp2p.getConnections(V.host.libp2p.peerId).length === 0,
        'the flooder to see the disconnect',
      );
      const refusalsBefore = V.host.peers.refusals.get(a.peerId) ?? 0;
      await a.host.libp2p
        .dial(V.host.libp2p.peerId, { signal: AbortSignal.timeout(5000) })
        .catch(() => undefined);
      await waitFor(
        () => (V.host.peers.refusals.get(a.peerId) ?? 0) > refusalsBefore,
        'the victim to refuse the redial',
      );
      await waitFor(
        () => V.host.libp2p.getConnections(a.host.libp2p.peerId).length === 0,
        'no connection to the flooder',
      );
    }
    expect(refusedAtDial).toBeGreaterThan(0);
    expect(rejections('MALFORMED')).toBeGreaterThanOrEqual(flooders.length);

    // The victim kept serving: jobs announced during the flood were awarded to the honest
    // worker, and so is one announced after it.
    for (const r of await Promise.all(honestJobs))
      expect(r.status === 'awarded' && r.winner.worker === H.peerId).toBe(true);
    const after = await V.market.poster.announce(spec());
    expect(after.status === 'awarded' && after.winner.worker === H.peerId).toBe(true);
    expect(V.host.libp2p.status).toBe('started');
    await expect(H.host.libp2p.services.ping.ping(V.host.libp2p.peerId)).resolves.toBeGreaterThanOrEqual(0);
  });
});
