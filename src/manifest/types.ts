/**
 * Manifest types, derived from the JSON Schema (schema.ts) so they always agree with what the
 * validator accepts.
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { manifestSchema } from './schema';

export type Manifest = FromSchema<typeof manifestSchema>;
export type Tasklet = Manifest['tasklets'][number];
export type TaskletInput = NonNullable<Tasklet['input']>;
export type Aggregate = NonNullable<Manifest['aggregate']>;
export type Resources = Manifest['resources'];
export type OutputSpec = Manifest['output'];
export type OutputFormat = OutputSpec['format'];
export type Verification = Manifest['verification'];
export type VerificationMode = Verification['mode'];
export type Groth16Verification = Extract<Verification, { mode: 'groth16' }>;

/** The entry point used when a step names none (the WASI command convention). */
export const DEFAULT_ENTRY = '_start';

/** A manifest that passed every check, with the order its tasklets can run in. */
export interface ValidatedManifest {
  manifest: Manifest;
  /** Tasklet ids in an order where every tasklet comes after those it reads from. */
  order: string[];
  /** The tasklet whose output is the job's output when there is no aggregate step. */
  sink: string | undefined;
}
