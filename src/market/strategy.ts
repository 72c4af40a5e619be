/**
 * Choosing among bids. A strategy ranks bids best first; the poster then awards the first that
 * the stake registry says is eligible. Rankings are total and depend only on the bids'
 * content (never on arrival order), so every run over the same bids picks the same winner:
 * ties fall to price, then reputation, then the bid envelope's digest.
 */
import type { ReceivedBid } from './types';
import { MAX_REPUTATION } from './stake';

export interface RankedBid {
  bid: ReceivedBid;
  /** Basis points, 0..10000. */
  reputation: number;
}

export interface ChooseStrategy {
  readonly name: string;
  rank(bids: readonly RankedBid[]): RankedBid[];
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function tieBreak(a: RankedBid, b: RankedBid): number {
  return (
    compareBig(a.bid.price, b.bid.price) ||
    b.reputation - a.reputation ||
    compareBytes(a.bid.digest, b.bid.digest)
  );
}

/** Cheapest first. */
export const lowestPrice: ChooseStrategy = {
  name: 'lowest-price',
  rank: (bids) => [...bids].sort(tieBreak),
};

/**
 * Price weighted by reputation: each bid is compared at price * (2 - reputation/10000), so a
 * perfect record (10000) is taken at its price, a newcomer (5000) as if it asked 1.5x, and a
 * worker with no record left (0) as if it asked 2x. A newcomer therefore wins against a
 * perfect worker by being a third cheaper: reputation buys a premium, not a monopoly.
 */
export const reputationWeighted: ChooseStrategy = {
  name: 'reputation-weighted',
  rank: (bids) => {
    const weight = (r: RankedBid): bigint => r.bid.price * BigInt(2 * MAX_REPUTATION - r.reputation);
    return [...bids].sort((a, b) => compareBig(weight(a), weight(b)) || tieBreak(a, b));
  },
};

export const STRATEGIES: Record<string, ChooseStrategy> = {
  [lowestPrice.name]: lowestPrice,
  [reputationWeighted.name]: reputationWeighted,
};
