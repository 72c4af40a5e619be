/**
 * When a bid window may close before its deadline. Waiting out the deadline only buys a better
 * bid if one may still come; once every worker the poster knows to be able to take the job
 * (from the advert book) has bid, none is expected, so the window closes with the bids it has.
 * A worker that is busy or offline never bids, and then the window runs to its deadline, as it
 * must: its bid might still come. Workers unknown to the book may bid too; they are welcome but
 * not waited for.
 */
import type { KnownAdvert } from '../discovery/advert-book';
import { advertUnmet } from '../discovery/advert-noise';
import type { JobRequirements } from '../discovery/capabilities';

/**
 * The matching tolerance for "may bid" (see advertUnmet): far below discovery's, so a capable
 * worker is left out of the expected bidders (and its bid possibly not waited for) with
 * negligible probability. Erring the other way only keeps a window open to its deadline.
 */
export const EXPECTED_BIDDER_MISS_RATE = 1e-9;

export type CloseReason = 'deadline' | 'max-bids' | 'all-known-bid' | 'shutdown';

/**
 * The peers whose adverts say they may take a job with these terms, the poster itself left out
 * (a worker does not bid on its own poster's jobs). Undefined when more than `maxBids` may:
 * maxBids closes that window first, so the set is not worth keeping.
 */
export function expectedBidders(
  adverts: Iterable<KnownAdvert>,
  terms: { requirements: JobRequirements; budget: bigint },
  self: string,
  maxBids: number,
): ReadonlySet<string> | undefined {
  const out = new Set<string>();
  for (const a of adverts) {
    if (a.peerId === self) continue;
    if (advertUnmet(a.caps, terms.requirements, terms.budget, EXPECTED_BIDDER_MISS_RATE).length > 0) continue;
    out.add(a.peerId);
    if (out.size > maxBids) return undefined;
  }
  return out;
}

/**
 * Whether an open window closes now, and why: maxBids valid bids are in, or every expected
 * bidder has a valid bid in and there are at least `minBids` (a unit of a graph with k
 * replicas wants k, so that a bidder not holding another replica is among them). An empty
 * expected set closes nothing early: with no worker known to match, the window waits for
 * whoever may answer.
 */
export function earlyClose(
  bidders: { has(peerId: string): boolean; readonly size: number },
  maxBids: number,
  expected: ReadonlySet<string> | undefined,
  minBids = 1,
): CloseReason | undefined {
  if (bidders.size >= maxBids) return 'max-bids';
  if (!expected || expected.size === 0 || bidders.size < Math.max(expected.size, minBids)) return undefined;
  for (const peer of expected) if (!bidders.has(peer)) return undefined;
  return 'all-known-bid';
}
