/**
 * Writes a market history as a chain of blocks of encoded events, the way the contracts would
 * emit them (same events, same order within a transaction, same arithmetic), for reorg tests,
 * the crash test and the bench's replay. A fork is the same script replayed with a different
 * tag from a chosen block on: the prefix is identical, block hashes diverge at the fork.
 */
import { createHash } from 'node:crypto';
import type { RawEvent } from '../../../src/chain/events/chain-source';
import type { AbiCodec, ContractRole, Value } from '../../../src/chain/events/event-codec';
import { MemoryChain, type RecordedBlock } from '../../../src/chain/events/memory-chain';
import { normalizeAddress } from '../../../src/shared/felt';
import { creditOf, scoreOf } from '../../support/reputation-score';

const hex = (s: string) => '0x0' + createHash('sha256').update(s).digest('hex').slice(1);
const short = (s: string) => '0x' + Buffer.from(s).toString('hex');

export const ACCEPT_WINDOW = 3600;
export const REVIEW_WINDOW = 7200;
export const FEE_BPS = 100n;
/** The market's minimum price: the unit a completion is credited in, by the fee it paid. */
export const MIN_PRICE = 10n ** 16n;
export const COLLATERAL_BPS = 5000n;
export const SLASH_BPS = 10000n;
export const BOND_BPS = 1000n;
export const RESOLUTION_WINDOW = 259_200;
export const SUSPENSION = 86400;
export const GENESIS_TIME = 1_767_225_000; // 2025-12-31T23:50:00Z: the history crosses a UTC day boundary

export function address(name: string): string {
  return normalizeAddress(hex(`addr:${name}`));
}

interface JobModel {
  poster: string;
  budget: bigint;
  worker?: string;
  price: bigint;
  collateral: bigint;
  status: string;
  attempts: number;
  maxAttempts: number;
  execDuration: number;
}

interface WorkerModel {
  staked: bigint;
  locked: bigint;
  completed: number;
  failed: number;
  slashed: number;
  /** The completions weighted by the fees they paid. */
  credits: bigint;
  /** Posters who paid this worker: each vouches for at most 10 credits in the score. */
  posters: Set<string>;
}

export class MarketScript {
  readonly chain: MemoryChain;
  private pending: {
    events: Omit<RawEvent, 'blockNumber' | 'blockHash' | 'txHash' | 'txIndex' | 'eventIndex'>[];
  }[] = [];
  private tx:
    | { events: Omit<RawEvent, 'blockNumber' | 'blockHash' | 'txHash' | 'txIndex' | 'eventIndex'>[] }
    | undefined;
  readonly jobs = new Map<number, JobModel>();
  readonly workers = new Map<string, WorkerModel>();
  private jobCount = 0;
  /** Seconds between blocks. */
  blockTime = 12;

  constructor(
    private readonly codec: AbiCodec,
    private readonly fork: { tag: string; from: number } = { tag: 'main', from: Number.MAX_SAFE_INTEGER },
    chainId = 'SN_SCRIPTED',
  ) {
    this.chain = new MemoryChain(chainId);
    this.mine(); // genesis
  }

  get height(): number {
    return this.chain.length;
  }

  now(): number {
    return GENESIS_TIME + this.height * this.blockTime;
  }

  private blockHash(n: number): string {
    return hex(`block:${n >= this.fork.from ? this.fork.tag : 'main'}:${n}`);
  }

  /** Closes the current block (possibly empty). */
  mine(): RecordedBlock {
    const number = this.chain.length;
    const hash = this.blockHash(number);
    const block: RecordedBlock = {
      header: {
        number,
        hash,
        parentHash: number === 0 ? '0x0' : this.chain.recorded()[number - 1]!.header.hash,
        timestamp: GENESIS_TIME + number * this.blockTime,
      },
      events: this.pending.flatMap((tx, txIndex) =>
        tx.events.map((e, eventIndex) => ({
          ...e,
          blockNumber: number,
          blockHash: hash,
          txHash: hex(`tx:${hash}:${txIndex}`),
          txIndex,
          eventIndex,
        })),
      ),
    };
    this.chain.append(block);
    this.pending = [];
    return block;
  }

  /** Empty blocks, e.g. to let a deadline pass. */
  advance(blocks: number): void {
    for (let i = 0; i < blocks; i++) this.mine();
  }

  private emit(role: ContractRole, name: string, fields: Record<string, Value>): void {
    const { fromAddress, keys, data } = this.codec.encode(role, name, fields);
    (this.tx ?? this.pending[this.pending.length - 1]!).events.push({ fromAddress, keys, data });
  }

  /** One transaction: events emitted by `body` share a transaction hash. */
  private transaction<T>(body: () => T): T {
    this.tx = { events: [] };
    try {
      return body();
    } finally {
      this.pending.push(this.tx);
      this.tx = undefined;
    }
  }

  private w(worker: string): WorkerModel {
    let m = this.workers.get(worker);
    if (!m)
      this.workers.set(
        worker,
        (m = {
          staked: 0n,
          locked: 0n,
          completed: 0,
          failed: 0,
          slashed: 0,
          credits: 0n,
          posters: new Set(),
        }),
      );
    return m;
  }

  private job(id: number): JobModel {
    const j = this.jobs.get(id);
    if (!j) throw new Error(`script: no job ${id}`);
    return j;
  }

  private score(m: WorkerModel): number {
    return Number(
      scoreOf({
        credits: m.credits,
        failed: BigInt(m.failed),
        slashed: BigInt(m.slashed),
        posters: BigInt(m.posters.size),
      }),
    );
  }

  /** A reputation update; a completion names its poster and the fee it paid. */
  private reputation(
    worker: string,
    jobId: number,
    outcome: 'completed' | 'failed' | 'slashed',
    paid?: { poster: string; fee: bigint },
  ): void {
    const m = this.w(worker);
    m[outcome]++;
    const credit = paid ? creditOf(paid.fee, MIN_PRICE) : 0n;
    m.credits += credit;
    if (paid) m.posters.add(paid.poster);
    this.emit('reputation', 'ReputationUpdated', {
      worker,
      job_id: jobId,
      outcome: short(outcome),
      completed: m.completed,
      failed: m.failed,
      slashed: m.slashed,
      posters: m.posters.size,
      credit: Number(credit),
      credits: Number(m.credits),
      score: this.score(m),
    });
  }

  stake(worker: string, amount: bigint): void {
    this.transaction(() => {
      const m = this.w(worker);
      m.staked += amount;
      this.emit('registry', 'Staked', { worker, amount, staked: m.staked });
    });
  }

  bindPeer(worker: string, peerId: string): void {
    this.transaction(() => this.emit('registry', 'PeerBound', { worker, peer_id: peerId }));
  }

  requestUnstake(worker: string, amount: bigint): void {
    this.transaction(() =>
      this.emit('registry', 'UnstakeRequested', {
        worker,
        amount,
        pending: amount,
        available_at: this.now() + 600,
      }),
    );
  }

  withdraw(worker: string, amount: bigint): void {
    this.transaction(() => {
      const m = this.w(worker);
      m.staked -= amount;
      this.emit('registry', 'Withdrawn', { worker, amount, staked: m.staked });
    });
  }

  createJob(
    poster: string,
    budget: bigint,
    opts: { execDuration?: number; maxAttempts?: number } = {},
  ): number {
    return this.transaction(() => {
      const id = ++this.jobCount;
      const j: JobModel = {
        poster,
        budget,
        price: 0n,
        collateral: 0n,
        status: 'Open',
        attempts: 0,
        maxAttempts: opts.maxAttempts ?? 2,
        execDuration: opts.execDuration ?? 600,
      };
      this.jobs.set(id, j);
      this.emit('market', 'JobCreated', {
        job_id: id,
        poster,
        budget,
        manifest_hash: hex(`manifest:${id}`),
        exec_duration: j.execDuration,
        max_attempts: j.maxAttempts,
      });
      return id;
    });
  }

  cancel(id: number): void {
    this.transaction(() => {
      const j = this.job(id);
      j.status = 'Cancelled';
      this.emit('market', 'JobCancelled', { job_id: id, refund: j.budget });
    });
  }

  award(id: number, worker: string, price: bigint): void {
    this.transaction(() => {
      const j = this.job(id);
      Object.assign(j, { worker, price, collateral: (price * COLLATERAL_BPS) / 10_000n, status: 'Awarded' });
      j.attempts++;
      this.emit('market', 'JobAwarded', {
        job_id: id,
        worker,
        price,
        collateral: j.collateral,
        accept_by: this.now() + ACCEPT_WINDOW,
        attempt: j.attempts,
        fee_bps: Number(FEE_BPS),
        slash_bps: Number(SLASH_BPS),
      });
    });
  }

  accept(id: number): void {
    this.transaction(() => {
      const j = this.job(id);
      j.status = 'Accepted';
      this.emit('market', 'JobAccepted', {
        job_id: id,
        worker: j.worker!,
        deadline: this.now() + j.execDuration,
      });
      if (j.collateral > 0n) {
        const m = this.w(j.worker!);
        m.locked += j.collateral;
        this.emit('registry', 'CollateralLocked', {
          worker: j.worker!,
          job_id: id,
          amount: j.collateral,
          locked: m.locked,
        });
      }
    });
  }

  submit(id: number, commitment = hex(`result:${id}`)): void {
    this.transaction(() => {
      const j = this.job(id);
      j.status = 'Submitted';
      this.emit('market', 'ResultSubmitted', {
        job_id: id,
        worker: j.worker!,
        commitment,
        review_until: this.now() + REVIEW_WINDOW,
      });
    });
  }

  private settle(id: number): { payout: bigint; fee: bigint; refund: bigint } {
    const j = this.job(id);
    const fee = (j.price * FEE_BPS) / 10_000n;
    if (j.collateral > 0n) {
      const m = this.w(j.worker!);
      m.locked -= j.collateral;
      this.emit('registry', 'CollateralReleased', {
        worker: j.worker!,
        job_id: id,
        amount: j.collateral,
        locked: m.locked,
      });
    }
    this.reputation(j.worker!, id, 'completed', { poster: j.poster, fee });
    return { payout: j.price - fee, fee, refund: j.budget - j.price };
  }

  confirm(id: number, claimed = false): void {
    this.transaction(() => {
      const s = this.settle(id);
      this.job(id).status = 'Completed';
      this.emit('market', 'JobCompleted', { job_id: id, worker: this.job(id).worker!, ...s, claimed });
    });
  }

  dispute(id: number, reason = 'wrong output'): void {
    this.transaction(() => {
      const j = this.job(id);
      j.status = 'Disputed';
      this.emit('market', 'JobDisputed', {
        job_id: id,
        poster: j.poster,
        worker: j.worker!,
        arbiter: address('arbiter'),
        reason: short(reason),
        commitment: hex(`result:${id}`),
        disputed_output_hash: hex(`output:${id}`),
        bond: (j.price * BOND_BPS) / 10_000n,
        resolve_by: this.now() + RESOLUTION_WINDOW,
      });
    });
  }

  private slash(id: number): bigint {
    const j = this.job(id);
    const amount = (j.collateral * SLASH_BPS) / 10_000n;
    const m = this.w(j.worker!);
    m.locked -= j.collateral;
    if (j.collateral > amount)
      this.emit('registry', 'CollateralReleased', {
        worker: j.worker!,
        job_id: id,
        amount: j.collateral - amount,
        locked: m.locked + amount,
      });
    m.staked -= amount;
    this.emit('registry', 'Slashed', {
      worker: j.worker!,
      job_id: id,
      amount,
      staked: m.staked,
      suspended_until: this.now() + SUSPENSION,
    });
    return amount;
  }

  resolve(id: number, workerWins: boolean): void {
    this.transaction(() => {
      const j = this.job(id);
      j.status = 'Resolved';
      const parties = {
        poster: j.poster,
        worker: j.worker!,
        arbiter: address('arbiter'),
        by_default: false,
        bond: (j.price * BOND_BPS) / 10_000n,
        fee_bps: Number(FEE_BPS),
        slash_bps: Number(SLASH_BPS),
      };
      if (workerWins) {
        const s = this.settle(id);
        this.emit('market', 'JobResolved', { job_id: id, worker_wins: true, ...parties, ...s, slashed: 0n });
      } else {
        const slashed = this.slash(id);
        this.emit('market', 'JobResolved', {
          job_id: id,
          worker_wins: false,
          ...parties,
          payout: 0n,
          fee: 0n,
          refund: j.budget,
          slashed,
        });
        this.reputation(j.worker!, id, 'slashed');
      }
    });
  }

  /** After the accept window (awarded) or the deadline (accepted). */
  expire(id: number): void {
    this.transaction(() => {
      const j = this.job(id);
      const worker = j.worker!;
      const accepted = j.status === 'Accepted';
      const slashed = accepted ? this.slash(id) : 0n;
      const reopen = j.attempts < j.maxAttempts;
      this.emit('market', 'JobExpired', {
        job_id: id,
        worker,
        stage: short(accepted ? 'execution' : 'accept'),
        slashed,
      });
      if (reopen)
        this.emit('market', 'JobReopened', { job_id: id, attempts_left: j.maxAttempts - j.attempts });
      else this.emit('market', 'JobRefunded', { job_id: id, refund: j.budget });
      this.reputation(worker, id, accepted ? 'slashed' : 'failed');
      Object.assign(j, { status: reopen ? 'Open' : 'Expired', worker: undefined, price: 0n, collateral: 0n });
    });
  }

  /** A whole successful life in one go (create, award, accept, submit, confirm): 8 events. */
  completeJob(poster: string, worker: string, budget: bigint, price: bigint): number {
    const id = this.createJob(poster, budget);
    this.award(id, worker, price);
    this.accept(id);
    this.submit(id);
    this.confirm(id);
    return id;
  }
}

/**
 * The history the GraphQL and crash tests check: two staked workers, jobs in every terminal state
 * (completed, claimed, won and lost disputes, cancelled, expired after retries), one reopened
 * job left open, a slash for a missed deadline and one for a lost dispute.
 */
export function scriptedHistory(script: MarketScript): { alice: string; bob: string; poster: string } {
  const alice = address('alice');
  const bob = address('bob');
  const poster = address('poster');
  const E = 10n ** 18n;
  script.stake(alice, 100n * E);
  script.bindPeer(alice, '12D3KooWAliceAliceAliceAliceAliceAliceAliceAliceAlice');
  script.stake(bob, 50n * E);
  script.bindPeer(bob, '12D3KooWBobBobBobBobBobBobBobBobBobBobBobBobBobBobBob');
  script.mine();
  script.completeJob(poster, alice, 10n * E, 8n * E); // 1
  script.mine();
  const claimed = script.createJob(poster, 5n * E); // 2
  script.award(claimed, bob, 4n * E);
  script.accept(claimed);
  script.submit(claimed);
  script.mine();
  script.confirm(claimed, true);
  const cancelled = script.createJob(poster, 3n * E); // 3
  script.mine();
  script.cancel(cancelled);
  const disputedWon = script.createJob(poster, 6n * E); // 4
  script.award(disputedWon, alice, 6n * E);
  script.accept(disputedWon);
  script.submit(disputedWon);
  script.dispute(disputedWon);
  script.mine();
  script.resolve(disputedWon, true);
  const disputedLost = script.createJob(poster, 7n * E); // 5
  script.award(disputedLost, bob, 5n * E);
  script.accept(disputedLost);
  script.submit(disputedLost);
  script.dispute(disputedLost, 'fabricated');
  script.mine();
  script.resolve(disputedLost, false); // slash 1
  const expired = script.createJob(poster, 2n * E, { maxAttempts: 2 }); // 6
  script.award(expired, alice, 1n * E);
  script.mine();
  script.expire(expired); // accept window missed: failed, reopened
  script.award(expired, bob, 2n * E);
  script.accept(expired);
  script.mine();
  script.expire(expired); // deadline missed: slash 2, refunded
  const reopened = script.createJob(poster, 9n * E, { maxAttempts: 3 }); // 7
  script.award(reopened, alice, 9n * E);
  script.mine();
  script.expire(reopened); // open again
  script.mine();
  script.createJob(poster, 1n * E); // 8: open, never awarded
  script.requestUnstake(alice, 10n * E);
  script.mine();
  return { alice, bob, poster };
}
