/**
 * Tasklet graphs on the node's control channel: `graph.post` (manifest and blobs from files the
 * caller names, or inline base64, as `job.post`), `graph.status`, `graph.list`, `graph.result`.
 */
import { z } from 'zod';
import { ControlError } from '../control/protocol';
import { registerMappingErrors } from '../control/registry';
import type { ControlServer } from '../control/server';
import { asControlError } from '../jobs/job-methods';
import { PostParams, postInput } from '../jobs/post-params';
import { ManifestError } from '../manifest/errors';
import { GraphError } from './errors';
import type { GraphScheduler } from './scheduler';

const GraphId = z.string().regex(/^g[a-z0-9]{1,20}-[0-9a-f]{8}$/, 'a graph id (as graph.post returns it)');
function asError(err: unknown): unknown {
  if (err instanceof GraphError) return new ControlError(err.code, err.message);
  if (err instanceof ManifestError) return new ControlError('BAD_MANIFEST', err.message);
  return asControlError(err);
}

export function registerGraphMethods(server: ControlServer, graphs: GraphScheduler): void {
  const register = registerMappingErrors(server, asError);

  register('graph.post', PostParams, async (p) => ({ graphId: await graphs.post(postInput(p)) }));
  register('graph.status', z.object({ id: GraphId }).strict(), async ({ id }) => graphs.status(id));
  register('graph.list', z.object({}).strict(), async () => graphs.list());
  register('graph.result', z.object({ id: GraphId }).strict(), async ({ id }) => {
    const bytes = graphs.result(id);
    return bytes ? { available: true, base64: Buffer.from(bytes).toString('base64') } : { available: false };
  });
}
