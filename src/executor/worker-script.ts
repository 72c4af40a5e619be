/**
 * Where a worker thread's code is. Compiled (dist/), the worker's .js file sits next to its
 * importer. From TypeScript sources (jest, tsx) a worker thread has no TypeScript loader, so the
 * worker entry is bundled once with esbuild into build/workers/, named by the hash of the bundle
 * so concurrent processes never see a half-written file and a stale bundle is never reused.
 * Packages stay external: only the repo's own TypeScript is bundled.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');

/** Bundled once per process: the sources do not change under a running node. */
const bundled = new Map<string, string>();

export function workerScript(entryTs: string): string {
  const js = entryTs.replace(/\.ts$/, '.js');
  if (entryTs.endsWith('.js') || existsSync(js)) return entryTs.endsWith('.js') ? entryTs : js;
  const hit = bundled.get(entryTs);
  if (hit && existsSync(hit)) return hit;
  // Only reached from TypeScript sources, where the dev dependency is installed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [entryTs],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = join(REPO_ROOT, 'build', 'workers');
  const out = join(dir, `${basename(entryTs, '.ts')}.${hash}.js`);
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, out);
  }
  bundled.set(entryTs, out);
  return out;
}
