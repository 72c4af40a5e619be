/**
 * The poster's scheduler of tasklet graphs. It owns each graph's record (graph-journal.ts) and
 * drives it through the poster's ordinary job life: every ready node's missing units are posted
 * together (one approve + one create_job each, in one transaction), each unit a job of its own
 * with its escrow, award, commitment and payment; the job life's records come back here
 * (`observe`), and the graph moves on (`advance`). Two hooks into the job life carry the
 * graph's rules: which bids a unit may take (distinct workers per replica set, the aggregate's
 * leader) and whether a checked result is confirmed, held, or disputed (redundancy gates
 * payout). A unit whose job reopens after a missed window is re-awarded by the job life itself;
 * one whose job ended without a result is replaced here. Decisions are in state.ts.
 */
import { randomBytes } from 'node:crypto';
import type { BlobStore } from '../executor/blob-store';
import type { GraphUnitRef, JobRecord, PosterRecord } from '../jobs/journal';
import { blobsOf } from '../jobs/manifest-needs';
import type { PosterHooks, SettleDecision } from '../jobs/poster-hooks';
import type { PostJobInput } from '../jobs/posting';
import { Serial } from '../jobs/serial';
import type { Manifest } from '../manifest/types';
import { parseManifestText, MAX_MANIFEST_BYTES } from '../manifest/parse';
import { validateManifest } from '../manifest/validate';
import { FELT250_MASK } from '../shared/commitment';
import { describe } from '../p2p/errors';
import { feltHex } from '../shared/felt';
import type { Logger } from '../shared/logging';
import { GraphError } from './errors';
import { GraphJournal } from './graph-journal';
import {
  advance,
  decide,
  observe,
  planGraph,
  readyNodes,
  shortfall,
  spreadRank,
  spreadVeto,
  vetBid,
} from './state';
import type { GraphRecord } from './types';
import { unitManifest } from './unit-manifest';

/** What `post` takes: a job's posting input (src/jobs), its budget being each unit's escrow. */
export type PostGraphInput = Omit<PostJobInput, 'graph'>;

export interface GraphSchedulerOptions {
  /** How long the aggregate waits for a bid from a worker holding its inputs before taking anyone's. */
  leaderWindowMs?: number;
  /** How often running graphs are looked at without news (leader windows, retries). */
  tickMs?: number;
}

type UnitRecord = PosterRecord & { graph: GraphUnitRef };

/** What the scheduler needs of the job life (src/jobs/job-life.ts's JobLife is one). */
export interface UnitJobs {
  poster: {
    hooks: PosterHooks;
    postJobs(inputs: PostJobInput[]): Promise<Array<{ jobId: bigint; txHash: string }>>;
  };
  /** Every job record of the node (on start: units posted before a restart). */
  list(): JobRecord[];
  /** Each record as it is saved; returns the unsubscribe. */
  onChange(listener: (r: JobRecord) => void): () => void;
}

export class GraphScheduler {
  private readonly graphs = new Map<string, GraphRecord>();
  private readonly manifests = new Map<string, Manifest>();
  private readonly serial = new Serial();
  private readonly journal: GraphJournal;
  private readonly leaderWindowMs: number;
  /** Each unit's bidders in the order its last closing window tries them. */
  private readonly ranked = new Map<string, bigint[]>();
  /** What a unit was held by before its closing window's vet gave it to a candidate (see release). */
  private readonly held = new Map<string, { worker?: string; peer?: string }>();
  private readonly listeners = new Set<(g: GraphRecord) => void>();
  private tick?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    private readonly life: UnitJobs,
    private readonly blobs: BlobStore,
    dataDir: string,
    private readonly log: Logger,
    private readonly opts: GraphSchedulerOptions = {},
  ) {
    this.journal = new GraphJournal(dataDir);
    this.leaderWindowMs = opts.leaderWindowMs ?? 5_000;
  }

  /** Resumes the graphs in the journal and installs the job life's hooks. */
  start(): void {
    for (const g of this.journal.all()) {
      this.graphs.set(g.graphId, g);
      if (g.status === 'running') this.manifestOf(g);
    }
    this.life.poster.hooks = {
      vetBid: (r, bid) => this.vet(r as UnitRecord, bid.workerAddress, bid.worker),
      releaseBid: (r, bid) => this.release(r as UnitRecord, bid.workerAddress, bid.worker),
      settle: (r) => this.settle(r as UnitRecord),
      // A node's replicas (and a tiebreaker) go to distinct workers: a window wants that many bids.
      bidsWanted: (r) => {
        const g = r.graph && this.graphs.get(r.graph.graphId);
        return (g && r.graph && g.nodes[r.graph.node]?.wanted) || 1;
      },
      rankBids: (r, ranked) => {
        const g = r.graph && this.graphs.get(r.graph.graphId);
        if (!g) return ranked;
        const order = spreadRank(g, ranked);
        this.ranked.set(
          r.jobId,
          order.map((x) => x.bid.workerAddress),
        );
        return order;
      },
    };
    for (const r of this.life.list()) this.onRecord(r);
    this.unsubscribe = this.life.onChange((r) => this.onRecord(r));
    const tick = () => {
      for (const g of this.graphs.values()) if (g.status === 'running') void this.pump(g.graphId);
      this.tick = setTimeout(tick, this.opts.tickMs ?? 1_000);
    };
    this.tick = setTimeout(tick, 0);
  }

  stop(): void {
    clearTimeout(this.tick);
    this.unsubscribe?.();
  }

  /** Validates a graph, stores its blobs, and starts it. Resolves with its id once journalled. */
  async post(input: PostGraphInput): Promise<string> {
    if (input.budget <= 0n) throw new GraphError('BAD_BUDGET', 'a unit budget must be positive');
    const bytes =
      typeof input.manifest === 'string' ? new TextEncoder().encode(input.manifest) : input.manifest;
    const v = validateManifest(parseManifestText(bytes, MAX_MANIFEST_BYTES));
    for (const b of input.blobs ?? []) this.blobs.put(b);
    const missing = blobsOf(v).filter((h) => !this.blobs.has(h));
    if (missing.length)
      throw new GraphError(
        'MISSING_BLOBS',
        `the manifest names blobs this node does not hold: ${missing.join(', ')}`,
      );
    const g = planGraph(v, {
      graphId: `g${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`,
      manifestSha256: this.blobs.put(bytes),
      budget: input.budget,
      execDurationS: input.execDurationS ?? 600n,
      maxAttempts: input.maxAttempts ?? 3,
    });
    this.manifests.set(g.graphId, v.manifest);
    this.graphs.set(g.graphId, g);
    this.record(g, `posted: ${g.order.length} steps, ${g.k} unit(s) each`);
    await this.pump(g.graphId);
    return g.graphId;
  }

  status(graphId: string): GraphRecord {
    const g = this.graphs.get(graphId);
    if (!g) throw new GraphError('UNKNOWN_GRAPH', `graph ${graphId} is not one of this node's graphs`);
    return g;
  }

  list(): GraphRecord[] {
    return [...this.graphs.values()];
  }

  /** Each graph record as it is journalled (`graph.watch`); returns the unsubscribe. */
  onChange(listener: (g: GraphRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Journals the record and tells the listeners; a listener that throws does not stop the graph. */
  private save(g: GraphRecord): void {
    this.journal.save(g);
    for (const l of this.listeners) {
      try {
        l(g);
      } catch (err) {
        this.log.warn({ graphId: g.graphId, err: describe(err) }, 'graph listener failed');
      }
    }
  }

  /** The graph's output, once its output step agreed. */
  result(graphId: string): Uint8Array | undefined {
    const sha = this.status(graphId).outputSha256;
    return sha ? this.blobs.get(sha) : undefined;
  }

  private manifestOf(g: GraphRecord): Manifest {
    let m = this.manifests.get(g.graphId);
    if (!m) {
      m = validateManifest(parseManifestText(this.blobs.get(g.manifestSha256), MAX_MANIFEST_BYTES)).manifest;
      this.manifests.set(g.graphId, m);
    }
    return m;
  }

  private onRecord(r: JobRecord): void {
    if (r.role !== 'poster' || !r.graph) return;
    if (r.step === 'done') this.ranked.delete(r.jobId);
    if (r.step === 'awarding' || r.step === 'done') this.held.delete(r.jobId);
    const g = this.graphs.get(r.graph.graphId);
    if (!g || !observe(g, r as UnitRecord)) return;
    // Decided at once, so a result waiting in review sees its replicas' agreement on its next look.
    g.history.push(...advance(g).map((what) => ({ at: new Date().toISOString(), what })));
    this.save(g);
    if (g.status === 'running') void this.pump(g.graphId);
  }

  /** Posts the units that ready nodes are missing, all in one transaction. */
  private pump(graphId: string): Promise<void> {
    return this.serial.run(graphId, async () => {
      const g = this.graphs.get(graphId)!;
      this.record(g, ...advance(g));
      if (g.status !== 'running') return;
      const m = this.manifestOf(g);
      const posts: PostJobInput[] = [];
      for (const n of readyNodes(g)) {
        if (n.readyAt === undefined) {
          n.readyAt = Date.now();
          this.record(g, `${n.id}: ready`);
        }
        // A running graph is pumped on every change to its units: most find nothing to post, and
        // writing a unit's manifest (YAML) for each ready node every time cost more than the rest.
        const missing = shortfall(n);
        if (missing === 0) continue;
        if (n.deps.length > 0 && n.inputSha256 === undefined) {
          const parts = n.deps.map((d) => this.blobs.get(g.nodes[d]!.agreed!));
          n.inputSha256 = this.blobs.put(Buffer.concat(parts));
        }
        const manifest = unitManifest(m, g.graphId, n.id, n.inputSha256, n.id === g.outputNode);
        for (let i = 0; i < missing; i++) {
          posts.push({
            manifest,
            budget: BigInt(g.budget),
            execDurationS: BigInt(g.execDurationS),
            maxAttempts: g.maxAttempts,
            graph: { graphId, node: n.id, replica: n.units.length + i },
          });
        }
      }
      if (posts.length === 0) return;
      try {
        // Each posted record comes back through onRecord before this resolves: the units exist.
        await this.life.poster.postJobs(posts);
        this.record(g, `posted ${posts.length} unit(s): ${posts.map((p) => p.graph!.node).join(', ')}`);
      } catch (err) {
        // Noted once per distinct reason (a low balance would otherwise fill the history).
        const what = `posting ${posts.length} unit(s) failed, retried: ${describe(err)}`;
        if (g.history.at(-1)?.what !== what) this.record(g, what);
      }
    });
  }

  private vet(r: UnitRecord, worker: bigint, peer: string): string | undefined {
    const g = this.graphs.get(r.graph.graphId);
    if (!g) return 'not a unit of a running graph';
    const order = this.ranked.get(r.jobId) ?? [];
    const reason =
      vetBid(g, r.graph, r.jobId, { worker, peer }, Date.now(), this.leaderWindowMs) ??
      spreadVeto(g, worker, order.slice(order.indexOf(worker) + 1));
    if (reason === undefined) {
      // Held for this unit at once: the other replicas' bid windows close at the same moment.
      const u = g.nodes[r.graph.node]?.units.find((x) => x.jobId === r.jobId);
      if (u) {
        this.held.set(r.jobId, { worker: u.worker, peer: u.peer });
        u.worker = feltHex(worker);
        u.peer = peer;
      }
    }
    return reason;
  }

  /** The worker vet let through was refused on chain: the unit goes back to whom it was held by. */
  private release(r: UnitRecord, worker: bigint, peer: string): void {
    const before = this.held.get(r.jobId);
    const u = this.graphs.get(r.graph.graphId)?.nodes[r.graph.node]?.units.find((x) => x.jobId === r.jobId);
    if (!before || !u || u.worker !== feltHex(worker) || u.peer !== peer) return;
    this.held.delete(r.jobId);
    if (before.worker === undefined) delete u.worker;
    else u.worker = before.worker;
    if (before.peer === undefined) delete u.peer;
    else u.peer = before.peer;
  }

  private settle(r: UnitRecord): SettleDecision {
    const g = this.graphs.get(r.graph.graphId);
    if (!g) return { action: 'wait' };
    const d = decide(g, r.graph, r.jobId);
    if (d.action !== 'dispute') return d;
    this.record(g, `${r.graph.node}: unit job ${r.jobId} disagrees with the agreed output; disputed`);
    return { action: 'dispute', reason: d.reason, evidence: BigInt(`0x${d.agreedSha256}`) & FELT250_MASK };
  }

  /** Notes what happened to the graph and journals it; nothing to note, nothing written. */
  private record(g: GraphRecord, ...notes: string[]): void {
    if (notes.length === 0) return;
    const at = new Date().toISOString();
    for (const what of notes) {
      g.history.push({ at, what });
      this.log.info({ graphId: g.graphId, what }, 'graph');
    }
    this.save(g);
  }
}
