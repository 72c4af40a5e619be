/**
 * One devnet with a fresh cairn deployment per test file, and the actors the suites share:
 * the owner (also treasury), an arbiter, posters, workers and an outsider, all predeployed
 * accounts with known keys. Helpers bring a job to a given state in as few transactions as the
 * contract allows, so each test spends its time on the behaviour it pins down.
 */
import type { Account, RpcProvider } from 'starknet';
import { CairnClients } from '../../../src/chain/cairn';
import { jobStatusOf } from '../../../src/chain/job';
import { ChainError } from '../../../src/chain/errors';
import { deployCairn, type CairnDeployment, type DeployOptions } from '../../../src/chain/deploy';
import { DEVNET_STRK_ADDRESS, Devnet } from '../../../scripts/devnet';
import { STRK } from '../../../src/chain/params';
import { CairnEventDecoder, type RawEvent } from './events';
import { bigintFields, toBigInt } from '../../../src/chain/values';
import { signAwardConsent } from '../../../src/chain/award-consent';

export interface Actors {
  owner: Account;
  arbiter: Account;
  posters: Account[];
  workers: Account[];
  outsider: Account;
}

export interface JobSpec {
  budget?: bigint;
  manifestHash?: bigint;
  execDuration?: bigint;
  maxAttempts?: number;
}

/** A job and the price it is awarded at (DEFAULT_PRICE if unset). */
export type AwardedJobSpec = JobSpec & { price?: bigint };

export const DEFAULT_BUDGET = 10n * STRK;
export const DEFAULT_PRICE = 8n * STRK;
export const DEFAULT_STAKE = 500n * STRK;

/** A decoded event: its short name (e.g. 'JobCreated') and its fields. */
export interface ChainEvent {
  name: string;
  from: string;
  fields: Record<string, unknown>;
}

export class ChainFixture {
  private decoder?: CairnEventDecoder;

  private constructor(
    readonly devnet: Devnet,
    readonly provider: RpcProvider,
    readonly deployment: CairnDeployment,
    readonly actors: Actors,
    readonly all: Account[],
  ) {}

  static async start(
    options: Partial<DeployOptions> & { accounts?: number; devnetArgs?: string[] } = {},
  ): Promise<ChainFixture> {
    const { accounts: wanted, devnetArgs, ...deployOptions } = options;
    const accounts = Math.max(wanted ?? 10, 7);
    const devnet = await Devnet.start({ accounts, initialBalance: 10n ** 24n, extraArgs: devnetArgs });
    try {
      const { provider, accounts: all } = await devnet.signers();
      const [owner, arbiter, p1, p2, ...rest] = all as [Account, Account, Account, Account, ...Account[]];
      const outsider = rest.pop()!;
      const deployment = await deployCairn(owner, {
        token: DEVNET_STRK_ADDRESS,
        arbiter: arbiter.address,
        ...deployOptions,
      });
      return new ChainFixture(
        devnet,
        provider,
        deployment,
        { owner, arbiter, posters: [p1, p2], workers: rest, outsider },
        all,
      );
    } catch (err) {
      await devnet.stop();
      throw err;
    }
  }

  async stop(): Promise<void> {
    await this.devnet.stop();
  }

  /** Read-only clients. */
  get read(): CairnClients {
    return new CairnClients(this.deployment, this.provider);
  }

  as(account: Account): CairnClients {
    return new CairnClients(this.deployment, account);
  }

  async balance(address: string): Promise<bigint> {
    return toBigInt(await this.read.token.read.balance_of(address));
  }

  /**
   * When a transaction ran, as the contract saw it: devnet stamps the block when it closes it,
   * which can be a second after the transaction executed, so the contract's "now" is known to
   * lie between the previous block's timestamp and its own block's.
   */
  async executedAt(txHash: string): Promise<{ min: bigint; max: bigint }> {
    const receipt = await this.provider.getTransactionReceipt(txHash);
    const n = (receipt.value as { block_number: number }).block_number;
    const [prev, block] = await Promise.all([
      this.provider.getBlockWithTxHashes(Math.max(0, n - 1)),
      this.provider.getBlockWithTxHashes(n),
    ]);
    return { min: BigInt(prev.timestamp), max: BigInt(block.timestamp) };
  }

  async advance(seconds: bigint | number): Promise<void> {
    await this.devnet.increaseTime(Number(seconds));
  }

  // --- staking ---------------------------------------------------------------------------

  async stake(worker: Account, amount = DEFAULT_STAKE, peerId?: string): Promise<void> {
    const c = this.as(worker);
    await c.token.invoke('approve', this.deployment.registry, amount);
    await c.registry.invoke('stake', amount);
    await c.registry.invoke('bind_peer', peerId ?? `12D3KooW${worker.address.slice(2, 40)}`);
  }

  async stakeInfo(worker: Account) {
    const s = await this.read.registry.read.stake_of(worker.address);
    return bigintFields(s, [
      'staked',
      'locked',
      'pending_unstake',
      'unstake_available_at',
      'suspended_until',
    ]);
  }

  // --- jobs --------------------------------------------------------------------------------

  async createJob(poster: Account, spec: JobSpec = {}): Promise<bigint> {
    const budget = spec.budget ?? DEFAULT_BUDGET;
    const c = this.as(poster);
    await c.token.invoke('approve', this.deployment.market, budget);
    await c.market.invoke(
      'create_job',
      budget,
      spec.manifestHash ?? 0xc0ffeen,
      spec.execDuration ?? 3_600n,
      BigInt(spec.maxAttempts ?? 2),
    );
    return toBigInt(await this.read.market.read.job_count());
  }

  /** The chain's clock: the latest block's timestamp. */
  async now(): Promise<bigint> {
    return BigInt((await this.provider.getBlockWithTxHashes('latest')).timestamp);
  }

  /**
   * The worker's signed consent to the job's next attempt (or `attempt`) at `price`, valid
   * until `expiry` (default: an hour of chain time from now).
   */
  async consent(
    worker: Account,
    id: bigint,
    price: bigint,
    opts: { expiry?: bigint; attempt?: number } = {},
  ): Promise<{ expiry: bigint; signature: bigint[] }> {
    const expiry = opts.expiry ?? (await this.now()) + 3_600n;
    const attempt = opts.attempt ?? (await this.job(id)).attempts + 1;
    const signature = await signAwardConsent(worker, {
      market: this.deployment.market,
      jobId: id,
      price,
      expiry,
      attempt,
    });
    return { expiry, signature };
  }

  /** `sender` (normally the poster) awards job `id` to `worker` with the worker's consent. */
  async award(sender: Account, worker: Account, id: bigint, price = DEFAULT_PRICE) {
    const { expiry, signature } = await this.consent(worker, id, price);
    return this.as(sender).market.invoke('award_job', id, worker.address, price, expiry, signature);
  }

  async awardedJob(poster: Account, worker: Account, spec: AwardedJobSpec = {}): Promise<bigint> {
    const id = await this.createJob(poster, spec);
    await this.award(poster, worker, id, spec.price ?? DEFAULT_PRICE);
    return id;
  }

  async acceptedJob(poster: Account, worker: Account, spec: AwardedJobSpec = {}): Promise<bigint> {
    const id = await this.awardedJob(poster, worker, spec);
    await this.as(worker).market.invoke('accept_job', id);
    return id;
  }

  async submittedJob(poster: Account, worker: Account, spec: AwardedJobSpec = {}): Promise<bigint> {
    const id = await this.acceptedJob(poster, worker, spec);
    await this.as(worker).market.invoke('submit_result', id, 0xabcdefn);
    return id;
  }

  /** The poster disputes job `id`, approving exactly the bond the job's terms ask. */
  async dispute(poster: Account, id: bigint, reason = 0x626164n, outputHash = 0xd15b07edn) {
    const job = await this.job(id);
    const bond = (job.price * job.dispute_bond_bps) / 10_000n;
    const c = this.as(poster);
    await c.token.invoke('approve', this.deployment.market, bond);
    return c.market.invoke('dispute', id, reason, outputHash);
  }

  async job(id: bigint) {
    const j = await this.read.market.read.job(id);
    return {
      ...j,
      status: statusName(j.status),
      budget: toBigInt(j.budget),
      price: toBigInt(j.price),
      collateral: toBigInt(j.collateral),
      attempts: Number(j.attempts),
      max_attempts: Number(j.max_attempts),
      worker: toBigInt(j.worker),
      poster: toBigInt(j.poster),
      deadline: toBigInt(j.deadline),
      accept_by: toBigInt(j.accept_by),
      review_until: toBigInt(j.review_until),
      commitment: toBigInt(j.commitment),
      fee_bps: toBigInt(j.fee_bps),
      slash_bps: toBigInt(j.slash_bps),
      review_window: toBigInt(j.review_window),
      dispute_bond_bps: toBigInt(j.dispute_bond_bps),
      resolution_window: toBigInt(j.resolution_window),
      dispute_bond: toBigInt(j.dispute_bond),
      arbiter: toBigInt(j.arbiter),
      resolve_by: toBigInt(j.resolve_by),
    };
  }

  /**
   * The market's scheduled parameters and when they take effect (0: none). starknet.js returns
   * a Cairo tuple as an object keyed '0', '1', not the array the ABI types suggest.
   */
  async pendingParams() {
    const r = (await this.read.market.read.pending_params()) as unknown as Record<'0' | '1', unknown>;
    const params = r['0'] as Record<string, unknown>;
    return {
      params: { fee_bps: toBigInt(params.fee_bps), slash_bps: toBigInt(params.slash_bps) },
      at: toBigInt(r['1']),
    };
  }

  async reputation(worker: Account) {
    const r = await this.read.reputation.read.reputation_of(worker.address);
    return {
      ...bigintFields(r, ['completed', 'failed', 'slashed', 'posters', 'credits']),
      score: toBigInt(await this.read.reputation.read.score_of(worker.address)),
    };
  }

  /** The fee a transaction's sender paid (FRI: devnet charges v3 transactions in STRK). */
  async feePaid(txHash: string): Promise<bigint> {
    const receipt = await this.provider.getTransactionReceipt(txHash);
    return BigInt((receipt.value as { actual_fee: { amount: string } }).actual_fee.amount);
  }

  /** Every cairn event of a transaction, decoded with the contracts' ABIs, in emission order. */
  async events(txHash: string): Promise<ChainEvent[]> {
    const receipt = await this.provider.getTransactionReceipt(txHash);
    const raw = (receipt.value as { events?: RawEvent[] }).events ?? [];
    const decoder = (this.decoder ??= new CairnEventDecoder(this.deployment));
    return raw.flatMap((ev) => {
      const d = decoder.decode(ev);
      return d ? [{ name: d.name, from: ev.from_address, fields: d.fields }] : [];
    });
  }
}

/** Asserts that `value - offset` is a time the transaction could have run at. */
export async function expectStampedBy(
  chain: ChainFixture,
  txHash: string,
  value: bigint,
  offset: bigint,
): Promise<void> {
  const { min, max } = await chain.executedAt(txHash);
  expect(value - offset).toBeGreaterThanOrEqual(min);
  expect(value - offset).toBeLessThanOrEqual(max);
}

/** The job model's reading of a status enum (src/chain/job.ts). */
export const statusName = jobStatusOf;

/** Awaits a write expected to fail and returns its revert reason, failing if it succeeded. */
export async function revertReason(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ChainError) return err.reason ?? err.message;
    throw err;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
