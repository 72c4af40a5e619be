/**
 * Groth16 for jobs whose manifest asks for it. The worker proves: the steps' output is the
 * circuit's input signals, and the job's output becomes the public signals (as JSON), which the
 * result commitment covers. The poster accepts: the public signals are well-formed and the proof
 * verifies against the verification key the manifest names, before any payment is released.
 * Proving and verifying both run in a child process (prover-process.ts), never on the event loop.
 */
import pino, { type Logger } from 'pino';
import type { Groth16Proof, VerificationKey } from 'snarkjs';
import { type BlobSource, sha256Hex } from '../executor/blob-store';
import type { Groth16Verification } from '../manifest/types';
import { resultCommitment } from '../shared/commitment';
import { ProverError } from './errors';
import { type ProverConfig, type ProverConfigInput, parseProverConfig } from './config';
import { ProverClient } from './prover-client';

/** The BN254 scalar field: every public signal is an element of it. */
export const BN254_R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

export interface ProofResult {
  proof: Groth16Proof;
  publicSignals: string[];
  /** Wall time of witness generation and proving. */
  ms: number;
  /** CPU time the prover process spent on it, over all its threads. */
  cpuMs: number;
}

export interface Groth16JobResult extends ProofResult {
  /** The job's output: JSON of the public signals; what the result commitment covers. */
  output: Uint8Array;
  commitment: bigint;
}

export interface AcceptedResult {
  publicSignals: string[];
  commitment: bigint;
  verifyMs: number;
}

/** The canonical bytes of a groth16 job's output. */
export function encodePublicSignals(signals: string[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(signals));
}

const DECIMAL = /^(0|[1-9][0-9]{0,76})$/;

/** Public signals as canonical decimal field elements, exactly as many as the key expects. */
export function checkPublicSignals(value: unknown, nPublic: number): string[] {
  if (!Array.isArray(value)) throw new ProverError('MALFORMED_PROOF', 'public signals must be a JSON array');
  if (value.length !== nPublic) {
    throw new ProverError('MALFORMED_PROOF', `expected ${nPublic} public signals, got ${value.length}`);
  }
  value.forEach((s, i) => {
    if (typeof s !== 'string' || !DECIMAL.test(s) || BigInt(s) >= BN254_R) {
      throw new ProverError('MALFORMED_PROOF', `public signal ${i} is not a canonical field element`);
    }
  });
  return value as string[];
}

function checkProofShape(proof: unknown): Groth16Proof {
  const p = proof as Partial<Groth16Proof> | null;
  const coords = (a: unknown, n: number) =>
    Array.isArray(a) && a.length === n && a.every((x) => typeof x === 'string' && DECIMAL.test(x));
  const ok =
    p !== null &&
    typeof p === 'object' &&
    p.protocol === 'groth16' &&
    p.curve === 'bn128' &&
    coords(p.pi_a, 3) &&
    coords(p.pi_c, 3) &&
    Array.isArray(p.pi_b) &&
    p.pi_b.length === 3 &&
    p.pi_b.every((c) => coords(c, 2));
  if (!ok) throw new ProverError('MALFORMED_PROOF', 'proof is not a groth16/bn128 proof object');
  return p as Groth16Proof;
}

export class ProverService {
  private constructor(
    private readonly client: ProverClient,
    readonly config: ProverConfig,
    readonly log: Logger,
  ) {}

  /** Starts the prover process and waits until it answers. */
  static async create(input: ProverConfigInput = {}, log?: Logger): Promise<ProverService> {
    const config = parseProverConfig(input);
    const logger = (log ?? pino({ name: 'cairn', level: config.logLevel })).child({ component: 'prover' });
    const client = new ProverClient(logger);
    await client.start();
    return new ProverService(client, config, logger);
  }

  /** Proves `input` with a circuit's witness generator and proving key. */
  async prove(
    circuit: { wasm: Uint8Array; zkey: Uint8Array },
    input: Record<string, unknown>,
  ): Promise<ProofResult> {
    const wasm = sha256Hex(circuit.wasm);
    const zkey = sha256Hex(circuit.zkey);
    await this.client.ensureLoaded(wasm, circuit.wasm, this.config.proveTimeoutMs);
    await this.client.ensureLoaded(zkey, circuit.zkey, this.config.proveTimeoutMs);
    const reply = await this.client.request({ kind: 'prove', wasm, zkey, input }, this.config.proveTimeoutMs);
    if (!('proof' in reply)) throw new ProverError('PROVE_FAILED', 'prover answered with something else');
    return { proof: reply.proof, publicSignals: reply.publicSignals, ms: reply.ms, cpuMs: reply.cpuMs };
  }

  /**
   * Verifies a proof against a verification key. Returns false only for a well-formed proof
   * that does not verify; malformed input throws MALFORMED_PROOF.
   */
  async verify(
    vkey: VerificationKey,
    publicSignals: unknown,
    proof: unknown,
  ): Promise<{ valid: boolean; ms: number }> {
    const signals = checkPublicSignals(publicSignals, vkey.nPublic);
    const p = checkProofShape(proof);
    const reply = await this.client.request(
      { kind: 'verify', vkey, publicSignals: signals, proof: p },
      this.config.verifyTimeoutMs,
    );
    if (!('valid' in reply))
      throw new ProverError('MALFORMED_PROOF', 'verifier answered with something else');
    return { valid: reply.valid, ms: reply.ms };
  }

  /** Worker side of a groth16 job: prove the steps' output (the circuit's input signals). */
  async proveJob(
    v: Groth16Verification,
    stepsOutput: Uint8Array,
    jobId: bigint,
    store: BlobSource,
  ): Promise<Groth16JobResult> {
    let input: unknown;
    try {
      input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(stepsOutput));
    } catch (err) {
      throw new ProverError(
        'BAD_INPUT',
        `the steps' output is not JSON input signals: ${(err as Error).message}`,
      );
    }
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw new ProverError('BAD_INPUT', `the steps' output must be a JSON object of input signals`);
    }
    const wasm = this.artifact(store, v.circuit.wasm, 'witness generator');
    const zkey = this.artifact(store, v.circuit.zkey, 'proving key');
    const r = await this.prove({ wasm, zkey }, input as Record<string, unknown>);
    const output = encodePublicSignals(r.publicSignals);
    this.log.info({ jobId: jobId.toString(), ms: Math.round(r.ms) }, 'groth16 proof made');
    return { ...r, output, commitment: resultCommitment(jobId, output) };
  }

  /**
   * Poster side: accepts a groth16 job's result only if its output is the public signals of a
   * proof that verifies under the manifest's verification key. Throws ProverError otherwise.
   */
  async acceptJob(
    v: Groth16Verification,
    jobId: bigint,
    result: { output: Uint8Array; proof: unknown },
    store: BlobSource,
  ): Promise<AcceptedResult> {
    const vkey = JSON.parse(
      new TextDecoder().decode(this.artifact(store, v.verificationKey, 'verification key')),
    ) as VerificationKey;
    let signals: unknown;
    try {
      signals = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(result.output));
    } catch {
      throw new ProverError('MALFORMED_PROOF', 'the output is not a JSON array of public signals');
    }
    const publicSignals = checkPublicSignals(signals, vkey.nPublic);
    // The commitment covers the exact bytes; a re-encoding of the same numbers is not the output.
    const canonical = encodePublicSignals(publicSignals);
    if (Buffer.compare(Buffer.from(canonical), Buffer.from(result.output)) !== 0) {
      throw new ProverError('MALFORMED_PROOF', 'the output is not the canonical JSON of its public signals');
    }
    const { valid, ms } = await this.verify(vkey, publicSignals, result.proof);
    if (!valid) throw new ProverError('INVALID_PROOF', 'the proof does not verify for these public signals');
    return { publicSignals, commitment: resultCommitment(jobId, result.output), verifyMs: ms };
  }

  private artifact(store: BlobSource, sha256: string, what: string): Uint8Array {
    try {
      return store.get(sha256, what);
    } catch (err) {
      throw new ProverError('CIRCUIT_NOT_FOUND', (err as Error).message);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
