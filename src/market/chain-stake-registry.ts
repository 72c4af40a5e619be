/**
 * The market's view of stake and reputation (the interfaces in ./stake.ts), read from the deployed
 * StakingRegistry and Reputation contracts. This is what a poster's bid check runs against in
 * a real deployment; the in-memory registry beside the interface is for simulations only.
 */
import { shortString } from 'starknet';
import type { CairnClients } from '../chain/cairn';
import { toBigInt } from '../chain/values';
import { SingleFlight } from '../shared/single-flight';
import type { ReputationSource, StakeRegistry } from './stake';

/**
 * The registry's and reputation's views, read on chain. Windows that close together (a graph's
 * units) ask about the same workers at the same moment: such reads share one call.
 */
export class ChainStakeRegistry implements StakeRegistry, ReputationSource {
  private readonly reads = new SingleFlight<string, unknown>();

  constructor(private readonly clients: CairnClients) {}

  private shared<T>(key: string, read: () => Promise<T>): Promise<T> {
    return this.reads.run(key, read) as Promise<T>;
  }

  peerIdOf(workerAddress: string): Promise<string> {
    return this.shared(`peer ${workerAddress}`, async () =>
      String(await this.clients.registry.read.peer_id_of(workerAddress)),
    );
  }

  eligibility(workerAddress: string, collateral: bigint): Promise<string | undefined> {
    return this.shared(`eligibility ${workerAddress} ${collateral}`, async () => {
      const reason = toBigInt(await this.clients.registry.read.eligibility(workerAddress, collateral));
      return reason === 0n ? undefined : shortString.decodeShortString(`0x${reason.toString(16)}`);
    });
  }

  freeStakeOf(workerAddress: string): Promise<bigint> {
    return this.shared(`free ${workerAddress}`, async () =>
      toBigInt(await this.clients.registry.read.free_stake_of(workerAddress)),
    );
  }

  scoreOf(workerAddress: string): Promise<number> {
    return this.shared(`score ${workerAddress}`, async () =>
      Number(toBigInt(await this.clients.reputation.read.score_of(workerAddress))),
    );
  }
}
