/**
 * Worker adverts: a worker publishes its capabilities on the worker_advert topic at start and
 * every intervalMs, and answers advert queries on a direct protocol, so a poster that found it in
 * the DHT gets its current capabilities at once instead of waiting for the next gossip round.
 * Every node keeps the adverts it hears in an AdvertBook (the no-bid explanation reads it).
 */
import type { PeerId } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { Multiaddr } from '@multiformats/multiaddr' with { 'resolution-mode': 'import' };
import type { DirectChannel, DirectFrame } from '../p2p/direct';
import { Kind, seal } from '../p2p/envelope';
import { describe, reject } from '../p2p/errors';
import type { P2pHost } from '../p2p/host';
import type { Logger } from '../shared/logging';
import { protocolId } from '../p2p/topics';
import { decodeAdvert, encodeAdvert } from './advert-codec';
import type { AdvertBook, KnownAdvert } from './advert-book';
import type { Capabilities } from './capabilities';
import { DEFAULT_EPSILON, publicCapabilities, type PublicCapabilities } from './advert-noise';
import { loadOrDrawNoise } from './noise-store';

export interface AdvertServiceOptions {
  /** Present when this node is a worker; it then answers advert queries. */
  caps?: Capabilities;
  /** Per-field privacy budget of the public advert (advert-noise.ts); DEFAULT_EPSILON when absent. */
  epsilon?: number;
  /** Where the noise draw is kept across restarts (noise-store.ts); drawn per start without one. */
  noiseFile?: string;
  /** Publish the advert on gossip at start and every intervalMs (default true for a worker). */
  gossip?: boolean;
  intervalMs: number;
  queryTimeoutMs?: number;
}

interface Waiter {
  resolve(a: KnownAdvert): void;
  reject(err: Error): void;
}

/** Queries in flight at once; more are refused rather than queued (a poster needs a handful). */
const MAX_PENDING_QUERIES = 256;

export class AdvertService {
  private channel?: DirectChannel;
  private sequence = BigInt(Date.now()) * 1000n;
  private timer?: NodeJS.Timeout;
  private readonly pending = new Map<string, Waiter[]>();
  private readonly log: Logger;
  /**
   * Noised once, and kept across restarts where the node has a noise file: every advert and
   * query answer repeats the same buckets, so listening longer teaches nothing more.
   */
  readonly publicCaps?: PublicCapabilities;

  constructor(
    private readonly host: P2pHost,
    readonly book: AdvertBook,
    private readonly opts: AdvertServiceOptions,
  ) {
    this.log = host.log.child({ module: 'adverts' });
    if (opts.caps) {
      const epsilon = opts.epsilon ?? DEFAULT_EPSILON;
      if (opts.noiseFile) {
        const noise = loadOrDrawNoise(opts.noiseFile, opts.caps, epsilon);
        if (noise.error)
          this.log.warn(
            { file: opts.noiseFile, err: noise.error },
            'advert noise file unusable; drawn again',
          );
        this.log.info({ source: noise.source, epsilon: noise.caps.epsilon }, 'advert noise');
        this.publicCaps = noise.caps;
      } else {
        this.publicCaps = publicCapabilities(opts.caps, epsilon);
      }
    }
  }

  /** The worker's exact capabilities: for its own bidding decisions, never for the wire. */
  get caps(): Capabilities | undefined {
    return this.opts.caps;
  }

  async start(): Promise<void> {
    this.host.gossip.register('worker_advert', {
      check: (env) => decodeAdvert(env.payload),
      deliver: (checked, env) => {
        const advert = checked as ReturnType<typeof decodeAdvert>;
        this.book.upsert(env.signerId, advert.caps, advert.sequence, Date.now(), env.bytes);
      },
    });
    this.channel = await this.host.channel({
      protocol: protocolId(this.host.config.network, 'advert'),
      kinds: new Set([Kind.KIND_ADVERT_QUERY, Kind.KIND_WORKER_ADVERT]),
      onFrame: (frame) => this.onFrame(frame),
    });
    if (this.opts.caps && this.opts.gossip !== false) {
      await this.publish();
      this.scheduleRepublish();
    }
  }

  /**
   * Each re-publish comes after the interval ±20%, drawn afresh: workers started together (a
   * restart, a data centre coming back) would otherwise advertise in lockstep forever, and every
   * node would validate all their adverts in the same instant, every interval.
   */
  private scheduleRepublish(): void {
    const delay = this.opts.intervalMs * (0.8 + 0.4 * Math.random());
    this.timer = setTimeout(() => {
      void this.publish().finally(() => {
        if (this.timer) this.scheduleRepublish();
      });
    }, delay);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiters of this.pending.values()) for (const w of waiters) w.reject(new Error('stopped'));
    this.pending.clear();
  }

  /** NestJS shutdown hook: no advert is published into a stopped host. */
  onApplicationShutdown(): void {
    this.stop();
  }

  /** A freshly signed advert (timestamps must be inside the receiver's freshness window). */
  advertEnvelope(): Uint8Array {
    const caps = this.publicCaps;
    if (!caps) throw new Error('not a worker');
    this.sequence++;
    return seal(this.host.signer, Kind.KIND_WORKER_ADVERT, encodeAdvert({ caps, sequence: this.sequence }));
  }

  async publish(): Promise<number> {
    try {
      return await this.host.gossip.publish('worker_advert', this.advertEnvelope());
    } catch (err) {
      this.log.warn({ err: describe(err) }, 'advert publish failed');
      return 0;
    }
  }

  /** Asks a worker for its current advert over the direct protocol. */
  query(peer: PeerId, addrs: Multiaddr[] = []): Promise<KnownAdvert> {
    const channel = this.channel;
    if (!channel) return Promise.reject(new Error('advert service not started'));
    if (this.pending.size >= MAX_PENDING_QUERIES)
      return Promise.reject(new Error('too many advert queries in flight'));
    const id = peer.toString();
    return new Promise<KnownAdvert>((resolve, rejectFn) => {
      const timer = setTimeout(
        () => settle(undefined, new Error(`advert query to ${id} timed out`)),
        this.opts.queryTimeoutMs ?? 5000,
      );
      const waiter: Waiter = {
        resolve: (a) => settle(a),
        reject: (e) => settle(undefined, e),
      };
      const settle = (a?: KnownAdvert, err?: Error): void => {
        clearTimeout(timer);
        const list = this.pending.get(id);
        if (list) {
          const i = list.indexOf(waiter);
          if (i >= 0) list.splice(i, 1);
          if (list.length === 0) this.pending.delete(id);
        }
        if (a) resolve(a);
        else rejectFn(err);
      };
      const list = this.pending.get(id) ?? [];
      list.push(waiter);
      this.pending.set(id, list);
      channel
        .send(peer, seal(this.host.signer, Kind.KIND_ADVERT_QUERY, new Uint8Array(0)), addrs)
        .catch((err: unknown) => {
          settle(undefined, new Error(`advert query to ${id} failed: ${describe(err)}`));
        });
    });
  }

  private onFrame(frame: DirectFrame): void {
    const env = frame.env.authenticate();
    if (env.kind === Kind.KIND_ADVERT_QUERY) {
      if (this.opts.caps) frame.reply(this.advertEnvelope());
      return;
    }
    const waiters = this.pending.get(frame.peerId);
    if (!waiters) throw reject('UNSOLICITED', 'advert nobody asked for');
    const advert = decodeAdvert(env.payload);
    this.book.upsert(frame.peerId, advert.caps, advert.sequence, Date.now(), env.bytes);
    const known = this.book.get(frame.peerId) ?? {
      peerId: frame.peerId,
      ...advert,
      receivedAtMs: Date.now(),
      version: 0n,
    };
    for (const w of [...waiters]) w.resolve(known);
  }
}
