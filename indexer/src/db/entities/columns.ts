/**
 * Column kinds shared by the entities. Amounts are u256 on chain: numeric(78,0) in PostgreSQL and
 * decimal strings in TypeScript, never floats. Block numbers, job ids and timestamps fit in a
 * JS number (< 2^53) and are read back as numbers.
 */
import type { ColumnOptions, ValueTransformer } from 'typeorm';

const int8: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

export const amount = (o: ColumnOptions = {}): ColumnOptions => ({ type: 'numeric', precision: 78, scale: 0, default: '0', ...o });
export const int64 = (o: ColumnOptions = {}): ColumnOptions => ({ type: 'bigint', transformer: int8, ...o });
export const text = (o: ColumnOptions = {}): ColumnOptions => ({ type: 'text', ...o });
export const int32 = (o: ColumnOptions = {}): ColumnOptions => ({ type: 'integer', ...o });
