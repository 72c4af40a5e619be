/**
 * The node: `npx tsx src/main.ts`. Configuration comes from CAIRN_* variables or the JSON file in
 * CAIRN_CONFIG (see src/config/config.schema.ts). Bids are checked against the contracts of the
 * deployment file (`npm start` writes .cairn/deployment.json) when there is one. SIGINT/SIGTERM
 * close bid windows, stop the libp2p peer and exit.
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RpcProvider } from 'starknet';
import { z } from 'zod';
import { AppModule, type AppModuleOptions } from './app.module';
import { CairnClients } from './chain/cairn';
import type { CairnDeployment } from './chain/deploy';
import { ChainStakeRegistry } from './chain/stake-registry';
import { loadConfig, type NodeConfig } from './config/config.schema';
import { Market } from './market/market';
import { P2pHost } from './p2p/host';
import { SHUTDOWN_SIGNALS } from './shutdown-signals';

const Deployment = z.looseObject({
  rpcUrl: z.string().url(),
  registry: z.string().regex(/^0x[0-9a-fA-F]+$/),
  reputation: z.string().regex(/^0x[0-9a-fA-F]+$/),
});

/** The chain-backed stake and reputation check, or none (in-memory) without a deployment file. */
function chainSources(config: NodeConfig): Pick<AppModuleOptions, 'stake' | 'reputation'> & { from?: string } {
  const explicit = config.chain.deploymentFile;
  const file = explicit ?? join(config.dataDir, 'deployment.json');
  if (!existsSync(file)) {
    if (explicit) throw new Error(`deployment file ${file} (CAIRN_DEPLOYMENT) does not exist`);
    return {};
  }
  const parsed = Deployment.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`deployment file ${file} is not a cairn deployment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const provider = new RpcProvider({ nodeUrl: parsed.data.rpcUrl });
  const registry = new ChainStakeRegistry(new CairnClients(parsed.data as unknown as CairnDeployment, provider));
  return { stake: registry, reputation: registry, from: file };
}

async function main(): Promise<void> {
  // Read here for the deployment file; ConfigModule reads (and validates) the same environment.
  const { from, ...sources } = chainSources(loadConfig());
  // NestJS 12 is ESM-only: a real dynamic import, which CommonJS output keeps as one.
  const { NestFactory } = await import('@nestjs/core');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(sources), {
    logger: ['error', 'warn'],
  });
  app.enableShutdownHooks([...SHUTDOWN_SIGNALS]);
  const host = app.get(P2pHost);
  const market = app.get(Market);
  host.log.info(
    {
      peerId: host.peerId,
      addrs: host.multiaddrs(),
      worker: market.worker !== undefined,
      stakeCheck: from ?? 'in-memory registry with nobody staked (no deployment file): no bid will be awarded',
    },
    'cairn node running',
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
