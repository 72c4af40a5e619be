/**
 * The scheduling decisions of a tasklet graph, as pure functions of its record: which nodes are
 * ready, how many units each still needs, what a unit's job says about it, when replicas agree,
 * when a tiebreaker is hired, which result is confirmed or disputed, and which bids a unit may
 * take. The scheduler (scheduler.ts) does the I/O around them; the unit tests walk them alone.
 */
import type { ValidatedManifest } from '../manifest/types';
import type { GraphUnitRef, PosterRecord } from '../jobs/journal';
import { AGGREGATE, GRAPH_RECORD_VERSION, type GraphNode, type GraphRecord, type GraphUnit } from './types';

/** Tiebreakers a node may hire beyond k before the graph fails (results that never agree). */
export const MAX_TIEBREAKERS = 2;
/** Units of a node that may end without a result (expired, cancelled) before the graph fails. */
export const MAX_LOST_UNITS = 3;

export interface PlanInput {
  graphId: string;
  manifestSha256: string;
  budget: bigint;
  execDurationS: bigint;
  maxAttempts: number;
}

export function planGraph(v: ValidatedManifest, o: PlanInput): GraphRecord {
  const m = v.manifest;
  const k = m.verification.mode === 'redundancy' ? m.verification.k : 1;
  const nodes: Record<string, GraphNode> = {};
  for (const t of m.tasklets)
    nodes[t.id] = { id: t.id, deps: [...(t.input?.from ?? [])], wanted: k, units: [] };
  if (m.aggregate) {
    nodes[AGGREGATE] = {
      id: AGGREGATE,
      deps: [...(m.aggregate.from ?? m.tasklets.map((t) => t.id))],
      wanted: k,
      units: [],
    };
  }
  return {
    version: GRAPH_RECORD_VERSION,
    graphId: o.graphId,
    manifestSha256: o.manifestSha256,
    k,
    budget: o.budget.toString(),
    execDurationS: o.execDurationS.toString(),
    maxAttempts: o.maxAttempts,
    nodes,
    order: m.aggregate ? [...v.order, AGGREGATE] : [...v.order],
    outputNode: m.aggregate ? AGGREGATE : v.sink!,
    status: 'running',
    history: [],
  };
}

/** Agreeing results a node needs: a strict majority of k (k = 1: the one result). */
export function quorum(g: GraphRecord): number {
  return Math.floor(g.k / 2) + 1;
}

/** A unit that will never give a vote: its job ended without a checked result, or a bad one. */
export function isLost(u: GraphUnit): boolean {
  return (
    (u.verdict !== undefined && u.verdict !== 'match') || (u.ended !== undefined && u.verdict === undefined)
  );
}

/** Nodes not yet agreed whose inputs all are, in graph order. */
export function readyNodes(g: GraphRecord): GraphNode[] {
  if (g.status !== 'running') return [];
  return g.order
    .map((id) => g.nodes[id]!)
    .filter((n) => n.agreed === undefined && n.deps.every((d) => g.nodes[d]!.agreed !== undefined));
}

/** Units `n` still has to post to have `wanted` that may give a result. */
export function shortfall(n: GraphNode): number {
  if (n.agreed !== undefined) return 0;
  return Math.max(0, n.wanted - n.units.filter((u) => !isLost(u)).length);
}

/** Results by output among a node's units that may vote (checked, matching their commitment). */
export function tally(n: GraphNode): Map<string, number> {
  const votes = new Map<string, number>();
  for (const u of n.units)
    if (u.verdict === 'match' && u.outputSha256)
      votes.set(u.outputSha256, (votes.get(u.outputSha256) ?? 0) + 1);
  return votes;
}

/**
 * Takes what the poster's job life recorded about a unit into the graph (a unit unknown to the
 * graph, posted just before a crash, is adopted). Returns whether anything changed.
 */
export function observe(g: GraphRecord, r: PosterRecord & { graph: GraphUnitRef }): boolean {
  const n = g.nodes[r.graph.node];
  if (!n) return false;
  let u = n.units.find((x) => x.jobId === r.jobId);
  let changed = false;
  if (!u) {
    u = { jobId: r.jobId, replica: r.graph.replica };
    n.units.push(u);
    changed = true;
  }
  const set = <K extends keyof GraphUnit>(key: K, value: GraphUnit[K]) => {
    if (value !== undefined && u[key] !== value) {
      u[key] = value;
      changed = true;
    }
  };
  // A re-award (the job reopened after a missed window) names a new worker; its result is new.
  if (r.award && (u.worker !== r.award.worker || u.peer !== r.award.peer)) {
    u.worker = r.award.worker;
    u.peer = r.award.peer;
    delete u.outputSha256;
    delete u.verdict;
    changed = true;
  }
  if (r.result?.verdict && r.award && r.result.attempt === r.award.attempt) {
    set('outputSha256', r.result.outputSha256);
    set('verdict', r.result.verdict);
  }
  if (r.step === 'done') set('ended', r.chainStatus ?? 'None');
  return changed;
}

/**
 * Moves the graph on from its units' results: a node agrees once a quorum of results match; a
 * node whose every unit has given a result without a quorum hires a tiebreaker; a node that ran
 * out of tiebreakers or lost too many units fails the graph. Returns what happened, for the
 * record's history.
 */
export function advance(g: GraphRecord): string[] {
  const notes: string[] = [];
  if (g.status !== 'running') return notes;
  for (const id of g.order) {
    const n = g.nodes[id]!;
    if (n.agreed !== undefined) continue;
    const votes = tally(n);
    const winner = [...votes].find(([, count]) => count >= quorum(g));
    if (winner) {
      n.agreed = winner[0];
      notes.push(
        `${id}: agreed on output ${winner[0].slice(0, 12)} (${winner[1]} of ${n.units.length} units)`,
      );
      continue;
    }
    const live = n.units.filter((u) => !isLost(u));
    const lost = n.units.length - live.length;
    if (lost > MAX_LOST_UNITS) {
      fail(g, `${id}: ${lost} units ended without a usable result`);
      return [...notes, g.failure!];
    }
    const pending = live.filter((u) => u.verdict === undefined).length;
    if (pending === 0 && live.length >= n.wanted && live.length > 0) {
      if (n.wanted >= g.k + MAX_TIEBREAKERS) {
        fail(g, `${id}: ${live.length} results and no ${quorum(g)} of them agree`);
        return [...notes, g.failure!];
      }
      n.wanted++;
      notes.push(`${id}: ${live.length} results disagree; hiring a tiebreaker (${n.wanted} units wanted)`);
    }
  }
  const out = g.nodes[g.outputNode]!;
  if (out.agreed !== undefined) {
    g.status = 'done';
    g.outputSha256 = out.agreed;
    notes.push(`done: output ${out.agreed.slice(0, 12)}`);
  }
  return notes;
}

function fail(g: GraphRecord, why: string): void {
  g.status = 'failed';
  g.failure = why;
}

export type UnitDecision =
  { action: 'wait' } | { action: 'confirm' } | { action: 'dispute'; reason: string; agreedSha256: string };

/**
 * Whether a unit's checked result is confirmed: only once its node agreed (no replica is paid
 * before the set agrees); a result other than the agreed one is disputed, the agreed output
 * (which other units' commitments match) as evidence.
 */
export function decide(g: GraphRecord, ref: GraphUnitRef, jobId: string): UnitDecision {
  const n = g.nodes[ref.node];
  const u = n?.units.find((x) => x.jobId === jobId);
  if (!n || !u?.outputSha256 || n.agreed === undefined) return { action: 'wait' };
  if (u.outputSha256 === n.agreed) return { action: 'confirm' };
  return { action: 'dispute', reason: 'minority result', agreedSha256: n.agreed };
}

/**
 * Workers that hold some of the aggregate's inputs: those whose agreed outputs it reads. The
 * leader is the bidder among them the market's ranking puts first; the poster can check it from
 * the graph record alone.
 */
export function leaderSet(g: GraphRecord): Set<bigint> {
  const agg = g.nodes[AGGREGATE];
  const out = new Set<bigint>();
  if (!agg) return out;
  for (const d of agg.deps) {
    const n = g.nodes[d]!;
    for (const u of n.units)
      if (u.worker && u.verdict === 'match' && u.outputSha256 === n.agreed) out.add(BigInt(u.worker));
  }
  return out;
}

/**
 * Why a bid may not win a unit, if it may not: a worker (account or peer) runs one replica of a
 * node at most, so k results come from k different accounts and peers; a worker whose unit of
 * a node was lost (a result refused: not its commitment, or a proof that does not verify; or
 * no result at all) is not hired for that node again; and while the leader window is open, the
 * aggregate goes only to a worker that holds some of its inputs.
 */
export function vetBid(
  g: GraphRecord,
  ref: GraphUnitRef,
  jobId: string,
  bid: { worker: bigint; peer: string },
  now: number,
  leaderWindowMs: number,
): string | undefined {
  const n = g.nodes[ref.node];
  if (!n) return undefined;
  for (const u of n.units) {
    if (u.jobId === jobId) continue;
    const same = (u.worker !== undefined && BigInt(u.worker) === bid.worker) || u.peer === bid.peer;
    if (!same) continue;
    if (!isLost(u)) return `already holds replica ${u.replica} of ${ref.node}`;
    return u.verdict !== undefined
      ? `delivered a refused result for ${ref.node}`
      : `let a unit of ${ref.node} end without a result`;
  }
  if (ref.node === AGGREGATE && now < (n.readyAt ?? 0) + leaderWindowMs) {
    const leaders = leaderSet(g);
    if (leaders.size > 0 && !leaders.has(bid.worker))
      return 'holds none of the aggregate inputs (leader window)';
  }
  return undefined;
}

/** Units of the graph a worker holds that have no result yet (awarded, running, submitting). */
export function unfinishedUnits(g: GraphRecord, worker: bigint): number {
  let n = 0;
  for (const node of Object.values(g.nodes))
    for (const u of node.units)
      if (
        u.worker !== undefined &&
        BigInt(u.worker) === worker &&
        u.verdict === undefined &&
        u.ended === undefined
      )
        n++;
  return n;
}

/**
 * Spreads a graph over the workers that bid: bids already ranked by the market's strategy are
 * reordered, stably, by how many unfinished units of the graph each bidder holds, so a unit
 * goes to the least loaded bidder, the market's ranking deciding among equals (alone, it would
 * give every unit to the best-reputed free worker).
 */
export function spreadRank<T extends { bid: { workerAddress: bigint } }>(
  g: GraphRecord,
  ranked: readonly T[],
): T[] {
  const load = new Map<bigint, number>();
  const of = (w: bigint) => {
    let n = load.get(w);
    if (n === undefined) load.set(w, (n = unfinishedUnits(g, w)));
    return n;
  };
  return ranked
    .map((r, i) => ({ r, i }))
    .sort((a, b) => of(a.r.bid.workerAddress) - of(b.r.bid.workerAddress) || a.i - b.i)
    .map((x) => x.r);
}

/**
 * Why `worker` should not win now, if a bidder still to be tried holds fewer unfinished units of
 * the graph. Rankings of windows that close together are made before any of their winners is
 * known, so the load is looked at again when each candidate is vetted, with the winners so far.
 */
export function spreadVeto(g: GraphRecord, worker: bigint, remaining: readonly bigint[]): string | undefined {
  const mine = unfinishedUnits(g, worker);
  const lighter = remaining.find((w) => w !== worker && unfinishedUnits(g, w) < mine);
  return lighter === undefined ? undefined : `a bidder with fewer unfinished units of this graph is waiting`;
}
