/**
 * Fuel is exact on real compiler output: for each example (AssemblyScript -O3, so loops in the
 * shapes compilers emit, calls, bulk memory, host calls), the sandbox's fuel equals the count of
 * a naive meter that adds 1 before every charged instruction (support/naive-meter.ts). The
 * hand-counted cases in hostile.test.ts pin the cost model; this pins the block logic to it.
 */
import { type PreparedModule } from '../../src/executor';
import { sampleText } from './support/expected';
import { useHarness } from './support/harness';
import { naivelyCounted, runNaive } from './support/naive-meter';

const h = useHarness({ prover: false });

const LIMITS = { fuel: 10n ** 12n, memoryPages: 256, wallTimeMs: 60_000, maxOutputBytes: 1 << 24 };

async function compare(bytes: Uint8Array, args: string[], stdin: Uint8Array) {
  const prepared: PreparedModule = await h.exec.prepare(bytes);
  const metered = await h.exec.run(prepared, { entry: '_start', args, stdin }, LIMITS);
  const naive = runNaive(naivelyCounted(bytes), { args, stdin });
  expect(Buffer.from(metered.output).equals(Buffer.from(naive.output))).toBe(true);
  expect(metered.fuelUsed).toBe(naive.count);
  return metered;
}

const enc = (s: string) => new TextEncoder().encode(s);

it.each([1, 2, 37])('the kernel, %p rounds: fuel is the naive instruction count', async (rounds) => {
  const r = await compare(h.built.modules.kernel.bytes, [String(rounds)], enc('fuel'));
  expect(r.fuelUsed).toBeGreaterThan(BigInt(rounds) * 1000n);
});

it.each([
  ['map', sampleText(3000, 5)],
  ['map', ''],
  ['reduce', 'a 1\nb 2\na 40\nzz 7\n'],
])('the word count, %s, case %#: fuel is the naive instruction count', async (role, text) => {
  await compare(h.built.modules.wordcount.bytes, [role], enc(text));
});

it('the circuit seed: fuel is the naive instruction count', async () => {
  await compare(h.built.modules['circuit-seed'].bytes, [], enc('any input at all'));
});
