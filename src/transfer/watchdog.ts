/**
 * The two clocks of a transfer: an idle timer, restarted whenever bytes move, and an overall
 * deadline. Either one aborts the transfer's signal with a TransferError saying which fired, so
 * a stalled peer and a slow-but-moving one are told apart in logs and by the caller.
 */
import { TransferError } from './errors';

export class Watchdog {
  private readonly controller = new AbortController();
  private idleTimer?: NodeJS.Timeout;
  private readonly deadlineTimer: NodeJS.Timeout;
  private lastTouchMs = Date.now();

  constructor(
    private readonly idleMs: number,
    deadlineMs: number,
    private readonly what: string,
  ) {
    this.deadlineTimer = setTimeout(
      () => this.fire(new TransferError('DEADLINE', `${what}: not finished within ${deadlineMs} ms`)),
      deadlineMs,
    );
    this.armIdle(idleMs);
  }

  /** Aborted when a clock fires or `stop` is given a reason; its reason is the TransferError. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Bytes moved: the idle clock starts again. */
  touch(): void {
    this.lastTouchMs = Date.now();
  }

  /** Stops both clocks; with a reason, aborts the signal with it. */
  stop(reason?: Error): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.deadlineTimer);
    if (reason && !this.controller.signal.aborted) this.controller.abort(reason);
  }

  /**
   * One timer per transfer, re-armed for the time left rather than reset on every chunk (a
   * 16 MiB blob is 256 chunks; clearing and setting a timer for each is needless work).
   */
  private armIdle(ms: number): void {
    this.idleTimer = setTimeout(() => {
      const quiet = Date.now() - this.lastTouchMs;
      if (quiet >= this.idleMs) {
        this.fire(new TransferError('IDLE_TIMEOUT', `${this.what}: no bytes moved for ${quiet} ms`));
      } else {
        this.armIdle(this.idleMs - quiet);
      }
    }, ms);
    this.idleTimer.unref?.();
  }

  private fire(err: TransferError): void {
    this.stop(err);
  }
}
