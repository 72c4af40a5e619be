import { Column, Entity, PrimaryColumn } from 'typeorm';
import { int8, int32, int64, text } from './columns';

/**
 * One row: what this database was built for (checked on every start) and the cursor, the last
 * block whose events are in the projections. Written in the same transaction as those rows.
 */
@Entity('ingest_state')
export class IngestStateEntity {
  @PrimaryColumn({ type: 'integer' }) id!: number;
  @Column(int32({ name: 'schema_version' })) schemaVersion!: number;
  @Column(text({ name: 'chain_id' })) chainId!: string;
  @Column({ type: 'jsonb' }) contracts!: Record<string, string>;
  @Column(int64({ name: 'start_block' })) startBlock!: number;
  /** start_block - 1 before the first chunk. */
  @Column(int64({ name: 'cursor_block' })) cursorBlock!: number;
  @Column(text({ name: 'cursor_hash', nullable: true })) cursorHash!: string | null;
  @Column(int64({ name: 'cursor_timestamp', default: 0 })) cursorTimestamp!: number;
}

/** Hashes of the unfinalized blocks (and the cursor's), to find the fork point of a reorg. */
@Entity('blocks')
export class BlockEntity {
  @PrimaryColumn({ type: 'bigint', transformer: int8 }) number!: number;
  @Column(text()) hash!: string;
  @Column(text({ name: 'parent_hash' })) parentHash!: string;
  @Column(int64()) timestamp!: number;
  /** True when the undo journal covers this block, i.e. it can be rolled back. */
  @Column({ type: 'boolean', default: false }) journaled!: boolean;
  /** Digest of the block's transaction hashes (see BlockHeader.txDigest). */
  @Column(text({ name: 'tx_digest', nullable: true })) txDigest!: string | null;
}

/**
 * Before-images of projection rows changed by unfinalized blocks, replayed newest first to undo
 * a reorg; pruned once the block is final. `before` null means the row did not exist.
 */
@Entity('undo_log')
export class UndoEntity {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' }) id!: string;
  @Column(int64({ name: 'block_number' })) blockNumber!: number;
  @Column(text({ name: 'table_name' })) tableName!: string;
  @Column(text()) pk!: string;
  @Column({ type: 'jsonb', nullable: true }) before!: Record<string, unknown> | null;
}
