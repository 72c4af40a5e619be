/**
 * The job life on the node's control channel: what `cairn job …` calls. Posting reads the
 * manifest and blobs from files the caller names (the channel is local; a remote caller sends
 * them inline, base64), and `job.watch` streams every step of a job as it is saved until the job
 * ends, so `cairn job post --wait` shows the life as it happens.
 */
import { z } from 'zod';
import { ChainError } from '../chain/errors';
import { ControlError } from '../control/protocol';
import { registerMappingErrors } from '../control/registry';
import type { ControlServer } from '../control/server';
import { watchUntil } from '../control/watch';
import { JobLifeError } from './errors';
import type { JobLife } from './job-life';
import type { JobRecord } from './journal';
import { PostParams, postInput } from './post-params';

/**
 * The job life's errors as the control channel's: the code a script can branch on
 * (`UNKNOWN_JOB`, `INSUFFICIENT_BALANCE`, a contract's revert as `CHAIN_REVERTED` with its reason).
 */
export function asControlError(err: unknown): unknown {
  if (err instanceof JobLifeError) return new ControlError(err.code, err.message);
  if (err instanceof ChainError) {
    return new ControlError(
      `CHAIN_${err.code}`,
      err.reason ? `the contract refused: ${err.reason}` : err.message,
      {
        ...(err.reason ? { reason: err.reason } : {}),
        ...(err.txHash ? { txHash: err.txHash } : {}),
      },
    );
  }
  return err;
}

const JobId = z.string().regex(/^[1-9][0-9]{0,19}$/, 'a job id (a positive integer)');
/** A job is over for the poster when its record reaches `done`. */
function ended(r: JobRecord): boolean {
  return r.step === 'done' || r.step === 'declined';
}

export function registerJobMethods(server: ControlServer, life: JobLife): void {
  const register = registerMappingErrors(server, asControlError);
  register('job.post', PostParams, async (p) => {
    const { jobId, txHash } = await life.postJob(postInput(p));
    return { jobId: jobId.toString(), txHash };
  });

  register('job.status', z.object({ id: JobId }).strict(), async ({ id }) => life.status(BigInt(id)));

  register('job.list', z.object({}).strict(), async () => life.list());

  register('job.cancel', z.object({ id: JobId }).strict(), async ({ id }) => ({
    txHash: await life.cancel(BigInt(id)),
  }));

  register('job.result', z.object({ id: JobId }).strict(), async ({ id }) => {
    const bytes = life.result(BigInt(id));
    return bytes ? { available: true, base64: Buffer.from(bytes).toString('base64') } : { available: false };
  });

  register('job.watch', z.object({ id: JobId }).strict(), async ({ id }, ctx) => {
    const current = life.status(BigInt(id));
    return watchUntil(ctx, {
      current,
      onChange: (listener) => life.onChange(listener),
      isWatched: (r) => r.jobId === id && r.role === current.role,
      ended,
    });
  });
}
