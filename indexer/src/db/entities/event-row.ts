import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { int32, int64, text } from './columns';

/** Where a row came from on chain: rows derived from one event share its position. */
export abstract class EventRow {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column(int64({ name: 'block_number' })) blockNumber!: number;
  @Column(text({ name: 'tx_hash' })) txHash!: string;
  @Column(int32({ name: 'event_index' })) eventIndex!: number;
  /** Block timestamp, seconds. */
  @Column(int64()) timestamp!: number;
}
