/**
 * NestJS wiring of the control channel (a provider list the node's AppModule includes, so it sees
 * the host and the market; modules here are decorator-free, see src/config/config.module.ts).
 * Other rooms inject ControlServer and register their methods while the app is built; the
 * channel opens once every module is up (onApplicationBootstrap), so a client never meets a node
 * that does not know its methods yet, and it closes first when the node stops, before the parts
 * its methods use go away.
 */
import type { Provider } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { NODE_CONFIG } from '../config/config.module';
import type { NodeConfig } from '../config/config.schema';
import { Market } from '../market/market';
import { P2pHost } from '../p2p/host';
import { LOGGER, type Logger } from '../shared/logging';
import { registerNodeMethods } from './node-methods';
import { ControlServer } from './server';

class ControlLifecycle {
  constructor(readonly server: ControlServer) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.server.listen();
  }
  async beforeApplicationShutdown(): Promise<void> {
    await this.server.close();
  }
}

export function controlProviders(): Provider[] {
  return [
    {
      provide: ControlServer,
      useFactory: (config: NodeConfig, log: Logger, host: P2pHost, market: Market) => {
        const server = new ControlServer({ config: config.control, dataDir: config.dataDir, log });
        registerNodeMethods(server, { host, market, config });
        return server;
      },
      inject: [NODE_CONFIG, LOGGER, P2pHost, Market],
    },
    {
      provide: ControlLifecycle,
      useFactory: (s: ControlServer) => new ControlLifecycle(s),
      inject: [ControlServer],
    },
  ];
}
