/**
 * What `cairn` exits with, for scripts. Documented in the README ("The cairn command"); commands
 * added later reuse these before inventing new ones.
 */
export const ExitCode = {
  /** Done. */
  Ok: 0,
  /** Failed for a reason not listed below (the message says which). */
  Failure: 1,
  /** Bad arguments or invalid configuration: fix the command line or the file. */
  Usage: 2,
  /** No node answers on the socket (or TCP address): start one. */
  NotRunning: 3,
  /** The socket belongs to another user, or the node refused the token. */
  Permission: 4,
  /** The node answered with an error (an unknown method or job, invalid params, ...). */
  Remote: 5,
  /** No answer in time. */
  Timeout: 6,
  /** The chain refused: a contract reverted, or a rule it enforces was not met (the job is not open, not disputed...). */
  Refused: 7,
  /** Not enough funds or stake: balance, free stake, no stake, stake still in its cooldown. */
  Funds: 8,
  /** A watched job ended without completing (cancelled, expired, resolved for the poster), or a watched graph failed. */
  JobFailed: 9,
  /** Interrupted (Ctrl-C) while waiting. */
  Interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error a command raises on purpose: its message is for the user, its exit code for scripts. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCodeValue,
    message: string,
    /** A stable name for --json output (NOT_RUNNING, PERMISSION_DENIED, ...). */
    readonly code: string,
    /** Figures for scripts (a balance and the amount needed, seconds left), shown with --json. */
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
