/**
 * The typed clients of one cairn deployment, the single entry point the node, the indexer and
 * the tests use to talk to the contracts.
 */
import type { Account, ProviderInterface } from 'starknet';
import { Erc20Abi } from './abi/Erc20.abi';
import { JobMarketAbi } from './abi/JobMarket.abi';
import { ReputationAbi } from './abi/Reputation.abi';
import { StakingRegistryAbi } from './abi/StakingRegistry.abi';
import { ContractClient } from './contract-client';
import type { CairnDeployment } from './deploy';

export type JobMarketClient = ContractClient<typeof JobMarketAbi>;
export type StakingRegistryClient = ContractClient<typeof StakingRegistryAbi>;
export type ReputationClient = ContractClient<typeof ReputationAbi>;
export type Erc20Client = ContractClient<typeof Erc20Abi>;

export class CairnClients {
  readonly market: JobMarketClient;
  readonly registry: StakingRegistryClient;
  readonly reputation: ReputationClient;
  readonly token: Erc20Client;

  constructor(
    readonly deployment: CairnDeployment,
    readonly runner: ProviderInterface | Account,
  ) {
    this.market = new ContractClient(deployment.market, JobMarketAbi, runner);
    this.registry = new ContractClient(deployment.registry, StakingRegistryAbi, runner);
    this.reputation = new ContractClient(deployment.reputation, ReputationAbi, runner);
    this.token = new ContractClient(deployment.token, Erc20Abi, runner);
  }

  /** The same deployment, sending transactions as `account`. */
  as(account: Account): CairnClients {
    return new CairnClients(this.deployment, account);
  }
}
