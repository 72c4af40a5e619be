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

export class TransferService {
  readonly grants = new TransferGrants();
  readonly server: BlobServer;
  readonly client: BlobClient;

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

  /** See BlobClient.fetchBlobs: verified bytes by hash, or a TransferError. */
  fetchBlobs(
    peer: PeerId | string,
    jobId: bigint,
    hashes: readonly string[],
    opts: FetchOptions,
  ): Promise<Map<string, Uint8Array>> {
    return this.client.fetchBlobs(peer, jobId, hashes, opts);
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }

  /** NestJS shutdown hook. */
  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
