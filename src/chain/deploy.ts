/**
 * Declares and deploys the three contracts and wires them together: the registry and the
 * reputation contract accept writes only from the market, which exists only after them, so
 * each is told the market's address once, in one multicall, right after it is deployed.
 */
import { CallData, type Account, type RawArgsObject } from 'starknet';
import { loadArtifacts, type ContractArtifact, type ContractName } from './artifacts';
import { executeCalls } from './contract-client';
import { toChainError } from './errors';
import {
  DEFAULT_MARKET_PARAMS,
  DEFAULT_REGISTRY_PARAMS,
  type MarketParams,
  type RegistryParams,
} from './params';

export interface DeployOptions {
  /** The payment token (on devnet, the predeployed STRK). */
  token: string;
  owner?: string;
  treasury?: string;
  arbiter?: string;
  registryParams?: RegistryParams;
  marketParams?: MarketParams;
}

export interface CairnDeployment {
  token: string;
  registry: string;
  reputation: string;
  market: string;
  owner: string;
  treasury: string;
  arbiter: string;
  classHashes: Record<ContractName, string>;
  /** First block holding any of the contracts: where an indexer starts. */
  deployBlock: number;
}

async function declare(account: Account, artifact: ContractArtifact): Promise<string> {
  try {
    const res = await account.declareIfNot({ contract: artifact.sierra, casm: artifact.casm });
    if (res.transaction_hash) await account.provider.waitForTransaction(res.transaction_hash, { retryInterval: 50 });
    return res.class_hash;
  } catch (err) {
    throw toChainError(err);
  }
}

async function deploy(
  account: Account,
  classHash: string,
  constructorCalldata: string[],
): Promise<{ address: string; block: number }> {
  try {
    // deploy(), not deployContract(): the latter waits with starknet.js's default 5 s poll.
    const res = await account.deploy({ classHash, constructorCalldata });
    const receipt = await account.provider.waitForTransaction(res.transaction_hash, { retryInterval: 50 });
    if (!receipt.isSuccess()) throw new Error(`deploy of ${classHash} failed: ${JSON.stringify(receipt.value)}`);
    const block = (receipt.value as { block_number?: number }).block_number ?? 0;
    return { address: res.contract_address[0]!, block };
  } catch (err) {
    throw toChainError(err);
  }
}

export async function deployCairn(account: Account, options: DeployOptions): Promise<CairnDeployment> {
  const artifacts = loadArtifacts();
  const owner = options.owner ?? account.address;
  const treasury = options.treasury ?? owner;
  const arbiter = options.arbiter ?? owner;
  const classHashes = {} as Record<ContractName, string>;
  for (const artifact of Object.values(artifacts))
    classHashes[artifact.name] = await declare(account, artifact);

  const ctor = (name: ContractName, args: Record<string, unknown>) =>
    new CallData(artifacts[name].sierra.abi).compile('constructor', args as RawArgsObject);

  const registry = await deploy(
    account,
    classHashes.StakingRegistry,
    ctor('StakingRegistry', {
      owner,
      token: options.token,
      params: options.registryParams ?? DEFAULT_REGISTRY_PARAMS,
    }),
  );
  const reputation = await deploy(account, classHashes.Reputation, ctor('Reputation', { owner }));
  const market = await deploy(
    account,
    classHashes.JobMarket,
    ctor('JobMarket', {
      owner,
      token: options.token,
      registry: registry.address,
      reputation: reputation.address,
      treasury,
      arbiter,
      params: options.marketParams ?? DEFAULT_MARKET_PARAMS,
    }),
  );
  await executeCalls(account, [
    { contractAddress: registry.address, entrypoint: 'set_market', calldata: [market.address] },
    { contractAddress: reputation.address, entrypoint: 'set_market', calldata: [market.address] },
  ]);
  return {
    token: options.token,
    registry: registry.address,
    reputation: reputation.address,
    market: market.address,
    owner,
    treasury,
    arbiter,
    classHashes,
    deployBlock: registry.block,
  };
}
