/**
 * A node's job-data transfer, both sides: the server (serves what the authorizer allows from the
 * blob source) and the client (`fetchBlobs`). The job life module drives it:
 *
 *   poster, on JobAwarded:   transfer.grants.allow(workerPeer, jobId, [module, ...inputs])
 *   worker, after accept:    await transfer.fetchBlobs(posterPeer, jobId, [module, ...inputs], caps)
 *   worker, after submit:    store.put(output); transfer.grants.allow(posterPeer, jobId, [output, proof])
 *   poster, told the hashes: await transfer.fetchBlobs(workerPeer, jobId, [output, proof], caps)
 *   either, when settled:    transfer.grants.revoke(jobId)
 *
 * A result is pulled by the poster, not pushed by the worker: one protocol and one code path to
 * defend, the receiver sets its own caps and timing in both directions, and a poster that
 * restarts simply fetches again.
 */
import type { PeerId } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { TransferConfig } from '../config/config.schema';
import type { P2pHost } from '../p2p/host';
import type { Logger } from '../shared/logging';
import { EMPTY_SOURCE, TransferGrants, type Authorizer, type BlobSource } from './access';
import { BlobClient, type FetchOptions } from './client';
import { BlobServer } from './server';

export interface TransferInit {
  host: P2pHost;
  config: TransferConfig;
  log: Logger;
  /** Where served bytes come from (the node's BlobStore); serves nothing when absent. */
  source?: BlobSource;
  /** Who may fetch what; `grants.authorize` (nothing until granted) when absent. */
  authorize?: Authorizer;
}

/** How long a routed blob is waited for by a later fetch of its job, and how many are kept. */
const ROUTE_TTL_MS = 15 * 60_000;
const MAX_ROUTES = 256;

export class TransferService {
  readonly grants = new TransferGrants();
  readonly server: BlobServer;
  readonly client: BlobClient;
  /** `${jobId}/${sha256}` -> the bytes another route is bringing (undefined: it failed). */
  private readonly routes = new Map<string, { bytes: Promise<Uint8Array | undefined>; at: number }>();

  private constructor(init: TransferInit) {
    this.server = new BlobServer({
      host: init.host,
      source: init.source ?? EMPTY_SOURCE,
      authorize: init.authorize ?? this.grants.authorize,
      config: init.config,
      log: init.log,
    });
    this.client = new BlobClient(init.host, init.config, init.log);
  }

  /** Builds the service and registers the protocol on the (started) host. */
  static async create(init: TransferInit): Promise<TransferService> {
    const service = new TransferService(init);
    await service.server.start();
    return service;
  }

  /**
   * A blob of `jobId` that another route is bringing (a graph step's input, from the workers that
   * produced its parts): a `fetchBlobs` of that job waits for it rather than asking its peer, and
   * asks the peer after all if the route fails. The bytes must be checked against `sha256`
   * by whoever routes them.
   */
  route(jobId: bigint, sha256: string, bytes: Promise<Uint8Array>): void {
    const now = Date.now();
    for (const [k, r] of this.routes)
      if (now - r.at > ROUTE_TTL_MS || this.routes.size >= MAX_ROUTES) this.routes.delete(k);
    this.routes.set(`${jobId}/${sha256}`, { bytes: bytes.catch(() => undefined), at: now });
  }

  /**
   * See BlobClient.fetchBlobs: verified bytes by hash, or a TransferError. Blobs of the job that
   * a route is bringing (`route`) are waited for first; the peer is asked for the rest.
   */
  async fetchBlobs(
    peer: PeerId | string,
    jobId: bigint,
    hashes: readonly string[],
    opts: FetchOptions,
  ): Promise<Map<string, Uint8Array>> {
    const got = new Map<string, Uint8Array>();
    for (const h of hashes) {
      const routed = this.routes.get(`${jobId}/${h}`);
      const bytes = routed && (await routed.bytes);
      if (bytes) got.set(h, bytes);
    }
    if (got.size === 0) return this.client.fetchBlobs(peer, jobId, hashes, opts);
    const rest = hashes.filter((h) => !got.has(h));
    if (rest.length > 0)
      for (const [h, b] of await this.client.fetchBlobs(peer, jobId, rest, opts)) got.set(h, b);
    return got;
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }

  /** NestJS shutdown hook. */
  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
