/**
 * The poster's Open step: a bid window for the next attempt, the winner chosen by the node's
 * strategy (a graph's hooks may vet and reorder the bids on its units), and award_job sent with
 * the winner's signed consent, which is checked first against the worker's account on chain.
 */
import { awardConsentHash } from '../chain/award-consent';
import type { JobResult as AnnounceResult } from '../market/poster';
import type { RankedBid } from '../market/strategy';
import type { ReceivedBid } from '../market/types';
import { describe } from '../p2p/errors';
import { feltHex } from '../shared/felt';
import { type ChainJob, chainNow } from './chain-view';
import type { JobContext } from './context';
import { note, type PosterRecord } from './journal';
import type { PosterHooks } from './poster-hooks';

const VALID = 0x56414c4944n; // 'VALID', SRC-6's answer to a good signature

export interface AwardRound {
  hooks: PosterHooks;
  /** The market's collateral rate, which the announcement carries. */
  collateralBps: number;
  /** Journals the record (the award in flight is saved before its transaction is sent). */
  save(r: PosterRecord): void;
  /**
   * Lets the winner fetch the job's data. Done as award_job is sent, not after its receipt:
   * the worker's follower may see the award first, and its fetch must not be refused.
   */
  grant(r: PosterRecord): void;
}

/**
 * Announces the job's next attempt and awards it to the winner. 'awarded' once award_job is in
 * (the caller grants the winner the job's blobs); 'retry' when no bid won or the award failed,
 * each noted in the record, which is back at 'announcing'.
 */
export async function announceAndAward(
  ctx: JobContext,
  r: PosterRecord,
  job: ChainJob,
  round: AwardRound,
): Promise<'awarded' | 'retry'> {
  const attempt = job.attempts + 1;
  const chainId = await ctx.provider.getChainId();
  const base = ctx.market.strategy;
  const rankBids = r.graph ? round.hooks.rankBids : undefined;
  const strategy = rankBids && {
    name: `${base.name}, graph`,
    rank: (bids: readonly RankedBid[]) => rankBids(r, base.rank(bids)),
  };
  const result: AnnounceResult = await ctx.market.poster.announce(
    {
      jobId: job.id,
      posterAddress: ctx.account,
      manifestHash: job.manifestHash,
      manifestSha256: r.manifestSha256,
      requirements: r.requirements,
      budget: job.budget,
      collateralBps: round.collateralBps,
      execDurationS: job.execDuration,
      attempt,
      maxAttempts: job.maxAttempts,
      bidWindowMs: ctx.timings.bidWindowMs,
      fullWindow: ctx.timings.fullBidWindow,
      requireConsent: true,
      ...(r.graph
        ? {
            vetBid: async (bid: ReceivedBid) => round.hooks.vetBid?.(r, bid),
            releaseBid: (bid: ReceivedBid) => round.hooks.releaseBid?.(r, bid),
            minBids: round.hooks.bidsWanted?.(r) ?? 1,
          }
        : {}),
      checkBid: (bid) => vetConsent(ctx, chainId, job, attempt, bid),
    },
    strategy ? { strategy } : {},
  );
  r.bids = (r.bids ?? 0) + result.bids.length;
  if (result.status !== 'awarded') {
    note(r, `attempt ${attempt}: not awarded (${result.explanation.summary})`);
    round.save(r);
    return 'retry';
  }
  const w = result.winner;
  const consent = w.consent!;
  r.step = 'awarding';
  r.award = { attempt, worker: feltHex(w.workerAddress), peer: w.worker, price: w.price.toString() };
  note(r, `attempt ${attempt}: ${result.bids.length} bid(s), window closed by ${result.timing.closedBy}`);
  round.save(r);
  round.grant(r);
  try {
    const { txHash } = await ctx.txq.submit(
      ctx.clients.market.populate(
        'award_job',
        job.id,
        feltHex(w.workerAddress),
        w.price,
        consent.expiry,
        consent.signature,
      ),
      `award job ${job.id}`,
      // Windows opened together (a graph's ready units) close together: one transaction awards them.
      { waitForCompanionsMs: ctx.market.poster.busyWindows > 0 ? ctx.timings.batchWaitMs : 0 },
    );
    r.step = 'awarded';
    note(r, `attempt ${attempt} awarded to ${r.award.worker} (${w.worker}) at ${w.price} fri`, txHash);
    return 'awarded';
  } catch (err) {
    note(r, `award failed: ${describe(err)}`);
    ctx.transfer.grants.revoke(job.id, w.worker);
    r.step = 'announcing';
    round.save(r);
    return 'retry';
  }
}

/** The winner's consent must hold on chain: its account's SRC-6 check, and time to use it. */
async function vetConsent(
  ctx: JobContext,
  chainId: string,
  job: ChainJob,
  attempt: number,
  bid: ReceivedBid,
): Promise<string | undefined> {
  const consent = bid.consent;
  if (!consent) return 'no award consent';
  // The clock and the signature are read at once: a window's close waits for both.
  const clock = chainNow(ctx.provider);
  clock.catch(() => undefined); // awaited below
  const signed = checkSignature(ctx, chainId, job, attempt, bid, consent);
  if (consent.expiry < (await clock) + 30n) return 'award consent expires too soon';
  return signed;
}

/** The worker account's SRC-6 answer to the consent's signature. */
async function checkSignature(
  ctx: JobContext,
  chainId: string,
  job: ChainJob,
  attempt: number,
  bid: ReceivedBid,
  consent: NonNullable<ReceivedBid['consent']>,
): Promise<string | undefined> {
  const hash = awardConsentHash(chainId, bid.workerAddress, {
    market: ctx.clients.market.address,
    jobId: job.id,
    price: bid.price,
    expiry: consent.expiry,
    attempt,
  });
  try {
    const res = await ctx.provider.callContract({
      contractAddress: feltHex(bid.workerAddress),
      entrypoint: 'is_valid_signature',
      calldata: [
        feltHex(hash),
        String(consent.signature.length),
        ...consent.signature.map((s) => feltHex(s)),
      ],
    });
    return BigInt(res[0] ?? 0) === VALID || BigInt(res[0] ?? 0) === 1n
      ? undefined
      : 'award consent signature is not valid';
  } catch (err) {
    return `award consent could not be checked: ${describe(err)}`;
  }
}
