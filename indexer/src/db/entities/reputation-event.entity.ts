import { Column, Entity, Index } from 'typeorm';
import { int32, int64, text } from './columns';
import { EventRow } from './event-row';

/** One ReputationUpdated: the evidence a worker's score was computed from. */
@Entity('reputation_events')
@Index(['blockNumber', 'txHash', 'eventIndex'], { unique: true })
@Index(['worker', 'id'])
export class ReputationEventEntity extends EventRow {
  @Column(text()) worker!: string;
  @Column(int64({ name: 'job_id' })) jobId!: number;
  /** completed | failed | slashed */
  @Column(text()) outcome!: string;
  @Column(int32()) completed!: number;
  @Column(int32()) failed!: number;
  @Column(int32()) slashed!: number;
  @Column(int32()) score!: number;
}
