import { Column, Entity, PrimaryColumn } from 'typeorm';
import { amount, int32 } from './columns';

/** Market activity per UTC day of the block timestamps. */
@Entity('market_stats_daily')
export class MarketStatsEntity {
  /** YYYY-MM-DD */
  @PrimaryColumn({ type: 'date' }) day!: string;
  @Column(int32({ name: 'jobs_created', default: 0 })) jobsCreated!: number;
  @Column(int32({ name: 'jobs_awarded', default: 0 })) jobsAwarded!: number;
  @Column(int32({ name: 'jobs_completed', default: 0 })) jobsCompleted!: number;
  @Column(int32({ name: 'jobs_disputed', default: 0 })) jobsDisputed!: number;
  @Column(int32({ name: 'jobs_resolved', default: 0 })) jobsResolved!: number;
  @Column(int32({ name: 'jobs_cancelled', default: 0 })) jobsCancelled!: number;
  @Column(int32({ name: 'jobs_expired', default: 0 })) jobsExpired!: number;
  @Column(int32({ default: 0 })) slashes!: number;
  @Column(amount({ name: 'budget_posted' })) budgetPosted!: string;
  /** Sum of awarded prices, for the average price of the day. */
  @Column(amount({ name: 'price_awarded' })) priceAwarded!: string;
  /** Paid out to workers (price less fee). */
  @Column(amount()) volume!: string;
  @Column(amount()) fees!: string;
  @Column(amount({ name: 'slashed_amount' })) slashedAmount!: string;
}
