/**
 * NestJS wiring of the job life: present on a node that has a deployment and an account (see
 * src/node/deployment.ts). Started by its factory, so a started node already has its worker
 * staked and bound and its follower running; stopped with the app. Providers of the node's own
 * module rather than a module of their own: the job life uses what the node's other modules
 * export (market, transfer, manifests, executor), which only the module importing them all sees.
 */
import type { Provider } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { Account, ProviderInterface } from 'starknet';
import type { CairnClients } from '../chain/cairn';
import { NODE_CONFIG } from '../config/config.module';
import type { NodeConfig } from '../config/config.schema';
import type { BlobStore } from '../executor/blob-store';
import { ExecutorService } from '../executor/executor.service';
import { ManifestService } from '../manifest/manifest.service';
import { Market } from '../market/market';
import { P2pHost } from '../p2p/host';
import { ProverService } from '../prover/prover.service';
import { LOGGER, type Logger } from '../shared/logging';
import { TRANSFER_BLOB_SOURCE } from '../transfer/transfer.module';
import { TransferService } from '../transfer/transfer.service';
import { ControlServer } from '../control/server';
import { LazyProofChecker } from './proof-check';
import { JobLife } from './job-life';
import { registerJobMethods } from './job-methods';
import { registerDisputeMethod } from './dispute-method';
import { registerWorkerMethods } from './worker-methods';

/** The chain a node's job life writes to: the deployment and the node's account on it. */
export interface JobChain {
  clients: CairnClients;
  provider: ProviderInterface;
  rpcUrl: string;
  deployBlock: number;
  account: Account;
}

class JobLifeLifecycle {
  constructor(readonly life: JobLife) {}
  // Before the host and the transfer service go: no step may start on a stopping node.
  async beforeApplicationShutdown(): Promise<void> {
    await this.life.stop();
  }
}

export function jobLifeProviders(chain: JobChain): Provider[] {
  return [
    {
      provide: JobLife,
      useFactory: async (
        host: P2pHost,
        market: Market,
        transfer: TransferService,
        blobs: BlobStore,
        manifests: ManifestService,
        config: NodeConfig,
        log: Logger,
        control: ControlServer,
        executor?: ExecutorService,
        prover?: ProverService,
      ) => {
        const life = new JobLife({
          host,
          market,
          transfer,
          blobs,
          manifests,
          ...(executor ? { executor } : {}),
          ...chain,
          dataDir: config.dataDir,
          config: config.jobs,
          transferPerPeer: config.transfer.perPeerConcurrency,
          // A worker's prover checks proofs too; a poster starts one on its first groth16 result.
          proofs: new LazyProofChecker(prover, () =>
            ProverService.create(config.prover, log.child({ module: 'proofs' })),
          ),
          log,
        });
        await life.start();
        registerJobMethods(control, life);
        // The account's stake and a poster's dispute by hand (cairn worker …, cairn job dispute).
        registerWorkerMethods(control, life, chain, host.peerId);
        registerDisputeMethod(control, life, chain);
        return life;
      },
      inject: [
        P2pHost,
        Market,
        TransferService,
        TRANSFER_BLOB_SOURCE,
        ManifestService,
        NODE_CONFIG,
        LOGGER,
        ControlServer,
        { token: ExecutorService, optional: true },
        { token: ProverService, optional: true },
      ],
    },
    {
      provide: JobLifeLifecycle,
      useFactory: (life: JobLife) => new JobLifeLifecycle(life),
      inject: [JobLife],
    },
  ];
}
