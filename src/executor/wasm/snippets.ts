/**
 * The byte sequences the metering pass inserts into a guest's code: the fuel charge and refund on
 * a global, the memory.grow wrapper that records a refusal, and NaN canonicalization.
 */
import { Writer } from './bytes';
import { OP } from './opcodes';

/** Bits of the status global. */
export const STATUS_OUT_OF_FUEL = 1;
export const STATUS_GROW_REFUSED = 2;

/** Byte sequences the pass inserts. `g` are the indices of the fuel, status and scratch globals. */
export class Snippets {
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

export const EMPTY = new Uint8Array(0);

export const F32 = 0x7d;
export const F64 = 0x7c;

/** `local.tee t; canonical NaN; t == t; select`: t unless it is a NaN. */
export function canonicalizeNaN(type: typeof F32 | typeof F64, local: number): Uint8Array {
  const w = new Writer().u8(OP.localTee).u32(local);
  if (type === F32) w.u8(OP.f32Const).bytes(new Uint8Array([0x00, 0x00, 0xc0, 0x7f]));
  else w.u8(OP.f64Const).bytes(new Uint8Array([0, 0, 0, 0, 0, 0, 0xf8, 0x7f]));
  w.u8(OP.localGet).u32(local).u8(OP.localGet).u32(local);
  return w
    .u8(type === F32 ? OP.f32Eq : OP.f64Eq)
    .u8(OP.select)
    .finish();
}
