/**
 * A devnet with a fresh cairn deployment (compiled contracts) for the indexer's end-to-end
 * tests: the contract suites' ChainFixture, started with the full state archive that block
 * abortion needs, plus the positional market moves and block lookups the scripted history uses.
 */
import type { Account, RpcProvider } from 'starknet';
import type { CairnClients } from '../../../src/chain/cairn';
import type { CairnDeployment } from '../../../src/chain/deploy';
import type { Devnet } from '../../../scripts/devnet';
import { STRK } from '../../../src/chain/params';
import { ChainFixture } from '../../contracts/support/chain';

export class DevnetMarket {
  private constructor(private readonly chain: ChainFixture) {}

  static async start(): Promise<DevnetMarket> {
    return new DevnetMarket(
      await ChainFixture.start({ accounts: 8, devnetArgs: ['--state-archive-capacity', 'full'] }),
    );
  }

  get devnet(): Devnet {
    return this.chain.devnet;
  }

  get provider(): RpcProvider {
    return this.chain.provider;
  }

  get deployment(): CairnDeployment {
    return this.chain.deployment;
  }

  /** The predeployed accounts in order: owner, arbiter, then the rest. */
  get accounts(): Account[] {
    return this.chain.all;
  }

  as(account: Account): CairnClients {
    return this.chain.as(account);
  }

  get read(): CairnClients {
    return this.chain.read;
  }

  stake(worker: Account, amount = 500n * STRK): Promise<void> {
    return this.chain.stake(worker, amount);
  }

  createJob(poster: Account, budget = 10n * STRK, maxAttempts = 2, execDuration = 3_600n): Promise<bigint> {
    return this.chain.createJob(poster, { budget, maxAttempts, execDuration });
  }

  /** `poster` awards job `id` to `worker` at `price`, with the worker's signed consent. */
  async award(poster: Account, worker: Account, id: bigint, price: bigint): Promise<void> {
    await this.chain.award(poster, worker, id, price);
  }

  /** `poster` disputes job `id`, paying the bond its terms ask. */
  async dispute(poster: Account, id: bigint, reason: bigint): Promise<void> {
    await this.chain.dispute(poster, id, reason);
  }

  /** Created, awarded, accepted and submitted. */
  submittedJob(poster: Account, worker: Account, price = 8n * STRK, budget = 10n * STRK): Promise<bigint> {
    return this.chain.submittedJob(poster, worker, { price, budget });
  }

  async head(): Promise<{ number: number; hash: string }> {
    const b = (await this.devnet.rpc('starknet_getBlockWithTxHashes', { block_id: 'latest' })) as {
      block_number: number;
      block_hash: string;
    };
    return { number: b.block_number, hash: b.block_hash };
  }

  async blockHash(n: number): Promise<string> {
    return (
      (await this.devnet.rpc('starknet_getBlockWithTxHashes', { block_id: { block_number: n } })) as {
        block_hash: string;
      }
    ).block_hash;
  }

  stop(): Promise<void> {
    return this.chain.stop();
  }
}
