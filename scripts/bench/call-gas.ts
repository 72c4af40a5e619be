/**
 * Where a transaction's L2 gas goes, from devnet's trace (`starknet_traceTransaction`): each
 * call's gas, with what its own code used apart from the calls it made, and what the
 * transaction paid outside every call. On Starknet 0.14 that remainder is mostly storage slots
 * going from zero to non-zero (402,000 L2 gas each), then calldata, signature and event data.
 * Used by `npm run bench:contracts -- --breakdown`.
 */
import { hash } from 'starknet';
import type { Devnet } from '../devnet';

export interface CallGas {
  depth: number;
  /** "<contract label>.<function>", the selector when the function is not known. */
  call: string;
  l2Gas: number;
  /** Gas of this call's own code and syscalls, without the calls it made. */
  ownL2Gas: number;
}

export interface TxGas {
  l2Gas: number;
  calls: CallGas[];
  /** The transaction's gas outside validate, execute and the fee transfer. */
  outsideCalls: number;
}

interface Invocation {
  contract_address: string;
  entry_point_selector: string;
  execution_resources: { l2_gas: number };
  calls: Invocation[];
}

/** Labels for contract addresses and function selectors, from names the caller knows. */
export class CallNames {
  private readonly contracts = new Map<bigint, string>();
  private readonly selectors = new Map<bigint, string>();

  contract(address: string, label: string): this {
    this.contracts.set(BigInt(address), label);
    return this;
  }

  functions(names: Iterable<string>): this {
    for (const n of names) this.selectors.set(BigInt(hash.getSelectorFromName(n)), n);
    return this;
  }

  label(inv: Invocation): string {
    const c = this.contracts.get(BigInt(inv.contract_address)) ?? inv.contract_address.slice(0, 10);
    const f = this.selectors.get(BigInt(inv.entry_point_selector)) ?? inv.entry_point_selector.slice(0, 10);
    return `${c}.${f}`;
  }
}

export async function txGas(devnet: Devnet, txHash: string, names: CallNames): Promise<TxGas> {
  const receipt = await devnet.rpc<{ execution_resources: { l2_gas: number } }>('starknet_getTransactionReceipt', {
    transaction_hash: txHash,
  });
  const trace = await devnet.rpc<Record<string, Invocation | undefined>>('starknet_traceTransaction', {
    transaction_hash: txHash,
  });
  const calls: CallGas[] = [];
  const walk = (inv: Invocation, depth: number) => {
    const inner = inv.calls.reduce((s, c) => s + c.execution_resources.l2_gas, 0);
    calls.push({ depth, call: names.label(inv), l2Gas: inv.execution_resources.l2_gas, ownL2Gas: inv.execution_resources.l2_gas - inner });
    for (const c of inv.calls) walk(c, depth + 1);
  };
  let inCalls = 0;
  for (const phase of ['validate_invocation', 'execute_invocation', 'fee_transfer_invocation']) {
    const inv = trace[phase];
    if (!inv) continue;
    walk(inv, 0);
    inCalls += inv.execution_resources.l2_gas;
  }
  const l2Gas = Number(receipt.execution_resources.l2_gas);
  return { l2Gas, calls, outsideCalls: l2Gas - inCalls };
}
