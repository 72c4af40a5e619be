/**
 * Executor settings, validated once at start so a typo fails the node at boot rather than the
 * first job. The ceilings bound what any manifest may ask for, whatever the poster pays.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { ConfigError, issueLines } from '../shared/config-error';
import { positiveInt } from '../shared/config-numbers';

export const executorConfigSchema = z
  .object({
    /** Worker threads, all started up front so a job never waits for one to boot. */
    threads: z.number().int().min(1).max(256).default(Math.max(1, availableParallelism())),
    /** Largest module accepted, in bytes. */
    maxModuleBytes: positiveInt(16 * 1024 * 1024),
    /** Compiled modules kept, by hash. */
    moduleCacheEntries: positiveInt(64),
    /** V8 heap limit of each worker thread (the sandbox's own JS, not guest memory). */
    workerHeapMb: z.number().int().min(16).default(64),
    /** Stack of each worker thread; bounds guest recursion depth. */
    workerStackMb: z.number().positive().max(64).default(4),
    /** Ceilings on what a manifest may request. */
    ceilings: z
      .object({
        memoryPages: z.number().int().min(1).max(65536).default(4096),
        fuel: positiveInt(1e12),
        wallTimeMs: positiveInt(10 * 60_000),
        outputBytes: positiveInt(64 * 1024 * 1024),
      })
      .prefault({}),
    /** Where content-addressed modules and inputs persist; in memory only if unset. */
    storeDir: z.string().min(1).optional(),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .strict();

export type ExecutorConfig = z.output<typeof executorConfigSchema>;
export type ExecutorConfigInput = z.input<typeof executorConfigSchema>;

export { ConfigError };

export function parseExecutorConfig(input: unknown): ExecutorConfig {
  const r = executorConfigSchema.safeParse(input ?? {});
  if (!r.success) throw new ConfigError(issueLines(r.error.issues), 'executor configuration');
  return r.data;
}
