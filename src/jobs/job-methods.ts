/**
 * The job life on the node's control channel: what `cairn job …` calls. Posting reads the
 * manifest and blobs from files the caller names (the channel is local; a remote caller sends
 * them inline, base64), and `job.watch` streams every step of a job as it is saved until the job
 * ends, so `cairn job post --wait` shows the life as it happens.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ChainError } from '../chain/errors';
import { ControlError } from '../control/protocol';
import type { MethodContext } from '../control/registry';
import type { ControlServer } from '../control/server';
import { JobLifeError } from './errors';
import type { JobLife } from './job-life';
import type { JobRecord } from './journal';

type Handler<S extends z.ZodType> = (params: z.output<S>, ctx: MethodContext) => Promise<unknown>;

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
const Fri = z.string().regex(/^[1-9][0-9]{0,77}$/, 'an amount in fri (a positive integer string)');

const PostParams = z
  .object({
    manifest: z.string().min(1).optional(),
    manifestFile: z.string().min(1).optional(),
    blobFiles: z.array(z.string().min(1)).max(1024).default([]),
    blobs: z
      .array(z.string().max(64 * 1024 * 1024))
      .max(1024)
      .default([]),
    budget: Fri,
    execDurationS: z.number().int().min(1).max(86_400).optional(),
    maxAttempts: z.number().int().min(1).max(10).optional(),
  })
  .strict()
  .refine(
    (p) => (p.manifest === undefined) !== (p.manifestFile === undefined),
    'give exactly one of manifest or manifestFile',
  );

/** A job is over for the poster when its record reaches `done`. */
function ended(r: JobRecord): boolean {
  return r.step === 'done' || r.step === 'declined';
}

export function registerJobMethods(server: ControlServer, life: JobLife): void {
  const control = {
    register<S extends z.ZodType>(name: string, params: S, handler: Handler<S>): void {
      server.register(name, params, (p, ctx) =>
        handler(p, ctx).catch((err: unknown) => Promise.reject(asControlError(err))),
      );
    },
  };
  control.register('job.post', PostParams, async (p) => {
    const manifest = p.manifest ?? readFileSync(p.manifestFile!);
    const blobs = [
      ...p.blobFiles.map((f) => readFileSync(f)),
      ...p.blobs.map((b) => Buffer.from(b, 'base64')),
    ];
    const { jobId, txHash } = await life.postJob({
      manifest,
      blobs,
      budget: BigInt(p.budget),
      ...(p.execDurationS ? { execDurationS: BigInt(p.execDurationS) } : {}),
      ...(p.maxAttempts ? { maxAttempts: p.maxAttempts } : {}),
    });
    return { jobId: jobId.toString(), txHash };
  });

  control.register('job.status', z.object({ id: JobId }).strict(), async ({ id }) => life.status(BigInt(id)));

  control.register('job.list', z.object({}).strict(), async () => life.list());

  control.register('job.cancel', z.object({ id: JobId }).strict(), async ({ id }) => ({
    txHash: await life.cancel(BigInt(id)),
  }));

  control.register('job.result', z.object({ id: JobId }).strict(), async ({ id }) => {
    const bytes = life.result(BigInt(id));
    return bytes ? { available: true, base64: Buffer.from(bytes).toString('base64') } : { available: false };
  });

  control.register('job.watch', z.object({ id: JobId }).strict(), async ({ id }, ctx) => {
    const current = life.status(BigInt(id));
    ctx.notify(current);
    if (ended(current)) return current;
    return new Promise((resolve) => {
      const off = life.onChange((r) => {
        if (r.jobId !== id || r.role !== current.role) return;
        ctx.notify(r);
        if (ended(r)) finish(r);
      });
      const finish = (r: JobRecord | undefined) => {
        off();
        ctx.signal.removeEventListener('abort', onAbort);
        resolve(r);
      };
      const onAbort = () => finish(undefined);
      ctx.signal.addEventListener('abort', onAbort);
    });
  });
}
