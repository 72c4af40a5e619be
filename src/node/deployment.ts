/**
 * The chain a node checks bids against: the StakingRegistry and Reputation of the deployment
 * file (`npm start` writes .cairn/deployment.json; CAIRN_DEPLOYMENT names another), or, without a
 * file, the in-memory registry with nobody staked (the node then awards nothing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RpcProvider } from 'starknet';
import { z } from 'zod';
import { CairnClients } from '../chain/cairn';
import type { CairnDeployment } from '../chain/deploy';
import { ChainStakeRegistry } from '../market/chain-stake-registry';
import type { NodeConfig } from '../config/config.schema';
import type { MarketModuleOptions } from '../market/market.module';
import { ConfigError, issueLines } from '../shared/config-error';
import { openAccount, readAccountKey } from '../chain/account';
import type { JobChain } from '../jobs/jobs.module';

const Hex = z.string().regex(/^0x[0-9a-fA-F]+$/);
const Deployment = z.looseObject({
  rpcUrl: z.string().url(),
  registry: Hex,
  reputation: Hex,
  market: Hex,
  token: Hex,
  deployBlock: z.number().int().nonnegative().default(0),
});

export interface ChainSources extends Pick<MarketModuleOptions, 'stake' | 'reputation'> {
  /** The deployment file read, if any. */
  from?: string;
  clients?: CairnClients;
  provider?: RpcProvider;
  /** Present when the node has an account too: what its job life writes with. */
  jobChain?: JobChain;
}

export function chainSources(config: NodeConfig): ChainSources {
  const explicit = config.chain.deploymentFile;
  const file = explicit ?? join(config.dataDir, 'deployment.json');
  if (!existsSync(file)) {
    if (explicit) throw new ConfigError([`chain.deploymentFile: ${file} does not exist`], 'deployment');
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError([`${file}: not JSON (${(err as Error).message})`], 'deployment');
  }
  const parsed = Deployment.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(
      issueLines(parsed.error.issues).map((l) => `${file}: ${l}`),
      'deployment file',
    );
  }
  const provider = new RpcProvider({ nodeUrl: parsed.data.rpcUrl });
  const clients = new CairnClients(parsed.data as unknown as CairnDeployment, provider);
  const registry = new ChainStakeRegistry(clients);
  const jobChain = accountOf(config, provider, clients, parsed.data.rpcUrl, parsed.data.deployBlock);
  return {
    stake: registry,
    reputation: registry,
    from: file,
    clients,
    provider,
    ...(jobChain ? { jobChain } : {}),
  };
}

/**
 * The node's account, when it has a key (chain.accountKeyFile or CAIRN_ACCOUNT_KEY) and an
 * address (chain.accountAddress, else market.worker.address). A key without an address, or the
 * reverse, is a configuration error: half an account would silently disable the job life.
 */
function accountOf(
  config: NodeConfig,
  provider: RpcProvider,
  clients: CairnClients,
  rpcUrl: string,
  deployBlock: number,
): JobChain | undefined {
  const workerAddress = config.market.worker?.address;
  const address =
    config.chain.accountAddress ??
    (workerAddress !== undefined ? `0x${workerAddress.toString(16)}` : undefined);
  const envKey = process.env.CAIRN_ACCOUNT_KEY;
  const hasKey = config.chain.accountKeyFile !== undefined || envKey !== undefined;
  if (!hasKey) return undefined;
  if (!address) {
    throw new ConfigError(
      ['an account key is configured but no address: set chain.accountAddress (CAIRN_ACCOUNT_ADDRESS)'],
      'account',
    );
  }
  const key = readAccountKey({
    keyFile: config.chain.accountKeyFile,
    ...(envKey !== undefined ? { key: envKey } : {}),
  });
  const account = openAccount(provider, address, key);
  return { clients, provider, rpcUrl, deployBlock, account };
}
