/**
 * The node, assembled: the one wiring that `src/main.ts`, the tests and the benches all run.
 * Configuration, logging, the p2p host, discovery, the market, job-data transfer, priority alerts
 * (src/alerts/) and the control channel (src/control/) on every node; manifest validation on every node (a poster checks what
 * it posts); the executor and the prover on a worker; the job life (src/jobs) on a node with a
 * deployment and an account. Dynamic modules without decorators, because NestJS 12 is ESM-only and this project is
 * CommonJS (see src/config/config.module.ts).
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { PrivateKey } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import { AlertService } from '../alerts/alert-service';
import { AlertsModule } from '../alerts/alerts.module';
import { ConfigModule } from '../config/config.module';
import { controlProviders } from '../control/control.module';
import { ControlServer } from '../control/server';
import type { NodeConfig } from '../config/config.schema';
import type { Capabilities } from '../discovery/capabilities';
import { DISCOVERY_OPTIONS, workerCapabilities } from '../discovery/discovery.module';
import { BlobStore } from '../executor/blob-store';
import { ExecutorModule } from '../executor/executor.module';
import { graphProviders } from '../graph/graph.module';
import { jobLifeProviders, type JobChain } from '../jobs/jobs.module';
import { ManifestModule } from '../manifest/manifest.module';
import { NODE_VERIFICATION_MODES } from '../manifest/manifest.service';
import { Market } from '../market/market';
import { MarketModule, type MarketModuleOptions } from '../market/market.module';
import { P2P_OPTIONS } from '../p2p/p2p.module';
import { ProverModule } from '../prover/prover.module';
import { LOGGER, createLogger, type Logger } from '../shared/logging';
import { TRANSFER_BLOB_SOURCE, TransferModule } from '../transfer/transfer.module';

export interface NodeOptions extends MarketModuleOptions {
  /** Validated configuration (parseConfig / loadConfig). */
  config: NodeConfig;
  /** The root logger; a pino logger at config.logLevel when absent. */
  log?: Logger;
  /** The peer key; read from (or created in) config.p2p.keyFile when absent. */
  privateKey?: PrivateKey;
  /** The worker's capabilities, instead of config.market.worker's. */
  worker?: Capabilities;
  /** Publish DHT provider records for the worker's capabilities on start (default true). */
  provide?: boolean;
  /** Publish the worker's advert on gossip (default true). */
  advertise?: boolean;
  /**
   * A simulated worker that bids but never runs a job: no sandbox threads, no prover process.
   * Only for simulations that put dozens of workers in one process (the p2p benches and tests).
   */
  bidOnly?: boolean;
  /** The deployment and the node's account: with them the node runs the job life (src/jobs). */
  jobChain?: JobChain;
}

/** Token of the provider that connects the alert policy to the worker's bidding. */
const ALERT_HOOKS = Symbol('ALERT_HOOKS');

export class AppModule {
  static forRoot(opts: NodeOptions): DynamicModule {
    const { config } = opts;
    const runsJobs = workerCapabilities(config, opts) !== undefined && !opts.bidOnly;
    const jobModules = runsJobs
      ? [
          ExecutorModule.forRoot(config.executor),
          ...(config.prover.enabled ? [ProverModule.forRoot(config.prover)] : []),
        ]
      : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(config),
        MarketModule.forRoot(opts),
        ManifestModule.forRoot({ verificationModes: NODE_VERIFICATION_MODES }),
        TransferModule.forRoot(),
        AlertsModule.forRoot(),
        ...jobModules,
      ],
      providers: [
        { provide: LOGGER, useValue: opts.log ?? createLogger(config.logLevel, 'cairn-node') },
        { provide: P2P_OPTIONS, useValue: { privateKey: opts.privateKey } },
        {
          provide: DISCOVERY_OPTIONS,
          useValue: { worker: opts.worker, provide: opts.provide, advertise: opts.advertise },
        },
        {
          // Job data is served from the node's blob store: the executor's on a worker, the same
          // directory's on any other node (a poster's modules and inputs).
          provide: TRANSFER_BLOB_SOURCE,
          useFactory: (store?: BlobStore) => store ?? new BlobStore(config.executor.storeDir),
          inject: [{ token: BlobStore, optional: true }],
        },
        {
          // A worker does not bid on a module this node's alert policy refuses.
          provide: ALERT_HOOKS,
          useFactory: (market: Market, alerts: AlertService) => {
            if (market.worker) market.worker.refusesModule = (hash) => alerts.policy.isModuleRefused(hash);
            return true;
          },
          inject: [Market, AlertService],
        },
        ...(opts.jobChain ? [...jobLifeProviders(opts.jobChain), ...graphProviders()] : []),
        ...controlProviders(),
      ],
      exports: [LOGGER, P2P_OPTIONS, DISCOVERY_OPTIONS, TRANSFER_BLOB_SOURCE, ControlServer],
      global: true,
    };
  }
}
