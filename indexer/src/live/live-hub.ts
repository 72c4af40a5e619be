/**
 * The read side's view of ingest commits, one per HTTP process: it follows the committed head
 * (from the ingestor in-process, or over IPC in a cluster), counts generations for the query
 * cache (every commit and rollback is a new one), and feeds subscriptions.
 *
 * A commit is pushed only after ingest's transaction committed (the feed fires after it), and
 * each commit's changed jobs are read once, with their workers joined in, for every subscriber.
 * Commits are handled one at a time in order, so subscribers see blocks in chain order.
 *
 * A client that reconnects names the last block it saw (`sinceBlock`): it gets the jobs changed
 * after it from the database (`updated_block`) and, from the rollbacks this process saw, the
 * jobs a reorg restored (a restored row carries its older `updated_block`, so the database alone
 * cannot say it moved).
 */
import type { Logger } from 'pino';
import type { JobFilter } from '../graphql/args';
import type { MarketQueries } from '../graphql/market-queries';
import type { Job } from '../graphql/models';
import type { BlockRef, CommitEvent } from '../ingest/commit-feed';
import { Channel } from './channel';
import { jobMatches } from './job-filter';

export interface JobUpdatePayload {
  id: string;
  /** Null when a rollback removed the job (its creation was undone). */
  job: Job | null;
  block: number;
  blockHash: string | null;
  rolledBack: boolean;
  matchesFilter: boolean;
}

export interface HeadPayload {
  number: number;
  hash: string | null;
  timestamp: number;
  /** Set when this head is the fork point of a rollback: the block the cursor stood at before it. */
  rolledBackFrom: number | null;
}

export interface LiveHubOptions {
  /** Updates one subscription may have waiting before it is ended as too slow. */
  channelCapacity: number;
  /** Most jobs a reconnecting subscription is sent from the database; beyond, it must re-query. */
  maxCatchUpJobs: number;
  /** Rollbacks remembered for reconnecting clients. */
  rollbackMemory: number;
}

export const DEFAULT_LIVE_HUB_OPTIONS: LiveHubOptions = {
  channelCapacity: 256,
  maxCatchUpJobs: 500,
  rollbackMemory: 256,
};

type Listener = (jobs: Map<string, Job>, event: CommitEvent) => void;

/** Jobs one filtered subscription remembers having shown, to announce their leaving it. */
const MAX_SHOWN = 10_000;

export class LiveHub {
  private head: BlockRef = { number: -1, hash: null, timestamp: 0 };
  private gen = 0;
  private readonly rollbacks: { fork: number; from: number; jobs: Set<string> }[] = [];
  private readonly jobListeners = new Set<Listener>();
  private readonly headListeners = new Set<(h: HeadPayload) => void>();
  private readonly generationListeners = new Set<(gen: number, event: CommitEvent) => void>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly q: MarketQueries,
    private readonly log: Logger,
    private readonly opts: LiveHubOptions = DEFAULT_LIVE_HUB_OPTIONS,
  ) {}

  /** The committed cursor when the process starts, before any commit event arrives. */
  start(head: BlockRef): void {
    if (this.head.number < 0) this.head = head;
  }

  get generation(): number {
    return this.gen;
  }

  get headBlock(): BlockRef {
    return this.head;
  }

  get subscribers(): number {
    return this.jobListeners.size + this.headListeners.size;
  }

  /** Called (only) after ingest committed `event`. */
  onCommit(event: CommitEvent): void {
    // The generation moves at once: the query cache must not serve the old block any longer.
    this.gen++;
    this.head = event.block;
    if (event.kind === 'rolledBack') {
      this.rollbacks.push({ fork: event.block.number, from: event.from, jobs: new Set(event.jobs) });
      if (this.rollbacks.length > this.opts.rollbackMemory) this.rollbacks.shift();
    }
    for (const l of this.generationListeners) l(this.gen, event);
    this.queue = this.queue
      .then(() => this.dispatch(event))
      .catch((err: unknown) =>
        this.log.error({ err: (err as Error).message, block: event.block.number }, 'live update failed'),
      );
  }

  /** Told of every new generation (the query cache clears itself). */
  onGeneration(fn: (gen: number, event: CommitEvent) => void): () => void {
    this.generationListeners.add(fn);
    return () => this.generationListeners.delete(fn);
  }

  private async dispatch(event: CommitEvent): Promise<void> {
    const head: HeadPayload = {
      ...event.block,
      rolledBackFrom: event.kind === 'rolledBack' ? event.from : null,
    };
    for (const l of this.headListeners) l(head);
    if (this.jobListeners.size === 0 || event.jobs.length === 0) return;
    const jobs = new Map((await this.q.jobsByIds(event.jobs)).map((j) => [j.id, j]));
    for (const l of this.jobListeners) l(jobs, event);
  }

  /**
   * Jobs a rollback restored that a client whose last-seen block is `since` may have seen in
   * their undone state: rollbacks whose undone range (fork, from] holds `since`. A block past
   * `from` was seen on the branch that replaced it, after the rollback.
   */
  private rolledBackSince(since: number): Set<string> {
    const out = new Set<string>();
    for (const r of this.rollbacks)
      if (r.fork < since && since <= r.from) for (const id of r.jobs) out.add(id);
    return out;
  }

  private payload(
    id: string,
    job: Job | null,
    rolledBack: boolean,
    filter: JobFilter | undefined,
    block = this.head,
  ): JobUpdatePayload {
    // The row is read after the commit was announced; a later chunk may have committed since,
    // and then the state is that block's.
    const newer = job !== null && job.updatedBlock > block.number;
    return {
      id,
      job,
      block: newer ? job.updatedBlock : block.number,
      blockHash: newer ? null : block.hash,
      rolledBack,
      matchesFilter: job !== null && jobMatches(job, filter),
    };
  }

  /**
   * Updates of jobs (all, or those matching `filter`, or one id). A job that leaves the filter
   * is pushed once more with matchesFilter false, so a live table can drop it.
   */
  jobUpdates(select: { id?: string; filter?: JobFilter; sinceBlock?: number }): Channel<JobUpdatePayload> {
    const shown = new Set<string>();
    const wanted = (id: string) => select.id === undefined || select.id === id;
    const offer = (p: JobUpdatePayload) => {
      if (!wanted(p.id)) return;
      if (select.id !== undefined || p.matchesFilter || shown.has(p.id) || (p.rolledBack && p.job === null)) {
        if (p.matchesFilter) {
          // Bounded: past it, a job shown long ago that leaves the filter is not announced.
          if (shown.size >= MAX_SHOWN) shown.delete(shown.values().next().value!);
          shown.add(p.id);
        } else shown.delete(p.id);
        channel.push(p);
      }
    };
    const listener: Listener = (jobs, event) => {
      for (const id of event.jobs)
        offer(
          this.payload(id, jobs.get(id) ?? null, event.kind === 'rolledBack', select.filter, event.block),
        );
    };
    const channel = new Channel<JobUpdatePayload>(this.opts.channelCapacity, () =>
      this.jobListeners.delete(listener),
    );
    // Live first, then the catch-up: an update landing in between is sent twice, never lost.
    this.jobListeners.add(listener);
    if (select.sinceBlock !== undefined) void this.catchUp(select, offer, channel);
    return channel;
  }

  private async catchUp(
    select: { id?: string; filter?: JobFilter; sinceBlock?: number },
    offer: (p: JobUpdatePayload) => void,
    channel: Channel<JobUpdatePayload>,
  ): Promise<void> {
    const since = select.sinceBlock!;
    try {
      const restored = this.rolledBackSince(since);
      const changed =
        select.id !== undefined
          ? (await this.q.jobsByIds([select.id])).filter((j) => j.updatedBlock > since)
          : await this.q.jobsChangedSince(select.filter, since, this.opts.maxCatchUpJobs);
      const byId = new Map(changed.map((j) => [j.id, j]));
      const restoredIds = [...restored].filter((id) => !byId.has(id) && (select.id ?? id) === id);
      for (const j of await this.q.jobsByIds(restoredIds)) byId.set(j.id, j);
      for (const j of changed) offer(this.payload(j.id, j, restored.has(j.id), select.filter));
      for (const id of restoredIds) offer(this.payload(id, byId.get(id) ?? null, true, select.filter));
    } catch (err) {
      channel.fail(new Error(`catching up from block ${since} failed: ${(err as Error).message}`));
    }
  }

  /** The committed head now, then each new one (a rollback's fork point included). */
  heads(): Channel<HeadPayload> {
    const listener = (h: HeadPayload) => channel.push(h);
    const channel = new Channel<HeadPayload>(this.opts.channelCapacity, () =>
      this.headListeners.delete(listener),
    );
    this.headListeners.add(listener);
    channel.push({ ...this.head, rolledBackFrom: null });
    return channel;
  }
}
