/**
 * The steps either side of the job life runs off its reconcile loop (a transaction, a fetch, a
 * run): while one runs its job is busy, so reconciles skip it; a failure is noted in the job's
 * record and left for the next tick to retry; either way the job is reconciled once it ends.
 */
import { describe } from '../p2p/errors';
import type { Logger } from '../shared/logging';
import { type JobRecord, note } from './journal';

export interface StepHooks<R extends JobRecord> {
  save(r: R): void;
  reconcile(jobId: bigint): Promise<void>;
  log(): Logger;
}

export class BackgroundSteps<R extends JobRecord> {
  private readonly busy = new Set<string>();

  constructor(
    private readonly side: 'poster' | 'worker',
    private readonly hooks: StepHooks<R>,
  ) {}

  /** Whether a step of this job is running. */
  running(jobId: string): boolean {
    return this.busy.has(jobId);
  }

  run(r: R, work: () => Promise<void>): void {
    this.busy.add(r.jobId);
    work()
      .catch((err: unknown) => {
        note(r, `step failed: ${describe(err)}`);
        this.hooks.save(r);
        this.hooks
          .log()
          .warn({ jobId: r.jobId, err: describe(err) }, `${this.side} step failed; retried on the next tick`);
      })
      .finally(() => {
        this.busy.delete(r.jobId);
        void this.hooks.reconcile(BigInt(r.jobId));
      });
  }
}
