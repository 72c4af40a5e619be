/**
 * Discovery settings (`discovery` in the node configuration): how a poster matches jobs against
 * noised adverts, how strongly a worker noises its own, and how advert books are synced.
 */
import { z } from 'zod';

/**
 * The per-field privacy budget a worker uses unless it configures another (src/discovery/advert-noise.ts).
 * Measured by `npm run bench:adverts` at the default miss rate: at 2, posters miss 0.06% of
 * capable workers and 28% of unable ones look able; at 1, 0.1% and 68%; at 4, 0% and 15%.
 * 2 keeps matching useful while a factor-two change of capacity moves any advert's probability
 * by at most e^2 per field.
 */
export const DEFAULT_EPSILON = 2;
/**
 * Bounds a worker may configure. Below 0.1 the slack a poster needs to miss no more than 1% of
 * capable workers is over 50 buckets: every advert would match every job. Above 10 the noise is
 * almost never drawn (P(noise != 0) < 1e-4), which is an exact bucket under another name.
 */
export const MIN_EPSILON = 0.1;
export const MAX_EPSILON = 10;
/** The share of capable workers a poster accepts missing when it matches on adverts. */
export const DEFAULT_MISS_RATE = 0.01;

export const discoveryConfigSchema = z.object({
  /**
   * A worker's per-field privacy budget (src/discovery/advert-noise.ts): its advert states
   * capacities as buckets with two-sided geometric noise of this epsilon; the advert as a whole
   * spends four times it. Lower hides more, and posters then match it more loosely.
   */
  advertEpsilon: z.number().min(MIN_EPSILON).max(MAX_EPSILON).default(DEFAULT_EPSILON),
  /**
   * The largest share of capable workers that matching on adverts may miss (a union bound over
   * the noised fields; the bench `npm run bench:adverts` measures it). Lower: fewer misses and
   * more candidates that turn out unable.
   */
  matchMissRate: z.number().min(0.0001).max(0.5).default(DEFAULT_MISS_RATE),
  /** Advert book sync between peers (src/discovery/advert-sync.ts). */
  sync: z
    .object({
      /** Sync with a peer as a connection to it opens: a delta where this node synced with it before. */
      onConnect: z.boolean().default(true),
      /**
       * Full syncs a node makes on connect after it starts. One fills an empty book; more would
       * fetch the same adverts again from every neighbour. Later first meetings rely on gossip.
       */
      fullSyncPeers: z.number().int().min(0).max(16).default(1),
      /**
       * Adverts in one answer; the requester asks again for the rest. 2,000 adverts of ~200 bytes
       * stay well inside a direct stream's 1 MiB write buffer.
       */
      maxAdvertsPerAnswer: z.number().int().min(1).max(4000).default(2000),
      /** A peer may start a new sync with this node at most this often. */
      minIntervalMs: z.number().int().min(0).default(5_000),
      timeoutMs: z.number().int().positive().default(10_000),
    })
    .prefault({}),
});
export type DiscoveryConfig = z.infer<typeof discoveryConfigSchema>;
