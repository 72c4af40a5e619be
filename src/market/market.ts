/**
 * The market on one node: the job_announcement topic, the bid protocol, and the poster and
 * (when configured) worker roles on top of them. Workers (and relays) subscribe to the topic;
 * a node that only posts publishes to it without joining its mesh. One bid protocol carries both directions: BID
 * frames go to the poster role, OUTCOME and BID_REJECTED frames to the worker role.
 */
import { createHash } from 'node:crypto';
import type { AdvertBook } from '../discovery/advert-book';
import type { Capabilities } from '../discovery/capabilities';
import type { DirectChannel, DirectFrame } from '../p2p/direct';
import { type AdmittedEnvelope, Kind } from '../p2p/envelope';
import { reject } from '../p2p/errors';
import type { P2pHost } from '../p2p/host';
import { protocolId } from '../p2p/topics';
import { Poster } from './poster';
import { RegistryStakeVerifier, type ReputationSource, type StakeRegistry } from './stake';
import type { ChooseStrategy } from './strategy';
import type { Announcement } from './types';
import { Worker } from './worker';
import { decodeAnnouncement } from './wire';

export interface MarketOptions {
  book: AdvertBook;
  /** The StakingRegistry (on chain, or in memory in tests); bids are checked against it. */
  stake: StakeRegistry;
  reputation: ReputationSource;
  strategy: ChooseStrategy;
  /** Present when this node bids on jobs. */
  worker?: Capabilities;
  defaultBidWindowMs: number;
  defaultMaxBids: number;
  /** Subscribe to announcements without being a worker (see MarketConfigSchema). */
  relayAnnouncements?: boolean;
}

/** A job announcement's content and who signed it; throws MessageValidationError. */
export function checkAnnouncement(env: AdmittedEnvelope): Announcement {
  return {
    ...decodeAnnouncement(env.payload, Date.now()),
    poster: env.signerId,
    posterBytes: env.signer,
    digest: createHash('sha256').update(env.bytes).digest(),
  };
}

export class Market {
  readonly poster: Poster;
  readonly worker?: Worker;
  private channel?: DirectChannel;

  constructor(
    private readonly host: P2pHost,
    private readonly opts: MarketOptions,
  ) {
    this.poster = new Poster({
      host,
      book: opts.book,
      stake: new RegistryStakeVerifier(opts.stake),
      reputation: opts.reputation,
      strategy: opts.strategy,
      defaultBidWindowMs: opts.defaultBidWindowMs,
      defaultMaxBids: opts.defaultMaxBids,
      log: host.log.child({ module: 'poster' }),
    });
    if (opts.worker) {
      this.worker = new Worker(host, () => this.bidChannel, opts.worker);
    }
  }

  /** How this node's poster ranks bids (a caller may refine it for one announcement). */
  get strategy(): ChooseStrategy {
    return this.opts.strategy;
  }

  private get bidChannel(): DirectChannel {
    if (!this.channel) throw new Error('market not started');
    return this.channel;
  }

  async start(): Promise<void> {
    this.channel = await this.host.channel({
      protocol: protocolId(this.host.config.network, 'bid'),
      kinds: new Set([Kind.KIND_BID, Kind.KIND_OUTCOME, Kind.KIND_BID_REJECTED]),
      onFrame: (frame) => this.onFrame(frame),
    });
    // Only nodes that use announcements join their mesh; a poster publishes to its subscribers.
    if (!this.worker && !this.opts.relayAnnouncements) return;
    this.host.gossip.register('job_announcement', {
      check: (env) => checkAnnouncement(env),
      deliver: (checked) => this.worker?.onAnnouncement(checked as Announcement),
    });
  }

  /**
   * An announcement that came another way than gossip (a worker asked its poster for it), after
   * the same checks; the caller has authenticated the envelope.
   */
  deliverAnnouncement(a: Announcement): void {
    this.worker?.onAnnouncement(a);
  }

  async stop(): Promise<void> {
    await this.poster.closeAll();
  }

  private onFrame(frame: DirectFrame): void {
    if (frame.env.kind === Kind.KIND_BID) return this.poster.onBid(frame);
    if (!this.worker) throw reject('UNSOLICITED', 'outcome sent to a node that is not a worker');
    this.worker.onFrame(frame);
  }
}
