/**
 * NestJS wiring of the executor. A dynamic module without decorators, like the node's other
 * modules (NestJS 12 is ESM-only and the node is CommonJS; see src/config/config.module.ts). The
 * configuration is validated when the module is built, so a bad value fails the node at boot;
 * the pool's threads are started by the factory, so whoever injects the service gets warm
 * workers, and they are stopped by Nest's shutdown hook. When the application also imports
 * ProverModule, the executor proves groth16 jobs with it; otherwise it refuses them.
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { Logger } from 'pino';
import { LOGGER } from '../p2p/logging';
import { ProverService } from '../prover/prover.service';
import { BlobStore } from './blob-store';
import { type ExecutorConfig, type ExecutorConfigInput, parseExecutorConfig } from './config';
import { ExecutorService } from './executor.service';

/** Injection token for the validated ExecutorConfig. */
export const EXECUTOR_CONFIG = Symbol('EXECUTOR_CONFIG');

export class ExecutorModule {
  static forRoot(input: ExecutorConfigInput = {}): DynamicModule {
    const config = parseExecutorConfig(input);
    return {
      module: ExecutorModule,
      providers: [
        { provide: EXECUTOR_CONFIG, useValue: config },
        {
          provide: BlobStore,
          useFactory: (c: ExecutorConfig) => new BlobStore(c.storeDir),
          inject: [EXECUTOR_CONFIG],
        },
        {
          provide: ExecutorService,
          useFactory: (c: ExecutorConfig, store: BlobStore, log?: Logger, prover?: ProverService) =>
            ExecutorService.create(c, store, log, prover),
          // The prover is optional: a node that imports ProverModule (global) takes groth16 jobs.
          inject: [
            EXECUTOR_CONFIG,
            BlobStore,
            { token: LOGGER, optional: true },
            { token: ProverService, optional: true },
          ],
        },
      ],
      exports: [EXECUTOR_CONFIG, BlobStore, ExecutorService],
    };
  }
}
