import { Column, Entity, Index } from 'typeorm';
import { amount, int64, text } from './columns';
import { EventRow } from './event-row';

@Entity('slashes')
@Index(['blockNumber', 'txHash', 'eventIndex'], { unique: true })
@Index(['worker', 'id'])
export class SlashEntity extends EventRow {
  @Column(text()) worker!: string;
  @Column(int64({ name: 'job_id' })) jobId!: number;
  @Column(amount()) amount!: string;
  @Column(amount({ name: 'staked_after' })) stakedAfter!: string;
  @Column(int64({ name: 'suspended_until' })) suspendedUntil!: number;
}
