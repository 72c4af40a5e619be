/**
 * `npm run contracts:build`: Cairo -> Sierra (wasm-cairo) -> CASM (universal-sierra-compiler),
 * for every contract in contracts/src, into build/contracts/. Each contract's artifacts are
 * cached outside the work tree under the sha256 of its assembled source and the compiler
 * versions, so a fresh clone with unchanged sources compiles nothing.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hash as starkHash, type CompiledSierraCasm, type CompiledSierra } from 'starknet';
import {
  REPO_ROOT,
  UNIVERSAL_SIERRA_COMPILER_VERSION,
  cacheDir,
  sierraCompilerBinary,
} from '../../src/chain/toolchain';
import { CairoCompileError, COMPILER_ID, compileContract } from './compiler';
import { assemble, contractBuildFiles, contractNames, mapDiagnostics, readCairoFiles } from './sources';

export const BUILD_DIR = join(REPO_ROOT, 'build', 'contracts');

export interface BuiltContract {
  name: string;
  sierraPath: string;
  casmPath: string;
  classHash: string;
  compiledClassHash: string;
  sourceHash: string;
}

const SALT = `${COMPILER_ID}+usc@${UNIVERSAL_SIERRA_COMPILER_VERSION}`;

function log(msg: string) {
  process.stderr.write(`[contracts] ${msg}\n`);
}

function buildOne(name: string): BuiltContract {
  const files = contractBuildFiles(readCairoFiles(), name);
  const { source, hash, lineMap } = assemble(files, SALT);
  const cached = join(cacheDir(), 'contracts', hash);
  const sierraCache = join(cached, `${name}.contract_class.json`);
  const casmCache = join(cached, `${name}.compiled_contract_class.json`);
  if (!existsSync(casmCache)) {
    const t0 = Date.now();
    let sierra: string;
    try {
      sierra = compileContract(source);
    } catch (err) {
      if (err instanceof CairoCompileError) {
        throw new Error(`${name}: ${err.message}\n${mapDiagnostics(err.diagnostics, lineMap)}`);
      }
      throw err;
    }
    const tmp = `${cached}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, `${name}.contract_class.json`), sierra);
    execFileSync(sierraCompilerBinary(), [
      'compile-contract',
      '--sierra-path',
      join(tmp, `${name}.contract_class.json`),
      '--output-path',
      join(tmp, `${name}.compiled_contract_class.json`),
    ]);
    // Rename last so an interrupted build never leaves a half-written cache entry.
    mkdirSync(join(cacheDir(), 'contracts'), { recursive: true });
    rmSync(cached, { recursive: true, force: true });
    renameSync(tmp, cached);
    log(`${name}: compiled in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    log(`${name}: up to date (${hash.slice(0, 12)})`);
  }
  mkdirSync(BUILD_DIR, { recursive: true });
  const sierraPath = join(BUILD_DIR, `${name}.contract_class.json`);
  const casmPath = join(BUILD_DIR, `${name}.compiled_contract_class.json`);
  copyFileSync(sierraCache, sierraPath);
  copyFileSync(casmCache, casmPath);
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

export function buildContracts(names = contractNames(readCairoFiles())): BuiltContract[] {
  const built = names.map(buildOne);
  writeFileSync(join(BUILD_DIR, 'manifest.json'), JSON.stringify(built, null, 2) + '\n');
  return built;
}

if (require.main === module) {
  try {
    const built = buildContracts();
    for (const c of built) log(`${c.name} class ${c.classHash}`);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}
