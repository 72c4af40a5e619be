/**
 * How a worker finds jobs it did not hear announced (it was offline, or joined late): open jobs
 * are on chain, so each JobCreated or JobReopened event the follower delivers is a job this
 * worker may want. If no announcement of it has reached the worker a little later, and the
 * chain still says Open, the worker asks its connected peers for the job's signed announcement
 * on the job protocol; the job's poster answers with its open bid window's announcement, which
 * then goes through the same checks and bidding as one heard over gossip.
 */
import { describe } from '../p2p/errors';
import type { Announcement } from '../market/types';
import { readJob } from './chain-view';
import type { JobContext } from './context';

export interface JobFinderOptions {
  /** How long after the chain's event an announcement may still arrive by gossip. */
  graceMs: number;
  /** Peers asked at once (connected ones only). */
  maxPeers: number;
}

/** Job ids remembered as announced; past this, the oldest are forgotten. */
const MAX_SEEN = 10_000;

export class JobFinder {
  private readonly seen = new Set<string>();
  private readonly queue: bigint[] = [];
  private readonly queued = new Set<string>();
  private draining = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly stats = { asked: 0, answered: 0 };

  constructor(
    private readonly ctx: JobContext,
    /** Whether this worker already has the job (a bid or an award in its journal). */
    private readonly holds: (jobId: bigint) => boolean,
    private readonly opts: JobFinderOptions,
  ) {}

  /** Remembers every announcement the worker role looks at, however it came. */
  attach(): void {
    const w = this.ctx.market.worker!;
    w.on('bid', ({ jobId }) => this.markSeen(jobId));
    w.on('skip', ({ jobId }) => this.markSeen(jobId));
  }

  /** The chain says `jobId` was created or reopened: look for it if gossip does not bring it. */
  onOpened(jobId: bigint): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.enqueue(jobId);
    }, this.opts.graceMs);
    this.timers.add(t);
  }

  /** An announcement a peer sent because we asked. */
  onAnswer(from: string, a: Announcement): void {
    this.stats.answered++;
    if (this.seen.has(a.jobId.toString())) return;
    this.ctx.log.info({ jobId: a.jobId.toString(), from }, 'announcement fetched for a job missed on gossip');
    this.ctx.market.deliverAnnouncement(a);
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.queue.length = 0;
  }

  private markSeen(jobId: bigint): void {
    this.seen.add(jobId.toString());
    if (this.seen.size > MAX_SEEN) this.seen.delete(this.seen.values().next().value!);
  }

  private enqueue(jobId: bigint): void {
    const key = jobId.toString();
    if (this.seen.has(key) || this.queued.has(key) || this.holds(jobId)) return;
    this.queued.add(key);
    this.queue.push(jobId);
    void this.drain();
  }

  /** One job at a time: a node catching up on a long history reads the chain at a steady pace. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let id = this.queue.shift(); id !== undefined; id = this.queue.shift()) {
        this.queued.delete(id.toString());
        await this.seek(id).catch((err: unknown) =>
          this.ctx.log.debug(
            { jobId: id!.toString(), err: describe(err) },
            'could not look for a missed job',
          ),
        );
      }
    } finally {
      this.draining = false;
    }
  }

  private async seek(jobId: bigint): Promise<void> {
    if (this.seen.has(jobId.toString()) || this.holds(jobId)) return;
    const job = await readJob(this.ctx.clients, jobId);
    if (job.status !== 'Open') return;
    const peers = this.ctx.host.libp2p.getPeers().map(String).slice(0, this.opts.maxPeers);
    for (const peer of peers) {
      this.stats.asked++;
      this.ctx.protocol
        .askAnnouncement(peer, jobId)
        .catch((err: unknown) =>
          this.ctx.log.debug(
            { jobId: jobId.toString(), peer, err: describe(err) },
            'announcement request not sent',
          ),
        );
    }
  }
}
