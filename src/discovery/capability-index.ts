/**
 * Capability discovery through the DHT. A worker is a provider of a few capability keys: "any",
 * one per WASM feature, and its memory and core classes (powers of two). A poster looking for a
 * capable worker asks the DHT for providers of the most selective key its job allows, queries
 * each provider's advert directly, and keeps the first that passes the full requirement check.
 * Classes are coarse on purpose: each key costs the worker one DHT provide on start (and on every
 * re-provide), so a handful per worker keeps a 200-node network's records cheap. The memory and
 * core classes are the advert's noised buckets (advert-noise.ts), never the exact figures: a
 * provider record is as public as gossip.
 */
import type { CID } from 'multiformats/cid' with { 'resolution-mode': 'import' };
import { esm } from '../p2p/esm';
import { describe } from '../p2p/errors';
import type { P2pHost } from '../p2p/host';
import type { Logger } from '../shared/logging';
import type { AdvertService } from './adverts';
import type { KnownAdvert } from './advert-book';
import type { JobRequirements } from './capabilities';
import {
  advertUnmet,
  bucketOf,
  DEFAULT_EPSILON,
  MAX_BUCKET,
  slackFor,
  type PublicCapabilities,
} from './advert-noise';

const RAW_CODEC = 0x55;
/** Memory keys a search walks at most: from the lowest bucket the slack allows, upwards. */
const MAX_MEMORY_KEYS = 8;

export function capabilityKeys(network: string, caps: PublicCapabilities): string[] {
  const prefix = `/cairn/${network}/cap`;
  return [
    `${prefix}/any`,
    ...caps.wasmFeatures.map((f) => `${prefix}/feature/${f}`),
    `${prefix}/memory/b${caps.memoryBucket}`,
    `${prefix}/cores/b${caps.coresBucket}`,
  ];
}

/**
 * The keys whose providers may satisfy `req`, most selective first. `slack` is how many buckets
 * below the job's memory bucket a capable worker's noised bucket may lie (slackFor).
 */
export function searchKeys(
  network: string,
  req: JobRequirements,
  slack = slackFor(DEFAULT_EPSILON),
): string[] {
  const prefix = `/cairn/${network}/cap`;
  // A worker must offer every required feature, so providers of one of them suffice; all are
  // asked in parallel because we cannot know which is rarest.
  if (req.wasmFeatures.length > 0) return req.wasmFeatures.map((f) => `${prefix}/feature/${f}`);
  // Below 1 GiB nearly every worker qualifies; the memory keys would only split the search.
  if (req.minMemoryMb >= 1024) {
    const keys: string[] = [];
    for (
      let b = Math.max(0, bucketOf(req.minMemoryMb) - slack);
      b <= MAX_BUCKET && keys.length < MAX_MEMORY_KEYS;
      b++
    ) {
      keys.push(`${prefix}/memory/b${b}`);
    }
    return keys;
  }
  return [`${prefix}/any`];
}

export interface FindOptions {
  timeoutMs?: number;
  /** Stop after this many capable workers. */
  limit?: number;
}

export class CapabilityIndex {
  private readonly log: Logger;

  constructor(
    private readonly host: P2pHost,
    private readonly adverts: AdvertService,
  ) {
    this.log = host.log.child({ module: 'capability-index' });
  }

  async cid(key: string): Promise<CID> {
    const { cid, sha2 } = esm();
    const digest = await sha2.sha256.digest(new TextEncoder().encode(key));
    return cid.CID.createV1(RAW_CODEC, digest);
  }

  /**
   * (Re)publishes the worker's own provider records; never rejects (a failed provide is logged,
   * and kad-dht re-provides on its own schedule). Resolves to the number published.
   */
  provideInBackground(): Promise<number> {
    const caps = this.adverts.publicCaps;
    if (!caps) return Promise.resolve(0);
    return this.provide(caps).catch((err: unknown) => {
      this.log.warn({ err: describe(err) }, 'capability provide failed');
      return 0;
    });
  }

  /** Publishes provider records for every key of `caps`; resolves to how many succeeded. */
  async provide(caps: PublicCapabilities, timeoutMs = 30_000): Promise<number> {
    const keys = capabilityKeys(this.host.config.network, caps);
    const results = await Promise.allSettled(
      keys.map(async (key) => {
        await this.host.libp2p.contentRouting.provide(await this.cid(key), {
          signal: AbortSignal.timeout(timeoutMs),
        });
      }),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length > 0) {
      this.log.warn(
        {
          failed: failed.length,
          keys: keys.length,
          err: describe((failed[0] as PromiseRejectedResult).reason),
        },
        'provide failed',
      );
    }
    return keys.length - failed.length;
  }

  /**
   * Finds workers whose adverts say they may meet `req` within `budget` (advertUnmet: noise
   * tolerated up to the configured miss rate), via the DHT and their adverts.
   */
  async findCapable(req: JobRequirements, budget: bigint, opts: FindOptions = {}): Promise<KnownAdvert[]> {
    const limit = opts.limit ?? 1;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 10_000);
    const found: KnownAdvert[] = [];
    const asked = new Set<string>([this.host.peerId]);
    const missRate = this.host.config.discovery.matchMissRate;
    const keys = searchKeys(this.host.config.network, req, slackFor(DEFAULT_EPSILON, missRate));
    const checks: Promise<void>[] = [];
    const done = new Promise<void>((resolve) =>
      controller.signal.addEventListener('abort', () => resolve(), { once: true }),
    );
    const walk = async (key: string): Promise<void> => {
      for await (const provider of this.host.libp2p.contentRouting.findProviders(await this.cid(key), {
        signal: controller.signal,
      })) {
        const id = provider.id.toString();
        if (asked.has(id)) continue;
        asked.add(id);
        checks.push(
          this.adverts
            .query(provider.id, provider.multiaddrs)
            .then((advert) => {
              if (found.length < limit && advertUnmet(advert.caps, req, budget, missRate).length === 0) {
                found.push(advert);
                if (found.length >= limit) controller.abort();
              }
            })
            .catch((err: unknown) => this.log.debug({ peer: id, err: describe(err) }, 'advert query failed')),
        );
      }
    };
    try {
      const walks = Promise.allSettled(keys.map(walk)).then(() => Promise.allSettled(checks));
      await Promise.race([walks, done]);
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
    return found;
  }
}
