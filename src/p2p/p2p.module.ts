/**
 * NestJS wiring of the p2p host (see config.module.ts for why modules here are dynamic modules
 * without decorators). The host is started by its factory, so everything that injects it gets a
 * running peer, and stopped by Nest's shutdown hook.
 */
import type { DynamicModule, Provider } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { PrivateKey } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import { NODE_CONFIG } from '../config/config.module';
import type { NodeConfig } from '../config/config.schema';
import { P2pHost } from './host';
import { startedBy } from '../shared/started';
import { LOGGER, type Logger } from '../shared/logging';

/** What the node's assembly may hand the host besides configuration. */
export interface P2pOptions {
  /** The peer key; read from (or created in) config.p2p.keyFile when absent. */
  privateKey?: PrivateKey;
}

/** Injection token for P2pOptions (optional). */
export const P2P_OPTIONS = Symbol('P2P_OPTIONS');

export class P2pModule {
  private static root?: DynamicModule;

  /**
   * Always the same module object: NestJS 12 tells dynamic modules apart by reference, so every
   * room importing a fresh `forRoot()` would start its own host (same key, second libp2p node).
   */
  static forRoot(): DynamicModule {
    return (P2pModule.root ??= {
      module: P2pModule,
      providers: [
        {
          provide: P2pHost,
          useFactory: startedBy(
            (config: NodeConfig, log: Logger, opts?: P2pOptions) =>
              new P2pHost({ config, log, privateKey: opts?.privateKey }),
          ),
          inject: [NODE_CONFIG, LOGGER, { token: P2P_OPTIONS, optional: true }],
        },
      ],
      exports: [P2pHost],
    });
  }

  /** A room's module over the node's one host (forRoot): its providers may inject P2pHost. */
  static feature(
    module: DynamicModule['module'],
    providers: Provider[],
    exports: DynamicModule['exports'],
  ): DynamicModule {
    return { module, imports: [P2pModule.forRoot()], providers, exports };
  }
}
