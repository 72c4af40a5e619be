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

const Hex = z.string().regex(/^0x[0-9a-fA-F]+$/);
const Deployment = z.looseObject({
  rpcUrl: z.string().url(),
  registry: Hex,
  reputation: Hex,
  market: Hex,
  token: Hex,
});

export interface ChainSources extends Pick<MarketModuleOptions, 'stake' | 'reputation'> {
  /** The deployment file read, if any. */
  from?: string;
  clients?: CairnClients;
  provider?: RpcProvider;
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
    throw new ConfigError(issueLines(parsed.error.issues).map((l) => `${file}: ${l}`), 'deployment file');
  }
  const provider = new RpcProvider({ nodeUrl: parsed.data.rpcUrl });
  const clients = new CairnClients(parsed.data as unknown as CairnDeployment, provider);
  const registry = new ChainStakeRegistry(clients);
  return { stake: registry, reputation: registry, from: file, clients, provider };
}
