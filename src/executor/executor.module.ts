/**
 * NestJS wiring of the executor. A dynamic module without decorators, like the node's other
 * modules (NestJS 12 is ESM-only and the node is CommonJS; see src/config/config.module.ts). The
 * configuration is validated when the module is built, so a bad value fails the node at boot;
 * the pool's threads are started by the factory, so whoever injects the service gets warm
 * workers, and they are stopped by Nest's shutdown hook. When the application also imports
 * ProverModule, the executor proves groth16 jobs with it; otherwise it refuses them.
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { Logger } from '../shared/logging';
import { LOGGER } from '../shared/logging';
import { BlobStore } from './blob-store';
import { type ExecutorConfig, type ExecutorConfigInput, parseExecutorConfig } from './config';
import { ExecutorService, type JobProver } from './executor.service';

/** Injection token for the validated ExecutorConfig. */
export const EXECUTOR_CONFIG = Symbol('EXECUTOR_CONFIG');

/**
 * Injection token for the JobProver a node offers groth16 jobs to. The executor owns the
 * interface; a prover module provides it (src/prover's ProverModule does), so the executor never
 * depends on a concrete prover.
 */
export const JOB_PROVER = Symbol('JOB_PROVER');

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
          useFactory: (c: ExecutorConfig, store: BlobStore, log?: Logger, prover?: JobProver) =>
            ExecutorService.create(c, store, log, prover),
          // The prover is optional: a node that imports ProverModule (global) takes groth16 jobs.
          inject: [
            EXECUTOR_CONFIG,
            BlobStore,
            { token: LOGGER, optional: true },
            { token: JOB_PROVER, optional: true },
          ],
        },
      ],
      exports: [EXECUTOR_CONFIG, BlobStore, ExecutorService],
    };
  }
}
