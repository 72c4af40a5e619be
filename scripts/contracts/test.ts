/**
 * `npm run contracts:test`: runs the Cairo unit tests (`#[test]` functions in
 * contracts/src/**/tests.cairo and contracts/src/testing/) through wasm-cairo's test runner,
 * with every contract of the tree in one crate so tests can deploy them all.
 */
import { CairoCompileError, COMPILER_ID, runCairoTests } from './compiler';
import { assemble, mapDiagnostics, readCairoFiles } from './sources';

const filter = process.argv[2] ?? '';
const t0 = Date.now();
const { source, lineMap } = assemble(readCairoFiles(), COMPILER_ID);
try {
  const report = runCairoTests(source, filter);
  process.stdout.write(mapDiagnostics(report.output, lineMap) + '\n');
  process.stdout.write(
    `cairo: ${report.passed} passed, ${report.failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
  );
  process.exit(report.failed === 0 && report.passed > 0 ? 0 : 1);
} catch (err) {
  if (err instanceof CairoCompileError) {
    process.stderr.write(`${err.message}\n${mapDiagnostics(err.diagnostics, lineMap)}\n`);
    process.exit(1);
  }
  throw err;
}
