/**
 * `npm run contracts:build`: Cairo -> Sierra (wasm-cairo) -> native branch encoding
 * (cairn-sierra-fixup) -> CASM (universal-sierra-compiler), for every contract in contracts/src,
 * into build/contracts/. Each contract's artifacts are
 * cached outside the work tree under the sha256 of its assembled source and the compiler
 * versions, so a fresh clone with unchanged sources compiles nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hash as starkHash, type CompiledSierraCasm, type CompiledSierra } from 'starknet';
import {
  REPO_ROOT,
  cacheDir,
  sierraCompilerBinary,
  sierraFixupBinary,
} from '../../src/chain/toolchain';
import { ABI_DIR, abiModulesFrom } from './abi-modules';
import { CairoCompileError, COMPILER_ID, compileContract } from './compiler';
import { assemble, contractBuildFiles, contractNames, mapDiagnostics, readCairoFiles } from './sources';

export const BUILD_DIR = join(REPO_ROOT, 'build', 'contracts');
/** The crate name the contracts' ABIs carry, and the one wasm-cairo gives every source. */
export const CRATE = 'cairn';
const WASM_CAIRO_CRATE = 'astro';

export interface BuiltContract {
  name: string;
  sierraPath: string;
  casmPath: string;
  classHash: string;
  compiledClassHash: string;
  sourceHash: string;
}


function log(msg: string) {
  process.stderr.write(`[contracts] ${msg}\n`);
}

function buildOne(name: string): BuiltContract {
  const files = contractBuildFiles(readCairoFiles(), name);
  // The slow step (wasm-cairo, about a minute per contract) is cached by its own inputs only;
  // the fast native steps after it (< 1 s) run on every build, so changing them costs no
  // recompilation.
  const { source, hash, lineMap } = assemble(files, COMPILER_ID);
  const cached = join(cacheDir(), 'contracts', hash);
  const rawCache = join(cached, `${name}.wasm-cairo.json`);
  if (!existsSync(rawCache)) {
    const t0 = Date.now();
    let sierra: string;
    try {
      sierra = compileContract(source);
    } catch (err) {
      if (err instanceof CairoCompileError) {
        throw new Error(`${name}: ${err.message}\n${mapDiagnostics(err.diagnostics, lineMap)}`, { cause: err });
      }
      throw err;
    }
    // Write then rename, so an interrupted build never leaves a half-written cache entry.
    mkdirSync(cached, { recursive: true });
    writeFileSync(`${rawCache}.tmp-${process.pid}`, sierra);
    renameSync(`${rawCache}.tmp-${process.pid}`, rawCache);
    log(`${name}: compiled in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    log(`${name}: Cairo unchanged (${hash.slice(0, 12)})`);
  }
  mkdirSync(BUILD_DIR, { recursive: true });
  const sierraPath = join(BUILD_DIR, `${name}.contract_class.json`);
  const casmPath = join(BUILD_DIR, `${name}.compiled_contract_class.json`);
  // wasm-cairo is a wasm32 build: its fall-through branch targets come out as 2^32 - 1, which
  // every 64-bit reader takes for a jump, and its ABI keys are sorted, which changes the class
  // hash devnet computes (see scripts/contracts/sierra-fixup/src/main.rs).
  // wasm-cairo names every crate `astro` (fixed inside its WebAssembly); the ABI's type and
  // event paths are renamed to the project's crate before the class hash is computed. Event
  // selectors hash only the variant name, and the Sierra program and its hash do not change.
  const named = join(cached, `${name}.cairn.json`);
  writeFileSync(named, readFileSync(rawCache, 'utf8').replaceAll(`${WASM_CAIRO_CRATE}::`, `${CRATE}::`));
  execFileSync(sierraFixupBinary(), [named, sierraPath], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(sierraCompilerBinary(), ['compile-contract', '--sierra-path', sierraPath, '--output-path', casmPath], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const sierraJson = JSON.parse(readFileSync(sierraPath, 'utf8')) as CompiledSierra;
  const casmJson = JSON.parse(readFileSync(casmPath, 'utf8')) as CompiledSierraCasm;
  return {
    name,
    sierraPath,
    casmPath,
    classHash: starkHash.computeContractClassHash(sierraJson),
    compiledClassHash: starkHash.computeCompiledClassHash(casmJson),
    sourceHash: hash,
  };
}

export function buildContracts(
  names = contractNames(readCairoFiles()),
  { writeAbi = true } = {},
): BuiltContract[] {
  const built = names.map(buildOne);
  writeFileSync(join(BUILD_DIR, 'manifest.json'), JSON.stringify(built, null, 2) + '\n');
  // `npm test` builds with --no-abi: the checked-in ABI modules are then compared with the
  // fresh build by test/contracts/abi.test.ts instead of being silently rewritten.
  if (!writeAbi) return built;
  mkdirSync(ABI_DIR, { recursive: true });
  for (const [file, text] of Object.entries(abiModulesFrom(BUILD_DIR))) {
    const path = join(ABI_DIR, file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
  }
  return built;
}

if (require.main === module) {
  try {
    const built = buildContracts(undefined, { writeAbi: !process.argv.includes('--no-abi') });
    for (const c of built) log(`${c.name} class ${c.classHash}`);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}
