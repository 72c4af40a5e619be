/**
 * The metering pass: rewrites a guest module so it counts its own fuel inline and cannot reach
 * anything the sandbox did not hand it.
 *
 * - Fuel: each basic block is charged on entry with its instruction count (`cost` in opcodes.ts):
 *   `if (fuel < n) { status |= 1; unreachable } fuel -= n`. A block that cannot be paid for in
 *   full does not start, so the fuel used on exhaustion is exact and the same on every run. The
 *   check is a few inline instructions on a global, not a call to the host per block (which
 *   costs an order of magnitude more). Bulk memory and table operations also pay 1 per 8
 *   elements of their length operand, since one instruction can touch megabytes.
 * - Memory: the module's own memory becomes an import that the host creates per run with a
 *   maximum of min(declared maximum, job cap); `memory.grow` past it returns -1 as usual, and
 *   sets status bit 2 so a later trap is reported as the memory limit, not as a bare trap.
 * - Start function: moved to the `cairn_init` export so it runs metered, after fuel is set.
 * - NaNs: a float result that is NaN is replaced by the canonical NaN (an uncharged select on a
 *   scratch local), since which NaN the hardware produces differs between CPUs and would make
 *   honest workers disagree.
 * - Imports: only the WASI subset in wasi-policy.ts, with exact signatures; no imported tables,
 *   globals or memories.
 * - Tables: capped like memory (MAX_TABLE_ELEMENTS), since they are allocated on the JS heap.
 *
 * Function and global indices of the guest do not move (new globals are appended), so element
 * segments and the name section stay valid. Other custom sections are dropped.
 */
import { SandboxError } from '../errors';
import { ALLOWED_WASI, type FuncSig, refusalReason, sigEquals, WASI_MODULE } from '../wasi-policy';
import { Reader, Writer } from './bytes';
import {
  checkValtype,
  cost,
  decode,
  endsBlock,
  FC_SIZED,
  nanResult,
  OP,
  transfersAlways,
  unsupported,
} from './opcodes';

export const FUEL_EXPORT = 'cairn_fuel';
export const STATUS_EXPORT = 'cairn_status';
export const INIT_EXPORT = 'cairn_init';
export const MEMORY_IMPORT = { module: 'cairn', name: 'memory' } as const;

/** Bits of the status global. */
export const STATUS_OUT_OF_FUEL = 1;
export const STATUS_GROW_REFUSED = 2;

const RESERVED_EXPORTS = new Set([FUEL_EXPORT, STATUS_EXPORT, INIT_EXPORT]);

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

export interface InstrumentedModule {
  bytes: Uint8Array;
  /** The guest's declared memory (now imported from the host), or undefined if it has none. */
  memory: MemoryLimits | undefined;
  /** Exported functions with their parameter and result counts, to check an entry point up front. */
  functions: Record<string, { params: number; results: number }>;
  /** Whether the module had a start function (now exported as cairn_init). */
  hasInit: boolean;
  /** The WASI functions it imports. */
  imports: string[];
}

interface Parsed {
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
const SECTION_ORDER = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];

function parse(bytes: Uint8Array): Parsed {
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

/** Byte sequences the pass inserts. `g` are the indices of the fuel, status and scratch globals. */
class Snippets {
  private readonly cold: Uint8Array;

  constructor(
    private readonly fuel: number,
    private readonly status: number,
    private readonly scratch: number,
  ) {
    // status |= OUT_OF_FUEL; unreachable
    this.cold = new Writer()
      .u8(OP.globalGet)
      .u32(status)
      .u8(OP.i32Const)
      .u8(STATUS_OUT_OF_FUEL)
      .u8(OP.i32Or)
      .u8(OP.globalSet)
      .u32(status)
      .u8(OP.unreachable)
      .finish();
  }

  /** if (fuel < n) { out of fuel } fuel -= n */
  charge(n: number): Uint8Array {
    const w = new Writer();
    w.u8(OP.globalGet).u32(this.fuel).u8(OP.i64Const).s64(BigInt(n)).u8(OP.i64LtU);
    w.u8(OP.if).u8(0x40).bytes(this.cold).u8(OP.end);
    w.u8(OP.globalGet)
      .u32(this.fuel)
      .u8(OP.i64Const)
      .s64(BigInt(n))
      .u8(OP.i64Sub)
      .u8(OP.globalSet)
      .u32(this.fuel);
    return w.finish();
  }

  /** fuel += n: gives back what a prepaid arm did not use. */
  refund(n: number): Uint8Array {
    return new Writer()
      .u8(OP.globalGet)
      .u32(this.fuel)
      .u8(OP.i64Const)
      .s64(BigInt(n))
      .u8(OP.i64Add)
      .u8(OP.globalSet)
      .u32(this.fuel)
      .finish();
  }

  /** Charges (length >> 3) for the i32 length on top of the stack, leaving it there. */
  chargeLength(): Uint8Array {
    const w = new Writer();
    const scaled = (x: Writer) =>
      x.u8(OP.globalGet).u32(this.scratch).u8(OP.i64ExtendI32U).u8(OP.i64Const).s64(3n).u8(OP.i64ShrU);
    w.u8(OP.globalSet).u32(this.scratch);
    w.u8(OP.globalGet).u32(this.fuel);
    scaled(w).u8(OP.i64LtU);
    w.u8(OP.if).u8(0x40).bytes(this.cold).u8(OP.end);
    w.u8(OP.globalGet).u32(this.fuel);
    scaled(w).u8(OP.i64Sub).u8(OP.globalSet).u32(this.fuel);
    w.u8(OP.globalGet).u32(this.scratch);
    return w.finish();
  }

  /** After memory.grow: if it returned -1, set STATUS_GROW_REFUSED; the result stays on the stack. */
  afterGrow(): Uint8Array {
    const w = new Writer();
    w.u8(OP.globalSet).u32(this.scratch).u8(OP.globalGet).u32(this.scratch);
    w.u8(OP.i32Const).u8(0x7f).u8(OP.i32Eq);
    w.u8(OP.if).u8(0x40);
    w.u8(OP.globalGet).u32(this.status).u8(OP.i32Const).u8(STATUS_GROW_REFUSED).u8(OP.i32Or);
    w.u8(OP.globalSet).u32(this.status);
    w.u8(OP.end);
    w.u8(OP.globalGet).u32(this.scratch);
    return w.finish();
  }
}

const EMPTY = new Uint8Array(0);

const F32 = 0x7d;
const F64 = 0x7c;

/** `local.tee t; canonical NaN; t == t; select`: t unless it is a NaN. */
function canonicalizeNaN(type: typeof F32 | typeof F64, local: number): Uint8Array {
  const w = new Writer().u8(OP.localTee).u32(local);
  if (type === F32) w.u8(OP.f32Const).bytes(new Uint8Array([0x00, 0x00, 0xc0, 0x7f]));
  else w.u8(OP.f64Const).bytes(new Uint8Array([0, 0, 0, 0, 0, 0, 0xf8, 0x7f]));
  w.u8(OP.localGet).u32(local).u8(OP.localGet).u32(local);
  return w
    .u8(type === F32 ? OP.f32Eq : OP.f64Eq)
    .u8(OP.select)
    .finish();
}

/** A basic block: where its charge goes and its net cost (negative: a refund). */
interface Segment {
  part: number;
  cost: number;
}

/** An open block/loop/if, as the pass tracks it. */
interface Open {
  op: number;
  /** For an `if`: the block ending at it, and the first block of its then-arm. */
  header?: Segment;
  thenFirst?: Segment;
  hasElse?: boolean;
  /** Some branch inside targets this `if`'s end. */
  targeted?: boolean;
}

/**
 * Rewrites one function body. Blocks are charged on entry, with one refinement for the loop
 * shape compilers emit everywhere (`loop { if (cond) { body; br loop } }`): when an `if` has no
 * else-arm and its then-arm can only leave by a branch elsewhere, the first block of the then-arm
 * is paid together with the block before the `if` (one check instead of two per iteration), and
 * refunded where the false path continues after the `if`, the only way to get there. Counts stay
 * exact; only the check is earlier (it needs fuel for the then-arm's first block too).
 */
function instrumentBody(body: Uint8Array, params: number, sn: Snippets): Uint8Array {
  const r = new Reader(body);
  const groups = r.u32();
  const groupsStart = r.pos;
  let locals = params;
  for (let g = groups; g > 0; g--) {
    locals += r.u32();
    checkValtype(r.u8());
  }
  // Scratch locals for NaN canonicalization, declared only if the body needs them.
  const scratch = { [F32]: locals, [F64]: locals + 1 };
  let floats = false;
  const parts: Uint8Array[] = [body.subarray(0, r.pos)];
  const segments: Segment[] = [];
  let runStart = r.pos;
  const flush = (upTo: number) => {
    if (upTo > runStart) parts.push(body.subarray(runStart, upTo));
    runStart = upTo;
  };
  const open = (): Segment => {
    const seg = { part: parts.push(EMPTY) - 1, cost: 0 };
    segments.push(seg);
    return seg;
  };
  let seg = open();
  const ctrl: Open[] = [];
  let prevOp = -1;
  let refund = 0;
  for (;;) {
    const at = r.pos;
    const { op, sub, labels } = decode(r);
    seg.cost += cost(op);
    if (op === OP.prefixFC && FC_SIZED.has(sub)) {
      flush(at);
      parts.push(sn.chargeLength());
    } else if (op === OP.memoryGrow) {
      flush(r.pos);
      parts.push(sn.afterGrow());
    } else {
      const type = nanResult(op);
      if (type !== undefined) {
        flush(r.pos);
        parts.push(canonicalizeNaN(type, scratch[type]));
        floats = true;
      }
    }
    for (const l of labels ?? []) {
      const target = ctrl[ctrl.length - 1 - l];
      if (target) target.targeted = true;
    }
    let closes: Open | undefined;
    if (op === OP.block || op === OP.loop) ctrl.push({ op });
    else if (op === OP.if) ctrl.push({ op, header: seg });
    else if (op === OP.else) ctrl[ctrl.length - 1]!.hasElse = true;
    else if (op === OP.end) {
      closes = ctrl.pop();
      if (!closes) {
        // The function's own end.
        flush(r.pos);
        if (!r.done) r.fail('code after the end of a function body');
        break;
      }
      if (closes.op === OP.if && !closes.hasElse && !closes.targeted && transfersAlways(prevOp)) {
        const t = closes.thenFirst!.cost;
        closes.header!.cost += t;
        closes.thenFirst!.cost = 0;
        refund = t;
      }
    }
    // Falling out of a loop is the only way past its end, so the code after it continues the
    // current block rather than starting one.
    if (endsBlock(op) && !(op === OP.end && closes?.op === OP.loop)) {
      flush(r.pos);
      seg = open();
      seg.cost -= refund;
      refund = 0;
      if (op === OP.if) ctrl[ctrl.length - 1]!.thenFirst = seg;
    }
    prevOp = op;
  }
  for (const s of segments) {
    if (s.cost > 0) parts[s.part] = sn.charge(s.cost);
    else if (s.cost < 0) parts[s.part] = sn.refund(-s.cost);
  }
  if (floats) {
    parts[0] = new Writer()
      .u32(groups + 2)
      .bytes(body.subarray(groupsStart, parts[0]!.length))
      .u32(1)
      .u8(F32)
      .u32(1)
      .u8(F64)
      .finish();
  }
  const w = new Writer();
  for (const p of parts) w.bytes(p);
  return w.finish();
}

function instrumentCode(code: Uint8Array, p: Parsed, sn: Snippets): Uint8Array {
  const r = new Reader(code);
  const n = r.u32();
  const w = new Writer().u32(n);
  for (let i = 0; i < n; i++) {
    const size = r.u32();
    const body = r.bytes(size);
    const sig = p.types[p.funcTypes[p.importedFuncs + i] ?? -1] ?? r.fail(`function ${i} has no type`);
    w.sized(instrumentBody(body, sig.params.length, sn));
  }
  if (!r.done) r.fail('trailing bytes in code section');
  return w.finish();
}

function rawAfterCount(section: Uint8Array | undefined): { count: number; rest: Uint8Array } {
  if (!section) return { count: 0, rest: EMPTY };
  const r = new Reader(section);
  const count = r.u32();
  return { count, rest: section.subarray(r.pos) };
}

/**
 * Validates and instruments a guest module. Throws SandboxError (INVALID_MODULE,
 * UNSUPPORTED_FEATURE, FORBIDDEN_IMPORT) when it cannot be run.
 */
export function instrument(original: Uint8Array): InstrumentedModule {
  const p = parse(original);
  for (const e of p.exports) {
    if (RESERVED_EXPORTS.has(e.name)) {
      throw new SandboxError('INVALID_MODULE', `module exports "${e.name}", a name the sandbox reserves`);
    }
  }
  const fuel = p.definedGlobals;
  const status = fuel + 1;
  const scratch = fuel + 2;
  const sn = new Snippets(fuel, status, scratch);

  const out = new Map<number, Uint8Array>();
  for (const [id, body] of p.sections) out.set(id, body);

  // Imports: the guest's WASI functions, then its memory, now provided by the host.
  if (p.memory) {
    const { count, rest } = rawAfterCount(p.sections.get(2));
    const w = new Writer().u32(count + 1).bytes(rest);
    w.name(MEMORY_IMPORT.module).name(MEMORY_IMPORT.name).u8(2);
    if (p.memory.max === undefined) w.u8(0).u32(p.memory.min);
    else w.u8(1).u32(p.memory.min).u32(p.memory.max);
    out.set(2, w.finish());
    out.delete(5);
  }

  // Tables: the guest's, each with a maximum of at most MAX_TABLE_ELEMENTS.
  if (p.tables.length) {
    const w = new Writer().u32(p.tables.length);
    for (const t of p.tables) {
      w.u8(t.reftype)
        .u8(1)
        .u32(t.min)
        .u32(Math.min(t.max ?? MAX_TABLE_ELEMENTS, MAX_TABLE_ELEMENTS));
    }
    out.set(4, w.finish());
  }

  // Globals: fuel (i64), status (i32), scratch (i32), all mutable and zero.
  {
    const { count, rest } = rawAfterCount(p.sections.get(6));
    const w = new Writer().u32(count + 3).bytes(rest);
    w.u8(0x7e).u8(1).u8(OP.i64Const).u8(0).u8(OP.end);
    w.u8(0x7f).u8(1).u8(OP.i32Const).u8(0).u8(OP.end);
    w.u8(0x7f).u8(1).u8(OP.i32Const).u8(0).u8(OP.end);
    out.set(6, w.finish());
  }

  // Exports: the guest's, plus fuel, status and the former start function.
  {
    const { count, rest } = rawAfterCount(p.sections.get(7));
    const w = new Writer().u32(count + 2 + (p.start === undefined ? 0 : 1)).bytes(rest);
    w.name(FUEL_EXPORT).u8(3).u32(fuel);
    w.name(STATUS_EXPORT).u8(3).u32(status);
    if (p.start !== undefined) w.name(INIT_EXPORT).u8(0).u32(p.start);
    out.set(7, w.finish());
    out.delete(8);
  }

  const code = p.sections.get(10);
  if (code) out.set(10, instrumentCode(code, p, sn));

  const w = new Writer().bytes(original.subarray(0, 8));
  for (const id of SECTION_ORDER) {
    const body = out.get(id);
    if (body) w.u8(id).sized(body);
  }
  if (p.nameSection) w.u8(0).sized(p.nameSection);
  const bytes = w.finish();

  const functions: InstrumentedModule['functions'] = {};
  for (const e of p.exports) {
    if (e.kind !== 0) continue;
    const sig = p.types[p.funcTypes[e.index] ?? -1];
    if (sig) functions[e.name] = { params: sig.params.length, results: sig.results.length };
  }
  return { bytes, memory: p.memory, functions, hasInit: p.start !== undefined, imports: p.imports };
}
