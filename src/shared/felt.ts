/**
 * The text forms of felts, one definition for the node, the chain clients and the indexer.
 *
 * Two canonical forms, because they answer two different questions:
 *
 * - **A contract address** is `0x` + 64 lowercase hex digits, zero-padded
 *   (`0x0000…04d2`). Addresses are identities that get compared and stored: RPC nodes, wallets
 *   and starknet.js hand them out with and without padding, in either case, so every lookup key
 *   and every stored address goes through `normalizeAddress`. The indexer's tables hold this
 *   form (worker and poster columns, primary keys, GraphQL filters compare against it), so
 *   changing it would need a migration of every stored row.
 * - **Any other felt value** (a hash, a commitment, a selector written into calldata) is `0x` +
 *   lowercase hex without leading zeros, as starknet.js's `num.toHex` writes it: `feltHex`.
 *
 * The wire encoding of felts (32 bytes big-endian) is `src/p2p/felt-codec.ts`.
 */

/** The canonical text of a contract address: 0x + 64 lowercase hex digits. */
export function normalizeAddress(address: string | bigint): string {
  return '0x' + BigInt(address).toString(16).padStart(64, '0');
}

/** A felt value as the 0x-prefixed lowercase hex the chain clients take, without padding. */
export function feltHex(value: bigint): string {
  return `0x${value.toString(16)}`;
}
