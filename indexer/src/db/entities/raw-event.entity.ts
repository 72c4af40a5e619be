import { Column, Entity, Index } from 'typeorm';
import { int32, text } from './columns';
import { EventRow } from './event-row';

/** Every event of the market's contracts as it came from the chain, with its decoding. */
@Entity('raw_events')
@Index(['blockNumber', 'txHash', 'eventIndex'], { unique: true })
export class RawEventEntity extends EventRow {
  @Column(text({ name: 'block_hash' })) blockHash!: string;
  @Column(int32({ name: 'tx_index' })) txIndex!: number;
  @Column(text()) contract!: string;
  @Column(text()) name!: string;
  @Column({ type: 'text', array: true }) keys!: string[];
  @Column({ type: 'text', array: true }) data!: string[];
  @Column({ type: 'jsonb' }) decoded!: Record<string, unknown>;
}
