/**
 * The manifest of one unit: a single step of the graph's manifest as a job of its own, which
 * any worker runs with the ordinary job life. A step that reads other steps' outputs reads them
 * as one stored blob (their agreed outputs, concatenated in the order the manifest names, as
 * the executor would have fed them); the poster grants it to the awarded worker with the rest.
 * Its name carries the graph id and the step, so the announcement (which names the manifest by
 * sha256) links the unit to its parent graph.
 */
import { stringify } from 'yaml';
import type { Manifest } from '../manifest/types';
import { AGGREGATE } from './types';

export function unitManifest(
  m: Manifest,
  graphId: string,
  node: string,
  inputSha256: string | undefined,
  isOutput: boolean,
): string {
  const step =
    node === AGGREGATE
      ? { id: 'aggregate', ...pick(m.aggregate!), input: { blob: inputSha256! } }
      : (() => {
          const t = m.tasklets.find((x) => x.id === node)!;
          const input = t.input?.from ? { blob: inputSha256! } : t.input;
          return { id: t.id, ...pick(t), ...(input ? { input } : {}) };
        })();
  // Redundancy is the graph's to decide (the poster compares units); the proof is of the output step.
  const verification =
    m.verification.mode === 'groth16' && isOutput ? m.verification : { mode: 'none' as const };
  const unit: Manifest = {
    version: 1,
    name: `${graphId}/${node}`.slice(0, 128),
    tasklets: [step],
    resources: m.resources,
    output: m.output,
    priceCeiling: m.priceCeiling,
    verification,
  };
  return stringify(unit);
}

function pick(s: { module: string; entry?: string; args?: string[] }) {
  return { module: s.module, ...(s.entry ? { entry: s.entry } : {}), ...(s.args ? { args: s.args } : {}) };
}
