/**
 * NestJS wiring of the graph scheduler: on a node that runs the job life (it posts its units
 * through the poster's jobs), started after it and stopped before it.
 */
import type { Provider } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { NODE_CONFIG } from '../config/config.module';
import { ControlServer } from '../control/server';
import type { NodeConfig } from '../config/config.schema';
import type { BlobStore } from '../executor/blob-store';
import { JobLife } from '../jobs/job-life';
import { LOGGER, type Logger } from '../shared/logging';
import { TRANSFER_BLOB_SOURCE } from '../transfer/transfer.module';
import { registerGraphMethods } from './graph-methods';
import { registerGraphWatch } from './graph-watch';
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
      provide: GraphLifecycle,
      useFactory: (graphs: GraphScheduler) => new GraphLifecycle(graphs),
      inject: [GraphScheduler],
    },
  ];
}
