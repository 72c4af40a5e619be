/**
 * The Reputation contract's formula (contracts/src/reputation/reputation.cairo), restated for
 * the tests that check what the contract and the indexer report: a test must compute the
 * expected score on its own, never read it back from what it checks.
 */

/** Credits one poster can vouch for (POSTER_CREDIT). */
export const POSTER_CREDIT = 10n;
/** The most one completion is credited (JOB_CREDIT). */
export const JOB_CREDIT = 10n;
/** Minimum prices of fee per extra credit (FEE_PER_CREDIT). */
export const FEE_PER_CREDIT = 4n;

/** A completion's credit: 1 + fee / (4 · minPrice), at most 10; 1 with no minimum price. */
export function creditOf(fee: bigint, minPrice: bigint): bigint {
  if (minPrice === 0n) return 1n;
  const credit = 1n + fee / minPrice / FEE_PER_CREDIT;
  return credit < JOB_CREDIT ? credit : JOB_CREDIT;
}

export interface ReputationCounts {
  credits: bigint;
  failed: bigint;
  slashed: bigint;
  posters: bigint;
}

/** (c + 1) · 10000 / (c + failed + 2 · slashed + 2), c = min(credits, 10 · posters). */
export function scoreOf({ credits, failed, slashed, posters }: ReputationCounts): bigint {
  const cap = POSTER_CREDIT * posters;
  const c = credits < cap ? credits : cap;
  return ((c + 1n) * 10_000n) / (c + failed + 2n * slashed + 2n);
}
