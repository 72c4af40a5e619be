/**
 * What a control caller sends to post work (`job.post`, `graph.post`): the manifest and blobs as
 * files the caller names (the channel is local) or inline base64 (a remote caller), the budget in
 * fri and the optional deadline and attempts; and the input the poster takes, read from them.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PostJobInput } from './posting';

export const Fri = z.string().regex(/^[1-9][0-9]{0,77}$/, 'an amount in fri (a positive integer string)');

export const PostParams = z
  .object({
    manifest: z.string().min(1).optional(),
    manifestFile: z.string().min(1).optional(),
    blobFiles: z.array(z.string().min(1)).max(1024).default([]),
    blobs: z
      .array(z.string().max(64 * 1024 * 1024))
      .max(1024)
      .default([]),
    /** The job's escrow; a graph's escrow of each unit. */
    budget: Fri,
    execDurationS: z.number().int().min(1).max(86_400).optional(),
    maxAttempts: z.number().int().min(1).max(10).optional(),
  })
  .strict()
  .refine(
    (p) => (p.manifest === undefined) !== (p.manifestFile === undefined),
    'give exactly one of manifest or manifestFile',
  );

/** The files read and the base64 decoded: what `PosterJobs.postJob` and `GraphScheduler.post` take. */
export function postInput(p: z.output<typeof PostParams>): Omit<PostJobInput, 'graph'> {
  return {
    manifest: p.manifest ?? readFileSync(p.manifestFile!),
    blobs: [...p.blobFiles.map((f) => readFileSync(f)), ...p.blobs.map((b) => Buffer.from(b, 'base64'))],
    budget: BigInt(p.budget),
    ...(p.execDurationS ? { execDurationS: BigInt(p.execDurationS) } : {}),
    ...(p.maxAttempts ? { maxAttempts: p.maxAttempts } : {}),
  };
}
