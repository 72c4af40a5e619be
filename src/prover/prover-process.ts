/**
 * The prover's child process: witness generation and Groth16 proving and verification with
 * snarkjs, off the node's event loop. A process rather than a worker thread because snarkjs's
 * thread pool (ffjavascript via the web-worker package) mistakes any worker thread that loads it
 * for one of its own and crashes; in a process of its own it runs its multi-exponentiations on
 * its threads as designed.
 *
 * Messages use the advanced (structured clone) serialization. Circuit artifacts are sent once
 * per sha256 and kept here, so a multi-megabyte proving key is not copied per proof.
 */
import * as snarkjs from 'snarkjs';
import type { ProverErrorCode, ProverErrorWire } from './errors';

export type ProverTask =
  | { kind: 'ping' }
  | { kind: 'load'; sha256: string; bytes: Uint8Array }
  | { kind: 'prove'; wasm: string; zkey: string; input: Record<string, unknown> }
  | { kind: 'verify'; vkey: snarkjs.VerificationKey; publicSignals: unknown[]; proof: unknown };

export type ProverReply =
  | { ok: true; pong: true }
  | { ok: true; loaded: string }
  /** cpuMs: CPU time of the whole process (all of snarkjs's threads), to tell work from waiting. */
  | { ok: true; proof: snarkjs.Groth16Proof; publicSignals: string[]; ms: number; cpuMs: number }
  | { ok: true; valid: boolean; ms: number }
  | { ok: false; error: ProverErrorWire };

export interface ProverRequest {
  id: number;
  task: ProverTask;
}

export interface ProverResponse {
  id: number;
  reply: ProverReply;
}

const artifacts = new Map<string, Uint8Array>();

const fail = (code: ProverErrorCode, message: string): ProverReply => ({
  ok: false,
  error: { code, message },
});

/** circom's witness calculator reports unmet constraints and bad inputs only in its message. */
function classifyWitnessError(message: string): ProverErrorCode | undefined {
  if (/Assert Failed|Error in template|Constraint doesn't match/i.test(message)) return 'WITNESS_FAILED';
  if (/Signal not found|Too many values|Not enough values|invalid|Cannot convert/i.test(message))
    return 'BAD_INPUT';
  return undefined;
}

async function prove(task: Extract<ProverTask, { kind: 'prove' }>): Promise<ProverReply> {
  const wasm = artifacts.get(task.wasm);
  const zkey = artifacts.get(task.zkey);
  if (!wasm || !zkey) return fail('CIRCUIT_NOT_FOUND', 'circuit artifacts were not loaded into the prover');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const { proof, publicSignals } = await snarkjs.groth16.fullProve(
      task.input,
      { type: 'mem', data: wasm },
      { type: 'mem', data: zkey },
    );
    const cpu = process.cpuUsage(cpu0);
    return {
      ok: true,
      proof,
      publicSignals,
      ms: performance.now() - t0,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fail(classifyWitnessError(message) ?? 'PROVE_FAILED', message.split('\n')[0]!);
  }
}

async function verify(task: Extract<ProverTask, { kind: 'verify' }>): Promise<ProverReply> {
  const t0 = performance.now();
  try {
    const valid = await snarkjs.groth16.verify(task.vkey, task.publicSignals, task.proof);
    return { ok: true, valid, ms: performance.now() - t0 };
  } catch (err) {
    // snarkjs throws (rather than returning false) on points or numbers it cannot even parse.
    return fail('MALFORMED_PROOF', `proof could not be read: ${(err as Error).message}`);
  }
}

async function handle(task: ProverTask): Promise<ProverReply> {
  switch (task.kind) {
    case 'ping':
      return { ok: true, pong: true };
    case 'load':
      artifacts.set(task.sha256, task.bytes);
      return { ok: true, loaded: task.sha256 };
    case 'prove':
      return prove(task);
    case 'verify':
      return verify(task);
  }
}

process.on('message', (msg: ProverRequest) => {
  void handle(msg.task).then((reply) => process.send?.({ id: msg.id, reply } satisfies ProverResponse));
});
// The parent going away means nobody will read our answers.
process.on('disconnect', () => process.exit(0));
