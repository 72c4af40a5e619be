/**
 * Why a module was refused or a run failed. Refusals (before any guest instruction runs) and
 * failures (the guest ran and was stopped) share one class so callers switch on one closed set
 * of codes; `refused` tells them apart.
 */

export type SandboxErrorCode =
  // Refused before running.
  /** Not a well-formed or valid WebAssembly module. */
  | 'INVALID_MODULE'
  /** Uses a feature the sandbox cannot meter or keep deterministic (SIMD, threads, memory64...). */
  | 'UNSUPPORTED_FEATURE'
  /** Imports something other than the allowed WASI subset (clocks, randomness, files, sockets...). */
  | 'FORBIDDEN_IMPORT'
  /** The module's size exceeds the executor's limit. */
  | 'MODULE_TOO_LARGE'
  /** The content-addressed module or input is not in the store, or its bytes do not hash to it. */
  | 'MODULE_NOT_FOUND'
  /** The entry point is not an exported function taking and returning nothing. */
  | 'MISSING_ENTRY'
  /** The job asks for a Groth16 proof and this executor has no prover. */
  | 'PROVER_UNAVAILABLE'
  // Stopped while running.
  /** Ran out of fuel: the block it was about to enter cost more than the fuel left. */
  | 'FUEL_EXHAUSTED'
  /** Asked for more linear memory than the job's cap (at start, or by memory.grow and then trapped). */
  | 'MEMORY_LIMIT'
  /** Wrote more to stdout than the job's output cap. */
  | 'OUTPUT_LIMIT'
  /** Still running at the wall-clock limit; its thread was terminated. */
  | 'WALL_TIMEOUT'
  /** A WebAssembly trap: unreachable, out-of-bounds access, division by zero, stack overflow... */
  | 'TRAP'
  /** Called proc_exit with a non-zero code. */
  | 'EXIT_NONZERO'
  /** The worker thread died (for instance hit its heap limit); the pool replaced it. */
  | 'WORKER_LOST'
  /** The output does not match the manifest's declared format (text, json). */
  | 'BAD_OUTPUT';

const REFUSALS: ReadonlySet<SandboxErrorCode> = new Set([
  'INVALID_MODULE',
  'UNSUPPORTED_FEATURE',
  'FORBIDDEN_IMPORT',
  'MODULE_TOO_LARGE',
  'MODULE_NOT_FOUND',
  'MISSING_ENTRY',
  'PROVER_UNAVAILABLE',
]);

export interface SandboxErrorDetail {
  /** Fuel consumed before the run stopped (exact and deterministic, also on traps). */
  fuelUsed?: bigint;
  /** Linear memory in 64 KiB pages when the run stopped. */
  memoryPages?: number;
  /** The guest's stderr, truncated; useful to show why it aborted. */
  stderr?: string;
  exitCode?: number;
  /** Which tasklet of a job failed. */
  tasklet?: string;
}

export class SandboxError extends Error {
  constructor(
    readonly code: SandboxErrorCode,
    message: string,
    readonly detail: SandboxErrorDetail = {},
  ) {
    super(message);
    this.name = 'SandboxError';
  }

  /** True when nothing of the guest ran: the module or request was refused up front. */
  get refused(): boolean {
    return REFUSALS.has(this.code);
  }

  withTasklet(tasklet: string): SandboxError {
    return new SandboxError(this.code, `tasklet ${tasklet}: ${this.message}`, { ...this.detail, tasklet });
  }
}

/** How a failure crosses the worker boundary (class instances do not survive structured clone). */
export interface SandboxErrorWire {
  code: SandboxErrorCode;
  message: string;
  detail: SandboxErrorDetail;
}

export function toWire(e: SandboxError): SandboxErrorWire {
  return { code: e.code, message: e.message, detail: e.detail };
}

export function fromWire(w: SandboxErrorWire): SandboxError {
  return new SandboxError(w.code, w.message, w.detail);
}
