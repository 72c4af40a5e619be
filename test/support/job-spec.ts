/**
 * A job as a poster announces it, with terms that pass every check unless a test says otherwise:
 * the tests and benches that announce jobs over real nodes share this one shape.
 */
import type { JobRequirements } from '../../src/discovery/capabilities';
import type { JobSpec } from '../../src/market/types';

export const EASY_REQUIREMENTS: JobRequirements = {
  minCores: 1,
  minMemoryMb: 512,
  wasmFeatures: [],
  minFuelPerSecond: 1n,
  fuelLimit: 1000n,
};

export function jobSpec(jobId: bigint, over: Partial<JobSpec> = {}): JobSpec {
  return {
    jobId,
    posterAddress: 0xabcn,
    manifestHash: 0x1234n,
    requirements: EASY_REQUIREMENTS,
    budget: 10n ** 18n,
    collateralBps: 0,
    execDurationS: 3600n,
    attempt: 1,
    maxAttempts: 1,
    bidWindowMs: 2000,
    maxBids: 1,
    ...over,
  };
}
