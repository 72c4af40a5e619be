/**
 * The poster's Submitted step, second half: from the checked result, confirm (the worker is
 * paid) or dispute with a bond and the failing hash as evidence; a unit of a graph settles as
 * its scheduler decides (it may wait for its replicas).
 */
import { bpsOf } from '../chain/job';
import { FELT250_MASK } from '../shared/commitment';
import type { ChainJob } from './chain-view';
import type { JobContext } from './context';
import { note, type PosterRecord } from './journal';
import type { PosterHooks, SettleDecision } from './poster-hooks';

/** What the checked result of `r` calls for. */
export function settleDecision(r: PosterRecord, hooks: PosterHooks): SettleDecision {
  const res = r.result!;
  if (res.verdict === 'mismatch')
    return {
      action: 'dispute',
      reason: 'commitment mismatch',
      evidence: BigInt(`0x${res.outputSha256}`) & FELT250_MASK,
    };
  if (res.verdict === 'invalid-proof')
    return {
      action: 'dispute',
      reason: 'invalid proof',
      evidence: BigInt(`0x${res.proofSha256 ?? res.outputSha256}`) & FELT250_MASK,
    };
  return r.graph ? (hooks.settle?.(r) ?? { action: 'wait' }) : { action: 'confirm' };
}

/** Sends confirm, or approve of the bond + dispute, noted in the record; the caller saves. */
export async function settle(
  ctx: JobContext,
  r: PosterRecord,
  job: ChainJob,
  decision: Exclude<SettleDecision, { action: 'wait' }>,
): Promise<void> {
  const { market, token } = ctx.clients;
  if (decision.action === 'confirm') {
    const { txHash } = await ctx.txq.submit(
      market.populate('confirm', job.id),
      `confirm job ${job.id}`,
      // A graph's unit is confirmed as its result lets the scheduler post the units that read it:
      // sent alone, the confirm would hold those posts (the graph's critical path) for a receipt.
      r.graph ? { waitForCompanionsMs: ctx.timings.batchWaitMs } : {},
    );
    note(r, 'confirmed: worker paid', txHash);
    return;
  }
  const bond = bpsOf(job.price, job.disputeBondBps);
  const { txHash } = await ctx.txq.submit(
    [
      token.populate('approve', market.address, bond),
      market.populate('dispute', job.id, decision.reason, decision.evidence),
    ],
    `dispute job ${job.id}`,
  );
  const why = r.result!.verdict === 'mismatch' ? 'output does not match the commitment' : decision.reason;
  note(r, `disputed: ${why} (bond ${bond} fri)`, txHash);
}
