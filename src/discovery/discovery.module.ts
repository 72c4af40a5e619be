/** NestJS wiring of worker adverts and DHT capability records. */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { NODE_CONFIG } from '../config/config.module';
import type { NodeConfig } from '../config/config.schema';
import { capabilitiesFromConfig } from '../market/cairn-node';
import { describe } from '../p2p/errors';
import { P2pHost } from '../p2p/host';
import { P2pModule } from '../p2p/p2p.module';
import { AdvertBook } from './advert-book';
import { AdvertService } from './adverts';
import { CapabilityIndex } from './capability-index';

export class DiscoveryModule {
  static forRoot(): DynamicModule {
    return {
      module: DiscoveryModule,
      imports: [P2pModule.forRoot()],
      providers: [
        { provide: AdvertBook, useFactory: () => new AdvertBook() },
        {
          provide: AdvertService,
          useFactory: async (host: P2pHost, book: AdvertBook, config: NodeConfig) => {
            const adverts = new AdvertService(host, book, {
              caps: capabilitiesFromConfig(config),
              intervalMs: config.market.worker?.advertIntervalMs ?? 30_000,
            });
            await adverts.start();
            return adverts;
          },
          inject: [P2pHost, AdvertBook, NODE_CONFIG],
        },
        {
          provide: CapabilityIndex,
          useFactory: (host: P2pHost, adverts: AdvertService) => {
            const index = new CapabilityIndex(host, adverts);
            const caps = adverts.caps;
            // In the background: a provide walks the DHT, and a node that just started may not
            // have peers yet (kad-dht re-provides on its own schedule afterwards).
            if (caps)
              void index
                .provide(caps)
                .catch((err: unknown) => host.log.warn({ err: describe(err) }, 'provide failed'));
            return index;
          },
          inject: [P2pHost, AdvertService],
        },
      ],
      exports: [AdvertBook, AdvertService, CapabilityIndex, P2pModule],
    };
  }
}
