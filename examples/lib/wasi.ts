/* eslint-disable @typescript-eslint/ban-ts-comment -- AssemblyScript, compiled by asc (examples/build.ts), not by tsc */
// @ts-nocheck
/**
 * The I/O the examples need, over the sandbox's WASI subset: all of stdin, a buffered stdout,
 * argv, and exit codes. Nothing here allocates per byte: buffers grow by doubling.
 */

import { args_get, args_sizes_get, fd_read, fd_write, proc_exit } from './wasi_snapshot_preview1';

/** Exit codes, after sysexits.h. */
export const EX_USAGE = 64;
export const EX_DATAERR = 65;
export const EX_IOERR = 74;

const scratch = memory.data(16);

export function exit(code: i32): void {
  proc_exit(code);
  unreachable();
}

/** A byte range in linear memory. */
export class Bytes {
  constructor(
    public ptr: usize,
    public len: i32,
  ) {}
}

export function readStdin(): Bytes {
  let cap: usize = 65536;
  let ptr = heap.alloc(cap);
  let len: usize = 0;
  while (true) {
    if (len == cap) {
      cap <<= 1;
      ptr = heap.realloc(ptr, cap);
    }
    store<u32>(scratch, <u32>(ptr + len));
    store<u32>(scratch + 4, <u32>(cap - len));
    if (fd_read(0, scratch, 1, scratch + 8) != 0) exit(EX_IOERR);
    const n = load<u32>(scratch + 8);
    if (n == 0) break;
    len += n;
  }
  return new Bytes(ptr, <i32>len);
}

function writeAll(ptr: usize, len: usize): void {
  while (len > 0) {
    store<u32>(scratch, <u32>ptr);
    store<u32>(scratch + 4, <u32>len);
    if (fd_write(1, scratch, 1, scratch + 8) != 0) exit(EX_IOERR);
    const n = <usize>load<u32>(scratch + 8);
    ptr += n;
    len -= n;
  }
}

/** A growable stdout buffer, written once at flush(). */
export class Out {
  ptr: usize = heap.alloc(65536);
  cap: usize = 65536;
  len: usize = 0;

  private reserve(n: usize): void {
    if (this.len + n <= this.cap) return;
    while (this.len + n > this.cap) this.cap <<= 1;
    this.ptr = heap.realloc(this.ptr, this.cap);
  }

  byte(b: u8): void {
    this.reserve(1);
    store<u8>(this.ptr + this.len, b);
    this.len++;
  }

  bytes(p: usize, n: usize): void {
    this.reserve(n);
    memory.copy(this.ptr + this.len, p, n);
    this.len += n;
  }

  ascii(s: string): void {
    for (let i = 0; i < s.length; i++) this.byte(<u8>s.charCodeAt(i));
  }

  decimal(v: u64): void {
    const digits = memory.data(24);
    let i = 24;
    do {
      i--;
      store<u8>(digits + i, <u8>(48 + (v % 10)));
      v /= 10;
    } while (v != 0);
    this.bytes(digits + i, 24 - i);
  }

  hex(p: usize, n: usize): void {
    for (let i: usize = 0; i < n; i++) {
      const b = load<u8>(p + i);
      this.byte(hexDigit(b >> 4));
      this.byte(hexDigit(b & 15));
    }
  }

  flush(): void {
    writeAll(this.ptr, this.len);
    this.len = 0;
  }
}

function hexDigit(d: u8): u8 {
  return d < 10 ? 48 + d : 87 + d;
}

/** argv[i] as ASCII/UTF-8 text, or null past the end. argv[0] is the entry name. */
export function arg(i: i32): string | null {
  if (args_sizes_get(scratch, scratch + 4) != 0) exit(EX_IOERR);
  const argc = load<u32>(scratch);
  const size = load<u32>(scratch + 4);
  if (<u32>i >= argc) return null;
  const argv = heap.alloc(argc * 4);
  const buf = heap.alloc(size);
  if (args_get(argv, buf) != 0) exit(EX_IOERR);
  const p = <usize>load<u32>(argv + i * 4);
  let n: usize = 0;
  while (load<u8>(p + n) != 0) n++;
  return String.UTF8.decodeUnsafe(p, n);
}

/** A decimal argument, or exit(EX_USAGE). */
export function argU64(i: i32): u64 {
  const s = arg(i);
  if (s == null || s.length == 0) exit(EX_USAGE);
  let v: u64 = 0;
  for (let k = 0; k < s!.length; k++) {
    const c = s!.charCodeAt(k);
    if (c < 48 || c > 57) exit(EX_USAGE);
    v = v * 10 + <u64>(c - 48);
  }
  return v;
}

/**
 * The runtime's abort (failed assertion, allocation failure), wired with `--use abort=` by the
 * build: trap, so the sandbox reports a trap (or the memory limit, after a refused grow) rather
 * than a host import being called.
 */
export function trapAbort(_message: string | null, _file: string | null, _line: u32, _column: u32): void {
  unreachable();
}
