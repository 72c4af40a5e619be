/**
 * The node: `npx tsx src/main.ts`. Configuration comes from CAIRN_* variables or the JSON file in
 * CAIRN_CONFIG (see src/config/config.schema.ts), validated before anything starts. Bids are
 * checked against the contracts of the deployment file (`npm start` writes
 * .cairn/deployment.json) when there is one. SIGINT/SIGTERM/SIGHUP close bid windows, stop the
 * executor, the prover and the libp2p peer, and exit.
 */
import 'reflect-metadata';
import { loadConfig } from './config/config.schema';
import { chainSources } from './node/deployment';
import { startNode } from './node/start-node';
import { ConfigError } from './shared/config-error';

async function main(): Promise<void> {
  const config = loadConfig();
  const { from, stake, reputation } = chainSources(config);
  const node = await startNode({ config, stake, reputation, shutdownOnSignals: true });
  node.host.log.info(
    {
      peerId: node.peerId,
      addrs: node.host.multiaddrs(),
      worker: node.market.worker !== undefined,
      executor: node.executor !== undefined,
      stakeCheck: from ?? 'in-memory registry with nobody staked (no deployment file): no bid will be awarded',
    },
    'cairn node running',
  );
}

main().catch((err: unknown) => {
  // A configuration problem is the user's to fix: say what, without a stack.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
