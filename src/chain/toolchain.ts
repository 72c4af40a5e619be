/**
 * Where the pinned Starknet toolchain lives. The versions come from toolchain.env (the one
 * place they are written); scripts/bootstrap.sh builds the binaries into the same cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

function readPins(): Record<string, string> {
  const pins: Record<string, string> = {};
  for (const line of readFileSync(join(REPO_ROOT, 'toolchain.env'), 'utf8').split('\n')) {
    const m = /^([A-Z_]+)=(\S+)$/.exec(line.trim());
    if (m) pins[m[1]!] = m[2]!;
  }
  return pins;
}

const pins = readPins();

export const STARKNET_DEVNET_VERSION = pins.STARKNET_DEVNET_VERSION!;
export const UNIVERSAL_SIERRA_COMPILER_VERSION = pins.UNIVERSAL_SIERRA_COMPILER_VERSION!;

export function cacheDir(): string {
  return process.env.CAIRN_CACHE ?? join(homedir(), '.cache', 'cairn');
}

function binary(crate: string, version: string, bin: string, envVar: string): string {
  const override = process.env[envVar];
  if (override) return override;
  const path = join(cacheDir(), `${crate}-${version}`, 'bin', bin);
  if (!existsSync(path)) {
    throw new Error(`${bin} ${version} is not installed at ${path}; run scripts/bootstrap.sh (npm test and npm start do)`);
  }
  return path;
}

export function devnetBinary(): string {
  return binary('starknet-devnet', STARKNET_DEVNET_VERSION, 'starknet-devnet', 'CAIRN_DEVNET_BIN');
}

export function sierraCompilerBinary(): string {
  return binary(
    'universal-sierra-compiler',
    UNIVERSAL_SIERRA_COMPILER_VERSION,
    'universal-sierra-compiler',
    'CAIRN_USC_BIN',
  );
}

/**
 * The repo's own small Rust tools (scripts/contracts/<dir>), each built by bootstrap into a
 * cache folder keyed by its sources, so an edit to them means a rebuild, never a stale binary.
 */
const REPO_TOOL_SOURCES = ['Cargo.toml', 'Cargo.lock', 'src/main.rs'];

export function repoToolDir(dir: string): string {
  return join(REPO_ROOT, 'scripts', 'contracts', dir);
}

/** Matches `repo_tool_key` in scripts/bootstrap.sh: sha256 of the sources, concatenated. */
export function repoToolKey(dir: string): string {
  const h = createHash('sha256');
  for (const f of REPO_TOOL_SOURCES) h.update(readFileSync(join(repoToolDir(dir), f)));
  return h.digest('hex').slice(0, 16);
}

/** Rewrites wasm-cairo's Sierra for 64-bit readers (scripts/contracts/sierra-fixup). */
export function sierraFixupBinary(): string {
  return binary('cairn-sierra-fixup', repoToolKey('sierra-fixup'), 'cairn-sierra-fixup', 'CAIRN_SIERRA_FIXUP_BIN');
}

/** Runs the Cairo unit tests natively (scripts/contracts/cairo-test). */
export function cairoTestBinary(): string {
  return binary('cairn-cairo-test', repoToolKey('cairo-test'), 'cairn-cairo-test', 'CAIRN_CAIRO_TEST_BIN');
}
