/**
 * Prover settings, validated at start (a section of the node's configuration, `prover`).
 */
import { z } from 'zod';
import { ConfigError, issueLines } from '../shared/config-error';

export const proverConfigSchema = z
  .object({
    proveTimeoutMs: z.number().int().positive().default(120_000),
    verifyTimeoutMs: z.number().int().positive().default(10_000),
    /** Run a prover process on a worker node, so it takes groth16 jobs (simulations turn it off). */
    enabled: z.boolean().default(true),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .strict();

export type ProverConfig = z.output<typeof proverConfigSchema>;
export type ProverConfigInput = z.input<typeof proverConfigSchema>;

export function parseProverConfig(input: unknown): ProverConfig {
  const r = proverConfigSchema.safeParse(input ?? {});
  if (!r.success) throw new ConfigError(issueLines(r.error.issues), 'prover configuration');
  return r.data;
}

