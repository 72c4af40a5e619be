/**
 * NestJS wiring of the prover (a dynamic module without decorators; see
 * src/config/config.module.ts for why). The configuration is validated when the module is built;
 * the prover thread is started by the factory and stopped by Nest's shutdown hook.
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { Logger } from 'pino';
import { LOGGER } from '../p2p/logging';
import { parseProverConfig, type ProverConfigInput, ProverService } from './prover.service';

export class ProverModule {
  static forRoot(input: ProverConfigInput = {}): DynamicModule {
    const config = parseProverConfig(input);
    return {
      module: ProverModule,
      // One prover process per node, visible to the executor without importing this module.
      global: true,
      providers: [
        {
          provide: ProverService,
          useFactory: (log?: Logger) => ProverService.create(config, log),
          inject: [{ token: LOGGER, optional: true }],
        },
      ],
      exports: [ProverService],
    };
  }
}
