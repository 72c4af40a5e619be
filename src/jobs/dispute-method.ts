/**
 * `job.dispute {id, reason}` on the control channel (`cairn job dispute ID --reason …`): the
 * poster disputes a submitted job by hand, paying the bond its terms ask (approve + dispute in
 * one transaction through the node's queue). The node's own review disputes a result that does
 * not match its commitment; this is for what a commitment cannot show (a poster who read the
 * output and finds it wrong). The evidence is the output this node fetched, if it fetched one.
 */
import { z } from 'zod';
import type { CairnClients } from '../chain/cairn';
import { bpsOf } from '../chain/job';
import { ControlError } from '../control/protocol';
import type { ControlServer } from '../control/server';
import { FELT250_MASK } from '../shared/commitment';
import { normalizeAddress } from '../shared/felt';
import { readJob } from './chain-view';
import type { JobLife } from './job-life';
import { asControlError } from './job-methods';

const Params = z
  .object({
    id: z.string().regex(/^[1-9][0-9]{0,19}$/, 'a job id (a positive integer)'),
    // A felt252 short string: what the contract stores and the JobDisputed event carries.
    reason: z.string().regex(/^[ -~]{1,31}$/, 'at most 31 printable ASCII characters'),
  })
  .strict();

export function registerDisputeMethod(
  server: ControlServer,
  life: JobLife,
  chain: { clients: CairnClients },
): void {
  server.register('job.dispute', Params, async ({ id, reason }) => {
    try {
      const jobId = BigInt(id);
      const job = await readJob(chain.clients, jobId);
      if (job.status === 'None') throw new ControlError('UNKNOWN_JOB', `no job ${id} on the market`);
      if (normalizeAddress(job.poster) !== normalizeAddress(life.account))
        throw new ControlError(
          'NOT_POSTER',
          `job ${id} was posted by ${normalizeAddress(job.poster)}, not by this node's account ${life.account}`,
        );
      if (job.status !== 'Submitted')
        throw new ControlError(
          'NOT_SUBMITTED',
          `job ${id} is ${job.status}: only a job whose result is submitted, within its review window, can be disputed`,
          { status: job.status },
        );
      const bond = bpsOf(job.price, job.disputeBondBps);
      const record = life.poster.record(jobId);
      const output = record?.result?.outputSha256;
      const evidence = output ? BigInt(`0x${output}`) & FELT250_MASK : 0n;
      const { market, token } = chain.clients;
      const { txHash } = await life.txq.submit(
        [
          token.populate('approve', market.address, bond),
          market.populate('dispute', jobId, reason, evidence),
        ],
        `dispute job ${id}`,
      );
      void life.poster.reconcile(jobId);
      return { txHash, bond: bond.toString(), status: (await readJob(chain.clients, jobId)).status };
    } catch (err) {
      throw asControlError(err);
    }
  });
}
