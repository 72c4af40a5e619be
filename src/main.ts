/**
 * The node: `npx tsx src/main.ts`. Configuration comes from CAIRN_* variables or the JSON file in
 * CAIRN_CONFIG (see src/config/config.schema.ts). SIGINT/SIGTERM close bid windows, stop the
 * libp2p peer and exit.
 */
import 'reflect-metadata';
import { AppModule } from './app.module';
import { Market } from './market/market';
import { P2pHost } from './p2p/host';

async function main(): Promise<void> {
  // NestJS 12 is ESM-only: a real dynamic import, which CommonJS output keeps as one.
  const { NestFactory } = await import('@nestjs/core');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  const host = app.get(P2pHost);
  const market = app.get(Market);
  host.log.info(
    { peerId: host.peerId, addrs: host.multiaddrs(), worker: market.worker !== undefined },
    'cairn node running',
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
