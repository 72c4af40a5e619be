/** NestJS wiring of worker adverts, advert book sync and DHT capability records. */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { NODE_CONFIG } from '../config/config.module';
import type { NodeConfig } from '../config/config.schema';
import { type Capabilities, capabilitiesFromConfig } from './capabilities';
import { P2pHost } from '../p2p/host';
import { startedBy } from '../shared/started';
import { P2P_OPTIONS, P2pModule, type P2pOptions } from '../p2p/p2p.module';
import { join } from 'node:path';
import { AdvertBook } from './advert-book';
import { AdvertService } from './adverts';
import { AdvertSync } from './advert-sync';
import { CapabilityIndex } from './capability-index';

/** What the node's assembly may set besides configuration. */
export interface DiscoveryOptions {
  /** The worker's capabilities, instead of config.market.worker's (simulations build them directly). */
  worker?: Capabilities;
  /** Publish DHT provider records for the worker's capabilities on start (default true). */
  provide?: boolean;
  /** Publish the advert on gossip at start and periodically (default true); queries are answered either way. */
  advertise?: boolean;
}

/** Injection token for DiscoveryOptions (optional). */
export const DISCOVERY_OPTIONS = Symbol('DISCOVERY_OPTIONS');

/** The worker's capabilities: the assembly's, else the configuration's; none for a poster. */
export function workerCapabilities(config: NodeConfig, opts?: DiscoveryOptions): Capabilities | undefined {
  return opts?.worker ?? capabilitiesFromConfig(config);
}

export class DiscoveryModule {
  static forRoot(): DynamicModule {
    return P2pModule.feature(
      DiscoveryModule,
      [
        { provide: AdvertBook, useFactory: () => new AdvertBook() },
        {
          provide: AdvertService,
          useFactory: startedBy(
            (
              host: P2pHost,
              book: AdvertBook,
              config: NodeConfig,
              opts?: DiscoveryOptions,
              p2p?: P2pOptions,
            ) =>
              new AdvertService(host, book, {
                caps: workerCapabilities(config, opts),
                epsilon: config.discovery.advertEpsilon,
                // A throwaway identity (tests, simulations) gets throwaway noise; a node with its
                // own key file keeps its draw in its data directory.
                noiseFile: p2p?.privateKey ? undefined : join(config.dataDir, 'advert-noise.json'),
                gossip: opts?.advertise !== false,
                intervalMs: config.market.worker?.advertIntervalMs ?? 30_000,
              }),
          ),
          inject: [
            P2pHost,
            AdvertBook,
            NODE_CONFIG,
            { token: DISCOVERY_OPTIONS, optional: true },
            { token: P2P_OPTIONS, optional: true },
          ],
        },
        {
          provide: AdvertSync,
          useFactory: startedBy(
            (host: P2pHost, book: AdvertBook, config: NodeConfig) =>
              new AdvertSync(host, book, config.discovery.sync),
          ),
          inject: [P2pHost, AdvertBook, NODE_CONFIG],
        },
        {
          provide: CapabilityIndex,
          useFactory: (host: P2pHost, adverts: AdvertService, opts?: DiscoveryOptions) => {
            const index = new CapabilityIndex(host, adverts);
            // In the background: a provide walks the DHT, and a node that just started may not
            // have peers yet (kad-dht re-provides on its own schedule afterwards).
            if (adverts.caps && opts?.provide !== false) void index.provideInBackground();
            return index;
          },
          inject: [P2pHost, AdvertService, { token: DISCOVERY_OPTIONS, optional: true }],
        },
      ],
      [AdvertBook, AdvertService, AdvertSync, CapabilityIndex, P2pModule],
    );
  }
}
