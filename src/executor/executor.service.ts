/**
 * The executor as the node uses it: a started sandbox pool, the content-addressed store its
 * manifests refer to, and the job runner. Closing it stops the worker threads.
 */
import pino, { type Logger } from 'pino';
import type { ValidatedManifest } from '../manifest/types';
import { BlobStore } from './blob-store';
import type { ExecutorConfig } from './config';
import { JobRunner, type JobOutcome } from './job-runner';
import { type PoolRunLimits, type PreparedModule, SandboxPool } from './pool';
import type { RunInput, RunOutcome } from './sandbox';

export class ExecutorService {
  private readonly runner: JobRunner;

  private constructor(
    readonly config: ExecutorConfig,
    readonly pool: SandboxPool,
    readonly store: BlobStore,
    readonly log: Logger,
  ) {
    this.runner = new JobRunner(pool, store);
  }

  static async create(config: ExecutorConfig, store?: BlobStore, log?: Logger): Promise<ExecutorService> {
    const logger = (log ?? pino({ name: 'cairn', level: config.logLevel })).child({ component: 'executor' });
    const pool = await SandboxPool.start(config, logger);
    return new ExecutorService(config, pool, store ?? new BlobStore(config.storeDir), logger);
  }

  /** Stores a module (or an input) and returns its sha256, the name a manifest uses. */
  put(bytes: Uint8Array): string {
    return this.store.put(bytes);
  }

  /** Validates, instruments and compiles a module up front (cached by hash). */
  prepare(bytes: Uint8Array): Promise<PreparedModule> {
    return this.pool.prepare(bytes);
  }

  /** One module run outside a job, for callers that drive steps themselves. */
  run(prepared: PreparedModule, input: RunInput, limits: PoolRunLimits): Promise<RunOutcome> {
    return this.pool.run(prepared, input, limits);
  }

  async runJob(manifest: ValidatedManifest, jobId: bigint): Promise<JobOutcome> {
    const t0 = performance.now();
    const out = await this.runner.run(manifest, jobId);
    this.log.info(
      {
        jobId: jobId.toString(),
        name: manifest.manifest.name,
        steps: out.steps.length,
        fuelUsed: out.fuelUsed.toString(),
        outputBytes: out.output.length,
        ms: Math.round(performance.now() - t0),
      },
      'job executed',
    );
    return out;
  }

  /** Nest's shutdown hook. */
  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
