/**
 * The tasklet graph: tasklets read the outputs of others (`input.from`), and the aggregate step
 * reads from some or all. Checks that ids are unique and references exist, finds cycles (and
 * names them), and orders the tasklets so each runs after those it reads.
 */
import { ManifestError, type ManifestIssue } from './errors';
import type { Manifest } from './types';

export interface GraphCheck {
  order: string[];
  sink: string | undefined;
}

export function checkGraph(m: Manifest): GraphCheck {
  const index = new Map<string, number>();
  const dups: ManifestIssue[] = [];
  m.tasklets.forEach((t, i) => {
    const first = index.get(t.id);
    if (first !== undefined) {
      dups.push({ path: `tasklets[${i}].id`, reason: `"${t.id}" is already the id of tasklets[${first}]` });
    } else {
      index.set(t.id, i);
    }
  });
  if (dups.length) throw new ManifestError('DUPLICATE_ID', dups);

  const unknown: ManifestIssue[] = [];
  const deps = new Map<string, string[]>();
  const read = new Set<string>();
  m.tasklets.forEach((t, i) => {
    const from = t.input?.from ?? [];
    from.forEach((ref, k) => {
      if (!index.has(ref)) {
        unknown.push({ path: `tasklets[${i}].input.from[${k}]`, reason: `no tasklet has the id "${ref}"` });
      }
      read.add(ref);
    });
    deps.set(t.id, [...from]);
  });
  (m.aggregate?.from ?? []).forEach((ref, k) => {
    if (!index.has(ref))
      unknown.push({ path: `aggregate.from[${k}]`, reason: `no tasklet has the id "${ref}"` });
  });
  if (unknown.length) throw new ManifestError('UNKNOWN_REFERENCE', unknown);

  const order = topoOrder(m, deps, index);

  let sink: string | undefined;
  if (!m.aggregate) {
    const sinks = m.tasklets.filter((t) => !read.has(t.id)).map((t) => t.id);
    if (sinks.length > 1) {
      throw new ManifestError('AMBIGUOUS_OUTPUT', [
        {
          path: 'tasklets',
          reason: `without an aggregate step exactly one tasklet's output may go unread, but ${sinks.length} do (${sinks.join(', ')}); add an aggregate step or chain them with input.from`,
        },
      ]);
    }
    sink = sinks[0];
  }
  return { order, sink };
}

/** Depth-first order; a back edge is a cycle, reported as the loop of ids. */
function topoOrder(m: Manifest, deps: Map<string, string[]>, index: Map<string, number>): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const stack: string[] = [];
  const visit = (id: string): void => {
    const s = state.get(id);
    if (s === 'done') return;
    if (s === 'visiting') {
      const loop = [...stack.slice(stack.indexOf(id)), id];
      throw new ManifestError('CYCLE', [
        {
          path: `tasklets[${index.get(id)}].input.from`,
          reason: `tasklets read from each other in a loop: ${loop.join(' -> ')}`,
        },
      ]);
    }
    state.set(id, 'visiting');
    stack.push(id);
    for (const d of deps.get(id) ?? []) visit(d);
    stack.pop();
    state.set(id, 'done');
    order.push(id);
  };
  for (const t of m.tasklets) visit(t.id);
  return order;
}
