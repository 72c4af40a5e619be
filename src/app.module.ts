/**
 * The node's root module: configuration, logging, the p2p host, discovery and the market.
 * Dynamic modules without decorators, because NestJS 12 is ESM-only and this project is CommonJS
 * (see src/config/config.module.ts).
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { ConfigModule, NODE_CONFIG } from './config/config.module';
import type { NodeConfig, NodeConfigInput } from './config/config.schema';
import { MarketModule, type MarketModuleOptions } from './market/market.module';
import { LOGGER, createLogger } from './p2p/logging';

export interface AppModuleOptions extends MarketModuleOptions {
  /** Validated like the environment would be; the environment is read when absent. */
  config?: NodeConfigInput;
}

export class AppModule {
  static forRoot(opts: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(opts.config), MarketModule.forRoot(opts)],
      providers: [
        {
          provide: LOGGER,
          useFactory: (config: NodeConfig) => createLogger(config.logLevel, 'cairn-node'),
          inject: [NODE_CONFIG],
        },
      ],
      exports: [LOGGER],
      global: true,
    };
  }
}
