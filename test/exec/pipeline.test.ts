/**
 * ExecutorService.runJob, the call the node's job pipeline makes: the manifest as posted and the
 * blobs that came with it in; output, fuel, result commitment and (groth16) proof out. What can
 * be refused is refused before anything runs, with a message naming what is wrong.
 */
import { circuitManifest, kernelManifest, wordCountManifest } from '../../examples/manifests';
import { ExecutorService, parseExecutorConfig, SandboxError, sha256Hex } from '../../src/executor';
import { type Groth16Verification, ManifestError } from '../../src/manifest';
import { manifestHash, resultCommitment } from '../../src/shared/commitment';
import { fnv1a64, sampleText, sha256Chain, squareChain, wordCount } from './support/expected';
import { useHarness } from './support/harness';

const h = useHarness();

const enc = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

it('runs a job from its posted bytes: output, fuel, commitment and the manifest felt', async () => {
  const manifest = kernelManifest({ module: h.built.modules.kernel.sha256, rounds: 100, seed: 'pipeline' });
  const r = await h.exec.runJob({ manifest, jobId: 21n });
  expect(text(r.output)).toBe(`${sha256Chain('pipeline', 100)}\n`);
  expect(r.commitment).toBe(resultCommitment(21n, r.output));
  expect(r.manifestHash).toBe(manifestHash(enc(manifest)));
  expect(r.fuelUsed).toBe(r.steps[0]!.fuelUsed);
  expect(r.fuelUsed).toBeGreaterThan(0n);
  expect(r.proof).toBeUndefined();
});

it('takes input shards sent with the job, without keeping them in the node’s store', async () => {
  const corpus = sampleText(4000, 3);
  const half = corpus.indexOf(' ', corpus.length >> 1);
  const shards = [corpus.slice(0, half), corpus.slice(half)].map(enc);
  const names = shards.map(sha256Hex);
  const r = await h.exec.runJob({
    manifest: wordCountManifest({ module: h.built.modules.wordcount.sha256, shards: names }),
    blobs: shards,
    jobId: 22n,
  });
  expect(text(r.output)).toBe(wordCount(corpus));
  expect(r.fuelUsed).toBe(r.steps.reduce((n, s) => n + s.fuelUsed, 0n));
  for (const n of names) expect(h.exec.store.has(n)).toBe(false);
});

it('proves a groth16 job; the output is the public signals and the poster accepts the proof', async () => {
  const input = 'pipeline proof';
  const manifest = circuitManifest({
    seedModule: h.built.modules['circuit-seed'].sha256,
    input,
    ...h.circuit,
  });
  const r = await h.exec.runJob({ manifest, jobId: 23n });
  const x = fnv1a64(enc(input));
  expect(r.proof?.publicSignals).toEqual([squareChain(x, 64).toString(), x.toString()]);
  expect(JSON.parse(text(r.output))).toEqual(r.proof?.publicSignals);
  expect(r.commitment).toBe(resultCommitment(23n, r.output));
  const v = h.manifests.load(manifest).manifest.verification as Groth16Verification;
  const accepted = await h.prover.acceptJob(
    v,
    23n,
    { output: r.output, proof: r.proof!.proof },
    h.exec.store,
  );
  expect(accepted.commitment).toBe(r.commitment);
});

describe('refused before anything runs', () => {
  it('every blob that is neither sent nor stored, by path', async () => {
    const ghost = 'e'.repeat(64);
    const manifest = wordCountManifest({ module: 'f'.repeat(64), shards: [h.exec.put(enc('a b')), ghost] });
    const err = await h.exec.runJob({ manifest, jobId: 24n }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SandboxError);
    expect((err as SandboxError).code).toBe('MODULE_NOT_FOUND');
    expect((err as SandboxError).refused).toBe(true);
    expect((err as Error).message).toMatch(/tasklets\[0\]\.module f{64}/);
    expect((err as Error).message).toMatch(/tasklets\[1\]\.input\.blob e{64}/);
    expect((err as Error).message).toMatch(/aggregate\.module f{64}/);
  });

  it('an invalid manifest, with the path and the reason', async () => {
    const err = await h.exec
      .runJob({ manifest: 'version: 1\nname: x\n', jobId: 25n })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ManifestError).code).toBe('SCHEMA');
    expect((err as Error).message).toMatch(/tasklets: is required but missing/);
  });

  it('a manifest asking for more than this node’s ceilings, however it was validated', async () => {
    const manifest = kernelManifest({ module: h.built.modules.kernel.sha256, rounds: 1, seed: 's' }).replace(
      'memoryPages: 16',
      'memoryPages: 8192',
    );
    const viaBytes = await h.exec.runJob({ manifest, jobId: 26n }).catch((e: unknown) => e);
    expect(viaBytes).toBeInstanceOf(ManifestError);
    expect((viaBytes as ManifestError).code).toBe('OUT_OF_RANGE');
    expect((viaBytes as Error).message).toMatch(
      /resources\.memoryPages: asks for 8192 pages; this node allows at most 4096/,
    );

    // Validated without ceilings (as a poster would), then handed to this executor to run.
    const validated = h.manifests.load(manifest);
    const viaValidated = await h.exec.runManifest(validated, 26n).catch((e: unknown) => e);
    expect((viaValidated as ManifestError).code).toBe('OUT_OF_RANGE');
  });

  it('a groth16 job on an executor without a prover', async () => {
    const bare = await ExecutorService.create(parseExecutorConfig({ threads: 1, logLevel: 'silent' }));
    try {
      const manifest = circuitManifest({
        seedModule: h.built.modules['circuit-seed'].sha256,
        input: 'x',
        ...h.circuit,
      });
      const err = await bare.runJob({ manifest, jobId: 27n }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SandboxError);
      expect((err as SandboxError).code).toBe('PROVER_UNAVAILABLE');
    } finally {
      await bare.close();
    }
  });
});
