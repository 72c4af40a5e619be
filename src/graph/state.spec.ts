import { stringify } from 'yaml';
import type { GraphUnitRef, PosterRecord } from '../jobs/journal';
import { validateManifest } from '../manifest/validate';
import { parseManifestText } from '../manifest/parse';
import {
  advance,
  decide,
  leaderSet,
  MAX_LOST_UNITS,
  MAX_TIEBREAKERS,
  observe,
  planGraph,
  readyNodes,
  shortfall,
  spreadRank,
  spreadVeto,
  vetBid,
} from './state';
import { AGGREGATE, type GraphRecord } from './types';
import { unitRecord } from './post-recorder.spec-support';
import { unitManifest } from './unit-manifest';

const MOD = 'a'.repeat(64);
const sha = (c: string) => c.repeat(64);

function manifest(maps: number, verification: object = { mode: 'none' }) {
  return validateManifest(
    parseManifestText(
      stringify({
        version: 1,
        name: 'wc',
        tasklets: Array.from({ length: maps }, (_, i) => ({
          id: `map-${i}`,
          module: MOD,
          args: ['map'],
          input: { text: `shard ${i}` },
        })),
        aggregate: { module: MOD, args: ['reduce'] },
        resources: { memoryPages: 16, fuel: 1000, wallTimeMs: 1000 },
        output: { format: 'text', maxBytes: 1024 },
        priceCeiling: '100',
        verification,
      }),
    ),
  );
}

function plan(maps: number, verification?: object): GraphRecord {
  return planGraph(manifest(maps, verification), {
    graphId: 'g1',
    manifestSha256: sha('f'),
    budget: 10n,
    execDurationS: 60n,
    maxAttempts: 2,
  });
}

let nextJob = 1;
/** What the poster's job life records for a unit at each step. */
function unit(node: string, replica: number): PosterRecord & { graph: GraphUnitRef } {
  return unitRecord(String(nextJob++), { graphId: 'g1', node, replica }, '10');
}

function award(r: PosterRecord, worker: number, attempt = 1) {
  r.award = { attempt, worker: `0x${worker.toString(16)}`, peer: `peer-${worker}`, price: '5' };
  r.step = 'awarded';
}

function deliver(r: PosterRecord, output: string, verdict: 'match' | 'mismatch' = 'match') {
  r.result = { attempt: r.award!.attempt, outputSha256: output, verdict };
  r.step = 'reviewing';
}

/** Posts, awards (worker w) and delivers `output` for the next unit of `node`. */
function run(g: GraphRecord, node: string, w: number, output: string) {
  const r = unit(node, g.nodes[node]!.units.length);
  observe(g, r);
  award(r, w);
  observe(g, r);
  deliver(r, output);
  observe(g, r);
  return r;
}

describe('graph scheduling decisions', () => {
  test('8 maps are ready at once; the aggregate only once all of them agreed', () => {
    const g = plan(8);
    expect(g.k).toBe(1);
    expect(readyNodes(g).map((n) => n.id)).toEqual(Array.from({ length: 8 }, (_, i) => `map-${i}`));
    expect(readyNodes(g).map(shortfall)).toEqual(Array(8).fill(1));
    for (let i = 0; i < 7; i++) run(g, `map-${i}`, i % 4, sha(String(i)));
    advance(g);
    expect(readyNodes(g).map((n) => n.id)).toEqual(['map-7']);
    run(g, 'map-7', 3, sha('7'));
    advance(g);
    expect(readyNodes(g).map((n) => n.id)).toEqual([AGGREGATE]);
    expect(g.nodes[AGGREGATE]!.deps).toHaveLength(8);
    run(g, AGGREGATE, 0, sha('9'));
    expect(advance(g)).toContain(`done: output ${sha('9').slice(0, 12)}`);
    expect(g.status).toBe('done');
    expect(g.outputSha256).toBe(sha('9'));
    expect(readyNodes(g)).toEqual([]);
  });

  test('a unit posted but not yet journalled in the graph is adopted; a posted unit fills the shortfall', () => {
    const g = plan(2);
    const r = unit('map-0', 0);
    expect(observe(g, r)).toBe(true);
    expect(observe(g, r)).toBe(false);
    expect(shortfall(g.nodes['map-0']!)).toBe(0);
    expect(shortfall(g.nodes['map-1']!)).toBe(1);
  });

  test('a unit that ended without a result is replaced; finished siblings are not run again', () => {
    const g = plan(3);
    run(g, 'map-0', 1, sha('0'));
    run(g, 'map-1', 2, sha('1'));
    const dead = unit('map-2', 0);
    observe(g, dead);
    award(dead, 3);
    observe(g, dead);
    advance(g);
    expect(readyNodes(g).map((n) => [n.id, shortfall(n)])).toEqual([['map-2', 0]]);
    // The worker vanished; its job expired on its last attempt.
    dead.step = 'done';
    dead.chainStatus = 'Expired';
    observe(g, dead);
    advance(g);
    expect(readyNodes(g).map((n) => [n.id, shortfall(n)])).toEqual([['map-2', 1]]);
    run(g, 'map-2', 1, sha('2'));
    advance(g);
    expect(readyNodes(g).map((n) => n.id)).toEqual([AGGREGATE]);
  });

  test('a re-award within the same job (reopened after a missed window) drops the old worker', () => {
    const g = plan(1);
    const r = unit('map-0', 0);
    observe(g, r);
    award(r, 1, 1);
    observe(g, r);
    award(r, 2, 2);
    expect(observe(g, r)).toBe(true);
    expect(g.nodes['map-0']!.units[0]).toMatchObject({ worker: '0x2', peer: 'peer-2' });
    expect(shortfall(g.nodes['map-0']!)).toBe(0);
  });

  test('a result that does not match its own commitment is no vote: the unit is replaced', () => {
    const g = plan(1);
    const r = unit('map-0', 0);
    observe(g, r);
    award(r, 1);
    deliver(r, sha('b'), 'mismatch');
    observe(g, r);
    advance(g);
    expect(shortfall(g.nodes['map-0']!)).toBe(1);
    // Its worker is not hired for the step again; others are.
    const next = unit('map-0', 1);
    observe(g, next);
    expect(vetBid(g, next.graph, next.jobId, { worker: 1n, peer: 'peer-1' }, 0, 0)).toMatch(/refused result/);
    expect(vetBid(g, next.graph, next.jobId, { worker: 2n, peer: 'peer-2' }, 0, 0)).toBeUndefined();
  });

  test('too many lost units fail the graph, with why', () => {
    const g = plan(1);
    for (let i = 0; i <= MAX_LOST_UNITS; i++) {
      const r = unit('map-0', i);
      r.step = 'done';
      r.chainStatus = 'Cancelled';
      observe(g, r);
    }
    advance(g);
    expect(g.status).toBe('failed');
    expect(g.failure).toMatch(/map-0: 4 units ended without a usable result/);
    expect(readyNodes(g)).toEqual([]);
  });

  describe('redundancy', () => {
    test('k = 3: no result is confirmed before a majority agrees; then the minority is disputed', () => {
      const g = plan(1, { mode: 'redundancy', k: 3 });
      expect(shortfall(g.nodes['map-0']!)).toBe(3);
      const a = run(g, 'map-0', 1, sha('a'));
      const cheat = run(g, 'map-0', 2, sha('c'));
      advance(g);
      expect(decide(g, a.graph, a.jobId)).toEqual({ action: 'wait' });
      expect(decide(g, cheat.graph, cheat.jobId)).toEqual({ action: 'wait' });
      expect(g.nodes['map-0']!.wanted).toBe(3); // one unit still running: no tiebreaker yet
      const b = run(g, 'map-0', 3, sha('a'));
      advance(g);
      expect(g.nodes['map-0']!.agreed).toBe(sha('a'));
      expect(decide(g, a.graph, a.jobId)).toEqual({ action: 'confirm' });
      expect(decide(g, b.graph, b.jobId)).toEqual({ action: 'confirm' });
      expect(decide(g, cheat.graph, cheat.jobId)).toEqual({
        action: 'dispute',
        reason: 'minority result',
        agreedSha256: sha('a'),
      });
    });

    test('k = 3: two agreeing results decide before the third arrives; the late one is judged by them', () => {
      const g = plan(1, { mode: 'redundancy', k: 3 });
      run(g, 'map-0', 1, sha('a'));
      run(g, 'map-0', 2, sha('a'));
      advance(g);
      expect(g.nodes['map-0']!.agreed).toBe(sha('a'));
      const late = run(g, 'map-0', 3, sha('c'));
      expect(decide(g, late.graph, late.jobId).action).toBe('dispute');
    });

    test('k = 2 disagreeing: a tiebreaker is hired and the outcome follows it', () => {
      const g = plan(1, { mode: 'redundancy', k: 2 });
      const a = run(g, 'map-0', 1, sha('a'));
      const b = run(g, 'map-0', 2, sha('b'));
      expect(advance(g)).toEqual(['map-0: 2 results disagree; hiring a tiebreaker (3 units wanted)']);
      expect(shortfall(g.nodes['map-0']!)).toBe(1);
      expect(decide(g, a.graph, a.jobId)).toEqual({ action: 'wait' });
      // The tiebreaker may not be either of the two.
      const t = unit('map-0', 2);
      observe(g, t);
      expect(vetBid(g, t.graph, t.jobId, { worker: 1n, peer: 'peer-9' }, 0, 0)).toMatch(
        /already holds replica 0/,
      );
      expect(vetBid(g, t.graph, t.jobId, { worker: 9n, peer: 'peer-2' }, 0, 0)).toMatch(
        /already holds replica 1/,
      );
      expect(vetBid(g, t.graph, t.jobId, { worker: 3n, peer: 'peer-3' }, 0, 0)).toBeUndefined();
      award(t, 3);
      deliver(t, sha('b'));
      observe(g, t);
      advance(g);
      expect(g.nodes['map-0']!.agreed).toBe(sha('b'));
      expect(decide(g, b.graph, b.jobId)).toEqual({ action: 'confirm' });
      expect(decide(g, t.graph, t.jobId)).toEqual({ action: 'confirm' });
      expect(decide(g, a.graph, a.jobId).action).toBe('dispute');
    });

    test('results that never agree stop after the tiebreakers allowed', () => {
      const g = plan(1, { mode: 'redundancy', k: 2 });
      for (let i = 0; i < 2 + MAX_TIEBREAKERS; i++) {
        run(g, 'map-0', i + 1, sha(String(i)));
        advance(g);
      }
      expect(g.status).toBe('failed');
      expect(g.failure).toMatch(/4 results and no 2 of them agree/);
    });
  });

  test('bids on a unit go least loaded first, the market ranking deciding among equals', () => {
    const g = plan(4);
    const [a, b, c] = [unit('map-0', 0), unit('map-1', 0), unit('map-2', 0)];
    for (const r of [a, b, c]) observe(g, r);
    award(a, 1);
    award(b, 1);
    award(c, 2);
    for (const r of [a, b, c]) observe(g, r);
    const bids = [1n, 2n, 3n, 4n].map((w) => ({ bid: { workerAddress: w } }));
    expect(spreadRank(g, bids).map((x) => x.bid.workerAddress)).toEqual([3n, 4n, 2n, 1n]);
    deliver(a, sha('0'));
    deliver(b, sha('1'));
    for (const r of [a, b]) observe(g, r);
    expect(spreadRank(g, bids).map((x) => x.bid.workerAddress)).toEqual([1n, 3n, 4n, 2n]);
    // Vetted later (other windows' winners known by then): a lighter bidder still to come wins.
    expect(spreadVeto(g, 2n, [1n, 3n])).toMatch(/fewer unfinished units/);
    expect(spreadVeto(g, 2n, [])).toBeUndefined();
    expect(spreadVeto(g, 1n, [3n])).toBeUndefined();
  });

  test('the aggregate goes to a worker holding its inputs while the leader window is open', () => {
    const g = plan(2);
    run(g, 'map-0', 1, sha('0'));
    run(g, 'map-1', 2, sha('1'));
    advance(g);
    expect([...leaderSet(g)]).toEqual([1n, 2n]);
    const agg = g.nodes[AGGREGATE]!;
    agg.readyAt = 1_000;
    const r = unit(AGGREGATE, 0);
    observe(g, r);
    expect(vetBid(g, r.graph, r.jobId, { worker: 7n, peer: 'peer-7' }, 1_500, 1_000)).toMatch(
      /leader window/,
    );
    expect(vetBid(g, r.graph, r.jobId, { worker: 2n, peer: 'peer-2' }, 1_500, 1_000)).toBeUndefined();
    expect(vetBid(g, r.graph, r.jobId, { worker: 7n, peer: 'peer-7' }, 2_000, 1_000)).toBeUndefined();
  });

  test("a unit's manifest is one step; a reader of other steps reads their agreed outputs as one blob", () => {
    const m = manifest(2, { mode: 'redundancy', k: 3 }).manifest;
    const one = validateManifest(parseManifestText(unitManifest(m, 'g1', 'map-1', undefined, false)));
    expect(one.manifest.tasklets).toEqual([
      { id: 'map-1', module: MOD, args: ['map'], input: { text: 'shard 1' } },
    ]);
    expect(one.manifest.verification).toEqual({ mode: 'none' });
    expect(one.manifest.name).toBe('g1/map-1');
    const agg = validateManifest(parseManifestText(unitManifest(m, 'g1', AGGREGATE, sha('d'), true)));
    expect(agg.manifest.tasklets).toEqual([
      { id: 'aggregate', module: MOD, args: ['reduce'], input: { blob: sha('d') } },
    ]);
    expect(agg.manifest.aggregate).toBeUndefined();
  });
});
