/** The messages between the bench's parent process and the children that host its nodes. */
import type { NetworkSpec, NodeSpec } from './specs';

/** A child's event-loop utilization and delay since its last reset. */
export type Loop = { type: 'loop'; utilization: number; delayMs: { p50: number; p99: number; max: number } };

export type Command =
  | { type: 'start'; specs: NodeSpec[]; net: NetworkSpec; offset: number }
  | { type: 'tables' }
  | { type: 'provide' }
  | { type: 'discover'; node: number }
  /** `concurrency`: dials in flight at once (default: all). */
  | { type: 'dial'; pairs: Array<[number, string]>; concurrency?: number }
  | { type: 'bind'; workers: Array<[string, string]> }
  /** `waitMs`: reply after at most this long with the nodes still outside, instead of failing after 2 minutes. */
  | { type: 'mesh'; min: number; waitMs?: number }
  | { type: 'adverts' }
  | { type: 'cpu' }
  | { type: 'loop'; reset?: boolean }
  /**
   * `capable`: the jobs require DISCOVERY_REQ (only capable workers match) instead of what every worker offers.
   * `forMs`: stop announcing this long after the warm-up, even if fewer than `jobs` were announced.
   */
  | { type: 'latency'; posters: number[]; jobs: number; gapMs: number; warmup: number; capable?: boolean; bidWindowMs?: number; maxBids?: number; forMs?: number }
  | { type: 'throughput'; poster: number; jobs: number; concurrency: number; maxBids: number; warmup: number }
  | { type: 'bidTimes' }
  | { type: 'leave'; node: number }
  | { type: 'rejoin'; node: number; bootstrap: string[] }
  | { type: 'bids' }
  | { type: 'usage' }
  | { type: 'stop' };

/** [job, announced, first bid received] on the shared clock, and the latency (ms). */
export type LatencySample = [string, number, number, number];

/** What a child's process uses: CPU since it started, and memory now. */
export type Usage = { type: 'usage'; cpuUs: number; rssBytes: number; heapBytes: number; online: number };

/** A node back after churn: when it was started again and when it had joined the announcement mesh (shared clock, ms). */
export type Rejoined = { type: 'rejoined'; node: number; addr: string; startedAt: number; joinedAt?: number };
