/**
 * What a worker offers and what a job needs, and the one function that compares them. The same
 * comparison decides whether a worker bids, whether a DHT-found worker is capable, and what a
 * no-bid explanation counts, so the three can never disagree.
 */
import type { NodeConfig } from '../config/config.schema';

export interface Capabilities {
  workerAddress: bigint;
  cores: number;
  memoryMb: number;
  /** WebAssembly proposals the worker's sandbox runs, e.g. "bulk-memory", "tail-call" (src/executor/wasm/features.ts). */
  wasmFeatures: string[];
  fuelPerSecond: bigint;
  /** Price floor, fri per unit of fuel. */
  pricePerFuel: bigint;
}

export interface JobRequirements {
  minCores: number;
  minMemoryMb: number;
  wasmFeatures: string[];
  minFuelPerSecond: bigint;
  /** The fuel a bid prices. */
  fuelLimit: bigint;
}

/** Each requirement a worker can fail; `stake` is checked against the chain, the rest locally. */
export const REQUIREMENTS = ['cores', 'memory', 'features', 'fuel', 'price', 'stake'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

/** What the worker would ask for the whole job. */
export function priceFor(caps: Capabilities, req: JobRequirements): bigint {
  return caps.pricePerFuel * req.fuelLimit;
}

/** Every local requirement the worker fails (empty when it can bid). */
export function unmetRequirements(caps: Capabilities, req: JobRequirements, budget: bigint): Requirement[] {
  const unmet: Requirement[] = [];
  if (caps.cores < req.minCores) unmet.push('cores');
  if (caps.memoryMb < req.minMemoryMb) unmet.push('memory');
  if (req.wasmFeatures.some((f) => !caps.wasmFeatures.includes(f))) unmet.push('features');
  if (caps.fuelPerSecond < req.minFuelPerSecond) unmet.push('fuel');
  if (priceFor(caps, req) > budget) unmet.push('price');
  return unmet;
}

/** Feature names: short, lowercase, as in the WebAssembly proposal names. */
export const FEATURE_NAME = /^[a-z0-9-]{1,32}$/;
export const MAX_FEATURES = 32;

/** The worker's capabilities as its configuration states them; none for a poster-only node. */
export function capabilitiesFromConfig(config: NodeConfig): Capabilities | undefined {
  const w = config.market.worker;
  if (!w) return undefined;
  return {
    workerAddress: w.address,
    cores: w.cores,
    memoryMb: w.memoryMb,
    wasmFeatures: w.wasmFeatures,
    fuelPerSecond: BigInt(w.fuelPerSecond),
    pricePerFuel: w.pricePerFuel,
  };
}
