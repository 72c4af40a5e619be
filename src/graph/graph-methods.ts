/**
 * Tasklet graphs on the node's control channel: `graph.post` (manifest and blobs from files the
 * caller names, or inline base64, as `job.post`), `graph.status`, `graph.list`, `graph.result`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ControlError } from '../control/protocol';
import type { ControlServer } from '../control/server';
import { asControlError } from '../jobs/job-methods';
import { ManifestError } from '../manifest/errors';
import { GraphError } from './errors';
import type { GraphScheduler } from './scheduler';

const GraphId = z.string().regex(/^g[a-z0-9]{1,20}-[0-9a-f]{8}$/, 'a graph id (as graph.post returns it)');
const Fri = z.string().regex(/^[1-9][0-9]{0,77}$/, 'an amount in fri (a positive integer string)');

const PostParams = z
  .object({
    manifest: z.string().min(1).optional(),
    manifestFile: z.string().min(1).optional(),
    blobFiles: z.array(z.string().min(1)).max(1024).default([]),
    blobs: z
      .array(z.string().max(64 * 1024 * 1024))
      .max(1024)
      .default([]),
    /** Escrow of each unit. */
    budget: Fri,
    execDurationS: z.number().int().min(1).max(86_400).optional(),
    maxAttempts: z.number().int().min(1).max(10).optional(),
  })
  .strict()
  .refine(
    (p) => (p.manifest === undefined) !== (p.manifestFile === undefined),
    'give exactly one of manifest or manifestFile',
  );

function asError(err: unknown): unknown {
  if (err instanceof GraphError) return new ControlError(err.code, err.message);
  if (err instanceof ManifestError) return new ControlError('BAD_MANIFEST', err.message);
  return asControlError(err);
}

export function registerGraphMethods(server: ControlServer, graphs: GraphScheduler): void {
  const register = <S extends z.ZodType>(
    name: string,
    params: S,
    handler: (p: z.output<S>) => Promise<unknown>,
  ) => server.register(name, params, (p) => handler(p).catch((err: unknown) => Promise.reject(asError(err))));

  register('graph.post', PostParams, async (p) => {
    const graphId = await graphs.post({
      manifest: p.manifest ?? readFileSync(p.manifestFile!),
      blobs: [...p.blobFiles.map((f) => readFileSync(f)), ...p.blobs.map((b) => Buffer.from(b, 'base64'))],
      budget: BigInt(p.budget),
      ...(p.execDurationS ? { execDurationS: BigInt(p.execDurationS) } : {}),
      ...(p.maxAttempts ? { maxAttempts: p.maxAttempts } : {}),
    });
    return { graphId };
  });
  register('graph.status', z.object({ id: GraphId }).strict(), async ({ id }) => graphs.status(id));
  register('graph.list', z.object({}).strict(), async () => graphs.list());
  register('graph.result', z.object({ id: GraphId }).strict(), async ({ id }) => {
    const bytes = graphs.result(id);
    return bytes ? { available: true, base64: Buffer.from(bytes).toString('base64') } : { available: false };
  });
}
