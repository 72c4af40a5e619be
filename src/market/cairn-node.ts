/**
 * One node's networking, assembled: the p2p host, worker adverts and the advert book, DHT
 * capability records, and the market, started in that order. Tests and benchmarks build nodes
 * through this; the NestJS modules (p2p, discovery, market) wire the same classes in the same
 * order, one module each, and test/p2p/node-app.test.ts runs that wiring end to end.
 */
import type { PrivateKey } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { NodeConfig } from '../config/config.schema';
import { AdvertBook } from '../discovery/advert-book';
import { AdvertService } from '../discovery/adverts';
import type { Capabilities } from '../discovery/capabilities';
import { CapabilityIndex } from '../discovery/capability-index';
import { describe } from '../p2p/errors';
import { P2pHost } from '../p2p/host';
import type { Logger } from '../p2p/logging';
import { Market } from './market';
import type { ReputationSource, StakeRegistry } from './stake';
import { STRATEGIES, type ChooseStrategy } from './strategy';

export interface CairnNodeOptions {
  config: NodeConfig;
  log: Logger;
  stake: StakeRegistry;
  reputation: ReputationSource;
  /** Overrides config.market.strategy. */
  strategy?: ChooseStrategy;
  /** Overrides config.market.worker (tests build capabilities directly). */
  worker?: Capabilities;
  privateKey?: PrivateKey;
  /** Publish DHT provider records for the worker's capabilities on start (default true). */
  provide?: boolean;
  /** Publish the advert on gossip at start and periodically (default true); queries are answered either way. */
  advertise?: boolean;
}

export function capabilitiesFromConfig(config: NodeConfig): Capabilities | undefined {
  const w = config.market.worker;
  if (!w) return undefined;
  return {
    workerAddress: w.address,
    cores: w.cores,
    memoryMb: w.memoryMb,
    wasmFeatures: w.wasmFeatures,
    fuelPerSecond: BigInt(w.fuelPerSecond),
    pricePerFuel: w.pricePerFuel,
  };
}

export class CairnNode {
  readonly host: P2pHost;
  readonly book = new AdvertBook();
  readonly adverts: AdvertService;
  readonly index: CapabilityIndex;
  readonly market: Market;
  readonly caps?: Capabilities;
  private providing?: Promise<number>;

  private constructor(private readonly opts: CairnNodeOptions) {
    const { config } = opts;
    this.caps = opts.worker ?? capabilitiesFromConfig(config);
    this.host = new P2pHost({ config, log: opts.log, privateKey: opts.privateKey });
    this.adverts = new AdvertService(this.host, this.book, {
      caps: this.caps,
      gossip: opts.advertise !== false,
      intervalMs: config.market.worker?.advertIntervalMs ?? 30_000,
    });
    this.index = new CapabilityIndex(this.host, this.adverts);
    const strategy = opts.strategy ?? STRATEGIES[config.market.strategy];
    if (!strategy) throw new Error(`unknown strategy ${config.market.strategy}`);
    this.market = new Market(this.host, {
      book: this.book,
      stake: opts.stake,
      reputation: opts.reputation,
      strategy,
      worker: this.caps,
      defaultBidWindowMs: config.market.defaultBidWindowMs,
      defaultMaxBids: config.market.defaultMaxBids,
      relayAnnouncements: config.market.relayAnnouncements,
    });
  }

  static async start(opts: CairnNodeOptions): Promise<CairnNode> {
    const node = new CairnNode(opts);
    await node.host.start();
    await node.adverts.start();
    await node.market.start();
    if (node.caps && opts.provide !== false) node.provideNow();
    return node;
  }

  /** (Re)publishes DHT provider records in the background; resolves to the number published. */
  provideNow(): Promise<number> {
    const caps = this.caps;
    if (!caps) return Promise.resolve(0);
    this.providing = this.index.provide(caps).catch((err: unknown) => {
      this.host.log.warn({ err: describe(err) }, 'capability provide failed');
      return 0;
    });
    return this.providing;
  }

  get peerId(): string {
    return this.host.peerId;
  }

  async stop(): Promise<void> {
    this.adverts.stop();
    await this.market.stop();
    await this.host.stop();
  }
}
