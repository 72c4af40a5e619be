import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { amount, int8, int32, int64, text } from './columns';

/** Mirrors the JobMarket's Job plus what its settlement events carried (payout, fee, refund, slash). */
@Entity('jobs')
@Index(['status', 'id'])
@Index(['poster', 'id'])
@Index(['worker', 'id'])
@Index(['price', 'id'])
export class JobEntity {
  @PrimaryColumn({ type: 'bigint', transformer: int8 }) id!: number;
  /** JobStatus variant name: Open, Awarded, Accepted, Submitted, Completed, Disputed, Resolved, Cancelled, Expired. */
  @Column(text()) status!: string;
  @Column(text()) poster!: string;
  /** The current (or last) awarded worker; null while never awarded or after an expiry reopened the job. */
  @Column(text({ nullable: true })) worker!: string | null;
  @Column(amount()) budget!: string;
  @Column(amount({ nullable: true, default: null })) price!: string | null;
  @Column(amount()) collateral!: string;
  @Column(text({ name: 'manifest_hash' })) manifestHash!: string;
  @Column(int64({ name: 'exec_duration' })) execDuration!: number;
  @Column(int32({ name: 'max_attempts' })) maxAttempts!: number;
  @Column(int32({ default: 0 })) attempts!: number;
  @Column(int64({ name: 'accept_by', nullable: true })) acceptBy!: number | null;
  @Column(int64({ nullable: true })) deadline!: number | null;
  @Column(int64({ name: 'review_until', nullable: true })) reviewUntil!: number | null;
  @Column(text({ nullable: true })) commitment!: string | null;
  @Column(text({ name: 'dispute_reason', nullable: true })) disputeReason!: string | null;
  /** The rates the award fixed for this job (issue 17): settlement uses these, not later params. */
  @Column(int32({ name: 'fee_bps', nullable: true })) feeBps!: number | null;
  @Column(int32({ name: 'slash_bps', nullable: true })) slashBps!: number | null;
  @Column(amount({ name: 'dispute_bond' })) disputeBond!: string;
  @Column(amount()) payout!: string;
  @Column(amount()) fee!: string;
  @Column(amount()) refund!: string;
  @Column(amount()) slashed!: string;
  /** Block timestamps (seconds). */
  @Column(int64({ name: 'created_at' })) createdAt!: number;
  @Column(int64({ name: 'updated_at' })) updatedAt!: number;
  @Column(int64({ name: 'created_block' })) createdBlock!: number;
  @Column(int64({ name: 'updated_block' })) updatedBlock!: number;
}
