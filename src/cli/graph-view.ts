/**
 * A tasklet graph as its poster's node records it (src/graph/types.ts), shown to people: one
 * graph's steps and units, the list of a node's graphs, and the graph's life line by line as
 * `graph.watch` streams it. Records travel as JSON; amounts in them are decimal strings of fri.
 */
import type { GraphNode, GraphRecord, GraphUnit } from '../graph/types';
import { friInText, strk } from './amount';
import { fields } from './format';
import { shortHex, table } from './table';

export interface ViewOptions {
  fri?: boolean;
}

const VERDICT_TEXT: Record<NonNullable<GraphUnit['verdict']>, string> = {
  match: 'matches the commitment on chain',
  mismatch: 'does NOT match the commitment on chain',
  'invalid-proof': 'matches the commitment on chain, but its proof does NOT verify',
};

/** Where a step is: waiting for its inputs, ready (inputs agreed, no unit yet), running, agreed. */
export function stepState(g: GraphRecord, n: GraphNode): string {
  if (n.agreed !== undefined) return 'agreed';
  if (!n.deps.every((d) => g.nodes[d]?.agreed !== undefined)) return 'waiting';
  return n.units.length > 0 ? 'running' : 'ready';
}

function agreedSteps(g: GraphRecord): number {
  return g.order.filter((id) => g.nodes[id]?.agreed !== undefined).length;
}

function unitText(u: GraphUnit): string {
  const who = u.worker ? ` ${shortHex(u.worker, 10)}` : ' (no award yet)';
  const what = u.verdict ?? (u.ended ? `ended ${u.ended}` : u.worker ? 'running' : 'bidding');
  return `job ${u.jobId}${who} ${what}`;
}

function time(at: string): string {
  return at.slice(11, 19);
}

export function historyLine(h: { at: string; what: string }, o: ViewOptions = {}): string {
  return `  ${time(h.at)}  ${friInText(h.what, o)}`;
}

export function humanGraph(g: GraphRecord, o: ViewOptions = {}): string {
  const head = `graph ${g.graphId}: ${g.status}${g.failure ? ` (${g.failure})` : ''}`;
  const info = fields([
    ['steps', `${agreedSteps(g)} of ${g.order.length} agreed; ${g.k} unit${g.k === 1 ? '' : 's'} per step`],
    ['output', g.outputSha256 ? `sha256 ${g.outputSha256}` : undefined],
    ['units', `${strk(g.budget, o)} escrowed each, ${g.maxAttempts} attempts, ${g.execDurationS} s to run`],
    ['manifest', `sha256 ${g.manifestSha256}`],
  ]);
  const steps = table(
    g.order.map((id) => g.nodes[id]!),
    [
      { header: 'STEP', value: (n) => n.id },
      { header: 'STATE', value: (n) => stepState(g, n) },
      {
        header: 'AGREED',
        value: (n) => (n.agreed ? shortHex(n.agreed, 12) : '-'),
      },
      { header: 'UNITS', value: (n) => n.units.map(unitText).join('; ') || '-' },
    ],
  );
  return [
    head,
    info,
    '  steps',
    ...steps.split('\n').map((l) => `    ${l}`),
    '  history',
    ...g.history.map((h) => `  ${historyLine(h, o)}`),
  ].join('\n');
}

export function humanGraphList(graphs: GraphRecord[], o: ViewOptions = {}): string {
  if (graphs.length === 0) return 'no graphs';
  return table(graphs, [
    { header: 'ID', value: (g) => g.graphId },
    { header: 'STATUS', value: (g) => g.status },
    { header: 'STEPS', value: (g) => `${agreedSteps(g)}/${g.order.length}`, right: true },
    {
      header: 'UNITS',
      value: (g) => String(Object.values(g.nodes).reduce((n, s) => n + s.units.length, 0)),
      right: true,
    },
    { header: 'UNIT BUDGET', value: (g) => strk(g.budget, o), right: true },
    { header: 'LAST', value: (g) => (g.history.length ? friInText(g.history.at(-1)!.what, o) : '') },
  ]);
}

/**
 * Turns the records `graph.watch` streams into new lines only: what changed in each unit (posted,
 * awarded, its result checked, its job ended), then the graph's history entries not shown yet.
 */
export class GraphWatchPrinter {
  private shown = 0;
  private readonly units = new Map<string, { worker?: string; verdict?: string; ended?: string }>();

  constructor(
    private readonly o: ViewOptions = {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  lines(g: GraphRecord): string[] {
    const at = time(this.now().toISOString());
    const out: string[] = [];
    const say = (what: string) => out.push(`  ${at}  ${what}`);
    for (const id of g.order) {
      const n = g.nodes[id];
      if (!n) continue;
      for (const u of n.units) {
        const key = `${id}/${u.jobId}`;
        let seen = this.units.get(key);
        if (!seen) {
          seen = {};
          this.units.set(key, seen);
          say(`${id}: unit job ${u.jobId} posted${g.k > 1 ? ` (replica ${u.replica})` : ''}`);
        }
        if (u.worker && u.worker !== seen.worker) {
          say(`${id}: job ${u.jobId} awarded to ${u.worker}${u.peer ? ` (${u.peer})` : ''}`);
          seen.worker = u.worker;
          delete seen.verdict;
        }
        if (u.verdict && u.verdict !== seen.verdict) {
          say(
            `${id}: job ${u.jobId} result sha256 ${u.outputSha256?.slice(0, 16) ?? '?'}… ${VERDICT_TEXT[u.verdict]}`,
          );
          seen.verdict = u.verdict;
        }
        if (u.ended && u.ended !== seen.ended) {
          say(`${id}: job ${u.jobId} ended ${u.ended}`);
          seen.ended = u.ended;
        }
      }
    }
    for (const h of g.history.slice(this.shown)) out.push(historyLine(h, this.o));
    this.shown = Math.max(this.shown, g.history.length);
    return out;
  }
}

/** The closing lines of a watched graph: how it ended, where its output is, who ran its units. */
export function graphSummary(g: GraphRecord, resultWhere: string | undefined): string {
  const units = Object.values(g.nodes).flatMap((n) => n.units);
  const workers = new Set(units.flatMap((u) => (u.worker ? [u.worker] : [])));
  if (g.status !== 'done') return `graph ${g.graphId} ${g.status}${g.failure ? `: ${g.failure}` : ''}.`;
  return [
    `graph ${g.graphId} done.`,
    fields([
      ['result', resultWhere],
      [
        'units',
        `${units.length} jobs on ${workers.size} worker${workers.size === 1 ? '' : 's'}, each paid through its own job: \`cairn job status ID\` shows one, \`cairn graph status ${g.graphId}\` all`,
      ],
    ]),
  ].join('\n');
}
