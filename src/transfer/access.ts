/**
 * What a server needs from the rest of the node: where the bytes are (a blob source) and who may
 * have them (an authorizer). Both are decided outside this room: the job life module knows from
 * the chain which peer was awarded which job, and the executor's BlobStore holds the bytes (it
 * satisfies BlobSource as it is; this room never imports it).
 */

/** Content-addressed bytes by sha256 hex; src/executor/blob-store.ts's BlobStore fits. */
export interface BlobSource {
  has(hash: string): boolean;
  /** The bytes named `hash`; may throw if absent (the server checks `has` first). */
  get(hash: string): Uint8Array | Promise<Uint8Array>;
}

/** Whether `peerId` may have blob `sha256` of job `jobId`; asked once per hash of a request. */
export type Authorizer = (peerId: string, jobId: bigint, sha256: string) => boolean | Promise<boolean>;

/** A source that holds nothing: the node's default until a store is wired in. */
export const EMPTY_SOURCE: BlobSource = {
  has: () => false,
  get: (hash) => {
    throw new Error(`blob ${hash} is not held`);
  },
};

interface Grant {
  hashes: Set<string>;
  untilMs: number;
}

/**
 * The default authorizer: an allow-list the job life module fills from what the chain says
 * (the poster grants the awarded worker's peer the job's module and inputs; the worker grants
 * the poster's peer its output and proof). Nothing is allowed that was not granted, and a grant
 * lapses at its expiry or when revoked (the job was re-awarded, expired, settled).
 */
export class TransferGrants {
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly now: () => number = Date.now) {}

  private static key(peerId: string, jobId: bigint): string {
    return `${peerId}/${jobId}`;
  }

  /** Lets `peerId` fetch `hashes` of `jobId` until `untilMs` (default: no expiry). */
  allow(peerId: string, jobId: bigint, hashes: Iterable<string>, untilMs = Number.POSITIVE_INFINITY): void {
    const key = TransferGrants.key(peerId, jobId);
    const grant = this.grants.get(key) ?? { hashes: new Set<string>(), untilMs };
    for (const h of hashes) grant.hashes.add(h);
    grant.untilMs = untilMs;
    this.grants.set(key, grant);
  }

  /** Withdraws `peerId`'s grant for `jobId`, or every peer's when no peer is named. */
  revoke(jobId: bigint, peerId?: string): void {
    if (peerId !== undefined) {
      this.grants.delete(TransferGrants.key(peerId, jobId));
      return;
    }
    const suffix = `/${jobId}`;
    for (const key of this.grants.keys()) if (key.endsWith(suffix)) this.grants.delete(key);
  }

  readonly authorize: Authorizer = (peerId, jobId, sha256) => {
    const key = TransferGrants.key(peerId, jobId);
    const grant = this.grants.get(key);
    if (!grant) return false;
    if (grant.untilMs <= this.now()) {
      this.grants.delete(key);
      return false;
    }
    return grant.hashes.has(sha256);
  };
}
