/**
 * NestJS wiring of the graph scheduler: on a node that runs the job life (it posts its units
 * through the poster's jobs), started after it and stopped before it; and of the input routes
 * (input-routes.ts), on posters and workers alike.
 */
import type { Provider } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { NODE_CONFIG } from '../config/config.module';
import { ControlServer } from '../control/server';
import type { NodeConfig } from '../config/config.schema';
import type { BlobStore } from '../executor/blob-store';
import { JobLife } from '../jobs/job-life';
import { P2pHost } from '../p2p/host';
import { LOGGER, type Logger } from '../shared/logging';
import { TRANSFER_BLOB_SOURCE } from '../transfer/transfer.module';
import { TransferService } from '../transfer/transfer.service';
import { registerGraphMethods } from './graph-methods';
import { registerGraphWatch } from './graph-watch';
import { InputRoutes } from './input-routes';
import { GraphScheduler } from './scheduler';

class GraphLifecycle {
  constructor(readonly graphs: GraphScheduler) {}
  beforeApplicationShutdown(): void {
    this.graphs.stop();
  }
}

export function graphProviders(): Provider[] {
  return [
    {
      provide: GraphScheduler,
      useFactory: (
        life: JobLife,
        blobs: BlobStore,
        config: NodeConfig,
        log: Logger,
        control: ControlServer,
      ) => {
        const graphs = new GraphScheduler(life, blobs, config.dataDir, log.child({ module: 'graph' }), {
          tickMs: config.jobs.timings.tickMs,
        });
        graphs.start();
        registerGraphMethods(control, graphs);
        registerGraphWatch(control, graphs);
        return graphs;
      },
      inject: [JobLife, TRANSFER_BLOB_SOURCE, NODE_CONFIG, LOGGER, ControlServer],
    },
    {
      // Dependent steps' inputs from their producers (poster and workers alike).
      provide: InputRoutes,
      useFactory: async (
        host: P2pHost,
        transfer: TransferService,
        store: BlobStore,
        life: JobLife,
        graphs: GraphScheduler,
        config: NodeConfig,
        log: Logger,
      ) => {
        const routes = new InputRoutes({
          host,
          transfer,
          store,
          life,
          graphs,
          caps: {
            maxBytes: config.jobs.timings.maxFetchBytes,
            timeoutMs: config.jobs.timings.fetchTimeoutMs,
          },
          log: log.child({ module: 'graph-input' }),
        });
        await routes.start();
        return routes;
      },
      inject: [P2pHost, TransferService, TRANSFER_BLOB_SOURCE, JobLife, GraphScheduler, NODE_CONFIG, LOGGER],
    },
    {
      provide: GraphLifecycle,
      useFactory: (graphs: GraphScheduler) => new GraphLifecycle(graphs),
      inject: [GraphScheduler],
    },
  ];
}
