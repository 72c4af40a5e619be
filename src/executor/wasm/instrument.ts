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
import { Reader, Writer } from './bytes';
import { checkValtype, cost, decode, endsBlock, FC_SIZED, nanResult, OP, transfersAlways } from './opcodes';
import { MAX_TABLE_ELEMENTS, type MemoryLimits, type Parsed, parse, SECTION_ORDER } from './parse-module';
import { canonicalizeNaN, EMPTY, F32, F64, Snippets, STATUS_GROW_REFUSED, STATUS_OUT_OF_FUEL } from './snippets';

export { MAX_TABLE_ELEMENTS, MAX_TABLES, type MemoryLimits } from './parse-module';
export { STATUS_GROW_REFUSED, STATUS_OUT_OF_FUEL };

export const FUEL_EXPORT = 'cairn_fuel';
export const STATUS_EXPORT = 'cairn_status';
export const INIT_EXPORT = 'cairn_init';
export const MEMORY_IMPORT = { module: 'cairn', name: 'memory' } as const;


const RESERVED_EXPORTS = new Set([FUEL_EXPORT, STATUS_EXPORT, INIT_EXPORT]);

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
