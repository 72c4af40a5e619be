/**
 * NestJS wiring of the p2p host (see config.module.ts for why modules here are dynamic modules
 * without decorators). The host is started by its factory, so everything that injects it gets a
 * running peer, and stopped by Nest's shutdown hook.
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { NODE_CONFIG } from '../config/config.module';
import type { NodeConfig } from '../config/config.schema';
import { P2pHost } from './host';
import { LOGGER, type Logger } from './logging';

export class P2pModule {
  static forRoot(): DynamicModule {
    return {
      module: P2pModule,
      providers: [
        {
          provide: P2pHost,
          useFactory: async (config: NodeConfig, log: Logger) => {
            const host = new P2pHost({ config, log });
            await host.start();
            return host;
          },
          inject: [NODE_CONFIG, LOGGER],
        },
      ],
      exports: [P2pHost],
    };
  }
}
