/**
 * `npx tsx scripts/examples-build.ts [--circuits=test|bench|all|none]`: builds the example
 * WebAssembly modules and circuits into build/ (cached; see examples/build.ts). The default
 * builds the test-sized circuit only; the benchmark builds its own.
 */
import { buildExamples, CIRCUITS, type CircuitName } from '../examples/build';

const arg = process.argv.find((a) => a.startsWith('--circuits='))?.split('=')[1] ?? 'test';
const sets: Record<string, CircuitName[]> = {
  none: [],
  test: ['square-chain-64'],
  bench: ['square-chain-10000'],
  all: Object.keys(CIRCUITS) as CircuitName[],
};
const circuits = sets[arg];
if (!circuits) {
  console.error(`unknown --circuits=${arg}; use one of ${Object.keys(sets).join(', ')}`);
  process.exit(64);
}

buildExamples({ circuits, log: (m) => process.stderr.write(`[examples] ${m}\n`) })
  .then((b) => {
    for (const m of Object.values(b.modules)) console.log(`${m.name}\t${m.sha256}\t${m.path}`);
    for (const c of Object.values(b.circuits)) {
      console.log(`${c.name}\t${c.constraints} constraints\t2^${c.power}\t${c.ptau}\t${c.dir}`);
    }
  })
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
