/**
 * `npm run contracts:test [filter]`: runs the Cairo unit tests (the tests.cairo and *_tests.cairo of each contract
 * folder, helpers in contracts/src/testing) with the Starknet plugin, natively, through
 * cairn-cairo-test (scripts/contracts/cairo-test, built by bootstrap on cairo-lang 2.17).
 *
 * The sources are assembled into one crate exactly as for a contract build (sources.ts), every
 * test with every contract, and compiled once. They used to go through wasm-cairo's runner, but
 * that is a wasm32 module (4 GiB of memory at most, never given back): one test with every
 * contract took 2.7-3.8 GB and about four minutes on this 2-core machine, two JobMarket tests in
 * one crate did not fit at all, and some did not fit even alone. The deployed contracts are
 * still compiled by wasm-cairo (build.ts); the devnet suites test those artifacts.
 *
 * `filter` keeps the tests whose `<file>::<name>` contains it, e.g. `market/` or `dispute`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cairoTestBinary, repoToolDir } from '../../src/chain/toolchain';
import { assemble, mapDiagnostics, readCairoFiles, type CairoFile } from './sources';

/** The crate name the tests are compiled under, as the contracts' ABIs name it (build.ts). */
const CRATE = 'cairn';

interface TestCase {
  file: string;
  name: string;
  /** The runner's name for it: `cairn::market::tests::<name>`. */
  path: string;
}

/** Splits a tests file into its `use` header and one chunk per `#[test]`. */
function splitTests(text: string): { head: string; tests: string[] } {
  const parts = text.split(/^(?=#\[test\])/m);
  return { head: parts[0]!, tests: parts.slice(1) };
}

const testName = (chunk: string) => /fn\s+(\w+)/.exec(chunk)?.[1];

/**
 * The files with only the tests `filter` selects (a tests file with none selected keeps its
 * helpers out too, so they raise no unused warnings), and those tests in source order.
 */
function select(files: CairoFile[], filter: string): { files: CairoFile[]; cases: TestCase[] } {
  const cases: TestCase[] = [];
  const kept = files.map((f) => {
    if (!f.path.endsWith('tests.cairo')) return f;
    const { head, tests } = splitTests(f.text);
    const chosen = tests.filter((chunk) => {
      const name = testName(chunk);
      return name !== undefined && (!filter || `${f.path}::${name}`.includes(filter));
    });
    for (const chunk of chosen) {
      const name = testName(chunk)!;
      cases.push({ file: f.path, name, path: [CRATE, ...f.modulePath, name].join('::') });
    }
    return { ...f, text: chosen.length > 0 ? head + chosen.join('') : '' };
  });
  return { files: kept, cases };
}

function run(bin: string, dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // NO_COLOR: the runner colours `ok`/`fail`, and the lines are parsed. The working directory
    // is the tool's folder: the compiler looks for the Cairo core library in `./corelib/src`
    // (corelib 2.17.0, vendored there: no registry ships it), and finds it nowhere else.
    const child = spawn(bin, [dir], { cwd: repoToolDir('cairo-test'), env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The runner's `failures:` section: one `   <path> - <panic data>` line per failed test. */
function failureReasons(stdout: string): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const m of stdout.matchAll(/^ {3}(\S+) - (.*)$/gm)) reasons.set(m[1]!, m[2]!);
  return reasons;
}

async function main(filter: string): Promise<number> {
  const t0 = Date.now();
  const { files, cases } = select(readCairoFiles(), filter);
  if (cases.length === 0) {
    process.stdout.write(`cairo: no test matches ${JSON.stringify(filter)}\ncairo: 0 passed, 0 failed (0.0 s)\n`);
    return 1;
  }
  const { source, lineMap } = assemble(files, CRATE);
  const dir = mkdtempSync(join(tmpdir(), 'cairn-cairo-test-'));
  try {
    writeFileSync(join(dir, 'lib.cairo'), source);
    writeFileSync(join(dir, 'cairo_project.toml'), `[crate_roots]\n${CRATE} = "."\n`);
    const { stdout, stderr } = await run(cairoTestBinary(), dir);
    // Diagnostics name the assembled file; point them at the original ones.
    const readable = (text: string) => mapDiagnostics(text.replaceAll(`${dir}/`, ''), lineMap);
    const results = new Map<string, boolean>();
    for (const m of stdout.matchAll(/^test (\S+) \.\.\. (\w+)/gm)) results.set(m[1]!, m[2] === 'ok');
    const reasons = failureReasons(stdout);
    let passed = 0;
    for (const c of cases) {
      const ok = results.get(c.path) === true;
      if (ok) passed++;
      const why = results.has(c.path) ? (reasons.get(c.path) ?? '') : 'did not run';
      process.stdout.write(ok ? `ok   ${c.file}::${c.name}\n` : `FAIL ${c.file}::${c.name}: ${why}\n`);
    }
    if (results.size === 0) {
      // Nothing ran: the crate did not compile, or the runner could not set up.
      process.stdout.write(`${readable(stderr).trim()}\n${readable(stdout).trim()}\n`);
    }
    const failed = cases.length - passed;
    process.stdout.write(`cairo: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    return failed === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv[2] ?? '').then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
