/**
 * The WebAssembly proposals the sandbox runs, by their proposal names: what the metering pass
 * (./opcodes.ts, ../wasm/instrument.ts) decodes beyond the MVP. A worker may advertise only these,
 * since a job needing anything else (SIMD, threads, exceptions, GC, memory64, multiple memories)
 * is refused by its sandbox before it runs.
 */
export const SANDBOX_WASM_FEATURES = [
  'sign-extension',
  'nontrapping-float-to-int',
  'bulk-memory',
  'reference-types',
  'multi-value',
  'tail-call',
] as const;

export type SandboxWasmFeature = (typeof SANDBOX_WASM_FEATURES)[number];
