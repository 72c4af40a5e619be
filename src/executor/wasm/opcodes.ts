/**
 * Instruction decoding for the metering pass: how long each instruction's immediates are, and
 * which instructions end a basic block. The accepted set is MVP WebAssembly plus the extensions
 * AssemblyScript, Rust and clang emit by default (sign extension, saturating float-to-int, bulk
 * memory, reference types, multi-value, tail calls). Anything else (SIMD, threads, exceptions,
 * GC, multiple memories) is refused: the pass cannot meter what it cannot decode.
 */
import { SandboxError } from '../errors';
import type { Reader } from './bytes';

export const OP = {
  unreachable: 0x00,
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  brTable: 0x0e,
  return: 0x0f,
  returnCall: 0x12,
  returnCallIndirect: 0x13,
  select: 0x1b,
  localGet: 0x20,
  localTee: 0x22,
  globalGet: 0x23,
  globalSet: 0x24,
  memoryGrow: 0x40,
  i32Const: 0x41,
  i64Const: 0x42,
  f32Const: 0x43,
  f64Const: 0x44,
  i32Eq: 0x46,
  f32Eq: 0x5b,
  f64Eq: 0x61,
  i64LtU: 0x54,
  i32Or: 0x72,
  i64Add: 0x7c,
  i64Sub: 0x7d,
  i64ShrU: 0x88,
  i64ExtendI32U: 0xad,
  prefixFC: 0xfc,
} as const;

/** 0xFC sub-opcodes whose run time grows with the length operand on top of the stack. */
export const FC_SIZED = new Set([
  8, // memory.init
  10, // memory.copy
  11, // memory.fill
  12, // table.init
  14, // table.copy
  17, // table.fill
]);

const VALTYPES = new Set([0x7f, 0x7e, 0x7d, 0x7c, 0x70, 0x6f]);

export function unsupported(what: string): never {
  throw new SandboxError('UNSUPPORTED_FEATURE', `module uses ${what}, which the sandbox cannot meter`);
}

export function checkValtype(b: number): void {
  if (b === 0x7b) unsupported('SIMD (v128)');
  if (!VALTYPES.has(b)) unsupported(`value type 0x${b.toString(16)} (GC or typed references)`);
}

function blocktype(r: Reader): void {
  const b = r.buf[r.pos];
  if (b === undefined) r.fail('unexpected end');
  if (b === 0x40) {
    r.pos++;
  } else if (b >= 0x41 && b <= 0x7f) {
    checkValtype(b);
    r.pos++;
  } else {
    r.skipSigned(33); // a type index: a multi-value block
  }
}

function memarg(r: Reader): void {
  const align = r.u32();
  if (align >= 64) unsupported('multiple memories');
  r.u32();
}

function memidx(r: Reader): void {
  if (r.u32() !== 0) unsupported('multiple memories');
}

export interface Decoded {
  op: number;
  /** The 0xFC sub-opcode, when op is 0xFC. */
  sub: number;
  /** Branch targets (relative label depths) of br, br_if and br_table. */
  labels?: number[];
}

/** Reads one instruction, leaving `r` after its immediates. */
export function decode(r: Reader): Decoded {
  const op = r.u8();
  let sub = -1;
  let labels: number[] | undefined;
  switch (op) {
    case 0x00: // unreachable
    case 0x01: // nop
    case 0x05: // else
    case 0x0b: // end
    case 0x0f: // return
    case 0x1a: // drop
    case 0x1b: // select
    case 0xd1: // ref.is_null
      break;
    case 0x02:
    case 0x03:
    case 0x04:
      blocktype(r);
      break;
    case 0x0c: // br
    case 0x0d: // br_if
      labels = [r.u32()];
      break;
    case 0x10: // call
    case 0x12: // return_call
    case 0x20: // local.get
    case 0x21: // local.set
    case 0x22: // local.tee
    case 0x23: // global.get
    case 0x24: // global.set
    case 0x25: // table.get
    case 0x26: // table.set
    case 0xd2: // ref.func
      r.u32();
      break;
    case 0x0e: {
      const n = r.u32();
      labels = [];
      for (let i = 0; i <= n; i++) labels.push(r.u32());
      break;
    }
    case 0x11: // call_indirect
    case 0x13: // return_call_indirect
      r.u32();
      r.u32();
      break;
    case 0x1c: {
      const n = r.u32();
      for (let i = 0; i < n; i++) checkValtype(r.u8());
      break;
    }
    case 0x3f: // memory.size
    case 0x40: // memory.grow
      memidx(r);
      break;
    case 0x41:
      r.skipSigned(32);
      break;
    case 0x42:
      r.skipSigned(64);
      break;
    case 0x43:
      r.bytes(4);
      break;
    case 0x44:
      r.bytes(8);
      break;
    case 0xd0: // ref.null
      checkValtype(r.u8());
      break;
    case 0xfc:
      sub = r.u32();
      decodeFC(r, sub);
      break;
    case 0xfd:
      unsupported('SIMD');
      break;
    case 0xfe:
      unsupported('threads (atomics)');
      break;
    case 0xfb:
      unsupported('garbage-collected types');
      break;
    case 0x06:
    case 0x07:
    case 0x08:
    case 0x09:
    case 0x0a:
    case 0x18:
    case 0x19:
    case 0x1f:
      unsupported('exception handling');
      break;
    default:
      if (op >= 0x28 && op <= 0x3e) {
        memarg(r);
      } else if (!(op >= 0x45 && op <= 0xc4)) {
        unsupported(`opcode 0x${op.toString(16)}`);
      }
  }
  return { op, sub, labels };
}

function decodeFC(r: Reader, sub: number): void {
  if (sub <= 7) return; // saturating truncations
  switch (sub) {
    case 8: // memory.init
      r.u32();
      memidx(r);
      return;
    case 9: // data.drop
    case 13: // elem.drop
    case 15: // table.grow
    case 16: // table.size
    case 17: // table.fill
      r.u32();
      return;
    case 10: // memory.copy
      memidx(r);
      memidx(r);
      return;
    case 11: // memory.fill
      memidx(r);
      return;
    case 12: // table.init
    case 14: // table.copy
      r.u32();
      r.u32();
      return;
    default:
      unsupported(`opcode 0xfc ${sub}`);
  }
}

/**
 * Float instructions whose NaN results are not fully specified: which NaN (sign, payload) comes
 * out differs between CPUs (x86 makes 0/0 a negative NaN, ARM a positive one). Their results are
 * canonicalized so honest workers on different hardware agree bit for bit. abs, neg, copysign,
 * loads, stores, reinterpret and conversions from integers are exact and left alone.
 */
export function nanResult(op: number): 0x7d | 0x7c | undefined {
  if ((op >= 0x8d && op <= 0x97) || op === 0xb6) return 0x7d; // f32 ceil..max, f32.demote_f64
  if ((op >= 0x9b && op <= 0xa5) || op === 0xbb) return 0x7c; // f64 ceil..max, f64.promote_f32
  return undefined;
}

/** Instructions after which control never reaches the next instruction. */
export function transfersAlways(op: number): boolean {
  switch (op) {
    case OP.br:
    case OP.brTable:
    case OP.return:
    case OP.unreachable:
    case OP.returnCall:
    case OP.returnCallIndirect:
      return true;
    default:
      return false;
  }
}

/** Instructions after which control may continue somewhere other than the next instruction. */
export function endsBlock(op: number): boolean {
  return (
    transfersAlways(op) || op === OP.loop || op === OP.if || op === OP.else || op === OP.end || op === OP.brIf
  );
}

/**
 * The fuel cost of an instruction. Structure markers compile to nothing and cost nothing; every
 * other instruction costs 1. Every loop iteration still costs at least 1 because going round
 * takes a branch.
 */
export function cost(op: number): number {
  return op === OP.block || op === OP.loop || op === OP.else || op === OP.end ? 0 : 1;
}
