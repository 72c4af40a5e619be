/**
 * Builds the examples from source: the AssemblyScript modules (asc, from npm) into
 * build/examples/*.wasm, and the example circuits (circom2 + snarkjs, see
 * src/prover/circuit-build.ts) into build/circuits/. Idempotent and cached by a hash of the
 * inputs under ${CAIRN_CACHE:-~/.cache/cairn}, so tests call it from beforeAll and pay only on
 * the first run. CLI: scripts/examples-build.ts.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cacheDir, REPO_ROOT } from '../src/chain/toolchain';
import { copyWhenChanged, packageVersion } from '../src/shared/build-cache';
import { buildCircuit, type CircuitArtifacts, releaseSnarkjs } from '../src/prover/circuit-build';

const EXAMPLES = join(REPO_ROOT, 'examples');
const OUT = join(REPO_ROOT, 'build', 'examples');

/** The WebAssembly examples: name -> AssemblyScript entry file. */
export const WASM_EXAMPLES = {
  /** CPU kernel: sha256 hash chain. */
  kernel: 'kernel/assembly/sha256-chain.ts',
  /** Map/reduce word count (argv[1] = map | reduce). */
  wordcount: 'wordcount/assembly/wordcount.ts',
  /** The circuit job's tasklet: stdin -> {"x": FNV-1a-64(stdin)}. */
  'circuit-seed': 'circuit/assembly/seed.ts',
} as const;

export type WasmExample = keyof typeof WASM_EXAMPLES;

/** The example circuits: name -> main .circom file. */
export const CIRCUITS = {
  /** 64 constraints: what the tests prove. */
  'square-chain-64': 'circuit/square-chain-64.circom',
  /** 10,000 constraints: what the benchmark proves. */
  'square-chain-10000': 'circuit/square-chain-10000.circom',
} as const;

export type CircuitName = keyof typeof CIRCUITS;

export interface BuiltModule {
  name: WasmExample;
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

// Stub runtime: the examples are short-lived, so a bump allocator that never frees is enough
// and keeps GC out of the fuel counts. Aborts trap (lib/wasi.ts trapAbort) instead of importing
// a host function.
const ASC_FLAGS = ['-O3', '--runtime', 'stub', '--use', 'abort=lib/wasi/trapAbort'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => f.endsWith('.ts') && statSync(f).isFile())
    .sort();
}

function sourceKey(entry: string): string {
  const h = createHash('sha256').update(
    `asc@${packageVersion('assemblyscript')} ${ASC_FLAGS.join(' ')}\0${entry}\0`,
  );
  // The example's own directory and the shared lib: everything an entry can import.
  const exampleDir = join(EXAMPLES, entry.split('/')[0]!);
  for (const f of [...filesUnder(exampleDir), ...filesUnder(join(EXAMPLES, 'lib'))]) {
    h.update(relative(EXAMPLES, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex').slice(0, 32);
}

function buildWasm(name: WasmExample, log: (m: string) => void): BuiltModule {
  const entry = WASM_EXAMPLES[name];
  const key = sourceKey(entry);
  const cached = join(cacheDir(), 'examples', `${name}-${key}.wasm`);
  if (!existsSync(cached)) {
    mkdirSync(join(cacheDir(), 'examples'), { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    const t0 = Date.now();
    execFileSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules', 'assemblyscript', 'bin', 'asc.js'), entry, ...ASC_FLAGS, '-o', tmp],
      { cwd: EXAMPLES, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    renameSync(tmp, cached);
    log(`${name}: compiled in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  // Read from the cache (written once, by rename); the copy in build/ is replaced by rename too,
  // so test files building concurrently never read a half-copied module.
  const bytes = new Uint8Array(readFileSync(cached));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.wasm`);
  copyWhenChanged(cached, path);
  return { name, path, bytes, sha256 };
}

export interface BuildOptions {
  circuits?: CircuitName[];
  log?: (msg: string) => void;
}

export interface BuiltExamples {
  modules: Record<WasmExample, BuiltModule>;
  circuits: Partial<Record<CircuitName, CircuitArtifacts>>;
}

export async function buildExamples(opts: BuildOptions = {}): Promise<BuiltExamples> {
  const log = opts.log ?? (() => undefined);
  const modules = {} as Record<WasmExample, BuiltModule>;
  for (const name of Object.keys(WASM_EXAMPLES) as WasmExample[]) modules[name] = buildWasm(name, log);
  const circuits: BuiltExamples['circuits'] = {};
  try {
    for (const name of opts.circuits ?? []) {
      circuits[name] = await buildCircuit({ name, main: join(EXAMPLES, CIRCUITS[name]), log });
    }
  } finally {
    await releaseSnarkjs();
  }
  return { modules, circuits };
}
