/**
 * The libp2p peer: TCP (or the in-memory transport for large simulations) with Noise and Yamux,
 * identify, ping, a Kademlia DHT on the network's own protocol id, and gossipsub. Owns everything
 * shared by the protocols above it: the signer, the signature verifier and replay cache, the
 * peer score store with its peer manager, the rate limiter and the rejection log.
 */
import { Socket as NetSocket, type Socket } from 'node:net';
import type { Libp2p } from 'libp2p' with { 'resolution-mode': 'import' };
import type { GossipSub } from '@libp2p/gossipsub' with { 'resolution-mode': 'import' };
import type { Identify } from '@libp2p/identify' with { 'resolution-mode': 'import' };
import type { KadDHT } from '@libp2p/kad-dht' with { 'resolution-mode': 'import' };
import type { Ping } from '@libp2p/ping' with { 'resolution-mode': 'import' };
import type { PeerId, PrivateKey } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { NodeConfig } from '../config/config.schema';
import { LocalSigner, SignatureVerifier } from './crypto';
import { DirectChannel, type DirectChannelInit } from './direct';
import { ReplayCache } from './envelope';
import { esm, loadEsm } from './esm';
import { HostError, describe } from './errors';
import { GossipRouter, messageId } from './gossip';
import { loadOrCreateIdentity } from './identity';
import type { Logger } from '../shared/logging';
import { RejectionLog, libp2pLogger } from './rejection-log';
import { RELAY_START_ATTEMPTS, startRetryingRelays } from './start-retry';
import { PeerManager } from './peer-manager';
import { Penalties } from './penalties';
import { PeerRateLimiter } from './rate-limit';
import { ResetMeter } from './resets';
import { DialBackoff } from './dial-backoff';
import { effectiveDefence, type DefenceConfig } from '../config/p2p-defence';
import { chargeGossipJunk } from './gossip-junk';
import { Colocation } from './scoring/colocation';
import { AddressWatch } from './address-watch';
import { AcceptGate, serverBlockListSupported } from './accept-gate';
import { InboundQueue } from './inbound-queue';
import { canonicalIp } from './addresses';
import { LivenessProber } from './liveness';
import { installEmptyAwareLengthPrefix } from './length-prefix';
import { sodiumNoiseCrypto } from './noise-crypto';
import { batchSocketWrites, installLazyWindowUpdates } from './wire-batching';
import { GOSSIP_SCORE_THRESHOLDS, gossipScoreParams } from './scoring/gossip-params';
import { PeerScoreStore } from './scoring/peer-score';
import { GOSSIP_TOPIC_TYPES, dhtProtocolId, stringifyTopic } from './topics';
import { natParts, natStatus, reservationHolders, type NatStatus } from './nat';
import { RelayKeeper, reservationStoreOf, reserveOn } from './relay-keeper';
import { RelayReservationPolicy } from './relay-policy';
import { remoteIp } from './addresses';

export type HostServices = {
  identify: Identify;
  ping: Ping;
  dht: KadDHT;
  pubsub: GossipSub;
};

export type CairnLibp2p = Libp2p<HostServices>;

export interface HostOptions {
  config: NodeConfig;
  log: Logger;
  /** Skips the key file; for tests and simulations that start many throwaway nodes. */
  privateKey?: PrivateKey;
  /** Peers vouched for outside the p2p layer (e.g. staked on chain): never on colocation probation. */
  trusted?: (peerId: string) => boolean;
}

export class P2pHost {
  readonly config: NodeConfig;
  readonly log: Logger;
  readonly scores = new PeerScoreStore();
  readonly rejections: RejectionLog;
  readonly penalties: Penalties;
  readonly peers: PeerManager;
  readonly verifier = new SignatureVerifier();
  readonly replay: ReplayCache;
  readonly limiter: PeerRateLimiter;
  readonly resets: ResetMeter;
  readonly backoff: DialBackoff;
  readonly colocation: Colocation;
  /** Per-address admission of inbound TCP connections: at accept, then in turn (inbound-queue.ts). */
  readonly acceptGate: AcceptGate;
  readonly inbound: InboundQueue;
  /** The limits in force (config, with simulation relaxations applied). */
  readonly defence: DefenceConfig;
  private node?: CairnLibp2p;
  private localSigner?: LocalSigner;
  private router?: GossipRouter;
  private readonly channels: DirectChannel[] = [];
  private pruneTimer?: NodeJS.Timeout;
  private addrs?: string[];
  private liveness?: LivenessProber;
  /** Takes configured relay reservations again once lost (relay-keeper.ts); absent without any. */
  relayKeeper?: RelayKeeper;
  /** On a node that serves as a relay: who may reserve (src/p2p/relay-policy.ts). */
  relayPolicy?: RelayReservationPolicy;

  constructor(private readonly opts: HostOptions) {
    this.config = opts.config;
    this.log = opts.log.child({ module: 'p2p' });
    this.rejections = new RejectionLog(this.log);
    this.penalties = new Penalties(this.scores, this.rejections);
    const defence = effectiveDefence(opts.config.p2p.defence, opts.config.p2p.simulation);
    this.defence = defence;
    // Addresses are compared in canonical text (addresses.ts), the whitelist too.
    const whitelist = new Set(defence.colocation.whitelist.map(canonicalIp));
    this.colocation = new Colocation(
      {
        threshold: defence.colocation.threshold,
        weight: defence.colocation.weight,
        provenAfterMs: defence.colocation.provenAfterMs,
        whitelist,
        trusted: opts.trusted,
      },
      this.scores,
    );
    this.resets = new ResetMeter(defence.streams.resetsPerMinute);
    this.backoff = new DialBackoff(defence.dialBackoff.firstMs, defence.dialBackoff.maxMs);
    this.peers = new PeerManager(
      this.scores,
      this.colocation,
      new AddressWatch({ ...defence.addressThrottle, whitelist }),
      {
        bans: defence.bans,
        heartbeatMs: opts.config.p2p.simulationCosts.housekeepingMs ?? opts.config.p2p.heartbeatMs,
        graylistThreshold: GOSSIP_SCORE_THRESHOLDS.graylistThreshold,
      },
      this.log,
    );
    this.inbound = new InboundQueue({
      perIpPerSecond: defence.connections.inboundPerIpPerSecond,
      waitingPerIp: defence.connections.waitingPerIp,
      upgradingPerIp: defence.connections.upgradingPerIp,
      admit: (ip) => this.peers.addresses.admit(ip),
    });
    this.acceptGate = new AcceptGate(this.inbound);
    this.replay = new ReplayCache(opts.config.p2p.freshnessWindowMs * 2);
    this.limiter = new PeerRateLimiter(opts.config.p2p.directRatePerSecond, opts.config.p2p.directBurst);
  }

  /** Liveness probes sent and connections closed for not answering. */
  get livenessStats(): { probes: number; closed: number } {
    return this.liveness?.stats ?? { probes: 0, closed: 0 };
  }

  get started(): boolean {
    return this.node !== undefined;
  }

  get libp2p(): CairnLibp2p {
    if (!this.node) throw new HostError('NOT_STARTED', 'host not started');
    return this.node;
  }

  get signer(): LocalSigner {
    if (!this.localSigner) throw new HostError('NOT_STARTED', 'host not started');
    return this.localSigner;
  }

  get gossip(): GossipRouter {
    if (!this.router) throw new HostError('NOT_STARTED', 'host not started');
    return this.router;
  }

  get peerId(): string {
    return this.signer.peerId;
  }

  /**
   * Our listen addresses as text. Cached until libp2p says they changed: a poster puts them in
   * every announcement, and rebuilding them (a server.address() call and multiaddr encoding per
   * listener) cost ~35 µs per job on the throughput bench.
   */
  multiaddrs(): readonly string[] {
    this.addrs ??= this.libp2p.getMultiaddrs().map((a) => a.toString());
    return this.addrs;
  }

  /** Relay reservations, port mappings and confirmed public addresses (src/p2p/nat.ts). */
  natStatus(): NatStatus {
    return natStatus(this.libp2p, (a) => esm().utils.isPrivate(a));
  }

  /** Resolves once an unlimited (direct) connection to `peer` is open, or after `ms`; true if one is. */
  async awaitDirect(peer: PeerId, ms: number): Promise<boolean> {
    const node = this.libp2p;
    const direct = (): boolean => node.getConnections(peer).some((c) => c.status === 'open' && c.limits === undefined);
    if (direct()) return true;
    return new Promise<boolean>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        node.removeEventListener('connection:open', onOpen);
        resolve(direct());
      };
      const onOpen = (evt: CustomEvent<{ remotePeer: PeerId; limits?: unknown }>): void => {
        if (evt.detail.remotePeer.equals(peer) && evt.detail.limits === undefined) done();
      };
      const timer = setTimeout(done, ms);
      node.addEventListener('connection:open', onOpen);
    });
  }

  async start(): Promise<void> {
    if (this.node) return;
    const m = await loadEsm();
    const { config } = this;
    const p2p = config.p2p;
    let privateKey = this.opts.privateKey;
    if (!privateKey) {
      const identity = await loadOrCreateIdentity(p2p.keyFile as string);
      privateKey = identity.privateKey;
      this.log.info({ keyFile: p2p.keyFile, created: identity.created }, 'identity loaded');
    }
    if (privateKey.type !== 'Ed25519')
      throw new HostError('KEY_FILE_INVALID', 'the node identity must be Ed25519');
    this.localSigner = new LocalSigner(privateKey.raw);
    installLazyWindowUpdates(m.yamuxStream);
    installEmptyAwareLengthPrefix(m.utils);

    const addrs = [...p2p.listen, ...p2p.bootstrap];
    const transports = [];
    if (addrs.some((a) => !a.startsWith('/memory/'))) {
      if (!serverBlockListSupported())
        throw new HostError(
          'UNSUPPORTED_RUNTIME',
          `Node ${process.version} ignores a TCP server's blockList, which carries the per-address connection limits; run Node 22.13 or later`,
        );
      // Passed to net.createServer whole, like dialOpts to net.connect. The gate refuses a
      // connection over the per-address limits before Node builds a Socket for it.
      const listenOpts = { noDelay: true, blockList: this.acceptGate };
      // Nagle's algorithm holds small frames back for up to 40 ms waiting for an ACK; every
      // message here is small and latency-sensitive.
      transports.push(
        m.tcp.tcp({
          // Passed to net.connect whole (TCPSocketOptions types only a subset, localAddress works).
          dialOpts: { noDelay: true, ...(p2p.dialFrom ? { localAddress: p2p.dialFrom } : {}) },
          listenOpts,
          inboundSocketInactivityTimeout: this.defence.connections.socketInactivityMs,
          outboundSocketInactivityTimeout: this.defence.connections.socketInactivityMs,
        }),
      );
    }
    if (addrs.some((a) => a.startsWith('/memory/'))) transports.push(m.memory.memory());
    const nat = natParts(m, p2p.nat);
    transports.push(...nat.transports);
    if (p2p.nat.relay.server.enabled) {
      this.relayPolicy = new RelayReservationPolicy({
        maxPerIp: p2p.nat.relay.server.maxReservationsPerIp,
        scores: this.scores,
        refused: (id) => this.peers.isRefused(id),
        holders: () => (this.node ? reservationHolders(this.node) : []),
        ipOf: (id) => {
          const conn = this.node?.getConnections(this.peerIdOf(id)).find((c) => !c.remoteAddr.toString().includes('/p2p-circuit'));
          return conn ? remoteIp(conn.remoteAddr) : undefined;
        },
      });
    }
    const policy = this.relayPolicy;

    const logger = libp2pLogger();
    const topics = GOSSIP_TOPIC_TYPES.map((type) => stringifyTopic({ type, network: config.network }));
    this.node = await m.libp2p.createLibp2p({
      // Started below, where a failed start can be retried on the same node.
      start: false,
      privateKey,
      ...(logger ? { logger } : {}),
      addresses: {
        listen: [...p2p.listen, ...nat.listen],
        ...(nat.announceFilter ? { announceFilter: nat.announceFilter } : {}),
      },
      transports,
      // Plaintext only in a simulation (parseConfig refuses it otherwise; p2p-simulation.ts says why).
      connectionEncrypters: [
        p2p.simulationCosts.plaintext
          ? m.plaintext.plaintext()
          : m.noise.noise({ crypto: sodiumNoiseCrypto(m.noiseCrypto.defaultCrypto) }),
      ],
      streamMuxers: [m.yamux.yamux({ enableKeepAlive: p2p.simulationCosts.muxerKeepAlive })],
      connectionGater: {
        ...this.peers.gater,
        // A TCP connection waits here (under the upgrade timeout) for its address's turn.
        denyInboundConnection: (maConn) => this.inbound.turn(socketOf(maConn)),
        denyInboundUpgradedConnection: (peer, maConn) => {
          this.inbound.upgraded(socketOf(maConn));
          return this.peers.gater.denyInboundUpgradedConnection?.(peer, maConn) ?? false;
        },
        ...(policy ? { denyInboundRelayReservation: (peer: PeerId) => policy.deny(peer.toString()) } : {}),
        // A banned peer is not relayed to anyone, nor anyone to it.
        denyOutboundRelayedConnection: (src: PeerId, dst: PeerId) =>
          this.peers.isRefused(src.toString()) || this.peers.isRefused(dst.toString()),
      },
      // Replaced by LivenessProber, which spreads the probes instead of sending them in one burst.
      connectionMonitor: { enabled: false },
      connectionManager: {
        maxConnections: p2p.maxConnections,
        // A socket that never finishes Noise holds a pending slot for this long at most.
        inboundUpgradeTimeout: this.defence.connections.upgradeTimeoutMs,
        maxIncomingPendingConnections: this.defence.connections.maxPendingInbound,
        // Enforced by the inbound queue, which holds connections over the rate until their turn;
        // libp2p's own count, taken at arrival, would refuse the ones the queue holds.
        inboundConnectionThreshold: Number.MAX_SAFE_INTEGER,
        // libp2p redials keep-alive peers (our bootstrap peers) that drop: with backoff, not in a loop.
        reconnectRetries: 5,
        reconnectRetryInterval: this.defence.dialBackoff.firstMs,
        reconnectBackoffFactor: 2,
      },
      services: {
        ...(nat.services as Record<string, never>),
        identify: m.identify.identify(),
        ping: m.ping.ping(),
        dht: m.kadDht.kadDHT({
          protocol: dhtProtocolId(config.network),
          kBucketSize: p2p.dhtBucketSize,
          alpha: p2p.dhtAlpha,
          // LAN/loopback: the default mapper drops private addresses from DHT records, which
          // would leave loopback providers undialable; and no public address will ever be
          // confirmed, so serve the DHT from the start.
          ...(p2p.lan ? { peerInfoMapper: m.kadDht.passthroughMapper, clientMode: false } : {}),
        }),
        pubsub: m.gossipsub.gossipsub({
          globalSignaturePolicy: m.gossipsub.StrictNoSign,
          msgIdFn: messageId,
          // A poster with no peers yet still announces; the job gets no bids and says why.
          allowPublishToZeroTopicPeers: true,
          // Send our own announcements to every topic peer above publishThreshold, not only the
          // mesh: first bids come from all directly connected workers at once.
          floodPublish: true,
          doPX: false,
          fallbackToFloodsub: false,
          heartbeatInterval: p2p.heartbeatMs,
          scoreParams: gossipScoreParams({
            network: config.network,
            appScore: (id) => this.scores.score(id) + this.colocation.penalty(id),
          }),
          scoreThresholds: GOSSIP_SCORE_THRESHOLDS,
          allowedTopics: topics,
          // An RPC frame may batch many messages and control entries; 16 messages' worth, at
          // most 64 KiB. A single message is capped at maxMessageBytes by our validator, which
          // logs and penalises; only grossly larger frames are cut here.
          maxInboundDataLength: Math.min(64 * 1024, 16 * p2p.maxMessageBytes),
          decodeRpcLimits: {
            maxSubscriptions: topics.length * 2,
            maxMessages: 256,
            maxIhaveMessageIDs: 5000,
            maxIwantMessageIDs: 5000,
            maxIdontwantMessageIDs: 512,
            maxControlMessages: 256,
            maxPeerInfos: 16,
          },
        }),
      },
    });
    await startRetryingRelays(this.node, p2p.nat.relay.client.enabled ? RELAY_START_ATTEMPTS : 1, this.log);

    chargeGossipJunk(this.node.services.pubsub, {
      allowedTopics: new Set(topics),
      penalties: this.penalties,
      resets: this.resets,
    });
    this.node.addEventListener('connection:open', (evt) => batchSocketWrites(evt.detail));
    this.node.addEventListener('self:peer:update', () => (this.addrs = undefined));
    this.router = new GossipRouter({
      pubsub: this.node.services.pubsub,
      network: config.network,
      maxMessageBytes: p2p.maxMessageBytes,
      freshnessMs: p2p.freshnessWindowMs,
      replay: this.replay,
      verifier: this.verifier,
      penalties: this.penalties,
      onValidMessage: (id) => this.colocation.deliveredValid(id),
      log: this.log.child({ module: 'gossip' }),
    });
    const router = this.router;
    this.peers.start(this.node, (id) => router.score(id));
    this.liveness = new LivenessProber(
      // Ticks 30 times per interval (each tick walks every connection): once a second at the
      // default 30 s, probes still land within a tick of their phase at longer intervals.
      { intervalMs: p2p.livenessPingMs, tickMs: Math.min(10_000, Math.max(1000, p2p.livenessPingMs / 30)), timeoutMs: 10_000 },
      this.log.child({ module: 'liveness' }),
    );
    this.liveness.start(this.node);
    this.startRelayKeeper(this.node);
    for (const channel of this.channels) await channel.start();
    this.pruneTimer = setInterval(() => {
      this.replay.prune(Date.now());
      this.limiter.sweep();
      this.resets.sweep();
      this.backoff.sweep();
      this.inbound.sweep();
    }, 5_000);
    this.pruneTimer.unref();
    this.log.info({ peerId: this.peerId, addrs: this.multiaddrs() }, 'p2p host started');
    void this.dialBootstrap();
  }

  async stop(): Promise<void> {
    const node = this.node;
    if (!node) return;
    clearInterval(this.pruneTimer);
    this.liveness?.stop();
    this.relayKeeper?.stop();
    for (const channel of this.channels) await channel.stop();
    this.peers.stop();
    this.inbound.stop();
    await node.stop();
    this.node = undefined;
    this.addrs = undefined;
    this.router = undefined;
    this.log.info({ peerId: this.localSigner?.peerId }, 'p2p host stopped');
  }

  /** NestJS shutdown hook (enableShutdownHooks turns SIGINT/SIGTERM into this). */
  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** A direct protocol; started with the host (or at once if the host already runs). */
  async channel(init: DirectChannelInit): Promise<DirectChannel> {
    const channel = new DirectChannel(init, {
      libp2p: () => this.libp2p,
      maxMessageBytes: this.config.p2p.maxMessageBytes,
      freshnessMs: this.config.p2p.freshnessWindowMs,
      maxInboundStreams: this.config.p2p.maxInboundStreams,
      replay: this.replay,
      verifier: this.verifier,
      limiter: this.limiter,
      penalties: this.penalties,
      enforce: (peerId, reason) => this.peers.enforce(peerId, reason),
      onValidMessage: (id) => this.colocation.deliveredValid(id),
      limits: this.defence.streams,
      resets: this.resets,
      backoff: this.backoff,
      log: this.log.child({ module: 'direct' }),
    });
    this.channels.push(channel);
    if (this.node) await channel.start();
    return channel;
  }

  /** Dials an address; a peer named in it (/p2p/...) that failed recently is not redialled until its backoff ends. */
  async dial(addr: string): Promise<void> {
    const ma = esm().multiaddr.multiaddr(addr);
    const peer = ma.getComponents().find((c) => c.name === 'p2p')?.value;
    const dial = () => this.libp2p.dial(ma, { signal: AbortSignal.timeout(10_000) });
    await (peer ? this.backoff.run(peer, dial) : dial());
  }

  peerIdOf(text: string): PeerId {
    return esm().peerId.peerIdFromString(text);
  }

  private startRelayKeeper(node: CairnLibp2p): void {
    const client = this.config.p2p.nat.relay.client;
    if (!client.enabled || client.relays.length === 0) return;
    const { multiaddr } = esm().multiaddr;
    const relays = client.relays.map((text) => {
      const addr = multiaddr(text);
      // The config schema requires each relay address to end in its peer id.
      const id = addr.getComponents().find((c) => c.name === 'p2p')?.value as string;
      return { addr, peerId: this.peerIdOf(id) };
    });
    const libp2p = node as unknown as Libp2p;
    const store = reservationStoreOf(libp2p);
    this.relayKeeper = new RelayKeeper(
      {
        relays,
        addresses: () => node.getMultiaddrs().map((a) => a.toString()),
        reserve: (relay) => reserveOn(libp2p, store, relay),
      },
      { checkMs: client.recheckMs, maxBackoffMs: 300_000 },
      this.log.child({ module: 'relay-keeper' }),
    );
    this.relayKeeper.start();
  }

  /** Dials each bootstrap peer, retrying with backoff; libp2p keeps them connected afterwards. */
  private async dialBootstrap(): Promise<void> {
    const { multiaddr } = esm().multiaddr;
    await Promise.all(
      this.config.p2p.bootstrap.map(async (addr) => {
        const ma = multiaddr(addr);
        const peer = ma.getComponents().find((c) => c.name === 'p2p')?.value;
        for (let attempt = 0; attempt < 5 && this.node; attempt++) {
          try {
            if (peer) {
              const id = this.peerIdOf(peer);
              await this.node.peerStore.merge(id, { multiaddrs: [ma], tags: { 'keep-alive': { value: 1 } } });
            }
            await this.node.dial(ma, { signal: AbortSignal.timeout(10_000) });
            return;
          } catch (err) {
            this.log.warn({ addr, attempt, err: describe(err) }, 'bootstrap dial failed');
            await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
          }
        }
      }),
    );
  }
}

/** The TCP socket under a multiaddr connection (@libp2p/tcp keeps it as `socket`), if any. */
function socketOf(maConn: unknown): Socket | undefined {
  const socket = (maConn as { socket?: unknown }).socket;
  return socket instanceof NetSocket ? socket : undefined;
}
