/**
 * What the example suites share: the examples built from source (cached after the first run),
 * a started executor and prover, and the built artifacts put in the executor's store.
 */
import { readFileSync } from 'node:fs';
import { buildExamples, type BuiltExamples } from '../../../examples/build';
import { ExecutorService, parseExecutorConfig } from '../../../src/executor';
import { ManifestService } from '../../../src/manifest';
import { ProverService } from '../../../src/prover';

export interface Harness {
  built: BuiltExamples;
  exec: ExecutorService;
  prover: ProverService;
  manifests: ManifestService;
  /** sha256 of the stored circuit artifacts, for manifests. */
  circuit: { wasm: string; zkey: string; verificationKey: string };
  close(): Promise<void>;
}

/** A cold first build compiles three modules and sets up a circuit: allow for it. */
export const BUILD_TIMEOUT_MS = 600_000;

export async function startHarness(opts: { prover?: boolean } = {}): Promise<Harness> {
  const built = await buildExamples({ circuits: opts.prover === false ? [] : ['square-chain-64'] });
  const prover = opts.prover === false ? undefined : await ProverService.create({ logLevel: 'silent' });
  const exec = await ExecutorService.create(
    parseExecutorConfig({ threads: 2, logLevel: 'silent' }),
    undefined,
    undefined,
    prover,
  );
  for (const m of Object.values(built.modules)) exec.put(m.bytes);
  const c = built.circuits['square-chain-64'];
  const circuit = c
    ? {
        wasm: exec.put(readFileSync(c.wasmPath)),
        zkey: exec.put(readFileSync(c.zkeyPath)),
        verificationKey: exec.put(readFileSync(c.vkeyPath)),
      }
    : { wasm: '', zkey: '', verificationKey: '' };
  return {
    built,
    exec,
    prover: prover as ProverService,
    manifests: new ManifestService(),
    circuit,
    async close() {
      await Promise.all([exec.close(), prover?.close()]);
    },
  };
}

/**
 * Starts the harness before a test file's tests and closes it after them. The object returned is
 * filled in by beforeAll, so tests read it as they would the harness itself.
 */
export function useHarness(opts: { prover?: boolean } = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(opts));
  }, BUILD_TIMEOUT_MS);
  afterAll(async () => {
    await h.close?.();
  });
  return h;
}
