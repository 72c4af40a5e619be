/**
 * A devnet with a fresh cairn deployment (compiled contracts) for the indexer's end-to-end
 * tests, started with the full state archive that block abortion needs, and the few market
 * moves the scripted history uses, through the lead's typed clients.
 */
import { Account, RpcProvider } from 'starknet';
import { CairnClients } from '../../../src/chain/cairn';
import { type CairnDeployment, deployCairn } from '../../../src/chain/deploy';
import { DEVNET_STRK_ADDRESS, Devnet } from '../../../src/chain/devnet';
import { STRK } from '../../../src/chain/params';

export class DevnetMarket {
  private constructor(
    readonly devnet: Devnet,
    readonly provider: RpcProvider,
    readonly deployment: CairnDeployment,
    readonly accounts: Account[],
  ) {}

  static async start(): Promise<DevnetMarket> {
    const devnet = await Devnet.start({ accounts: 8, extraArgs: ['--state-archive-capacity', 'full'] });
    try {
      const provider = new RpcProvider({ nodeUrl: devnet.rpcUrl });
      const accounts = (await devnet.predeployedAccounts()).map(
        (a) => new Account({ provider, address: a.address, signer: a.private_key }),
      );
      const owner = accounts[0]!;
      const deployment = await deployCairn(owner, {
        token: DEVNET_STRK_ADDRESS,
        arbiter: accounts[1]!.address,
      });
      return new DevnetMarket(devnet, provider, deployment, accounts);
    } catch (err) {
      await devnet.stop();
      throw err;
    }
  }

  as(account: Account): CairnClients {
    return new CairnClients(this.deployment, account);
  }

  get read(): CairnClients {
    return new CairnClients(this.deployment, this.provider);
  }

  async stake(worker: Account, amount = 500n * STRK): Promise<void> {
    const c = this.as(worker);
    await c.token.invoke('approve', this.deployment.registry, amount);
    await c.registry.invoke('stake', amount);
    await c.registry.invoke('bind_peer', `12D3KooW${worker.address.slice(2, 40)}`);
  }

  async createJob(
    poster: Account,
    budget = 10n * STRK,
    maxAttempts = 2,
    execDuration = 3_600n,
  ): Promise<bigint> {
    const c = this.as(poster);
    await c.token.invoke('approve', this.deployment.market, budget);
    await c.market.invoke('create_job', budget, 0xc0ffeen, execDuration, BigInt(maxAttempts));
    return BigInt((await this.read.market.read.job_count()) as bigint);
  }

  /** Created, awarded, accepted and submitted. */
  async submittedJob(
    poster: Account,
    worker: Account,
    price = 8n * STRK,
    budget = 10n * STRK,
  ): Promise<bigint> {
    const id = await this.createJob(poster, budget);
    await this.as(poster).market.invoke('award_job', id, worker.address, price);
    await this.as(worker).market.invoke('accept_job', id);
    await this.as(worker).market.invoke('submit_result', id, 0xabcdefn);
    return id;
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
    return this.devnet.stop();
  }
}
