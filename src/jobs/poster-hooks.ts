/**
 * How a graph scheduler steers the poster's jobs that are units of its graphs (src/graph/
 * installs these; the job life cannot import that room).
 */
import type { RankedBid } from '../market/strategy';
import type { ReceivedBid } from '../market/types';
import type { PosterRecord } from './journal';

/** What a graph scheduler decides for a unit's checked result: it may have to wait for its replicas. */
export type SettleDecision =
  { action: 'confirm' } | { action: 'wait' } | { action: 'dispute'; reason: string; evidence: bigint };

export interface PosterHooks {
  /**
   * A further check of a ranked bid on a unit of a graph, before its chain checks; a reason
   * refuses the bid, and a bid let through holds the unit for its worker.
   */
  vetBid?(r: PosterRecord, bid: ReceivedBid): string | undefined;
  /** The bid vetBid let through was refused on chain (stake, consent): the unit is not its worker's. */
  releaseBid?(r: PosterRecord, bid: ReceivedBid): void;
  /** Whether a unit's result, checked against its commitment, is confirmed now. */
  settle?(r: PosterRecord): SettleDecision;
  /**
   * Bids a unit's window holds before it closes early for having heard every known worker: as
   * many as the distinct workers its node's replicas need.
   */
  bidsWanted?(r: PosterRecord): number;
  /** Reorders the bids on a unit, already ranked by the node's strategy. */
  rankBids?(r: PosterRecord, ranked: RankedBid[]): RankedBid[];
}
