/**
 * What the build steps that cache their output under ${CAIRN_CACHE:-~/.cache/cairn} share (the
 * example modules, examples/build.ts; the example circuits, src/prover/circuit-build.ts): the
 * version of a tool from npm, for their cache keys, and putting a cached file in place in build/.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const NODE_MODULES = join(__dirname, '..', '..', 'node_modules');

/** The installed version of an npm package: a new version of a compiler means a new build. */
export function packageVersion(name: string): string {
  const pkg = join(NODE_MODULES, name, 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Copies `src` over `dst` unless they are already the same bytes. By rename: test files that
 * build at once see the old file or the new one, never half of one.
 */
export function copyWhenChanged(src: string, dst: string): void {
  if (existsSync(dst) && statSync(dst).size === statSync(src).size && sha256File(dst) === sha256File(src))
    return;
  const tmp = `${dst}.${process.pid}.tmp`;
  copyFileSync(src, tmp);
  renameSync(tmp, dst);
}
