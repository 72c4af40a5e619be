/**
 * NestJS wiring of the market. The stake and reputation sources are injection tokens: the
 * in-memory implementations stand in until the settlement work provides starknet.js ones
 * (`MarketModule.forRoot({ stake, reputation })`).
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { NODE_CONFIG } from '../config/config.module';
import type { NodeConfig } from '../config/config.schema';
import { AdvertBook } from '../discovery/advert-book';
import { DiscoveryModule } from '../discovery/discovery.module';
import { P2pHost } from '../p2p/host';
import { capabilitiesFromConfig } from './cairn-node';
import { Market } from './market';
import {
  InMemoryReputation,
  InMemoryStakeRegistry,
  type ReputationSource,
  type StakeRegistry,
} from './stake';
import { STRATEGIES } from './strategy';

export const STAKE_REGISTRY = Symbol('STAKE_REGISTRY');
export const REPUTATION_SOURCE = Symbol('REPUTATION_SOURCE');

export interface MarketModuleOptions {
  /** The StakingRegistry's views; the settlement work passes its starknet.js client here. */
  stake?: StakeRegistry;
  reputation?: ReputationSource;
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
          ) => {
            const strategy = STRATEGIES[config.market.strategy];
            if (!strategy) throw new Error(`unknown strategy ${config.market.strategy}`);
            const market = new Market(host, {
              book,
              stake,
              reputation,
              strategy,
              worker: capabilitiesFromConfig(config),
              defaultBidWindowMs: config.market.defaultBidWindowMs,
              defaultMaxBids: config.market.defaultMaxBids,
              relayAnnouncements: config.market.relayAnnouncements,
            });
            await market.start();
            return market;
          },
          inject: [P2pHost, AdvertBook, NODE_CONFIG, STAKE_REGISTRY, REPUTATION_SOURCE],
        },
        {
          provide: MarketLifecycle,
          useFactory: (market: Market) => new MarketLifecycle(market),
          inject: [Market],
        },
      ],
      exports: [Market, STAKE_REGISTRY, REPUTATION_SOURCE],
    };
  }
}
