/**
 * Import cycles between files and between folders (rooms) of the production code: `src/` and
 * `indexer/src/`. A folder is a first-level room (`src/p2p`, `indexer/src/graphql`); a file at a
 * room's root (`src/main.ts`) is its own room. Type-only imports count too: a cycle of types is
 * still two rooms that cannot be understood apart.
 *
 * `npx tsx scripts/checks/import-cycles.ts` prints them and exits 1 when there is one;
 * test/architecture.test.ts runs the same check in the suite.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const ROOMS = ['src', join('indexer', 'src')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(spec|d)\.ts$/.test(name) ? [path] : [];
  });
}

/** file (relative to the root) -> the project files it imports. */
export function importGraph(root = ROOT): Map<string, Set<string>> {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 };
  const files = ROOMS.flatMap((r) => sourceFiles(join(root, r)));
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const info = ts.preProcessFile(ts.sys.readFile(file) ?? '', true, true);
    const edges = new Set<string>();
    for (const imp of info.importedFiles) {
      if (!imp.fileName.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(imp.fileName, file, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport || resolved.resolvedFileName.endsWith('.d.ts')) continue;
      const target = relative(root, resolved.resolvedFileName);
      if (!ROOMS.some((r) => target.startsWith(r + sep))) continue;
      edges.add(target);
    }
    graph.set(relative(root, file), edges);
  }
  return graph;
}

/** The room a file belongs to: the first folder below `src/` or `indexer/src/`, else the file. */
export function roomOf(file: string): string {
  const base = ROOMS.find((r) => file.startsWith(r + sep)) ?? dirname(file);
  const rest = file.slice(base.length + 1).split(sep);
  return rest.length > 1 ? join(base, rest[0] as string) : file;
}

/** Strongly connected components with more than one member (Tarjan). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** The folder-level graph: room -> rooms it imports (self-imports dropped). */
export function roomGraph(files: Map<string, Set<string>>): Map<string, Set<string>> {
  const rooms = new Map<string, Set<string>>();
  for (const [file, deps] of files) {
    const from = roomOf(file);
    const set = rooms.get(from) ?? new Set<string>();
    for (const d of deps) if (roomOf(d) !== from) set.add(roomOf(d));
    rooms.set(from, set);
  }
  return rooms;
}

if (require.main === module) {
  const files = importGraph();
  const found = { files: cycles(files), rooms: cycles(roomGraph(files)) };
  console.log(`${files.size} files; file cycles: ${found.files.length}; folder cycles: ${found.rooms.length}`);
  for (const c of [...found.files, ...found.rooms]) console.log(`  cycle: ${c.join(' <-> ')}`);
  process.exit(found.files.length + found.rooms.length > 0 ? 1 : 0);
}
