import { AGGREGATE, GRAPH_RECORD_VERSION, type GraphRecord } from '../graph/types';
import { GraphWatchPrinter, graphSummary, humanGraph, humanGraphList, stepState } from './graph-view';

const W1 = '0x' + '1'.repeat(63);
const W2 = '0x' + '2'.repeat(63);
const OUT = 'ab'.repeat(32);

/** Two maps and an aggregate, k = 1, as graph.status returns it; `at` moves it along. */
function graph(at: 'posted' | 'maps-awarded' | 'maps-agreed' | 'done'): GraphRecord {
  const step = ['maps-awarded', 'maps-agreed', 'done'].indexOf(at);
  const map = (id: string, job: string, worker: string) => ({
    id,
    deps: [],
    wanted: 1,
    units: [
      {
        jobId: job,
        replica: 0,
        ...(step >= 0 ? { worker, peer: `12D3KooW${id}` } : {}),
        ...(step >= 1 ? { outputSha256: `${job}`.repeat(64).slice(0, 64), verdict: 'match' as const } : {}),
      },
    ],
    ...(step >= 1 ? { agreed: `${job}`.repeat(64).slice(0, 64) } : {}),
  });
  return {
    version: GRAPH_RECORD_VERSION,
    graphId: 'gabc-0a1b2c3d',
    manifestSha256: 'cd'.repeat(32),
    k: 1,
    budget: (10n ** 17n).toString(),
    execDurationS: '600',
    maxAttempts: 3,
    nodes: {
      'map-0': map('map-0', '3', W1),
      'map-1': map('map-1', '4', W2),
      [AGGREGATE]: {
        id: AGGREGATE,
        deps: ['map-0', 'map-1'],
        wanted: 1,
        units: step >= 2 ? [{ jobId: '5', replica: 0, worker: W1, outputSha256: OUT, verdict: 'match' }] : [],
        ...(step >= 2 ? { agreed: OUT } : {}),
      },
    },
    order: ['map-0', 'map-1', AGGREGATE],
    outputNode: AGGREGATE,
    status: step >= 2 ? 'done' : 'running',
    ...(step >= 2 ? { outputSha256: OUT } : {}),
    history: [
      { at: '2026-12-03T10:00:00.000Z', what: 'posted: 3 steps, 1 unit(s) each' },
      ...(step >= 1
        ? [{ at: '2026-12-03T10:00:05.000Z', what: 'map-0: agreed on output 333333333333 (1 of 1 units)' }]
        : []),
    ],
  };
}

describe('a graph shown to people', () => {
  it('says where each step is: waiting for inputs, running, agreed', () => {
    const g = graph('posted');
    expect(stepState(g, g.nodes['map-0']!)).toBe('running');
    expect(stepState(g, g.nodes[AGGREGATE]!)).toBe('waiting');
    const later = graph('maps-agreed');
    expect(stepState(later, later.nodes['map-0']!)).toBe('agreed');
    expect(stepState(later, later.nodes[AGGREGATE]!)).toBe('ready');
  });

  it('shows one graph with its steps, units, budget in STRK and history', () => {
    const text = humanGraph(graph('done'));
    expect(text).toMatch(/^graph gabc-0a1b2c3d: done/);
    expect(text).toMatch(/steps\s+3 of 3 agreed; 1 unit per step/);
    expect(text).toMatch(/units\s+0\.1 STRK escrowed each, 3 attempts, 600 s to run/);
    expect(text).toContain('@aggregate  agreed  ababababababab…  job 5 0x1111111111… match');
    expect(text).toContain('10:00:00  posted: 3 steps');
  });

  it('lists graphs as a table, or says there are none', () => {
    expect(humanGraphList([])).toBe('no graphs');
    const text = humanGraphList([graph('maps-awarded'), graph('done')]);
    expect(text.split('\n')[0]).toMatch(/^ID\s+STATUS\s+STEPS\s+UNITS\s+UNIT BUDGET\s+LAST$/);
    expect(text).toMatch(/gabc-0a1b2c3d\s+running\s+0\/3\s+2\s+0\.1 STRK/);
    expect(text).toMatch(/gabc-0a1b2c3d\s+done\s+3\/3\s+3\s+0\.1 STRK/);
  });

  it('prints only what changed as the watched graph moves on', () => {
    const p = new GraphWatchPrinter({}, () => new Date('2026-12-03T10:00:09.000Z'));
    expect(p.lines(graph('posted'))).toEqual([
      '  10:00:09  map-0: unit job 3 posted',
      '  10:00:09  map-1: unit job 4 posted',
      '  10:00:00  posted: 3 steps, 1 unit(s) each',
    ]);
    expect(p.lines(graph('posted'))).toEqual([]);
    expect(p.lines(graph('maps-awarded'))).toEqual([
      `  10:00:09  map-0: job 3 awarded to ${W1} (12D3KooWmap-0)`,
      `  10:00:09  map-1: job 4 awarded to ${W2} (12D3KooWmap-1)`,
    ]);
    const agreed = p.lines(graph('maps-agreed'));
    expect(agreed).toContain(
      '  10:00:09  map-0: job 3 result sha256 3333333333333333… matches the commitment on chain',
    );
    expect(agreed.at(-1)).toBe('  10:00:05  map-0: agreed on output 333333333333 (1 of 1 units)');
    expect(p.lines(graph('done'))).toEqual([
      '  10:00:09  @aggregate: unit job 5 posted',
      `  10:00:09  @aggregate: job 5 awarded to ${W1}`,
      `  10:00:09  @aggregate: job 5 result sha256 ${OUT.slice(0, 16)}… matches the commitment on chain`,
    ]);
  });

  it('closes with where the output is and who ran the units, or why the graph failed', () => {
    expect(graphSummary(graph('done'), '12 bytes')).toMatch(
      /^graph gabc-0a1b2c3d done\.\n\s+result\s+12 bytes\n\s+units\s+3 jobs on 2 workers/,
    );
    const failed = {
      ...graph('maps-awarded'),
      status: 'failed' as const,
      failure: 'map-0: 4 units ended without a usable result',
    };
    expect(graphSummary(failed, undefined)).toBe(
      'graph gabc-0a1b2c3d failed: map-0: 4 units ended without a usable result.',
    );
  });
});
