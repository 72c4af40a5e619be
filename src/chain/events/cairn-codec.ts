/**
 * The event codec of a cairn deployment. It decodes with the ABIs checked in under
 * src/chain/abi, the same ones that type the contract clients: one ABI source of truth, which
 * test/contracts/abi.test.ts compares with a fresh build of the Cairo sources.
 */
import { JobMarketAbi } from '../abi/JobMarket.abi';
import { ReputationAbi } from '../abi/Reputation.abi';
import { StakingRegistryAbi } from '../abi/StakingRegistry.abi';
import { type Abi, AbiCodec, type ContractRole } from './event-codec';

export const CONTRACT_ROLES: readonly ContractRole[] = ['market', 'registry', 'reputation'];

/** The ABI each contract's events are decoded with. */
export const EVENT_ABIS: Readonly<Record<ContractRole, Abi>> = {
  market: JobMarketAbi,
  registry: StakingRegistryAbi,
  reputation: ReputationAbi,
};

/** A codec for the events of the contracts at `addresses`. */
export function cairnEventCodec(addresses: Readonly<Record<ContractRole, string>>): AbiCodec {
  const contracts = {} as Record<ContractRole, { address: string; abi: Abi }>;
  for (const role of CONTRACT_ROLES) contracts[role] = { address: addresses[role], abi: EVENT_ABIS[role] };
  return new AbiCodec(contracts);
}
