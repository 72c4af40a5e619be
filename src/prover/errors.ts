/**
 * Why a proof could not be made or was not accepted. Worker-side failures cross the thread
 * boundary as { code, message } and are rebuilt here.
 */

export type ProverErrorCode =
  /** A circuit artifact named by the manifest is not in the store, or does not hash to its name. */
  | 'CIRCUIT_NOT_FOUND'
  /** The steps' output is not a JSON object of input signals the circuit takes. */
  | 'BAD_INPUT'
  /** The inputs do not satisfy the circuit (an assertion or constraint failed). */
  | 'WITNESS_FAILED'
  /** snarkjs failed while proving. */
  | 'PROVE_FAILED'
  /** The proof or the public signals are not well-formed (wrong shape, not numbers, out of the field). */
  | 'MALFORMED_PROOF'
  /** Well-formed, but the pairing check fails: the proof does not prove these public signals. */
  | 'INVALID_PROOF'
  /** Proving or verifying took longer than allowed; the worker was terminated. */
  | 'TIMEOUT'
  /** The prover thread died; the pool replaced it. */
  | 'WORKER_LOST';

export class ProverError extends Error {
  constructor(
    readonly code: ProverErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProverError';
  }
}

export interface ProverErrorWire {
  code: ProverErrorCode;
  message: string;
}
