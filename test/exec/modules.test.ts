/**
 * @jest-environment ./test/p2p/support/esm-environment.cjs
 */
/**
 * The NestJS wiring: the manifest, executor and prover modules in one application context, the
 * way the node composes them. Bad configuration fails when the module is built; a job runs
 * through the injected services; closing the context stops the worker threads and the prover.
 */
import { buildExamples } from '../../examples/build';
import { kernelManifest } from '../../examples/manifests';
import { ConfigError, ExecutorModule, ExecutorService } from '../../src/executor';
import { ManifestModule, ManifestService } from '../../src/manifest';
import { ProverModule, ProverService } from '../../src/prover';
import { sha256Chain } from './support/expected';
import { BUILD_TIMEOUT_MS } from './support/harness';

type NestCore = typeof import('@nestjs/core', { with: { 'resolution-mode': 'import' } });

/** Node's own import(), installed by the jest environment (NestJS 12 is ESM-only). */
function nativeImport<T>(specifier: string): Promise<T> {
  const imp = (globalThis as Record<symbol, (s: string) => Promise<unknown>>)[Symbol.for('cairn.esmImport')];
  if (!imp) throw new Error('run with the esm jest environment');
  return imp(specifier) as Promise<T>;
}

beforeAll(async () => {
  await buildExamples();
}, BUILD_TIMEOUT_MS);

it('refuses invalid executor configuration when the module is built', () => {
  expect(() => ExecutorModule.forRoot({ threads: 0 })).toThrow(ConfigError);
  expect(() => ExecutorModule.forRoot({ thread: 2 } as never)).toThrow(/thread/);
});

it('runs a job through the services Nest injects, and stops them on close', async () => {
  const { NestFactory } = await nativeImport<NestCore>('@nestjs/core');
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
  expect(app.get(ProverService)).toBeInstanceOf(ProverService);
  expect(exec.pool.threads).toBe(1);

  const { modules } = await buildExamples();
  const sha = exec.put(modules.kernel.bytes);
  const out = await exec.runJob(
    manifests.load(kernelManifest({ module: sha, rounds: 10, seed: 'nest' })),
    1n,
  );
  expect(new TextDecoder().decode(out.output)).toBe(`${sha256Chain('nest', 10)}\n`);

  await app.close();
  await expect(exec.pool.prepare(modules.kernel.bytes.slice(1))).rejects.toThrow(/closed/);
});
