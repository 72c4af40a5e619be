/**
 * A seeded random walk over the scheduling decisions: random graphs (maps, an aggregate, k),
 * workers that are honest, lie, vanish or refuse, events in random order. Every step checks the
 * rules; a failing seed is printed and replays (WALK_SEED=<seed>).
 */
import { stringify } from 'yaml';
import type { GraphUnitRef, PosterRecord } from '../jobs/journal';
import { parseManifestText } from '../manifest/parse';
import { validateManifest } from '../manifest/validate';
import {
  advance,
  decide,
  isLost,
  observe,
  planGraph,
  quorum,
  readyNodes,
  shortfall,
  tally,
  vetBid,
} from './state';
import { mulberry32 } from '../shared/seeded-random';
import { unitRecord } from './post-recorder.spec-support';
import type { GraphRecord } from './types';

type Kind = 'honest' | 'liar' | 'vanishes';
type Unit = PosterRecord & { graph: GraphUnitRef };

function walk(seed: number): { steps: number; status: string; failure?: string } {
  const rand = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const maps = 1 + Math.floor(rand() * 6);
  const k = pick([1, 2, 3]);
  // A map/reduce (maps, then an aggregate over them) or a chain (each tasklet reads the last).
  const chain = rand() < 0.3;
  const m = validateManifest(
    parseManifestText(
      stringify({
        version: 1,
        name: 'walk',
        tasklets: Array.from({ length: maps }, (_, i) => ({
          id: `m${i}`,
          module: 'a'.repeat(64),
          input: chain && i > 0 ? { from: [`m${i - 1}`] } : { text: `${i}` },
        })),
        ...(chain ? {} : { aggregate: { module: 'a'.repeat(64) } }),
        resources: { memoryPages: 1, fuel: 1, wallTimeMs: 1 },
        output: { format: 'bytes', maxBytes: 1 },
        priceCeiling: '1',
        verification: k === 1 ? { mode: 'none' } : { mode: 'redundancy', k },
      }),
    ),
  );
  const g: GraphRecord = planGraph(m, {
    graphId: 'w',
    manifestSha256: 'f',
    budget: 1n,
    execDurationS: 1n,
    maxAttempts: 1,
  });
  // Six workers: at most one that vanishes, and one liar when there is redundancy to catch it
  // (with k = 1 a consistent lie is the result: that is what redundancy is for).
  const kinds: Kind[] = [
    'honest',
    'honest',
    'honest',
    'honest',
    k > 1 ? pick<Kind>(['honest', 'liar']) : 'honest',
    pick<Kind>(['honest', 'vanishes']),
  ];
  const truth = (node: string) => `${node}-true`.padEnd(64, '0');
  const records: Unit[] = [];
  let next = 1;
  const confirmed = new Set<string>();
  const disputed = new Set<string>();
  const where = (msg: string) => `seed ${seed}: ${msg}`;
  let steps = 0;
  for (; steps < 2_000 && g.status === 'running'; steps++) {
    // Post what the ready nodes are missing.
    for (const n of readyNodes(g)) {
      for (const d of n.deps)
        if (g.nodes[d]!.agreed === undefined) throw new Error(where(`${n.id} ready before ${d}`));
      for (let i = shortfall(n); i > 0; i--) {
        const r = unitRecord(String(next++), { graphId: 'w', node: n.id, replica: n.units.length });
        records.push(r);
        observe(g, r);
      }
    }
    const open = records.filter((r) => r.step !== 'done');
    if (open.length === 0) throw new Error(where('stuck: nothing open and the graph is running'));
    const r = pick(open);
    const n = g.nodes[r.graph.node]!;
    if (!r.award) {
      // Award to a random bidder the poster's vetting lets through (none may: wait a step).
      const w = Math.floor(rand() * kinds.length);
      if (vetBid(g, r.graph, r.jobId, { worker: BigInt(w + 1), peer: `p${w}` }, 0, 0) !== undefined) continue;
      r.award = { attempt: 1, worker: `0x${(w + 1).toString(16)}`, peer: `p${w}`, price: '1' };
      r.step = 'awarded';
    } else if (!r.result) {
      const kind = kinds[Number(BigInt(r.award.worker)) - 1]!;
      if (kind === 'vanishes') {
        r.step = 'done';
        r.chainStatus = 'Expired';
      } else {
        const out = kind === 'liar' ? `${r.graph.node}-lie${r.jobId}`.padEnd(64, '1') : truth(r.graph.node);
        r.result = { attempt: 1, outputSha256: out, verdict: 'match' };
        r.step = 'reviewing';
      }
    } else {
      const d = decide(g, r.graph, r.jobId);
      if (d.action === 'wait') {
        if (n.agreed !== undefined) throw new Error(where(`unit ${r.jobId} waits though ${n.id} agreed`));
        advance(g);
        continue;
      }
      if (n.agreed === undefined) throw new Error(where(`unit ${r.jobId} settled before ${n.id} agreed`));
      if (d.action === 'confirm') {
        if (r.result.outputSha256 !== truth(n.id)) throw new Error(where(`a lie confirmed on ${n.id}`));
        confirmed.add(r.jobId);
        r.chainStatus = 'Completed';
      } else {
        if (r.result.outputSha256 === truth(n.id)) throw new Error(where(`the truth disputed on ${n.id}`));
        disputed.add(r.jobId);
        r.chainStatus = 'Resolved';
      }
      r.step = 'done';
    }
    observe(g, r);
    advance(g);
    // Rules that hold after every step.
    for (const node of Object.values(g.nodes)) {
      const live = node.units.filter((u) => !isLost(u) && u.worker);
      const holders = live.map((u) => u.worker);
      if (new Set(holders).size !== holders.length)
        throw new Error(where(`${node.id}: one worker holds two replicas`));
      if (node.agreed !== undefined) {
        if ((tally(node).get(node.agreed) ?? 0) < quorum(g))
          throw new Error(where(`${node.id} agreed without a quorum`));
        if (node.agreed !== truth(node.id)) throw new Error(where(`${node.id} agreed on a lie`));
        if (shortfall(node) !== 0) throw new Error(where(`${node.id} agreed and still posting`));
      }
    }
  }
  if (g.status === 'done' && g.outputSha256 !== truth(g.outputNode)) throw new Error(where('wrong output'));
  return { steps, status: g.status, ...(g.failure ? { failure: g.failure } : {}) };
}

describe('graph scheduling: random walk', () => {
  const only = process.env.WALK_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: 300 }, (_, i) => i + 1);
  test(`${seeds.length} seeded walks keep every rule and finish with the true output`, () => {
    const outcomes = new Map<string, number>();
    for (const seed of seeds) {
      const { status, failure } = walk(seed);
      const key = failure ? `${status}: seed ${seed}: ${failure}` : status;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    // With honest workers in the majority every walk ends, and with the true output.
    expect(Object.fromEntries(outcomes)).toEqual({ done: seeds.length });
  });
});
