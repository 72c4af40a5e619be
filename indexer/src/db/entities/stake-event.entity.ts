import { Column, Entity, Index } from 'typeorm';
import { amount, int64, text } from './columns';
import { EventRow } from './event-row';

/** A movement of a worker's stake or collateral. */
@Entity('stake_events')
@Index(['blockNumber', 'txHash', 'eventIndex'], { unique: true })
@Index(['worker', 'id'])
export class StakeEventEntity extends EventRow {
  @Column(text()) worker!: string;
  /** staked | unstake_requested | unstake_cancelled | withdrawn | collateral_locked | collateral_released | slashed */
  @Column(text()) kind!: string;
  @Column(amount()) amount!: string;
  /** The worker's stake after the movement, when the event says (locked collateral for lock/release). */
  @Column(amount({ name: 'balance_after', nullable: true, default: null })) balanceAfter!: string | null;
  @Column(int64({ name: 'job_id', nullable: true })) jobId!: number | null;
}
