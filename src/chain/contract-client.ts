/**
 * A contract handle typed from its ABI: `read` for views (typed arguments and results through
 * abi-wan-kanabi), `invoke` for writes that waits for the receipt and turns refusals and
 * reverts into a ChainError carrying the contract's reason.
 */
import type {
  Abi,
  ExtractAbiFunction,
  ExtractAbiFunctionNames,
  FunctionArgs,
} from 'abi-wan-kanabi/kanabi';
import {
  Contract,
  type Account,
  type Call,
  type GetTransactionReceiptResponse,
  type ProviderInterface,
  type ResourceBoundsBN,
  type TypedContractV2,
} from 'starknet';
import { ChainError, extractRevertReason, toChainError } from './errors';

/**
 * A function's arguments as a tuple. abi-wan-kanabi's FunctionArgs is the bare argument for a
 * one-argument function and a tuple otherwise; rest parameters need the tuple in every case.
 */
export type CallArgs<TAbi extends Abi, F extends ExtractAbiFunctionNames<TAbi>> =
  ExtractAbiFunction<TAbi, F>['inputs'] extends readonly [unknown]
    ? [FunctionArgs<TAbi, F>]
    : Extract<FunctionArgs<TAbi, F>, readonly unknown[]>;

export interface InvokeOptions {
  /**
   * Fixed resource bounds: skips fee estimation, so a call that would revert is still sent and
   * included as REVERTED (what a test of "failed calls change nothing" needs).
   */
  resourceBounds?: ResourceBoundsBN;
}

export interface InvokeResult {
  txHash: string;
  receipt: GetTransactionReceiptResponse;
}

export class ContractClient<TAbi extends Abi> {
  readonly read: TypedContractV2<TAbi>;

  constructor(
    readonly address: string,
    readonly abi: TAbi,
    readonly runner: ProviderInterface | Account,
  ) {
    this.read = new Contract({ abi: abi as never, address, providerOrAccount: runner }).typedv2(abi);
  }

  /** The same contract, sending transactions from `account`. */
  connect(account: Account): ContractClient<TAbi> {
    return new ContractClient(this.address, this.abi, account);
  }

  populate<F extends ExtractAbiFunctionNames<TAbi>>(fn: F, ...args: CallArgs<TAbi, F>): Call {
    return this.read.populate(fn as string, args as never);
  }

  async invoke<F extends ExtractAbiFunctionNames<TAbi>>(
    fn: F,
    ...args: CallArgs<TAbi, F>
  ): Promise<InvokeResult> {
    return executeCalls(this.account(), [this.populate(fn, ...args)]);
  }

  async invokeWith<F extends ExtractAbiFunctionNames<TAbi>>(
    options: InvokeOptions,
    fn: F,
    ...args: CallArgs<TAbi, F>
  ): Promise<InvokeResult> {
    return executeCalls(this.account(), [this.populate(fn, ...args)], options);
  }

  private account(): Account {
    if (!('execute' in this.runner)) {
      throw new ChainError(
        'RPC',
        undefined,
        `${this.address}: a write needs an account; use connect(account)`,
      );
    }
    return this.runner as Account;
  }
}

/**
 * The receipt of a transaction already final on L2, else undefined. starknet.js's wait sleeps
 * its interval before it first looks; a chain that includes a transaction as it accepts it (a
 * devnet, a sequencer answering late) has the receipt at once, and each transaction of a job's
 * life would otherwise pay that sleep.
 */
async function landedReceipt(
  provider: Account['provider'],
  txHash: string,
): Promise<GetTransactionReceiptResponse | undefined> {
  try {
    const receipt = await provider.getTransactionReceipt(txHash);
    const status = (receipt.value as { finality_status?: string }).finality_status;
    return status === 'ACCEPTED_ON_L2' || status === 'ACCEPTED_ON_L1' ? receipt : undefined;
  } catch {
    return undefined; // not known yet: waitForTransaction polls for it
  }
}

/** Sends calls as one transaction (a multicall when several), waits, and checks the receipt. */
export async function executeCalls(
  account: Account,
  calls: Call[],
  options: InvokeOptions = {},
): Promise<InvokeResult> {
  let txHash: string;
  try {
    const res = await account.execute(
      calls,
      options.resourceBounds ? { resourceBounds: options.resourceBounds } : {},
    );
    txHash = res.transaction_hash;
  } catch (err) {
    throw toChainError(err, 'REJECTED');
  }
  let receipt: GetTransactionReceiptResponse;
  try {
    receipt =
      (await landedReceipt(account.provider, txHash)) ??
      (await account.provider.waitForTransaction(txHash, { retryInterval: 50 }));
  } catch (err) {
    throw toChainError(err, 'REVERTED', txHash);
  }
  if (!receipt.isSuccess()) {
    const text = JSON.stringify(receipt.value);
    const reason = extractRevertReason(text);
    throw new ChainError('REVERTED', reason, `reverted: ${reason ?? text}`, txHash);
  }
  return { txHash, receipt };
}
