/** Errors of the job life that a user acts on (the control channel passes `code` on). */
export type JobLifeErrorCode =
  | 'NO_ACCOUNT'
  | 'MISSING_BLOBS'
  | 'INSUFFICIENT_BALANCE'
  | 'NO_JOB_ID'
  | 'UNKNOWN_JOB'
  | 'NOT_A_WORKER'
  | 'BAD_MANIFEST'
  | 'PROVER_UNAVAILABLE';

export class JobLifeError extends Error {
  constructor(
    readonly code: JobLifeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'JobLifeError';
  }
}
