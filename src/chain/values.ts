/**
 * starknet.js returns integers as bigint, number or, for u256, sometimes a {low, high} pair
 * depending on the parsing path; everything cairn does with amounts wants one bigint.
 */
import { uint256 } from 'starknet';

export function toBigInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return BigInt(v);
  if (v && typeof v === 'object' && 'low' in v && 'high' in v) {
    return uint256.uint256ToBN(v as { low: bigint; high: bigint });
  }
  throw new TypeError(`not an integer: ${String(v)}`);
}

/** The named fields of a struct a contract returned, each as one bigint (toBigInt). */
export function bigintFields<K extends string>(
  struct: { [F in K]: unknown },
  keys: readonly K[],
): Record<K, bigint> {
  return Object.fromEntries(keys.map((k) => [k, toBigInt(struct[k])])) as Record<K, bigint>;
}
