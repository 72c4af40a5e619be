/**
 * NestJS wiring of the prover (a dynamic module without decorators; see
 * src/config/config.module.ts for why). The configuration is validated when the module is built;
 * the prover thread is started by the factory and stopped by Nest's shutdown hook.
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { JOB_PROVER } from '../executor/executor.module';
import { LOGGER, type Logger } from '../shared/logging';
import { parseProverConfig, type ProverConfigInput } from './config';
import { ProverService } from './prover.service';

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
        // What the executor asks for: its own JobProver interface, served by this prover.
        { provide: JOB_PROVER, useExisting: ProverService },
      ],
      exports: [ProverService, JOB_PROVER],
    };
  }
}
