/**
 * `npm run contracts:test`: runs the Cairo unit tests (the tests.cairo of each contract folder,
 * helpers in contracts/src/testing) through wasm-cairo's test runner with the Starknet plugin.
 *
 * Each test is compiled and run alone, in a fresh process: wasm-cairo is a 32-bit WebAssembly
 * module whose memory only grows, and a crate holding all contracts and all tests exhausts it
 * ("RuntimeError: unreachable" / "Vector capacity exceeded" from inside the compiler).
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { CairoCompileError, COMPILER_ID, runCairoTests } from './compiler';
import { assemble, mapDiagnostics, readCairoFiles, type CairoFile } from './sources';

interface TestCase {
  file: string;
  name: string;
  index: number;
}

/** Splits a tests file into its `use` header and one chunk per `#[test]`. */
function splitTests(text: string): { head: string; tests: string[] } {
  const parts = text.split(/^(?=#\[test\])/m);
  return { head: parts[0]!, tests: parts.slice(1) };
}

function casesOf(files: CairoFile[]): TestCase[] {
  return files
    .filter((f) => f.path.endsWith('tests.cairo'))
    .flatMap((f) =>
      splitTests(f.text).tests.map((chunk, index) => ({
        file: f.path,
        index,
        name: /fn\s+(\w+)/.exec(chunk)?.[1] ?? `#${index}`,
      })),
    );
}

function runOne(file: string, index: number): number {
  const files = readCairoFiles().map((f) => {
    if (!f.path.endsWith('tests.cairo')) return f;
    if (f.path !== file) return { ...f, text: '' };
    const { head, tests } = splitTests(f.text);
    return { ...f, text: head + tests[index]! };
  });
  const { source, lineMap } = assemble(files, COMPILER_ID);
  try {
    const report = runCairoTests(source);
    process.stdout.write(mapDiagnostics(report.output.replace(/^Wasm-Cairo Test outputs: \n/, ''), lineMap));
    return report.failed === 0 && report.passed === 1 ? 0 : 1;
  } catch (err) {
    if (err instanceof CairoCompileError) {
      process.stdout.write(`${err.message}\n${mapDiagnostics(err.diagnostics, lineMap)}\n`);
      return 1;
    }
    throw err;
  }
}

if (process.argv[2] === '--one') {
  process.exit(runOne(process.argv[3]!, Number(process.argv[4])));
} else {
  void runAll(process.argv[2] ?? '');
}

/**
 * Every test in its own process, as many at once as there are cores: each compile is one
 * single-threaded WebAssembly run of about a minute, so this is where the wall time goes.
 * Results are printed in source order whatever order they finish in.
 */
async function runAll(filter: string): Promise<void> {
  const t0 = Date.now();
  const cases = casesOf(readCairoFiles()).filter((c) => !filter || `${c.file}::${c.name}`.includes(filter));
  const width = Math.max(1, Number(process.env.CAIRN_CAIRO_TEST_JOBS ?? availableParallelism()));
  const results: { ok: boolean; output: string }[] = new Array(cases.length);
  let next = 0;
  let printed = 0;
  const flush = () => {
    while (printed < cases.length && results[printed]) {
      const c = cases[printed]!;
      const r = results[printed]!;
      process.stdout.write(r.ok ? `ok   ${c.file}::${c.name}\n` : `FAIL ${c.file}::${c.name}\n${r.output}\n`);
      printed++;
    }
  };
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      const c = cases[i]!;
      results[i] = await runInChild(c);
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, cases.length) }, worker));
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  process.stdout.write(`cairo: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

function runInChild(c: TestCase): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, '--one', c.file, String(c.index)]);
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ ok: code === 0, output: output.trim() }));
  });
}
