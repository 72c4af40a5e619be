/** NestJS wiring of priority alerts (see config.module.ts for why modules here are dynamic modules). */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { NODE_CONFIG } from '../config/config.module';
import type { NodeConfig } from '../config/config.schema';
import { P2pHost } from '../p2p/host';
import { startedBy } from '../shared/started';
import { P2pModule } from '../p2p/p2p.module';
import { AlertService } from './alert-service';

export class AlertsModule {
  static forRoot(): DynamicModule {
    return P2pModule.feature(
      AlertsModule,
      [
        {
          provide: AlertService,
          useFactory: startedBy((host: P2pHost, config: NodeConfig) => new AlertService(host, config.alerts)),
          inject: [P2pHost, NODE_CONFIG],
        },
      ],
      [AlertService],
    );
  }
}
