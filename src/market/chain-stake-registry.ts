/**
 * The market's view of stake and reputation (the interfaces in ./stake.ts), read from the deployed
 * StakingRegistry and Reputation contracts. This is what a poster's bid check runs against in
 * a real deployment; the in-memory registry beside the interface is for simulations only.
 */
import { shortString } from 'starknet';
import type { CairnClients } from '../chain/cairn';
import { toBigInt } from '../chain/values';
import type { ReputationSource, StakeRegistry } from './stake';

export class ChainStakeRegistry implements StakeRegistry, ReputationSource {
  constructor(private readonly clients: CairnClients) {}

  async peerIdOf(workerAddress: string): Promise<string> {
    return String(await this.clients.registry.read.peer_id_of(workerAddress));
  }

  async eligibility(workerAddress: string, collateral: bigint): Promise<string | undefined> {
    const reason = toBigInt(await this.clients.registry.read.eligibility(workerAddress, collateral));
    return reason === 0n ? undefined : shortString.decodeShortString(`0x${reason.toString(16)}`);
  }

  async freeStakeOf(workerAddress: string): Promise<bigint> {
    return toBigInt(await this.clients.registry.read.free_stake_of(workerAddress));
  }

  async scoreOf(workerAddress: string): Promise<number> {
    return Number(toBigInt(await this.clients.reputation.read.score_of(workerAddress)));
  }
}
