/**
 * The metering pass's reading of a guest module: its sections in order, with the types, imports,
 * tables and memory the pass needs, refusing on the way what the sandbox cannot run (imports
 * outside the WASI subset, oversized tables, shared or 64-bit memory, unknown value types).
 */
import { SandboxError } from '../errors';
import { ALLOWED_WASI, type FuncSig, refusalReason, sigEquals, WASI_MODULE } from '../wasi-policy';
import { Reader } from './bytes';
import { checkValtype, unsupported } from './opcodes';

/**
 * Tables live on the worker thread's JS heap, and V8 lets one table.grow allocate up to 10
 * million elements at once: a single allocation past the thread's heap limit takes down the
 * whole process, not just the thread. So every table gets a maximum (table.grow past it returns
 * -1, as the spec allows), and their number is bounded: at most 8 x 1 MiB. Compilers emit one
 * table of the indirectly called functions, far below this.
 */
export const MAX_TABLE_ELEMENTS = 1 << 17;
export const MAX_TABLES = 8;

export interface MemoryLimits {
  /** Initial size in 64 KiB pages. */
  min: number;
  /** Declared maximum, if any; the host caps it further at the job's limit. */
  max: number | undefined;
}


export interface Parsed {
  types: FuncSig[];
  /** Type index of every function, imported first. */
  funcTypes: number[];
  importedFuncs: number;
  definedGlobals: number;
  memory: MemoryLimits | undefined;
  tables: { reftype: number; min: number; max: number | undefined }[];
  start: number | undefined;
  exports: { name: string; kind: number; index: number }[];
  imports: string[];
  /** Raw section payloads by id, as found. */
  sections: Map<number, Uint8Array>;
  nameSection: Uint8Array | undefined;
}

// Canonical order of known sections (the tag section, 13, sits between memory and global).
export const SECTION_ORDER = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];

export function parse(bytes: Uint8Array): Parsed {
  const r = new Reader(bytes);
  const magic = r.bytes(4);
  if (magic[0] !== 0 || magic[1] !== 0x61 || magic[2] !== 0x73 || magic[3] !== 0x6d) r.fail('bad magic');
  const version = r.bytes(4);
  if (version[0] !== 1 || version[1] !== 0 || version[2] !== 0 || version[3] !== 0) {
    unsupported('a component or a non-1 binary version');
  }
  const p: Parsed = {
    types: [],
    funcTypes: [],
    importedFuncs: 0,
    definedGlobals: 0,
    memory: undefined,
    tables: [],
    start: undefined,
    exports: [],
    imports: [],
    sections: new Map(),
    nameSection: undefined,
  };
  let lastRank = -1;
  while (!r.done) {
    const id = r.u8();
    const size = r.u32();
    const body = r.bytes(size);
    if (id === 0) {
      const cr = new Reader(body);
      if (cr.name() === 'name') p.nameSection = body;
      continue;
    }
    const rank = SECTION_ORDER.indexOf(id);
    if (rank < 0) r.fail(`unknown section ${id}`);
    if (rank <= lastRank) r.fail(`section ${id} out of order`);
    lastRank = rank;
    p.sections.set(id, body);
    const s = new Reader(body);
    switch (id) {
      case 1:
        parseTypes(s, p);
        break;
      case 2:
        parseImports(s, p);
        break;
      case 3: {
        const n = s.u32();
        for (let i = 0; i < n; i++) p.funcTypes.push(s.u32());
        break;
      }
      case 4:
        parseTables(s, p);
        break;
      case 5:
        parseMemory(s, p);
        break;
      case 6:
        p.definedGlobals = s.u32();
        break;
      case 7: {
        const n = s.u32();
        for (let i = 0; i < n; i++) p.exports.push({ name: s.name(), kind: s.u8(), index: s.u32() });
        break;
      }
      case 8:
        p.start = s.u32();
        break;
      case 13:
        unsupported('exception handling (tags)');
    }
  }
  return p;
}

function parseTypes(s: Reader, p: Parsed): void {
  const n = s.u32();
  for (let i = 0; i < n; i++) {
    const form = s.u8();
    if (form !== 0x60) unsupported('garbage-collected types');
    const params: number[] = [];
    const results: number[] = [];
    for (let k = s.u32(); k > 0; k--) {
      const t = s.u8();
      checkValtype(t);
      params.push(t);
    }
    for (let k = s.u32(); k > 0; k--) {
      const t = s.u8();
      checkValtype(t);
      results.push(t);
    }
    p.types.push({ params, results });
  }
}

function parseImports(s: Reader, p: Parsed): void {
  const n = s.u32();
  for (let i = 0; i < n; i++) {
    const module = s.name();
    const name = s.name();
    const kind = s.u8();
    if (kind !== 0) {
      const what = ['function', 'table', 'memory', 'global', 'tag'][kind] ?? `kind ${kind}`;
      throw new SandboxError(
        'FORBIDDEN_IMPORT',
        `module imports a ${what} (${module}.${name}); the sandbox provides memory itself and shares nothing else`,
      );
    }
    const type = s.u32();
    const allowed = module === WASI_MODULE ? ALLOWED_WASI[name] : undefined;
    if (!allowed) {
      throw new SandboxError(
        'FORBIDDEN_IMPORT',
        `module imports ${module}.${name}, which the sandbox refuses: ${refusalReason(module, name)}`,
      );
    }
    const sig = p.types[type];
    if (!sig || !sigEquals(sig, allowed)) {
      throw new SandboxError('FORBIDDEN_IMPORT', `module imports ${module}.${name} with the wrong signature`);
    }
    p.funcTypes.push(type);
    p.importedFuncs++;
    p.imports.push(name);
  }
}

function parseTables(s: Reader, p: Parsed): void {
  const n = s.u32();
  if (n > MAX_TABLES) unsupported(`${n} tables (at most ${MAX_TABLES})`);
  for (let i = 0; i < n; i++) {
    const reftype = s.u8();
    if (reftype === 0x40) unsupported('tables with initializer expressions (typed function references)');
    checkValtype(reftype);
    const flags = s.u8();
    if (flags > 1) unsupported('64-bit or shared tables');
    const min = s.u32();
    const max = flags === 1 ? s.u32() : undefined;
    if (min > MAX_TABLE_ELEMENTS) {
      unsupported(`a table of ${min} elements (at most ${MAX_TABLE_ELEMENTS})`);
    }
    p.tables.push({ reftype, min, max });
  }
}

function parseMemory(s: Reader, p: Parsed): void {
  const n = s.u32();
  if (n > 1) unsupported('multiple memories');
  if (n === 0) return;
  const flags = s.u8();
  if (flags === 2 || flags === 3) unsupported('shared memory (threads)');
  if (flags > 3) unsupported('64-bit memory');
  const min = s.u32();
  const max = flags === 1 ? s.u32() : undefined;
  p.memory = { min, max };
}
