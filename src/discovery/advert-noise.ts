/**
 * What a worker's public advert says about its capacities, and how a poster matches a job
 * against it. No advert carries an exact figure: each capacity (cores, memory, fuel per second,
 * price floor) is reduced to a coarse bucket, its bit length (bucket b >= 1 holds
 * [2^(b-1), 2^b - 1], bucket 0 holds 0), and the bucket index gets noise from the two-sided
 * geometric mechanism (the discrete Laplace of Ghosh, Roughgarden and Sundararajan):
 *
 *   P(noise = k) = (1 - a) / (1 + a) * a^|k|,  a = exp(-epsilon)
 *
 * Changing a worker's capacity by one bucket (a factor of two) changes the probability of any
 * advert by at most e^epsilon, so each field is epsilon-differentially private with respect to its
 * bucket; within a bucket the advert is independent of the exact figure altogether. An advert has
 * four noised fields, so its budget is 4 * epsilon (basic composition). The noise is drawn once per
 * capability set and reused by every re-publish and query answer (as RAPPOR's "permanent
 * randomized response" does): fresh noise per advert would let a listener average it away, and
 * would spend the budget again on every advert.
 *
 * WASM features and the worker's account address stay exact: the first is a set the job either
 * needs or not, the second is needed to look the worker's stake up on chain.
 *
 * Matching tolerates the noise: a poster treats a worker as a candidate when each noised bucket
 * is within `slack` buckets of what the job needs, the slack chosen from the advert's own epsilon
 * so that a capable worker is missed with probability at most `missRate` (a union bound over the
 * four fields; see slackFor). A larger slack costs false matches: workers that cannot do the job
 * look as if they might. The worker itself decides whether to bid on its exact figures, and the
 * exact price travels only in its bid, to one poster, over an authenticated stream.
 */
import { randomFillSync } from 'node:crypto';
import { reject } from '../p2p/errors';
import type { Capabilities, JobRequirements, Requirement } from './capabilities';
import { DEFAULT_EPSILON, DEFAULT_MISS_RATE, MAX_EPSILON, MIN_EPSILON } from '../config/discovery';

export { DEFAULT_EPSILON, DEFAULT_MISS_RATE, MAX_EPSILON, MIN_EPSILON };

/** Capacities are at most u256 (a price); the noised index is clamped into [0, MAX_BUCKET]. */
export const MAX_BUCKET = 256;

/** Noised capacity fields in an advert: the union bound in slackFor divides by this. */
export const NOISED_FIELDS = 4;

/** The advert's view of a worker: what any peer may learn from gossip. */
export interface PublicCapabilities {
  workerAddress: bigint;
  wasmFeatures: string[];
  coresBucket: number;
  memoryBucket: number;
  fuelBucket: number;
  priceBucket: number;
  /** The per-field epsilon the worker noised with; the poster's slack depends on it. */
  epsilon: number;
}

/** The bucket of a capacity: its bit length (0 for 0). */
export function bucketOf(v: bigint | number): number {
  const n = typeof v === 'bigint' ? v : BigInt(Math.floor(v));
  if (n <= 0n) return 0;
  return Math.min(MAX_BUCKET, n.toString(2).length);
}

/** The capacities a bucket stands for, inclusive. */
export function bucketRange(b: number): { lo: bigint; hi: bigint } {
  if (b <= 0) return { lo: 0n, hi: 0n };
  return { lo: 1n << BigInt(b - 1), hi: (1n << BigInt(b)) - 1n };
}

/** A uniform draw in (0, 1) from 53 random bits; never 0, so its logarithm is finite. */
export type Uniform = () => number;

const pool = Buffer.alloc(4096);
let poolPos = pool.length;

/** CSPRNG-backed: a predictable noise source would let an observer subtract the noise. */
export const secureUniform: Uniform = () => {
  if (poolPos + 8 > pool.length) {
    randomFillSync(pool);
    poolPos = 0;
  }
  const bits = pool.readBigUInt64BE(poolPos) >> 11n;
  poolPos += 8;
  return (Number(bits) + 0.5) / 2 ** 53;
};

/** Two-sided geometric noise, as the difference of two geometric draws with ratio exp(-epsilon). */
export function geometricNoise(epsilon: number, uniform: Uniform = secureUniform): number {
  const logA = -epsilon;
  const g = (): number => Math.floor(Math.log(uniform()) / logA);
  return g() - g();
}

export function noisedBucket(v: bigint | number, epsilon: number, uniform: Uniform = secureUniform): number {
  return Math.max(0, Math.min(MAX_BUCKET, bucketOf(v) + geometricNoise(epsilon, uniform)));
}

/** The public advert of `caps`: buckets with noise; nothing exact but features and address. */
export function publicCapabilities(
  caps: Capabilities,
  epsilon = DEFAULT_EPSILON,
  uniform: Uniform = secureUniform,
): PublicCapabilities {
  return {
    workerAddress: caps.workerAddress,
    wasmFeatures: caps.wasmFeatures,
    coresBucket: noisedBucket(caps.cores, epsilon, uniform),
    memoryBucket: noisedBucket(caps.memoryMb, epsilon, uniform),
    fuelBucket: noisedBucket(caps.fuelPerSecond, epsilon, uniform),
    priceBucket: noisedBucket(caps.pricePerFuel, epsilon, uniform),
    // What the wire can say (thousandths), so the poster's slack is computed from the same value.
    epsilon: Math.round(epsilon * 1000) / 1000,
  };
}

/** P(noise < -s) = P(noise > s) for the two-sided geometric with ratio a: a^(s+1) / (1 + a). */
export function tailProbability(epsilon: number, s: number): number {
  const a = Math.exp(-epsilon);
  return a ** (s + 1) / (1 + a);
}

/**
 * The smallest slack s with tailProbability(epsilon, s) <= missRate / NOISED_FIELDS: a capable
 * worker then fails no field's test with more than missRate probability over all four.
 */
export function slackFor(epsilon: number, missRate = DEFAULT_MISS_RATE): number {
  const perField = missRate / NOISED_FIELDS;
  let s = 0;
  while (s < MAX_BUCKET && tailProbability(epsilon, s) > perField) s++;
  return s;
}

/** The largest price per fuel within `budget` for `req`'s fuel (the price test compares with it). */
function maxPricePerFuel(req: JobRequirements, budget: bigint): bigint {
  return req.fuelLimit === 0n ? budget : budget / req.fuelLimit;
}

/**
 * The requirements an advert says the worker may fail, with the noise tolerated as described
 * above. Empty: the worker is a candidate (it may still turn out unable, and then does not bid).
 */
export function advertUnmet(
  pub: PublicCapabilities,
  req: JobRequirements,
  budget: bigint,
  missRate = DEFAULT_MISS_RATE,
): Requirement[] {
  const s = slackFor(pub.epsilon, missRate);
  const unmet: Requirement[] = [];
  if (pub.coresBucket < bucketOf(req.minCores) - s) unmet.push('cores');
  if (pub.memoryBucket < bucketOf(req.minMemoryMb) - s) unmet.push('memory');
  if (req.wasmFeatures.some((f) => !pub.wasmFeatures.includes(f))) unmet.push('features');
  if (pub.fuelBucket < bucketOf(req.minFuelPerSecond) - s) unmet.push('fuel');
  if (pub.priceBucket > bucketOf(maxPricePerFuel(req, budget)) + s) unmet.push('price');
  return unmet;
}

/**
 * The least a worker with this advert would ask for the job (its price bucket's lower end): the
 * price a no-bid explanation derives collateral from, so a worker is not blamed for too little
 * stake on a price guess that is too high.
 */
export function priceFloorEstimate(pub: PublicCapabilities, req: JobRequirements): bigint {
  return bucketRange(pub.priceBucket).lo * req.fuelLimit;
}

/** Checks an advert's buckets and epsilon as they come off the wire. */
export function checkPublicCapabilities(pub: PublicCapabilities): PublicCapabilities {
  for (const b of [pub.coresBucket, pub.memoryBucket, pub.fuelBucket, pub.priceBucket]) {
    if (!Number.isInteger(b) || b < 0 || b > MAX_BUCKET)
      throw reject('INVALID_PAYLOAD', `bucket ${b} out of range`);
  }
  if (!(pub.epsilon >= MIN_EPSILON && pub.epsilon <= MAX_EPSILON))
    throw reject('INVALID_PAYLOAD', `epsilon ${pub.epsilon} out of range`);
  return pub;
}
