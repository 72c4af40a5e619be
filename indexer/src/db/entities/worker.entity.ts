import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { amount, int32, int64, text } from './columns';

/** A worker as the registry and the reputation contract see it. */
@Entity('workers')
@Index(['score', 'address'])
@Index(['staked', 'address'])
export class WorkerEntity {
  @PrimaryColumn({ type: 'text' }) address!: string;
  @Column(amount()) staked!: string;
  @Column(amount()) locked!: string;
  @Column(amount({ name: 'pending_unstake' })) pendingUnstake!: string;
  @Column(int64({ name: 'unstake_available_at', default: 0 })) unstakeAvailableAt!: number;
  @Column(int64({ name: 'suspended_until', default: 0 })) suspendedUntil!: number;
  @Column(text({ name: 'peer_id', nullable: true })) peerId!: string | null;
  @Column(int32({ default: 0 })) completed!: number;
  @Column(int32({ default: 0 })) failed!: number;
  @Column(int32({ name: 'slashed_count', default: 0 })) slashedCount!: number;
  /** Basis points; 5000 until the first ReputationUpdated (the contract's Laplace prior). */
  @Column(int32({ default: 5000 })) score!: number;
  @Column(int32({ name: 'jobs_awarded', default: 0 })) jobsAwarded!: number;
  @Column(int64({ name: 'first_block' })) firstBlock!: number;
  @Column(int64({ name: 'updated_block' })) updatedBlock!: number;
}
