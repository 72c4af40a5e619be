/**
 * Churn for the scale section: at a steady rate, a random present node leaves (its libp2p host
 * and everything above it stop), stays away for `downMs`, and comes back as itself (same identity,
 * same address where the port is still free) by dialling a few random present nodes, as a
 * restarted machine with a bootstrap list does. The timeline records who was present when.
 */
import type { Child } from './children';
import type { Rejoined } from './protocol';
import type { Timeline } from './timeline';
import { sleep } from './wait';

export interface ChurnOptions {
  /** Nodes leaving per minute. */
  perMinute: number;
  downMs: number;
  /** Nodes that may churn. */
  candidates: number[];
  /** Nodes a returning node may bootstrap from (when present). */
  bootstrapPool: number[];
  owner: (node: number) => Child;
  /** Every node's current address, updated when a node comes back on another port. */
  addrs: string[];
  timeline: Timeline;
  rand: () => number;
  /** Nodes not to take away right now (a lookup is running on them). */
  busy: Set<number>;
}

/** Shared wall clock, as the children stamp their events. */
export const now = () => performance.timeOrigin + performance.now();

export class Churn {
  readonly stats = { left: 0, rejoined: 0, notJoined: 0, movedPort: 0, rejoinMs: [] as number[] };
  private timer?: NodeJS.Timeout;
  private readonly cycling = new Set<number>();
  private readonly inFlight = new Set<Promise<void>>();
  /** The first cycle that failed (a child's error): stop() throws it, so a broken run does not print figures. */
  private failure?: unknown;

  constructor(private readonly o: ChurnOptions) {}

  start(): void {
    if (this.o.perMinute <= 0) return;
    this.timer = setInterval(() => this.once(), 60_000 / this.o.perMinute);
  }

  /** Stops taking nodes away and waits for those away to come back. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.inFlight]);
    if (this.failure !== undefined) throw this.failure;
  }

  private pick(pool: number[], exclude: (n: number) => boolean): number | undefined {
    const eligible = pool.filter((n) => this.o.timeline.present(n) && !exclude(n));
    return eligible[Math.floor(this.o.rand() * eligible.length)];
  }

  private once(): void {
    const node = this.pick(this.o.candidates, (n) => this.cycling.has(n) || this.o.busy.has(n));
    if (node === undefined) return;
    this.cycling.add(node);
    const cycle = this.cycle(node)
      .catch((err: unknown) => {
        this.failure ??= err;
      })
      .finally(() => {
        this.cycling.delete(node);
        this.inFlight.delete(cycle);
      });
    this.inFlight.add(cycle);
  }

  private async cycle(node: number): Promise<void> {
    const { owner, timeline, addrs } = this.o;
    // Absent from the moment it is told to go: it may still receive for a few ms, never counted.
    timeline.left(node, now());
    await owner(node).ask<{ type: 'left'; node: number }>(
      { type: 'leave', node },
      'left',
      (m) => m.node === node,
    );
    this.stats.left++;
    await sleep(this.o.downMs);
    const bootstrap: string[] = [];
    for (let i = 0; i < 3; i++) {
      const peer = this.pick(this.o.bootstrapPool, (n) => n === node);
      if (peer !== undefined) bootstrap.push(addrs[peer] as string);
    }
    const r = await owner(node).ask<Rejoined>(
      { type: 'rejoin', node, bootstrap },
      'rejoined',
      (m) => m.node === node,
    );
    if (r.addr !== addrs[node]) this.stats.movedPort++;
    addrs[node] = r.addr;
    if (r.joinedAt === undefined) {
      // Up but never in the mesh within 30 s: left out of the delivery figures, counted here.
      this.stats.notJoined++;
      return;
    }
    this.stats.rejoined++;
    this.stats.rejoinMs.push(r.joinedAt - r.startedAt);
    timeline.joined(node, r.joinedAt);
  }
}
