/**
 * Assembles Cairo sources into the single self-contained string that wasm-cairo compiles.
 *
 * wasm-cairo takes one source string (no Scarb, no file system), so each file
 * `contracts/src/<dir>/<name>.cairo` becomes the module `crate::<dir>::<name>` by wrapping it
 * in `pub mod` blocks. A contract build holds the shared files (everything that is neither a
 * contract nor a test) plus exactly one contract; the test build holds everything.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const CONTRACTS_ROOT = join(__dirname, '..', '..', 'contracts');
export const CONTRACTS_SRC = join(CONTRACTS_ROOT, 'src');

export interface CairoFile {
  /** Path relative to contracts/src, with forward slashes. */
  path: string;
  /** Module path inside the crate, e.g. ['staking', 'interface']. */
  modulePath: string[];
  text: string;
  /** The contract module's name when the file defines one. */
  contract?: string;
  isTest: boolean;
}

export interface AssembledSource {
  source: string;
  /** sha256 of the source and compiler version: the cache key of its artifacts. */
  hash: string;
  /** For each file, the line (1-based) of the assembled source its first line lands on. */
  lineMap: { path: string; firstLine: number; lines: number }[];
}

export function readCairoFiles(root = CONTRACTS_SRC): CairoFile[] {
  const files: CairoFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cairo')) {
        const path = relative(root, full).split(sep).join('/');
        const text = readFileSync(full, 'utf8');
        const contract = /#\[starknet::contract\]\s*pub\s+mod\s+(\w+)/.exec(text)?.[1];
        files.push({
          path,
          modulePath: path.replace(/\.cairo$/, '').split('/'),
          text,
          contract,
          isTest:
            path.startsWith('testing/') ||
            path.endsWith('/tests.cairo') ||
            path.endsWith('_tests.cairo') ||
            path.endsWith('_test.cairo'),
        });
      }
    }
  };
  walk(root);
  return files;
}

/** Wraps files in nested `pub mod` blocks, grouping files of one folder under one module. */
export function assemble(files: CairoFile[], salt: string): AssembledSource {
  const out: string[] = [];
  const lineMap: AssembledSource['lineMap'] = [];
  let line = 0;
  const push = (text: string) => {
    out.push(text);
    line += text.split('\n').length;
  };
  let open: string[] = [];
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  for (const file of sorted) {
    const dirs = file.modulePath.slice(0, -1);
    let common = 0;
    while (common < open.length && common < dirs.length && open[common] === dirs[common]) common++;
    for (let i = open.length; i > common; i--) push('}');
    for (let i = common; i < dirs.length; i++) push(`pub mod ${dirs[i]} {`);
    open = dirs;
    push(`pub mod ${file.modulePath[file.modulePath.length - 1]} {`);
    lineMap.push({ path: file.path, firstLine: line + 1, lines: file.text.split('\n').length });
    push(file.text);
    push('}');
  }
  for (let i = open.length; i > 0; i--) push('}');
  const source = out.join('\n') + '\n';
  const hash = createHash('sha256').update(salt).update('\0').update(source).digest('hex');
  return { source, hash, lineMap };
}

/** The files of one contract's build: the shared files and that contract alone. */
export function contractBuildFiles(files: CairoFile[], contract: string): CairoFile[] {
  if (!files.some((f) => f.contract === contract)) {
    throw new Error(`no Cairo file defines contract ${contract}`);
  }
  return files.filter((f) => !f.isTest && (f.contract === undefined || f.contract === contract));
}

export function contractNames(files: CairoFile[]): string[] {
  return files.filter((f) => !f.isTest && f.contract).map((f) => f.contract!);
}

/** Rewrites `lib.cairo:LINE:COL` positions in compiler output to the original file's. */
export function mapDiagnostics(text: string, lineMap: AssembledSource['lineMap']): string {
  return text.replace(/(?:[\w.-]+\.cairo):(\d+):(\d+)/g, (whole, line: string, col: string) => {
    const n = Number(line);
    const hit = lineMap.find((m) => n >= m.firstLine && n < m.firstLine + m.lines);
    return hit ? `contracts/src/${hit.path}:${n - hit.firstLine + 1}:${col}` : whole;
  });
}
