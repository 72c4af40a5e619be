/**
 * Felts and u256 amounts on the wire. A felt is 32 bytes big-endian and must be below the
 * Starknet field prime; a u256 is big-endian without leading zero bytes, so every value has
 * exactly one encoding. Their text forms are in src/shared/felt.ts.
 */
import { reject } from './errors';

/** The Starknet field prime, 2^251 + 17 * 2^192 + 1. */
export const FIELD_PRIME = (1n << 251n) + 17n * (1n << 192n) + 1n;
const U256_MAX = (1n << 256n) - 1n;

export function feltToBytes(value: bigint): Uint8Array {
  if (value < 0n || value >= FIELD_PRIME) throw new RangeError(`not a felt: ${value}`);
  const hex = value.toString(16).padStart(64, '0');
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

export function feltFromBytes(bytes: Uint8Array, field: string): bigint {
  if (bytes.length !== 32)
    throw reject('INVALID_PAYLOAD', `${field}: felt must be 32 bytes, got ${bytes.length}`);
  const value = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
  if (value >= FIELD_PRIME) throw reject('INVALID_PAYLOAD', `${field}: not below the field prime`);
  return value;
}

export function u256ToBytes(value: bigint): Uint8Array {
  if (value < 0n || value > U256_MAX) throw new RangeError(`not a u256: ${value}`);
  if (value === 0n) return new Uint8Array(0);
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

export function u256FromBytes(bytes: Uint8Array, field: string): bigint {
  if (bytes.length > 32) throw reject('INVALID_PAYLOAD', `${field}: u256 longer than 32 bytes`);
  if (bytes.length === 0) return 0n;
  if (bytes[0] === 0) throw reject('INVALID_PAYLOAD', `${field}: u256 has a leading zero byte`);
  return BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}
