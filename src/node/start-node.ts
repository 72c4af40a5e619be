/**
 * Starts a node from its assembly (AppModule) and hands back the parts a caller drives: the
 * host, the market, discovery, and the executor on a worker. `src/main.ts` runs exactly this;
 * tests and benches too, many nodes per process where the test is not about processes.
 */
import type { INestApplicationContext } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { NodeConfig } from '../config/config.schema';
import { ControlServer, preflightControl } from '../control/server';
import { AdvertBook } from '../discovery/advert-book';
import type { BlobStore } from '../executor/blob-store';
import { AdvertService } from '../discovery/adverts';
import type { Capabilities } from '../discovery/capabilities';
import { CapabilityIndex } from '../discovery/capability-index';
import { ExecutorService } from '../executor/executor.service';
import { GraphScheduler } from '../graph/scheduler';
import { JobLife } from '../jobs/job-life';
import { ManifestService } from '../manifest/manifest.service';
import { Market } from '../market/market';
import { P2pHost } from '../p2p/host';
import { importEsm } from '../shared/esm';
import { SHUTDOWN_SIGNALS } from '../shared/shutdown-signals';
import { TRANSFER_BLOB_SOURCE } from '../transfer/transfer.module';
import { TransferService } from '../transfer/transfer.service';
import { AppModule, type NodeOptions } from './app.module';

type NestCore = typeof import('@nestjs/core', { with: { 'resolution-mode': 'import' } });

export interface StartNodeOptions extends NodeOptions {
  /** Stop on SIGINT/SIGTERM/SIGHUP (the node process); tests stop their nodes themselves. */
  shutdownOnSignals?: boolean;
}

/** A provider the assembly includes only on some nodes (the executor on a worker). */
function optional<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

export class CairnNode {
  readonly host: P2pHost;
  readonly market: Market;
  readonly book: AdvertBook;
  readonly adverts: AdvertService;
  readonly index: CapabilityIndex;
  readonly manifests: ManifestService;
  /** Job data to and from other nodes (modules and inputs to a worker, results to a poster). */
  readonly transfer: TransferService;
  /** The node's content-addressed store, which `transfer` serves from. */
  readonly blobs: BlobStore;
  /** Present on a worker that runs jobs. */
  readonly executor?: ExecutorService;
  /** Present on a node with a deployment and an account: posts, works and settles jobs. */
  readonly jobs?: JobLife;
  /** Present with `jobs`: posts tasklet graphs as one job per unit (src/graph/). */
  readonly graphs?: GraphScheduler;
  /** The local control channel (`cairn` talks to it); register methods on it with `control.register`. */
  readonly control: ControlServer;

  constructor(
    readonly app: INestApplicationContext,
    readonly config: NodeConfig,
  ) {
    this.host = app.get(P2pHost);
    this.market = app.get(Market);
    this.book = app.get(AdvertBook);
    this.adverts = app.get(AdvertService);
    this.index = app.get(CapabilityIndex);
    this.manifests = app.get(ManifestService);
    this.transfer = app.get(TransferService);
    this.blobs = app.get<symbol, BlobStore>(TRANSFER_BLOB_SOURCE);
    this.executor = optional(() => app.get(ExecutorService, { strict: false }));
    this.jobs = optional(() => app.get(JobLife, { strict: false }));
    this.graphs = optional(() => app.get(GraphScheduler, { strict: false }));
    this.control = app.get(ControlServer);
  }

  get peerId(): string {
    return this.host.peerId;
  }

  get caps(): Capabilities | undefined {
    return this.adverts.caps;
  }

  /** (Re)publishes the worker's DHT provider records; resolves to the number published. */
  provideNow(): Promise<number> {
    return this.index.provideInBackground();
  }

  /** Closes bid windows, stops adverts, the executor's threads, the prover and the peer. */
  async stop(): Promise<void> {
    await this.app.close();
  }
}

export async function startNode(opts: StartNodeOptions): Promise<CairnNode> {
  // Before anything starts: a data dir others may write, or another node on its socket, is the
  // user's to fix, and NestJS would exit the process on an error thrown while it builds modules.
  await preflightControl(opts.config.control, opts.config.dataDir);
  const { NestFactory } = await importEsm<NestCore>('@nestjs/core');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(opts), {
    logger: ['error', 'warn'],
  });
  // Only these signals: NestJS's default set includes SIGSEGV, whose listener replaces V8's
  // WebAssembly trap handler (see src/shared/shutdown-signals.ts).
  if (opts.shutdownOnSignals) app.enableShutdownHooks([...SHUTDOWN_SIGNALS]);
  return new CairnNode(app, opts.config);
}
