/**
 * Byte-level reading and writing of the WebAssembly binary format (LEB128 integers, vectors,
 * names). Every read is bounds-checked: the input is an untrusted module.
 */
import { concatBytes } from '../../shared/bytes';
import { SandboxError } from '../errors';

export class Reader {
  pos: number;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  fail(reason: string): never {
    throw new SandboxError('INVALID_MODULE', `malformed module at byte ${this.pos}: ${reason}`);
  }

  u8(): number {
    if (this.pos >= this.end) this.fail('unexpected end');
    return this.buf[this.pos++]!;
  }

  /** Unsigned LEB128 up to 32 bits. */
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.u8();
      if (shift === 28 && b > 0x0f) this.fail('u32 out of range');
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result >>> 0;
      shift += 7;
      if (shift > 28) this.fail('u32 too long');
    }
  }

  /** Skips a signed LEB128 of at most `bits` bits (the value itself is never needed). */
  skipSigned(bits: number): void {
    const maxBytes = Math.ceil(bits / 7);
    for (let i = 0; i < maxBytes; i++) {
      if ((this.u8() & 0x80) === 0) return;
    }
    this.fail(`s${bits} too long`);
  }

  bytes(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.end) this.fail('length past end');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  name(): string {
    const raw = this.bytes(this.u32());
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return this.fail('name is not UTF-8');
    }
  }
}

export class Writer {
  private chunks: Uint8Array[] = [];
  private cur = new Uint8Array(256);
  private len = 0;
  private total = 0;

  get length(): number {
    return this.total + this.len;
  }

  private room(n: number): void {
    if (this.len + n <= this.cur.length) return;
    this.chunks.push(this.cur.subarray(0, this.len));
    this.total += this.len;
    this.cur = new Uint8Array(Math.max(256, n, this.cur.length * 2));
    this.len = 0;
  }

  u8(b: number): this {
    this.room(1);
    this.cur[this.len++] = b;
    return this;
  }

  u32(v: number): this {
    this.room(5);
    let x = v >>> 0;
    do {
      let b = x & 0x7f;
      x >>>= 7;
      if (x !== 0) b |= 0x80;
      this.cur[this.len++] = b;
    } while (x !== 0);
    return this;
  }

  /** Signed LEB128 of a 64-bit value. */
  s64(v: bigint): this {
    this.room(10);
    let x = BigInt.asIntN(64, v);
    for (;;) {
      const b = Number(x & 0x7fn);
      x >>= 7n;
      const done = (x === 0n && (b & 0x40) === 0) || (x === -1n && (b & 0x40) !== 0);
      this.cur[this.len++] = done ? b : b | 0x80;
      if (done) return this;
    }
  }

  bytes(b: Uint8Array): this {
    if (b.length > 256) {
      this.chunks.push(this.cur.subarray(0, this.len));
      this.total += this.len;
      this.chunks.push(b);
      this.total += b.length;
      this.cur = new Uint8Array(256);
      this.len = 0;
      return this;
    }
    this.room(b.length);
    this.cur.set(b, this.len);
    this.len += b.length;
    return this;
  }

  name(s: string): this {
    const b = new TextEncoder().encode(s);
    return this.u32(b.length).bytes(b);
  }

  /** A length-prefixed vector (section body, function body). */
  sized(body: Uint8Array): this {
    return this.u32(body.length).bytes(body);
  }

  finish(): Uint8Array {
    return concatBytes([...this.chunks, this.cur.subarray(0, this.len)], this.length);
  }
}
