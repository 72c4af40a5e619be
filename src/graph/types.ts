/**
 * A tasklet graph as its poster schedules it (journalled under `<dataDir>/graphs/`): each step
 * of the manifest (tasklets and the aggregate) is a node; each node is run as one or more units,
 * one on-chain job each (k replicas under `redundancy`, 1 otherwise, plus tiebreakers and
 * replacements). The chain holds each unit's escrow and payment; this holds what ties them.
 */
import type { JobStatus } from '../chain/job';

/** The aggregate step's node id: `@` is not allowed in a tasklet id, so it cannot clash. */
export const AGGREGATE = '@aggregate';

export const GRAPH_RECORD_VERSION = 1;

export interface GraphUnit {
  jobId: string;
  replica: number;
  /** The award in force (account address as 0x felt, peer id). */
  worker?: string;
  peer?: string;
  /** The output the worker delivered, once the poster fetched it and checked its commitment. */
  outputSha256?: string;
  verdict?: 'match' | 'mismatch' | 'invalid-proof';
  /** The chain's last status, once the unit's job ended on this poster. */
  ended?: JobStatus;
}

export interface GraphNode {
  id: string;
  /** Nodes whose agreed outputs are this node's input, concatenated in this order. */
  deps: string[];
  /** Units wanted with results: k, raised by one for each tiebreaker hired. */
  wanted: number;
  units: GraphUnit[];
  /** The input blob given to this node's units (the deps' agreed outputs, concatenated). */
  inputSha256?: string;
  /** The output the node's units agreed on (k = 1: the one checked result). */
  agreed?: string;
  /** When the node became ready (ms since epoch): the aggregate's leader window starts here. */
  readyAt?: number;
}

export type GraphStatus = 'running' | 'done' | 'failed';

export interface GraphRecord {
  version: typeof GRAPH_RECORD_VERSION;
  graphId: string;
  manifestSha256: string;
  /** Replicas per node: `verification.k` under redundancy, else 1. */
  k: number;
  /** Escrow of each unit (fri). */
  budget: string;
  execDurationS: string;
  maxAttempts: number;
  nodes: Record<string, GraphNode>;
  /** Node ids, each after those it reads. */
  order: string[];
  /** The node whose agreed output is the graph's output. */
  outputNode: string;
  status: GraphStatus;
  failure?: string;
  outputSha256?: string;
  history: Array<{ at: string; what: string }>;
}
