/**
 * The example jobs as manifests (YAML, the form a poster writes). Module and data references
 * are sha256s, known only once the examples are built, hence functions.
 */
import { stringify } from 'yaml';
import type { Manifest } from '../src/manifest/types';

const DEFAULT_PRICE = '1000000000000000000'; // 1 STRK in FRI

/** sha256^rounds(seed), printed as hex. */
export function kernelManifest(o: { module: string; rounds: number; seed: string; fuel?: number }): string {
  const m: Manifest = {
    version: 1,
    name: 'sha256-chain',
    tasklets: [{ id: 'chain', module: o.module, args: [String(o.rounds)], input: { text: o.seed } }],
    resources: { memoryPages: 16, fuel: o.fuel ?? 10_000 * o.rounds + 100_000, wallTimeMs: 60_000 },
    output: { format: 'text', maxBytes: 128 },
    priceCeiling: DEFAULT_PRICE,
    verification: { mode: 'redundancy', k: 2 },
  };
  return stringify(m);
}

/** Word count over stored shards: one map tasklet per shard, one reduce. */
export function wordCountManifest(o: { module: string; shards: string[]; maxBytes?: number }): string {
  const m: Manifest = {
    version: 1,
    name: 'word-count',
    tasklets: o.shards.map((blob, i) => ({
      id: `map-${i}`,
      module: o.module,
      args: ['map'],
      input: { blob },
    })),
    aggregate: { module: o.module, args: ['reduce'] },
    resources: { memoryPages: 2048, fuel: 1e12, wallTimeMs: 120_000 },
    output: { format: 'text', maxBytes: o.maxBytes ?? 64 * 1024 * 1024 },
    priceCeiling: DEFAULT_PRICE,
    verification: { mode: 'none' },
  };
  return stringify(m);
}

/** The circuit job: x = FNV-1a-64(input) in WebAssembly, then a Groth16 proof of y = SquareChain(x). */
export function circuitManifest(o: {
  seedModule: string;
  input: string;
  wasm: string;
  zkey: string;
  verificationKey: string;
}): string {
  const m: Manifest = {
    version: 1,
    name: 'square-chain',
    tasklets: [{ id: 'seed', module: o.seedModule, input: { text: o.input } }],
    resources: { memoryPages: 16, fuel: 10_000_000, wallTimeMs: 60_000 },
    output: { format: 'json', maxBytes: 4096 },
    priceCeiling: DEFAULT_PRICE,
    verification: {
      mode: 'groth16',
      circuit: { wasm: o.wasm, zkey: o.zkey },
      verificationKey: o.verificationKey,
    },
  };
  return stringify(m);
}
