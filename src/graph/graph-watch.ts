/**
 * `graph.watch` on the control channel: the graph's record now, then each time the scheduler
 * journals it, until the graph is done or failed (or the caller cancels), so `cairn graph post
 * --wait` shows every step's units as they are posted, awarded, checked and agreed. Its own file
 * so the other graph methods (graph-methods.ts) stay as they are.
 */
import { z } from 'zod';
import { ControlError } from '../control/protocol';
import type { ControlServer } from '../control/server';
import { watchUntil } from '../control/watch';
import { GraphError } from './errors';
import type { GraphScheduler } from './scheduler';
import type { GraphRecord } from './types';

/** Spelled as graph-methods.ts spells it: a graph id as `graph.post` returns it. */
const GraphId = z.string().regex(/^g[a-z0-9]{1,20}-[0-9a-f]{8}$/, 'a graph id (as graph.post returns it)');

export const graphEnded = (g: GraphRecord): boolean => g.status !== 'running';

export function registerGraphWatch(server: ControlServer, graphs: GraphScheduler): void {
  server.register('graph.watch', z.object({ id: GraphId }).strict(), async ({ id }, ctx) => {
    let current: GraphRecord;
    try {
      current = graphs.status(id);
    } catch (err) {
      throw err instanceof GraphError ? new ControlError(err.code, err.message) : err;
    }
    return watchUntil(ctx, {
      current,
      onChange: (listener) => graphs.onChange(listener),
      isWatched: (g) => g.graphId === id,
      ended: graphEnded,
    });
  });
}
