/**
 * NestJS wiring of the market: the poster role on every node, the worker role when the node has
 * capabilities. Bids are checked against the stake and reputation sources the assembly hands in
 * (the deployed StakingRegistry and Reputation, or the in-memory ones with nobody staked).
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { NODE_CONFIG } from '../config/config.module';
import type { NodeConfig } from '../config/config.schema';
import { AdvertBook } from '../discovery/advert-book';
import {
  DISCOVERY_OPTIONS,
  DiscoveryModule,
  type DiscoveryOptions,
  workerCapabilities,
} from '../discovery/discovery.module';
import { P2pHost } from '../p2p/host';
import { Market } from './market';
import {
  InMemoryReputation,
  InMemoryStakeRegistry,
  type ReputationSource,
  type StakeRegistry,
} from './stake';
import { STRATEGIES, type ChooseStrategy } from './strategy';

export const STAKE_REGISTRY = Symbol('STAKE_REGISTRY');
export const REPUTATION_SOURCE = Symbol('REPUTATION_SOURCE');

export interface MarketModuleOptions {
  /** The StakingRegistry's views (ChainStakeRegistry on a deployment); in memory, empty, if absent. */
  stake?: StakeRegistry;
  reputation?: ReputationSource;
  /** Overrides config.market.strategy (tests and benches pass their own). */
  strategy?: ChooseStrategy;
}

/** Tears the market down with the app: open bid windows are closed and their posters answered. */
class MarketLifecycle {
  constructor(readonly market: Market) {}
  async onApplicationShutdown(): Promise<void> {
    await this.market.stop();
  }
}

export class MarketModule {
  static forRoot(opts: MarketModuleOptions = {}): DynamicModule {
    return {
      module: MarketModule,
      imports: [DiscoveryModule.forRoot()],
      providers: [
        { provide: STAKE_REGISTRY, useValue: opts.stake ?? new InMemoryStakeRegistry(0n) },
        { provide: REPUTATION_SOURCE, useValue: opts.reputation ?? new InMemoryReputation() },
        {
          provide: Market,
          useFactory: async (
            host: P2pHost,
            book: AdvertBook,
            config: NodeConfig,
            stake: StakeRegistry,
            reputation: ReputationSource,
            discovery?: DiscoveryOptions,
          ) => {
            const strategy = opts.strategy ?? STRATEGIES[config.market.strategy];
            if (!strategy) throw new Error(`unknown strategy ${config.market.strategy}`);
            const market = new Market(host, {
              book,
              stake,
              reputation,
              strategy,
              worker: workerCapabilities(config, discovery),
              defaultBidWindowMs: config.market.defaultBidWindowMs,
              defaultMaxBids: config.market.defaultMaxBids,
              relayAnnouncements: config.market.relayAnnouncements,
            });
            await market.start();
            return market;
          },
          inject: [
            P2pHost,
            AdvertBook,
            NODE_CONFIG,
            STAKE_REGISTRY,
            REPUTATION_SOURCE,
            { token: DISCOVERY_OPTIONS, optional: true },
          ],
        },
        {
          provide: MarketLifecycle,
          useFactory: (market: Market) => new MarketLifecycle(market),
          inject: [Market],
        },
      ],
      exports: [Market, STAKE_REGISTRY, REPUTATION_SOURCE, DiscoveryModule],
    };
  }
}
