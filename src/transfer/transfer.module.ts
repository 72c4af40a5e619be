/**
 * NestJS wiring of job-data transfer on every node (a dynamic module without decorators, like the
 * node's others; see src/config/config.module.ts). The assembly hands in the blob source (the
 * node's BlobStore) and, optionally, an authorizer; without one the service's own grants decide,
 * and nothing is served until the job life module grants it.
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { NODE_CONFIG } from '../config/config.module';
import type { NodeConfig } from '../config/config.schema';
import { P2pHost } from '../p2p/host';
import { P2pModule } from '../p2p/p2p.module';
import { LOGGER, type Logger } from '../shared/logging';
import type { Authorizer, BlobSource } from './access';
import { TransferService } from './transfer.service';

/** Injection token for the BlobSource the node serves from (optional). */
export const TRANSFER_BLOB_SOURCE = Symbol('TRANSFER_BLOB_SOURCE');
/** Injection token for an Authorizer replacing the service's grants (optional). */
export const TRANSFER_AUTHORIZER = Symbol('TRANSFER_AUTHORIZER');

export class TransferModule {
  static forRoot(): DynamicModule {
    return P2pModule.feature(
      TransferModule,
      [
        {
          provide: TransferService,
          useFactory: (
            host: P2pHost,
            config: NodeConfig,
            log: Logger,
            source?: BlobSource,
            authorize?: Authorizer,
          ) => TransferService.create({ host, config: config.transfer, log, source, authorize }),
          inject: [
            P2pHost,
            NODE_CONFIG,
            LOGGER,
            { token: TRANSFER_BLOB_SOURCE, optional: true },
            { token: TRANSFER_AUTHORIZER, optional: true },
          ],
        },
      ],
      [TransferService],
    );
  }
}
