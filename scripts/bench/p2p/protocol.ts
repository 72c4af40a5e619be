/** The messages between the bench's parent process and the children that host its nodes. */
import type { NetworkSpec, NodeSpec } from './specs';

/** A child's event-loop utilization and delay since its last reset. */
export type Loop = { type: 'loop'; utilization: number; delayMs: { p50: number; p99: number; max: number } };

export type Command =
  | { type: 'start'; specs: NodeSpec[]; net: NetworkSpec; offset: number }
  | { type: 'tables' }
  | { type: 'provide' }
  | { type: 'discover'; node: number }
  | { type: 'dial'; pairs: Array<[number, string]> }
  | { type: 'bind'; workers: Array<[string, string]> }
  | { type: 'mesh'; min: number }
  | { type: 'adverts' }
  | { type: 'cpu' }
  | { type: 'loop'; reset?: boolean }
  | { type: 'latency'; posters: number[]; jobs: number; gapMs: number; warmup: number }
  | { type: 'throughput'; poster: number; jobs: number; concurrency: number; maxBids: number; warmup: number }
  | { type: 'bidTimes' }
  | { type: 'stop' };

/** [job, announced, first bid received] on the shared clock, and the latency (ms). */
export type LatencySample = [string, number, number, number];
