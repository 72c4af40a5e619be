/**
 * Which nodes were in the network when, for the scale section: a node counts as present from the
 * moment it has joined the announcement mesh (at the start, or after it came back from churn)
 * until the parent tells it to leave. Delivery is judged against this: an announcement is owed to
 * every matching worker present from its announcement to the end of the delivery window.
 */

export class Timeline {
  /** Per node, its closed [from, to) presences and, while present, when the current one began. */
  private readonly closed = new Map<number, Array<[number, number]>>();
  private readonly open = new Map<number, number>();

  joined(node: number, at: number): void {
    if (!this.open.has(node)) this.open.set(node, at);
  }

  left(node: number, at: number): void {
    const from = this.open.get(node);
    if (from === undefined) return;
    this.open.delete(node);
    const list = this.closed.get(node) ?? [];
    list.push([from, at]);
    this.closed.set(node, list);
  }

  present(node: number): boolean {
    return this.open.has(node);
  }

  /** Whether `node` was present through all of [from, to]. */
  presentThrough(node: number, from: number, to: number): boolean {
    const current = this.open.get(node);
    if (current !== undefined && current <= from) return true;
    return (this.closed.get(node) ?? []).some(([a, b]) => a <= from && b >= to);
  }
}

export interface Delivery {
  /** Announcements judged. */
  jobs: number;
  /** (job, matching worker present throughout) pairs, and how many of them bid within the window. */
  owed: number;
  delivered: number;
  ratio: number;
  /** A few of the misses, as [job, node], for finding out why. */
  missed: Array<[string, number]>;
}

/**
 * Delivery to matching workers: for each announced job, the `matching` workers present from its
 * announcement through `windowMs` after it, and whether each bid on it within that window (a
 * matching worker bids the moment it has validated an announcement, so its bid marks delivery).
 */
export function delivery(
  announced: Array<[string, number]>,
  bids: Array<[string, number, number]>,
  matching: number[],
  timeline: Timeline,
  windowMs: number,
): Delivery {
  const bidAt = new Map<string, number>();
  for (const [job, node, at] of bids) {
    const key = `${job}|${node}`;
    bidAt.set(key, Math.min(at, bidAt.get(key) ?? Infinity));
  }
  let owed = 0;
  let delivered = 0;
  const missed: Array<[string, number]> = [];
  for (const [job, t0] of announced) {
    for (const node of matching) {
      if (!timeline.presentThrough(node, t0, t0 + windowMs)) continue;
      owed++;
      const at = bidAt.get(`${job}|${node}`);
      if (at !== undefined && at <= t0 + windowMs) delivered++;
      else if (missed.length < 10) missed.push([job, node]);
    }
  }
  return { jobs: announced.length, owed, delivered, ratio: owed === 0 ? NaN : delivered / owed, missed };
}
