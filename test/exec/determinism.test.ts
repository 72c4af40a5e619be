/**
 * The same module and input give the same output and the same fuel count, run after run and
 * whichever worker thread runs them. Small inputs: 100 runs each, on a shared machine.
 */
import { type PreparedModule } from '../../src/executor';
import { sampleText, sha256Chain, wordCount } from './support/expected';
import { wat } from './support/wat';
import { useHarness } from './support/harness';

const h = useHarness({ prover: false });

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

it('NaN results are canonical, so workers on different CPUs agree bit for bit', async () => {
  // Operands come from memory so the engine cannot fold them. Without canonicalization x86 gives
  // negative NaNs here (f8ff, c0ff) where ARM gives positive ones.
  const prepared = await h.exec.prepare(
    await wat(`(module
      (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
      (memory 1)
      (func (export "_start")
        (i64.store (i32.const 64) (i64.reinterpret_f64 (f64.div (f64.load (i32.const 0)) (f64.load (i32.const 8)))))
        (i32.store (i32.const 72)
          (i32.reinterpret_f32 (f32.sqrt (f32.convert_i32_s (i32.sub (i32.load (i32.const 16)) (i32.const 1))))))
        (i64.store (i32.const 76) (i64.reinterpret_f64 (f64.add (f64.load (i32.const 0)) (f64.const 3))))
        (i32.store (i32.const 32) (i32.const 64))
        (i32.store (i32.const 36) (i32.const 20))
        (drop (call $write (i32.const 1) (i32.const 32) (i32.const 1) (i32.const 40)))))`),
  );
  const r = await h.exec.run(prepared, { entry: '_start', args: [], stdin: new Uint8Array() }, LIMITS);
  // 0/0 -> 0x7ff8000000000000, sqrt(-1) -> 0x7fc00000, 0 + 3 -> 3.0 untouched (little-endian).
  expect(Buffer.from(r.output).toString('hex')).toBe('000000000000f87f' + '0000c07f' + '0000000000000840');
  // Counted by hand: 36 guest instructions, and fd_write's 1 iovec + 20 bytes / 8. The
  // canonicalization itself is not charged.
  expect(r.fuelUsed).toBe(36n + 1n + 2n);
});
