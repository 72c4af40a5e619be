/**
 * How well matching on noised adverts works, measured on a synthetic market: workers and jobs
 * drawn from spreads like the ones the benches use, each worker's advert noised at a given
 * epsilon, and every (worker, job) pair judged twice, on the exact figures (unmetRequirements:
 * could the worker do it?) and on the advert (advertUnmet: would a poster match it?).
 *
 * - false miss: the worker could do the job, the advert says it cannot (the poster never asks it).
 * - false bid: the advert says it may, the worker cannot (a poster counts on a bid that a worker,
 *   checking its exact figures, never sends).
 *
 * Seeded throughout, so the bench (scripts/bench/p2p-adverts.ts) and the test that holds the
 * default to its promise compute the same figures.
 */
import { advertUnmet, publicCapabilities, slackFor, type Uniform } from './advert-noise';
import { unmetRequirements, type Capabilities, type JobRequirements } from './capabilities';
import { mulberry32 } from '../shared/seeded-random';

/** Seeded draws for a workload and the noise of a measurement. */
export function seededUniform(seed: number): Uniform {
  const next = mulberry32(seed);
  // Shifted off 0: the noise takes the logarithm of this.
  return () => next() + 1 / 8589934592;
}

const pick = <T>(u: Uniform, xs: readonly T[]): T => xs[Math.floor(u() * xs.length)] as T;
/** Log-uniform integer in [lo, hi]: capacities spread over orders of magnitude, as real ones do. */
const logUniform = (u: Uniform, lo: number, hi: number): number =>
  Math.round(Math.exp(Math.log(lo) + u() * (Math.log(hi) - Math.log(lo))));

export function randomWorker(u: Uniform, i: number): Capabilities {
  return {
    workerAddress: BigInt(0x1000 + i),
    cores: logUniform(u, 1, 128),
    memoryMb: logUniform(u, 512, 512 * 1024),
    wasmFeatures: ['multi-value'],
    fuelPerSecond: BigInt(logUniform(u, 1e5, 1e9)),
    pricePerFuel: BigInt(logUniform(u, 1, 1000)),
  };
}

export function randomJob(u: Uniform): { req: JobRequirements; budget: bigint } {
  const fuelLimit = BigInt(pick(u, [1e3, 1e6, 1e9]));
  return {
    req: {
      minCores: logUniform(u, 1, 64),
      minMemoryMb: logUniform(u, 256, 256 * 1024),
      wasmFeatures: [],
      minFuelPerSecond: BigInt(logUniform(u, 1e5, 1e9)),
      fuelLimit,
    },
    budget: BigInt(logUniform(u, 1, 1000)) * fuelLimit,
  };
}

export interface MatchQuality {
  epsilon: number;
  missRate: number;
  /** Buckets of tolerance the poster allows at this epsilon and miss rate. */
  slack: number;
  pairs: number;
  /** Pairs where the worker could do the job. */
  capable: number;
  falseMisses: number;
  falseBids: number;
  /** falseMisses / capable. */
  falseMissRate: number;
  /** falseBids / (pairs - capable): how often an unable worker looks able. */
  falseBidRate: number;
  /** falseBids / matched: the share of matched workers that turn out unable. */
  falseMatchShare: number;
}

export interface MatchQualityOptions {
  epsilon: number;
  missRate: number;
  workers?: number;
  jobs?: number;
  seed?: number;
}

export function measureMatchQuality(opts: MatchQualityOptions): MatchQuality {
  const u = seededUniform(opts.seed ?? 16);
  const workers = Array.from({ length: opts.workers ?? 1000 }, (_, i) => randomWorker(u, i));
  const adverts = workers.map((w) => publicCapabilities(w, opts.epsilon, u));
  const jobs = Array.from({ length: opts.jobs ?? 200 }, () => randomJob(u));
  let capable = 0;
  let matched = 0;
  let falseMisses = 0;
  let falseBids = 0;
  for (const { req, budget } of jobs) {
    for (let i = 0; i < workers.length; i++) {
      const can = unmetRequirements(workers[i] as Capabilities, req, budget).length === 0;
      const match = advertUnmet(adverts[i]!, req, budget, opts.missRate).length === 0;
      if (can) capable++;
      if (match) matched++;
      if (can && !match) falseMisses++;
      if (!can && match) falseBids++;
    }
  }
  const pairs = workers.length * jobs.length;
  return {
    epsilon: opts.epsilon,
    missRate: opts.missRate,
    slack: slackFor(opts.epsilon, opts.missRate),
    pairs,
    capable,
    falseMisses,
    falseBids,
    falseMissRate: capable === 0 ? 0 : falseMisses / capable,
    falseBidRate: pairs === capable ? 0 : falseBids / (pairs - capable),
    falseMatchShare: matched === 0 ? 0 : falseBids / matched,
  };
}
