/**
 * The code of a sandbox worker thread (a piscina task handler). It validates and instruments
 * modules, and runs them; the main thread only compiles (asynchronously) and dispatches.
 * Failures come back as values, since class instances do not survive the thread boundary.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { SandboxError, type SandboxErrorWire, toWire } from './errors';
import { type ModuleInfo, runInstrumented, type RunInput, type RunLimits, type RunOutcome } from './sandbox';
import { instrument } from './wasm/instrument';

export type WorkerTask =
  | { kind: 'ping' }
  | { kind: 'prepare'; bytes: Uint8Array }
  | { kind: 'run'; module: WebAssembly.Module; info: ModuleInfo; input: RunInput; limits: RunLimits };

export type PrepareReply = { ok: true; bytes: Uint8Array; info: ModuleInfo & { imports: string[] } };
export type RunReply = { ok: true; outcome: RunOutcome };
export type FailReply = { ok: false; error: SandboxErrorWire };
export type WorkerReply = { ok: true; pong: number } | PrepareReply | RunReply | FailReply;

/** Hands `value` back with `buffers` moved rather than copied. */
function transferring(value: object, buffers: ArrayBufferLike[]): ReturnType<typeof move> {
  return move({ [transferableSymbol]: buffers, [valueSymbol]: value } as Parameters<typeof move>[0]);
}

function prepare(bytes: Uint8Array): PrepareReply {
  if (!WebAssembly.validate(bytes)) {
    let reason = 'not a valid WebAssembly module';
    try {
      new WebAssembly.Module(bytes);
    } catch (err) {
      reason = (err as Error).message;
    }
    throw new SandboxError('INVALID_MODULE', reason);
  }
  const out = instrument(bytes);
  if (!WebAssembly.validate(out.bytes)) {
    // A module the engine accepted must stay valid after the pass; anything else is our bug.
    throw new SandboxError('INVALID_MODULE', 'instrumentation produced an invalid module');
  }
  return {
    ok: true,
    bytes: out.bytes,
    info: { memory: out.memory, functions: out.functions, hasInit: out.hasInit, imports: out.imports },
  };
}

export default function handle(task: WorkerTask): WorkerReply | ReturnType<typeof move> {
  try {
    switch (task.kind) {
      case 'ping':
        return { ok: true, pong: process.pid };
      case 'prepare': {
        const reply = prepare(task.bytes);
        return transferring(reply, [reply.bytes.buffer]);
      }
      case 'run': {
        const outcome = runInstrumented(task.module, task.info, task.input, task.limits);
        const reply: RunReply = { ok: true, outcome };
        return transferring(reply, [outcome.output.buffer]);
      }
    }
  } catch (err) {
    if (err instanceof SandboxError) return { ok: false, error: toWire(err) };
    return {
      ok: false,
      error: { code: 'TRAP', message: `sandbox failure: ${(err as Error).message}`, detail: {} },
    };
  }
}
