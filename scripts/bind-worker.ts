/**
 * `npm run worker:bind`: binds the worker account of a node's configuration to the node's peer
 * id on the deployment's StakingRegistry, so the node's bids can win. Reads the same
 * configuration as the node (CAIRN_CONFIG and CAIRN_* variables): market.worker.address is the
 * account, p2p.keyFile the node key (created if the node never ran), chain.deploymentFile (or
 * <dataDir>/deployment.json) the contracts; the account key comes from CAIRN_ACCOUNT_KEY_FILE
 * (mode 0600) or CAIRN_ACCOUNT_KEY. Prints one JSON line: { worker, peerId, txHash? }.
 */
import { readAccountKey, openAccount } from '../src/chain/account';
import { bindPeer } from '../src/chain/bind-peer';
import { loadConfig } from '../src/config/config.schema';
import { chainSources } from '../src/node/deployment';
import { peerIdOfKeyFile } from '../src/node/node-key';
import { ConfigError } from '../src/shared/config-error';

async function main(): Promise<void> {
  const config = loadConfig();
  const worker = config.market.worker;
  if (!worker) throw new ConfigError(['market.worker: this node has no worker section, so no account to bind'], 'configuration');
  const { clients, provider } = chainSources(config);
  if (!clients || !provider) {
    throw new ConfigError([`no deployment file at ${config.chain.deploymentFile ?? `${config.dataDir}/deployment.json`}`], 'deployment');
  }
  const address = `0x${worker.address.toString(16)}`;
  const key = readAccountKey({ keyFile: config.chain.accountKeyFile, key: process.env.CAIRN_ACCOUNT_KEY });
  const account = openAccount(provider, address, key);
  const peerId = await peerIdOfKeyFile(config.p2p.keyFile as string);
  const result = await bindPeer(clients.as(account), address, peerId);
  process.stdout.write(`${JSON.stringify({ worker: address, ...result })}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
