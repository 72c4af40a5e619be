/**
 * Each example, built from source in examples/, runs through its manifest and gives its known
 * answer (computed independently in support/expected.ts). The circuit job is proved and then
 * checked the way a poster checks it, and tampering with the proof or the public signals is
 * caught.
 */
import { circuitManifest, kernelManifest, wordCountManifest } from '../../examples/manifests';
import { SandboxError } from '../../src/executor';
import type { Groth16Verification } from '../../src/manifest';
import { encodePublicSignals, ProverError, type Groth16JobResult } from '../../src/prover';
import { resultCommitment } from '../../src/shared/commitment';
import { BN254_R, fnv1a64, sampleText, sha256Chain, squareChain, wordCount } from './support/expected';
import { useHarness } from './support/harness';

const h = useHarness();

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('CPU kernel: sha256 hash chain', () => {
  it('gives sha256 applied n times to the seed', async () => {
    const v = h.manifests.load(
      kernelManifest({ module: h.built.modules.kernel.sha256, rounds: 1000, seed: 'cairn' }),
    );
    const out = await h.exec.runManifest(v, 7n);
    expect(text(out.output)).toBe(`${sha256Chain('cairn', 1000)}\n`);
    expect(out.commitment).toBe(resultCommitment(7n, out.output));
    expect(out.fuelUsed).toBeGreaterThan(1000n);
  });

  it('is stopped by the manifest fuel when given too little', async () => {
    const v = h.manifests.load(
      kernelManifest({ module: h.built.modules.kernel.sha256, rounds: 1000, seed: 'cairn', fuel: 50_000 }),
    );
    const err = await h.exec.runManifest(v, 8n).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SandboxError);
    expect((err as SandboxError).code).toBe('FUEL_EXHAUSTED');
    expect((err as SandboxError).detail.tasklet).toBe('chain');
  });
});

describe('map/reduce word count over sharded input', () => {
  it('reducing the shards gives the word count of the whole text', async () => {
    const corpus = sampleText(30_000);
    // Shard at spaces so no word is cut in two.
    const shards: string[] = [];
    let start = 0;
    for (let k = 1; k <= 4; k++) {
      const end = k === 4 ? corpus.length : corpus.indexOf(' ', Math.floor((corpus.length * k) / 4));
      shards.push(corpus.slice(start, end));
      start = end;
    }
    const blobs = shards.map((s) => h.exec.put(new TextEncoder().encode(s)));
    const v = h.manifests.load(
      wordCountManifest({ module: h.built.modules.wordcount.sha256, shards: blobs }),
    );
    const out = await h.exec.runManifest(v, 9n);
    expect(text(out.output)).toBe(wordCount(corpus));
    expect(out.steps.map((s) => s.id)).toEqual(['map-0', 'map-1', 'map-2', 'map-3', 'aggregate']);
  });
});

describe('circuit job: Groth16', () => {
  const input = 'prove me';
  let v: Groth16Verification;
  let proved: Groth16JobResult;
  const jobId = 11n;

  beforeAll(async () => {
    const validated = h.manifests.load(
      circuitManifest({ seedModule: h.built.modules['circuit-seed'].sha256, input, ...h.circuit }),
    );
    v = validated.manifest.verification as Groth16Verification;
    const steps = await h.exec.runManifest(validated, jobId);
    proved = await h.prover.proveJob(v, steps.output, jobId, h.exec.store);
  });

  it('proves y = SquareChain(x) for x = FNV-1a-64(input), with public signals [y, x]', () => {
    const x = fnv1a64(new TextEncoder().encode(input));
    expect(proved.publicSignals).toEqual([squareChain(x, 64).toString(), x.toString()]);
    expect(proved.commitment).toBe(resultCommitment(jobId, encodePublicSignals(proved.publicSignals)));
  });

  it('the poster accepts the untampered result', async () => {
    const accepted = await h.prover.acceptJob(
      v,
      jobId,
      { output: proved.output, proof: proved.proof },
      h.exec.store,
    );
    expect(accepted.publicSignals).toEqual(proved.publicSignals);
    expect(accepted.commitment).toBe(proved.commitment);
  });

  async function rejection(output: Uint8Array, proof: unknown): Promise<ProverError> {
    const err = await h.prover.acceptJob(v, jobId, { output, proof }, h.exec.store).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProverError);
    return err as ProverError;
  }

  it('rejects a tampered proof', async () => {
    const forged = structuredClone(proved.proof);
    forged.pi_a[0] = (BigInt(forged.pi_a[0]!) + 1n).toString();
    expect((await rejection(proved.output, forged)).code).toBe('INVALID_PROOF');
  });

  it('rejects a proof with its points swapped', async () => {
    const forged = { ...proved.proof, pi_a: proved.proof.pi_c, pi_c: proved.proof.pi_a };
    expect((await rejection(proved.output, forged)).code).toBe('INVALID_PROOF');
  });

  it('rejects tampered public signals: a different result y', async () => {
    const [y, x] = proved.publicSignals as [string, string];
    const forged = encodePublicSignals([((BigInt(y) + 1n) % BN254_R).toString(), x]);
    expect((await rejection(forged, proved.proof)).code).toBe('INVALID_PROOF');
  });

  it('rejects tampered public signals: a different input x', async () => {
    const [y, x] = proved.publicSignals as [string, string];
    const forged = encodePublicSignals([y, (BigInt(x) + 1n).toString()]);
    expect((await rejection(forged, proved.proof)).code).toBe('INVALID_PROOF');
  });

  it('rejects malformed public signals without running the verifier', async () => {
    const [y, x] = proved.publicSignals as [string, string];
    for (const forged of [
      encodePublicSignals([(BigInt(y) + BN254_R).toString(), x]), // same value mod r, not canonical
      encodePublicSignals([y, x, '0']),
      new TextEncoder().encode(JSON.stringify([y, x], null, 1)),
      new TextEncoder().encode('not json'),
    ]) {
      expect((await rejection(forged, proved.proof)).code).toBe('MALFORMED_PROOF');
    }
  });

  it('rejects a proof object of the wrong shape', async () => {
    expect((await rejection(proved.output, { ...proved.proof, pi_b: [] })).code).toBe('MALFORMED_PROOF');
  });

  it('refuses to prove inputs that are not the circuit’s', async () => {
    const err = await h.prover
      .proveJob(v, new TextEncoder().encode('{"z":"1"}'), jobId, h.exec.store)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProverError);
    expect(['BAD_INPUT', 'WITNESS_FAILED']).toContain((err as ProverError).code);
  });
});
