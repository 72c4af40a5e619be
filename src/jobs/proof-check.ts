/**
 * The poster's check of a groth16 job's proof before it confirms: the output must be the
 * public signals of a proof that verifies under the manifest's verification key (the prover
 * room's `acceptJob`, in its own process). A poster that is not a worker has no prover running;
 * one is started the first time a proof needs checking, and stopped with the node.
 */
import type { BlobSource } from '../executor/blob-store';
import type { Groth16Verification } from '../manifest/types';
import { ProverError } from '../prover/errors';
import type { ProverService } from '../prover/prover.service';

/** Why a delivered proof is refused, or undefined when it verifies. */
export type ProofRefusal = string | undefined;

export interface ProofChecker {
  check(
    v: Groth16Verification,
    jobId: bigint,
    output: Uint8Array,
    proof: Uint8Array | undefined,
    store: BlobSource,
  ): Promise<ProofRefusal>;
  close(): Promise<void>;
}

export class LazyProofChecker implements ProofChecker {
  private started?: Promise<ProverService>;

  constructor(
    private readonly existing: ProverService | undefined,
    private readonly create: () => Promise<ProverService>,
  ) {}

  async check(
    v: Groth16Verification,
    jobId: bigint,
    output: Uint8Array,
    proof: Uint8Array | undefined,
    store: BlobSource,
  ): Promise<ProofRefusal> {
    if (!proof) return 'no proof delivered';
    let parsed: { proof?: unknown };
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(proof)) as { proof?: unknown };
    } catch {
      return 'the proof is not JSON';
    }
    const prover = this.existing ?? (await (this.started ??= this.create()));
    try {
      await prover.acceptJob(v, jobId, { output, proof: parsed?.proof }, store);
      return undefined;
    } catch (err) {
      // A proof that is malformed or does not verify is the worker's fault; anything else
      // (a timeout, a missing key) is ours, and retried.
      if (err instanceof ProverError && (err.code === 'INVALID_PROOF' || err.code === 'MALFORMED_PROOF'))
        return err.message;
      throw err;
    }
  }

  async close(): Promise<void> {
    if (this.started) await (await this.started).close();
  }
}
