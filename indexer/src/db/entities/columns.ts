/**
 * Column kinds shared by the entities. Amounts are u256 on chain: numeric(78,0) in PostgreSQL and
 * decimal strings in TypeScript, never floats. Block numbers, job ids and timestamps fit in a
 * JS number (< 2^53) and are read back as numbers.
 */
import type { ColumnOptions, ValueTransformer } from 'typeorm';

export const int8: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

// Generic so the result fits both @Column and @PrimaryColumn, whose option types differ.
export const amount = <O extends ColumnOptions = object>(o?: O) => ({
  type: 'numeric' as const,
  precision: 78,
  scale: 0,
  default: '0',
  ...o,
});
export const int64 = <O extends ColumnOptions = object>(o?: O) => ({
  type: 'bigint' as const,
  transformer: int8,
  ...o,
});
export const text = <O extends ColumnOptions = object>(o?: O) => ({ type: 'text' as const, ...o });
export const int32 = <O extends ColumnOptions = object>(o?: O) => ({ type: 'integer' as const, ...o });
