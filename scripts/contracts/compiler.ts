/**
 * The Cairo compiler: wasm-cairo (Cairo 2.8.2 compiled to WebAssembly, core library inside).
 *
 * Its Starknet entry points answer only "Compilation failed." on error, so on failure the same
 * source is passed to `compileCairoProgram`, whose diagnostics are real; that entry point lacks
 * the Starknet plugin, so its "Plugin diagnostic" complaints about Starknet attributes are
 * noise and are dropped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface WasmCairo {
  initSync(input: { module: Uint8Array }): unknown;
  compileStarknetContract(source: string, allowWarnings: boolean, replaceIds: boolean): string;
  compileCairoProgram(source: string, replaceIds: boolean): string;
}

const WASM_CAIRO_DIR = join(require.resolve('wasm-cairo/package.json'), '..');
const wasmCairoVersion = (JSON.parse(readFileSync(join(WASM_CAIRO_DIR, 'package.json'), 'utf8')) as { version: string }).version;
export const COMPILER_ID = `wasm-cairo@${wasmCairoVersion}`;

let loaded: WasmCairo | undefined;

function load(): WasmCairo {
  if (!loaded) {
    // Node 24 can require() an ES module, and wasm-cairo is one; its synchronous init is what
    // lets the build stay synchronous. A static import would be hoisted into every importer.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('wasm-cairo') as WasmCairo;
    const wasmPath = join(WASM_CAIRO_DIR, 'wasm-cairo_bg.wasm');
    mod.initSync({ module: readFileSync(wasmPath) });
    loaded = mod;
  }
  return loaded;
}

export class CairoCompileError extends Error {
  constructor(
    message: string,
    readonly diagnostics: string,
  ) {
    super(message);
    this.name = 'CairoCompileError';
  }
}

const PLUGIN_NOISE = [
  /Plugin diagnostic/,
  /Type not found[\s\S]*(ContractState|ComponentState)/,
  /Ambiguous method call[\s\S]*Storage(Map|Pointer)(Read|Write)Access/,
  /Method `\w+` not found on type `<missing>`/,
  /Identifier not found[\s\S]*Dispatcher/,
  /Impl not found/,
  /Trait not found/,
  /Non-phantom type containing phantom type/,
  /failed to compile/,
];

function diagnose(source: string): string {
  let text: string;
  try {
    text = load().compileCairoProgram(source, false);
  } catch (err) {
    text = String(err);
  }
  // Diagnostics are blocks each starting with `error`/`warning`. Without the Starknet plugin,
  // every contract, component, storage access, event and dispatcher is unknown, and each of
  // those cascades into the errors matched below; what is left is what to read first.
  const blocks = text.split(/\n(?= ?(?:error|warning))/).map((b) => b.trim());
  const real = blocks.filter((b) => /^(error|warning)/.test(b) && !PLUGIN_NOISE.some((re) => re.test(b)));
  const unique = [...new Set(real)];
  return `${unique.join('\n\n')}\n(${blocks.length - unique.length} diagnostics caused by the missing Starknet plugin hidden)`;
}

/** Compiles a contract source to its Sierra contract class (JSON text). */
export function compileContract(source: string): string {
  let out: string;
  try {
    out = load().compileStarknetContract(source, true, false);
  } catch (err) {
    throw new CairoCompileError(`Cairo compilation failed: ${String(err)}`, diagnose(source));
  }
  if (!out.trimStart().startsWith('{')) {
    throw new CairoCompileError(`Cairo compilation failed: ${out.slice(0, 200)}`, diagnose(source));
  }
  return out;
}
