/**
 * One transaction queue per account: the node's only way to write to the chain.
 *
 * - One transaction in flight at a time, so the account's nonce never races with itself (a
 *   second process writing with the same account is the one race left, and is retried).
 * - Calls queued while a transaction is in flight go out together as the next one, a multicall:
 *   a busy poster's awards and confirms, or a worker's accepts and submits, pay one transaction
 *   fee instead of several; with `combine` (combine-calls.ts), the same step for several jobs
 *   also becomes one call of the market's batch entry point. A call that expects companions (an
 *   award while other bid windows of the same poster are closing, a graph unit's confirm while
 *   the units its result unblocks are being posted) may wait a few milliseconds from its submit
 *   so that they share its transaction rather than queue behind it, a receipt later.
 * - When a batch would revert (fee estimation refuses it), its calls are sent one by one, so
 *   only the call at fault fails, with the contract's reason.
 * - A fee above the configured cap is refused before anything is signed.
 * - Transient RPC failures and nonce races are retried with backoff; a receipt that does not come
 *   within its timeout is an error that names the transaction hash (it may still land: callers
 *   re-read the chain rather than resend blindly).
 */
import type { Account, Call } from 'starknet';
import type { Logger } from '../shared/logging';
import { type InvokeResult, executeCalls } from './contract-client';
import { ChainError, toChainError } from './errors';

export interface TxQueueOptions {
  /** Refuse a transaction whose estimated overall fee (fri) is above this. */
  maxFee?: bigint;
  /** How long to wait for a receipt. */
  receiptTimeoutMs?: number;
  /** Attempts for a transient failure (RPC unreachable, nonce race), the first included. */
  attempts?: number;
  /** First retry delay; doubled on each retry. */
  retryDelayMs?: number;
  /** Most queued calls in one multicall. */
  maxBatch?: number;
  /** Rewrites the queued calls of one transaction into the calls it sends (combine-calls.ts). */
  combine?: (units: Call[][]) => Call[];
  log?: Logger;
}

export interface QueuedCall {
  /** One call, or calls that must go in the same transaction (approve + create_job). */
  calls: Call[];
  /** What the call does, for logs and errors ("award job 7"). */
  label: string;
}

export interface SubmitOptions {
  /**
   * Wait up to this long after being queued for other calls to share the transaction (default
   * 0: at once): from the submit, whether the queue was idle or a transaction was in flight, so
   * a companion queued just after the one in flight lands still shares the next transaction.
   */
  waitForCompanionsMs?: number;
}

interface Pending extends QueuedCall {
  /** performance.now() after which the call no longer waits for companions. */
  sendBy: number;
  resolve: (r: InvokeResult) => void;
  reject: (e: unknown) => void;
}

const NONCE_RACE = /invalid transaction nonce|nonce.*(too low|too old|already used)/i;

export class TxQueue {
  private readonly pending: Pending[] = [];
  private running = false;
  /** Transactions sent and calls carried, for metrics and the batching bench. */
  readonly stats = { transactions: 0, calls: 0, retries: 0, fees: 0n, chainMs: 0 };

  constructor(
    readonly account: Account,
    private readonly opts: TxQueueOptions = {},
  ) {}

  /**
   * Queues a call (or calls that stay together in one transaction); resolves with the
   * transaction that carried it, rejects with a ChainError.
   */
  submit(call: Call | Call[], label: string, opts: SubmitOptions = {}): Promise<InvokeResult> {
    const calls = Array.isArray(call) ? call : [call];
    return new Promise((resolve, reject) => {
      const sendBy = performance.now() + (opts.waitForCompanionsMs ?? 0);
      this.pending.push({ calls, label, sendBy, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  /** Resolves once nothing is queued or in flight. */
  async idle(): Promise<void> {
    while (this.running || this.pending.length > 0) await new Promise((r) => setTimeout(r, 10));
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0) {
        const wait = this.pending[0]!.sendBy - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const batch = this.pending.splice(0, this.opts.maxBatch ?? 16);
        await this.sendBatch(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async sendBatch(batch: Pending[]): Promise<void> {
    try {
      const result = await this.send(batch);
      for (const p of batch) p.resolve(result);
    } catch (err) {
      const e = toChainError(err);
      // A refused multicall says nothing about which call was at fault: send each alone.
      if (batch.length > 1 && e.code === 'REJECTED') {
        for (const p of batch) await this.sendBatch([p]);
        return;
      }
      for (const p of batch) p.reject(e);
    }
  }

  private async send(batch: Pending[]): Promise<InvokeResult> {
    const units = batch.map((p) => p.calls);
    const calls = this.opts.combine ? this.opts.combine(units) : units.flat();
    const labels = batch.map((p) => p.label).join(', ');
    const attempts = this.opts.attempts ?? 4;
    let delay = this.opts.retryDelayMs ?? 250;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.checkFee(calls, labels);
        const sentAt = performance.now();
        const result = await withTimeout(
          executeCalls(this.account, calls),
          this.opts.receiptTimeoutMs ?? 120_000,
          () =>
            new ChainError(
              'RPC',
              undefined,
              `no receipt for ${labels} within ${this.opts.receiptTimeoutMs ?? 120_000} ms`,
            ),
        );
        this.stats.transactions++;
        this.stats.calls += calls.length;
        this.stats.chainMs += performance.now() - sentAt;
        this.stats.fees += actualFee(result.receipt);
        this.opts.log?.info({ txHash: result.txHash, calls: calls.length, labels }, 'transaction confirmed');
        return result;
      } catch (err) {
        const e = toChainError(err);
        const transient = e.code === 'RPC' || NONCE_RACE.test(e.message);
        if (!transient || attempt >= attempts) {
          this.opts.log?.warn(
            { labels, code: e.code, reason: e.reason, txHash: e.txHash },
            `transaction failed: ${e.message}`,
          );
          throw e;
        }
        this.stats.retries++;
        this.opts.log?.warn({ labels, attempt, err: e.message }, 'transient chain error; retrying');
        await new Promise((r) => setTimeout(r, delay));
        delay *= 2;
      }
    }
  }

  private async checkFee(calls: Call[], labels: string): Promise<void> {
    const cap = this.opts.maxFee;
    if (cap === undefined) return;
    let fee: bigint;
    try {
      fee = BigInt((await this.account.estimateInvokeFee(calls)).overall_fee);
    } catch (err) {
      throw toChainError(err, 'REJECTED');
    }
    if (fee > cap) {
      throw new ChainError(
        'REJECTED',
        undefined,
        `${labels}: estimated fee ${fee} fri is above the cap of ${cap} fri`,
      );
    }
  }
}

/** The fee a receipt says was paid (fri), 0 if it does not say. */
function actualFee(receipt: unknown): bigint {
  const fee = (receipt as { value?: { actual_fee?: { amount?: string } } }).value?.actual_fee?.amount;
  return fee ? BigInt(fee) : 0n;
}

async function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
