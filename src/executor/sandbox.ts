/**
 * One run of an instrumented module, synchronously, on the calling thread. The pool calls this
 * inside a worker thread (never on the event loop); the benchmark also calls it directly to
 * compare metered and unmetered code on the same thread.
 */
import { SandboxError } from './errors';
import {
  FUEL_EXPORT,
  INIT_EXPORT,
  type InstrumentedModule,
  MEMORY_IMPORT,
  STATUS_EXPORT,
  STATUS_GROW_REFUSED,
  STATUS_OUT_OF_FUEL,
} from './wasm/instrument';
import { ExitSignal, OutOfFuelSignal, OutputLimitSignal, SandboxWasi } from './wasi';

/** What the run needs to know about the module, computed once when it was prepared. */
export type ModuleInfo = Pick<InstrumentedModule, 'memory' | 'functions' | 'hasInit'>;

export interface RunInput {
  /** The exported function to call, taking and returning nothing (WASI's `_start` by default). */
  entry: string;
  /** argv[1..]; argv[0] is the entry name. */
  args: readonly string[];
  stdin: Uint8Array;
}

export interface RunLimits {
  fuel: bigint;
  /** Linear memory cap in 64 KiB pages. */
  memoryPages: number;
  maxOutputBytes: number;
}

export interface RunOutcome {
  output: Uint8Array;
  fuelUsed: bigint;
  /** Linear memory at the end of the run, in pages (memory never shrinks, so also the peak). */
  memoryPages: number;
  stderr: string;
}

const MAX_STDERR = 64 * 1024;
const PAGE = 65536;

/** Refusals that need only the module's metadata, so the pool can answer without a worker. */
export function checkRunnable(info: ModuleInfo, entry: string, limits: RunLimits): void {
  const fn = info.functions[entry];
  if (!fn) {
    const names = Object.keys(info.functions).join(', ') || 'none';
    throw new SandboxError(
      'MISSING_ENTRY',
      `entry "${entry}" is not an exported function (exports: ${names})`,
    );
  }
  if (fn.params !== 0 || fn.results !== 0) {
    throw new SandboxError('MISSING_ENTRY', `entry "${entry}" must take and return nothing, like _start`);
  }
  if (info.memory && info.memory.min > limits.memoryPages) {
    throw new SandboxError(
      'MEMORY_LIMIT',
      `module starts with ${info.memory.min} memory pages; the job allows ${limits.memoryPages}`,
      { fuelUsed: 0n, memoryPages: 0 },
    );
  }
}

/**
 * Runs `entry` of an instrumented module. Throws SandboxError for every way the guest can fail;
 * whatever the guest does, the calling thread survives (a runaway in wall time is the pool's to
 * kill).
 */
export function runInstrumented(
  module: WebAssembly.Module,
  info: ModuleInfo,
  input: RunInput,
  limits: RunLimits,
): RunOutcome {
  checkRunnable(info, input.entry, limits);
  const wasi = new SandboxWasi({
    args: [input.entry, ...input.args],
    stdin: input.stdin,
    maxStdout: limits.maxOutputBytes,
    maxStderr: MAX_STDERR,
  });
  const imports = wasi.imports();
  let memory: WebAssembly.Memory | undefined;
  if (info.memory) {
    const maximum = Math.min(info.memory.max ?? limits.memoryPages, limits.memoryPages);
    memory = new WebAssembly.Memory({ initial: info.memory.min, maximum });
    imports[MEMORY_IMPORT.module] = { [MEMORY_IMPORT.name]: memory };
    wasi.bind(memory);
  }
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(module, imports);
  } catch (err) {
    // Active data or element segments out of bounds trap at instantiation.
    throw new SandboxError('TRAP', `instantiation failed: ${(err as Error).message}`, { fuelUsed: 0n });
  }
  const fuel = instance.exports[FUEL_EXPORT] as WebAssembly.Global;
  const status = instance.exports[STATUS_EXPORT] as WebAssembly.Global;
  fuel.value = limits.fuel;
  // Host calls pay like blocks: in full or not at all, with the same status bit on exhaustion.
  wasi.meter((n) => {
    const left = fuel.value as bigint;
    if (left < BigInt(n)) {
      status.value = (status.value as number) | STATUS_OUT_OF_FUEL;
      throw new OutOfFuelSignal();
    }
    fuel.value = left - BigInt(n);
  });
  const detail = (): StopDetail => ({
    fuelUsed: limits.fuel - (fuel.value as bigint),
    memoryPages: memory ? memory.buffer.byteLength / PAGE : 0,
    stderr: new TextDecoder().decode(wasi.stderr.bytes()),
  });
  try {
    if (info.hasInit) (instance.exports[INIT_EXPORT] as () => void)();
    (instance.exports[input.entry] as () => void)();
  } catch (err) {
    if (!(err instanceof ExitSignal) || err.code !== 0) {
      throw classify(err, status.value as number, limits, detail());
    }
  }
  return { output: wasi.stdout.bytes(), ...detail() };
}

type StopDetail = Pick<RunOutcome, 'fuelUsed' | 'memoryPages' | 'stderr'>;

function classify(err: unknown, status: number, limits: RunLimits, d: StopDetail): SandboxError {
  if (err instanceof ExitSignal) {
    return new SandboxError('EXIT_NONZERO', `exited with code ${err.code}${tail(d.stderr)}`, {
      ...d,
      exitCode: err.code,
    });
  }
  if (err instanceof OutputLimitSignal) {
    return new SandboxError('OUTPUT_LIMIT', `wrote more than the ${err.limit}-byte output cap`, d);
  }
  if (status & STATUS_OUT_OF_FUEL) {
    return new SandboxError('FUEL_EXHAUSTED', `ran out of fuel after ${d.fuelUsed} of ${limits.fuel}`, d);
  }
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof RangeError) {
    return new SandboxError('TRAP', `stack overflow (${message})`, d);
  }
  if (status & STATUS_GROW_REFUSED) {
    return new SandboxError(
      'MEMORY_LIMIT',
      `trapped (${message}) after memory.grow was refused at the ${limits.memoryPages}-page cap`,
      d,
    );
  }
  return new SandboxError('TRAP', `trapped: ${message}${tail(d.stderr)}`, d);
}

function tail(stderr: string): string {
  const s = stderr.trim();
  return s ? `; stderr: ${s.slice(-500)}` : '';
}

/**
 * Runs an uninstrumented module with the same WASI view and no fuel: only for measuring what
 * metering costs. Not reachable from the pool.
 */
export function runUnmetered(
  module: WebAssembly.Module,
  input: RunInput,
  maxOutputBytes: number,
): Uint8Array {
  const wasi = new SandboxWasi({
    args: [input.entry, ...input.args],
    stdin: input.stdin,
    maxStdout: maxOutputBytes,
    maxStderr: MAX_STDERR,
  });
  const instance = new WebAssembly.Instance(module, wasi.imports());
  wasi.bind(instance.exports.memory as WebAssembly.Memory);
  try {
    (instance.exports[input.entry] as () => void)();
  } catch (err) {
    if (!(err instanceof ExitSignal) || err.code !== 0) throw err;
  }
  return wasi.stdout.bytes();
}
