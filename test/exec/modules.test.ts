/**
 * @jest-environment ./test/support/esm-environment.cjs
 */
/**
 * The NestJS wiring: the manifest, executor and prover modules in one application context, the
 * way the node composes them. Bad configuration fails when the module is built; a job runs
 * through the injected services; closing the context stops the worker threads and the prover.
 */
import { readFileSync } from 'node:fs';
import { buildExamples } from '../../examples/build';
import { circuitManifest, kernelManifest } from '../../examples/manifests';
import { ConfigError, ExecutorModule, ExecutorService, sha256Hex } from '../../src/executor';
import { type Groth16Verification, ManifestModule, ManifestService } from '../../src/manifest';
import { ProverModule, ProverService } from '../../src/prover';
import { importEsm } from '../../src/shared/esm';
import { sha256Chain } from './support/expected';
import { BUILD_TIMEOUT_MS } from './support/harness';

type NestCore = typeof import('@nestjs/core', { with: { 'resolution-mode': 'import' } });

beforeAll(async () => {
  await buildExamples({ circuits: ['square-chain-64'] });
}, BUILD_TIMEOUT_MS);

it('refuses invalid executor configuration when the module is built', () => {
  expect(() => ExecutorModule.forRoot({ threads: 0 })).toThrow(ConfigError);
  expect(() => ExecutorModule.forRoot({ thread: 2 } as never)).toThrow(/thread/);
});

it('runs jobs through the services Nest injects, proving with the global prover, and stops them on close', async () => {
  const { NestFactory } = await importEsm<NestCore>('@nestjs/core');
  class TestModule {}
  const app = await NestFactory.createApplicationContext(
    {
      module: TestModule,
      imports: [
        ManifestModule.forRoot(),
        ExecutorModule.forRoot({ threads: 1, logLevel: 'silent' }),
        ProverModule.forRoot({ logLevel: 'silent' }),
      ],
    },
    { logger: false },
  );
  const manifests = app.get(ManifestService);
  const exec = app.get(ExecutorService);
  const prover = app.get(ProverService);
  expect(prover).toBeInstanceOf(ProverService);
  expect(exec.pool.threads).toBe(1);

  const { modules, circuits } = await buildExamples({ circuits: ['square-chain-64'] });
  // The module comes with the job, as it would from the poster; nothing was stored beforehand.
  const out = await exec.runJob({
    manifest: kernelManifest({ module: modules.kernel.sha256, rounds: 10, seed: 'nest' }),
    blobs: [modules.kernel.bytes],
    jobId: 1n,
  });
  expect(new TextDecoder().decode(out.output)).toBe(`${sha256Chain('nest', 10)}\n`);
  expect(out.proof).toBeUndefined();

  // A groth16 job: the executor Nest built proves it with the ProverModule's prover.
  const c = circuits['square-chain-64']!;
  const [wasm, zkey, vkey] = [c.wasmPath, c.zkeyPath, c.vkeyPath].map((p) => new Uint8Array(readFileSync(p)));
  const manifest = circuitManifest({
    seedModule: modules['circuit-seed'].sha256,
    input: 'nest',
    wasm: sha256Hex(wasm!),
    zkey: sha256Hex(zkey!),
    verificationKey: sha256Hex(vkey!),
  });
  const proved = await exec.runJob({
    manifest,
    blobs: [modules['circuit-seed'].bytes, wasm!, zkey!],
    jobId: 2n,
  });
  expect(proved.proof).toBeDefined();
  const v = manifests.load(manifest).manifest.verification as Groth16Verification;
  const accepted = await prover.acceptJob(
    v,
    2n,
    { output: proved.output, proof: proved.proof!.proof },
    exec.store.overlay([vkey!]),
  );
  expect(accepted.commitment).toBe(proved.commitment);

  await app.close();
  await expect(exec.pool.prepare(modules.kernel.bytes.slice(1))).rejects.toThrow(/closed/);
});
