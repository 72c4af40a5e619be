/**
 * The same module and input give the same output and the same fuel count, run after run and
 * whichever worker thread runs them. Small inputs: 100 runs each, on a shared machine.
 */
import { type PreparedModule } from '../../src/executor';
import { sampleText, sha256Chain, wordCount } from './support/expected';
import { BUILD_TIMEOUT_MS, type Harness, startHarness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ prover: false });
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await h?.close();
});

const LIMITS = { fuel: 10n ** 10n, memoryPages: 64, wallTimeMs: 30_000, maxOutputBytes: 1 << 20 };

async function runMany(prepared: PreparedModule, args: string[], stdin: Uint8Array, runs: number) {
  // All in flight at once, so both threads of the pool take turns.
  return Promise.all(
    Array.from({ length: runs }, () => h.exec.run(prepared, { entry: '_start', args, stdin }, LIMITS)),
  );
}

it('100 runs of the kernel: one output, one fuel count', async () => {
  const prepared = await h.exec.prepare(h.built.modules.kernel.bytes);
  const results = await runMany(prepared, ['50'], new TextEncoder().encode('determinism'), 100);
  const outputs = new Set(results.map((r) => new TextDecoder().decode(r.output)));
  const fuel = new Set(results.map((r) => r.fuelUsed));
  expect([...outputs]).toEqual([`${sha256Chain('determinism', 50)}\n`]);
  expect(fuel.size).toBe(1);
});

it('100 runs of the word-count map: one output, one fuel count', async () => {
  const prepared = await h.exec.prepare(h.built.modules.wordcount.bytes);
  const corpus = sampleText(500, 7);
  const results = await runMany(prepared, ['map'], new TextEncoder().encode(corpus), 100);
  const outputs = new Set(results.map((r) => new TextDecoder().decode(r.output)));
  const fuel = new Set(results.map((r) => r.fuelUsed));
  expect([...outputs]).toEqual([wordCount(corpus)]);
  expect(fuel.size).toBe(1);
});
