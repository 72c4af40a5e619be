/**
 * Priority alerts: a signed alert (a hostile module, a slashed worker, a griefing poster) that
 * outruns other traffic. Alerts do not ride gossipsub, where a message waits in each hop's
 * asynchronous validation queue and goes only to the topic mesh. Each node floods an alert to every
 * peer it is connected to, on the alert protocol, from inside the handler of the frame that
 * brought it: on a session opened when the connection opened (a hello, so no alert waits for a
 * stream) and kept while the connection lives. Frames on one connection arrive in the order they
 * were written, and a node writes an alert on before anything that came after it is even
 * validated, so an alert sent at the same moment as ordinary traffic reaches every node first
 * (test/p2p/alerts.test.ts, 100 nodes).
 *
 * Nothing is taken on trust. Per frame, cheapest first: the neighbour's alert allowance (a token
 * bucket; RATE_LIMITED), the relay envelope (signed by the neighbour), then the issuer's alert
 * inside it: size, kind, freshness, signature (FORGED_SIGNATURE, charged to the neighbour that
 * passed it on). A copy already seen is dropped for free (a flood delivers each alert once per
 * link). The issuer's own allowance is checked last: over it, the alert is dropped unrelayed and
 * the issuer scored, not the neighbour (an honest relay may have seen the burst first). Then the
 * alert is forwarded, and this node's policy (alert-policy.ts) decides what it does about it.
 */
import { createHash } from 'node:crypto';
import type { PeerId } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { AlertsConfig } from '../config/alerts';
import type { DirectChannel, DirectFrame } from '../p2p/direct';
import { Kind, ReplayCache, open, seal } from '../p2p/envelope';
import { describe, reject } from '../p2p/errors';
import type { P2pHost } from '../p2p/host';
import { PeerRateLimiter } from '../p2p/rate-limit';
import { protocolId } from '../p2p/topics';
import type { Logger } from '../shared/logging';
import { decodeAlert, decodeRelay, encodeAlert, encodeRelay, type Alert } from './alert-codec';
import { AlertPolicy, type AlertDecision } from './alert-policy';

export interface ReceivedAlert {
  /** SHA-256 of the issuer's signed alert envelope, hex. */
  id: string;
  issuer: string;
  alert: Alert;
  /** Hops it had travelled when it reached this node (0: from the issuer itself). */
  hops: number;
  /** The neighbour it came from; this node's own id for an alert it raised. */
  from: string;
  decision: AlertDecision;
}

/** Alert ids remembered; far more than the issuers' allowances let through in a freshness window. */
const MAX_SEEN = 50_000;
/** Sessions stay open while the connection does (the idle sweep never closes them). */
const ALERT_SESSION_IDLE_MS = 2 ** 31 - 1;
/** How often sessions lost or never opened (a hello that timed out under load) are opened again. */
const MAINTAIN_EVERY_MS = 5_000;
/** Hellos a connected peer may fail before we stop trying until it reconnects (it may not speak alerts). */
const MAX_HELLO_FAILURES = 3;
/**
 * Least time between two hellos to one peer. A connection that drops and comes back at once (a
 * relay, a flaky link) would otherwise send one per connect, and a neighbour counts hellos
 * against the same allowance as alerts (`alerts.peerBurst`): a peer reconnecting in a loop was
 * cut off by its relay for it. The maintenance pass opens a skipped session later.
 */
const HELLO_SPACING_MS = 5_000;

export class AlertService {
  private channel?: DirectChannel;
  readonly policy: AlertPolicy;
  private readonly seen = new Map<string, number>();
  private readonly replay: ReplayCache;
  private readonly issuers: PeerRateLimiter;
  private readonly neighbours: PeerRateLimiter;
  private readonly listeners: Array<(a: ReceivedAlert) => void> = [];
  private readonly opening = new Set<string>();
  private readonly helloFailures = new Map<string, number>();
  /** When we last said hello to each peer (oldest first). */
  private readonly lastHello = new Map<string, number>();
  /** Hellos sent, and those not sent for coming too soon after the last to the same peer. */
  readonly helloStats = { sent: 0, tooSoon: 0 };
  private maintainTimer?: NodeJS.Timeout;
  private readonly log: Logger;
  private readonly onConnect = (evt: CustomEvent<PeerId>): void => {
    this.helloFailures.delete(evt.detail.toString());
    this.hello(evt.detail);
  };

  constructor(
    private readonly host: P2pHost,
    private readonly config: AlertsConfig,
  ) {
    this.log = host.log.child({ module: 'alerts' });
    this.policy = new AlertPolicy(config, () => host.peerId, host.scores);
    // Its own cache: the same alert arrives once per link, which the host's cache would call a replay.
    this.replay = new ReplayCache(host.config.p2p.freshnessWindowMs * 2, MAX_SEEN);
    this.issuers = new PeerRateLimiter(config.perIssuerPerMinute / 60, config.issuerBurst);
    this.neighbours = new PeerRateLimiter(config.perPeerPerMinute / 60, config.peerBurst);
  }

  async start(): Promise<void> {
    this.channel = await this.host.channel({
      protocol: protocolId(this.host.config.network, 'alert'),
      kinds: new Set([Kind.KIND_ALERT_RELAY]),
      onFrame: (frame) => this.onFrame(frame),
      idleMs: ALERT_SESSION_IDLE_MS,
    });
    const libp2p = this.host.libp2p;
    libp2p.addEventListener('peer:connect', this.onConnect);
    for (const peer of libp2p.getPeers()) this.hello(peer);
    this.maintainTimer = setInterval(
      () => this.maintain(),
      this.host.config.p2p.simulationCosts.housekeepingMs ?? MAINTAIN_EVERY_MS,
    );
    this.maintainTimer.unref();
  }

  stop(): void {
    clearInterval(this.maintainTimer);
    if (this.host.started) this.host.libp2p.removeEventListener('peer:connect', this.onConnect);
  }

  /** Reopens sessions to connected peers that lack one, so the next alert need not wait for a stream. */
  private maintain(): void {
    const channel = this.channel;
    if (!channel || !this.host.started) return;
    // getConnections, not getPeers: the latter parses every peer id from its string form again,
    // which was a tenth of an idle simulated node's CPU.
    const seen = new Set<string>();
    for (const conn of this.host.libp2p.getConnections()) {
      const id = conn.remotePeer.toString();
      if (seen.has(id)) continue;
      seen.add(id);
      if (!channel.isOpen(id) && (this.helloFailures.get(id) ?? 0) < MAX_HELLO_FAILURES) this.hello(conn.remotePeer);
    }
    if (this.helloFailures.size > MAX_SEEN) this.helloFailures.clear();
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  onAlert(listener: (a: ReceivedAlert) => void): void {
    this.listeners.push(listener);
  }

  /** Whether our alert session to `peerId` is open. */
  sessionOpen(peerId: string): boolean {
    return this.channel?.isOpen(peerId) ?? false;
  }

  /** Connected peers with an open alert session: where an alert goes out at once. */
  readyPeers(): number {
    const channel = this.channel;
    if (!channel) return 0;
    return this.host.libp2p.getPeers().filter((p) => channel.isOpen(p.toString())).length;
  }

  /** Signs an alert as this node and floods it; resolves to its id. Applies this node's policy too. */
  raise(alert: Alert): ReceivedAlert {
    const signed = seal(this.host.signer, Kind.KIND_ALERT, encodeAlert(alert));
    const id = alertId(signed);
    this.remember(id);
    this.forward(signed, 0, undefined);
    return this.settle({ id, issuer: this.host.peerId, alert, hops: 0, from: this.host.peerId });
  }

  /** Opens our session to a new neighbour with an empty relay, so alerts never wait for a stream. */
  private hello(peer: PeerId): void {
    const channel = this.channel;
    if (!channel) return;
    const id = peer.toString();
    const now = Date.now();
    const last = this.lastHello.get(id);
    if (last !== undefined && now - last < HELLO_SPACING_MS) {
      this.helloStats.tooSoon++;
      return;
    }
    this.lastHello.delete(id);
    this.lastHello.set(id, now);
    if (this.lastHello.size > MAX_SEEN) this.lastHello.delete(this.lastHello.keys().next().value as string);
    this.helloStats.sent++;
    const bytes = seal(
      this.host.signer,
      Kind.KIND_ALERT_RELAY,
      encodeRelay({ alert: new Uint8Array(0), hops: 0 }),
    );
    channel.send(peer, bytes).catch((err: unknown) => {
      // Peers that do not speak the protocol (older nodes, bare libp2p peers) get no alerts from us.
      this.helloFailures.set(id, (this.helloFailures.get(id) ?? 0) + 1);
      this.log.debug({ peer: id, err: describe(err) }, 'alert session not opened');
    });
  }

  private onFrame(frame: DirectFrame): void {
    if (!this.neighbours.tryTake(frame.peerId)) throw reject('RATE_LIMITED', 'alert frames from this peer');
    const env = frame.env.authenticate();
    const relay = decodeRelay(env.payload);
    if (relay.alert.length === 0) return; // a hello
    const id = alertId(relay.alert);
    if (this.seen.has(id)) return;
    const p2p = this.host.config.p2p;
    const inner = open(relay.alert, {
      maxBytes: p2p.maxMessageBytes,
      kinds: ALERT_KINDS,
      freshnessMs: p2p.freshnessWindowMs,
      replay: this.replay,
      verifier: this.host.verifier,
    });
    this.remember(id);
    const alert = decodeAlert(inner.payload);
    const issuer = inner.signerId;
    if (!this.issuers.tryTake(issuer)) {
      this.host.penalties.report(
        issuer,
        reject('RATE_LIMITED', 'alerts from this issuer'),
        'alert:issuer',
        'drop',
      );
      return;
    }
    if (relay.hops + 1 < this.config.maxHops) this.forward(relay.alert, relay.hops + 1, frame.peerId, issuer);
    this.settle({ id, issuer, alert, hops: relay.hops, from: frame.peerId });
  }

  /** Wraps the issuer's bytes once and writes them to every neighbour but the ones that have them. */
  private forward(signed: Uint8Array, hops: number, from: string | undefined, issuer?: string): void {
    const channel = this.channel;
    if (!channel) return;
    const wrapped = seal(this.host.signer, Kind.KIND_ALERT_RELAY, encodeRelay({ alert: signed, hops }));
    for (const peer of this.host.libp2p.getPeers()) {
      const id = peer.toString();
      if (id === from || id === issuer) continue;
      if (channel.trySend(id, wrapped)) continue;
      channel.send(peer, wrapped).catch((err: unknown) => {
        this.log.debug({ peer: id, err: describe(err) }, 'alert not forwarded');
      });
    }
  }

  private settle(r: Omit<ReceivedAlert, 'decision'>): ReceivedAlert {
    const received: ReceivedAlert = { ...r, decision: this.policy.apply(r.alert, r.issuer) };
    this.log.info(
      {
        alert: received.id,
        type: received.alert.type,
        subject: `0x${received.alert.subject.toString(16)}`,
        issuer: received.issuer,
        hops: received.hops,
        from: received.from,
        decision: received.decision,
      },
      received.decision.action === 'noted' ? 'alert noted' : 'alert applied',
    );
    for (const listener of this.listeners) listener(received);
    return received;
  }

  private remember(id: string): void {
    const now = Date.now();
    this.seen.set(id, now);
    if (this.seen.size > MAX_SEEN) {
      // Oldest first (insertion order); anything older than the freshness window is refused anyway.
      const cutoff = now - this.host.config.p2p.freshnessWindowMs * 2;
      for (const [k, at] of this.seen) {
        if (at >= cutoff && this.seen.size <= MAX_SEEN) break;
        this.seen.delete(k);
      }
    }
  }
}

const ALERT_KINDS: ReadonlySet<Kind> = new Set([Kind.KIND_ALERT]);

function alertId(signed: Uint8Array): string {
  return createHash('sha256').update(signed).digest('hex');
}
