/**
 * What a manifest needs from the nodes that handle it, derived from the manifest alone (never
 * stated beside it): the worker it takes to run it, and the blobs that must travel with it.
 */
import type { JobRequirements } from '../discovery/capabilities';
import type { ValidatedManifest } from '../manifest/types';

/** What a worker must offer to run `m`. */
export function requirementsOf(m: ValidatedManifest): JobRequirements {
  const steps = m.manifest.tasklets.length + (m.manifest.aggregate ? 1 : 0);
  return {
    minCores: 1,
    minMemoryMb: Math.ceil((m.manifest.resources.memoryPages * 64) / 1024),
    wasmFeatures: [],
    minFuelPerSecond: 1n,
    fuelLimit: BigInt(m.manifest.resources.fuel) * BigInt(steps),
  };
}

/** Every blob a manifest names (modules, inputs, circuit files). */
export function blobsOf(m: ValidatedManifest): string[] {
  const out = new Set<string>();
  for (const t of m.manifest.tasklets) {
    out.add(t.module);
    if (t.input?.blob) out.add(t.input.blob);
  }
  if (m.manifest.aggregate) out.add(m.manifest.aggregate.module);
  const v = m.manifest.verification;
  if (v.mode === 'groth16') {
    out.add(v.circuit.wasm);
    out.add(v.circuit.zkey);
    // The poster checks the proof with it before confirming, so it must hold it.
    out.add(v.verificationKey);
  }
  return [...out];
}
