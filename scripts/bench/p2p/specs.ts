/** What the p2p benches' nodes are (worker capabilities, network settings) and the jobs they post. */
import type { JobRequirements } from '../../../src/discovery/capabilities';
import type { JobSpec } from '../../../src/market/types';
import { jobSpec as baseJobSpec } from '../../../test/support/job-spec';

export const NETWORK = 'bench';

export interface NodeSpec {
  worker?: { address: string; cores: number; memoryMb: number; wasmFeatures: string[]; pricePerFuel: string };
}

/** Node settings for one child's nodes (the discovery network differs from the market ones). */
export interface NetworkSpec {
  transport: 'tcp' | 'memory';
  dhtBucketSize?: number;
  heartbeatMs?: number;
  /** Publish worker adverts on gossip (default true). */
  advertise?: boolean;
  /** Run the public defaults instead of p2p.simulation's relaxations. */
  publicDefaults?: boolean;
  /** p2p.livenessPingMs (default 30 s). */
  livenessPingMs?: number;
  /** p2p.simulationCosts (src/config/p2p-simulation.ts); the full stack when absent. */
  costs?: { plaintext?: boolean; muxerKeepAlive?: boolean; housekeepingMs?: number };
}

export const DISCOVERY_REQ: JobRequirements = { minCores: 4, minMemoryMb: 16384, wasmFeatures: ['tail-call'], minFuelPerSecond: 1n, fuelLimit: 1000n };

const REQ: JobRequirements = { minCores: 1, minMemoryMb: 1024, wasmFeatures: ['multi-value'], minFuelPerSecond: 1n, fuelLimit: 1000n };

export function jobSpec(jobId: bigint, over: Partial<JobSpec> = {}): JobSpec {
  return baseJobSpec(jobId, { requirements: REQ, ...over });
}

export function workerSpec(i: number, over: Partial<NonNullable<NodeSpec['worker']>> = {}): NodeSpec['worker'] {
  return { address: `0x${(0x1000 + i).toString(16)}`, cores: 8, memoryMb: 8192, wasmFeatures: ['multi-value'], pricePerFuel: String(10 + (i % 7)), ...over };
}
