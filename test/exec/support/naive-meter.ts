/**
 * A second, deliberately naive meter to check the real one against: it adds 1 to a counter
 * before every instruction the cost model charges (and a bulk operation's length / 8 before it),
 * with no basic blocks, no charging on entry and no prepaid loop arms. On a run that completes,
 * its count and the sandbox's fuel must be equal. It shares only the cost model (which
 * instructions cost what) with src/executor/wasm/instrument.ts, not the block logic under test.
 */
import { Reader, Writer } from '../../../src/executor/wasm/bytes';
import { cost, decode, FC_SIZED, OP } from '../../../src/executor/wasm/opcodes';
import { ExitSignal, SandboxWasi } from '../../../src/executor/wasi';

const SECTION_ORDER = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];
const COUNT_EXPORT = 'naive_count';

function count(counter: number): Uint8Array {
  return new Writer()
    .u8(OP.globalGet)
    .u32(counter)
    .u8(OP.i64Const)
    .s64(1n)
    .u8(OP.i64Add)
    .u8(OP.globalSet)
    .u32(counter)
    .finish();
}

/** Adds (i32 on top of the stack) >> 3 to the counter, leaving the i32 in place. */
function countLength(counter: number, scratch: number): Uint8Array {
  return new Writer()
    .u8(OP.globalSet)
    .u32(scratch)
    .u8(OP.globalGet)
    .u32(counter)
    .u8(OP.globalGet)
    .u32(scratch)
    .u8(OP.i64ExtendI32U)
    .u8(OP.i64Const)
    .s64(3n)
    .u8(OP.i64ShrU)
    .u8(OP.i64Add)
    .u8(OP.globalSet)
    .u32(counter)
    .u8(OP.globalGet)
    .u32(scratch)
    .finish();
}

function countBody(body: Uint8Array, counter: number, scratch: number): Uint8Array {
  const r = new Reader(body);
  for (let groups = r.u32(); groups > 0; groups--) {
    r.u32();
    r.u8();
  }
  const w = new Writer().bytes(body.subarray(0, r.pos));
  while (!r.done) {
    const at = r.pos;
    const { op, sub } = decode(r);
    if (cost(op) > 0) w.bytes(count(counter));
    if (op === OP.prefixFC && FC_SIZED.has(sub)) w.bytes(countLength(counter, scratch));
    w.bytes(body.subarray(at, r.pos));
  }
  return w.finish();
}

/** The module with a counter global exported as `naive_count`. Only for modules importing functions. */
export function naivelyCounted(original: Uint8Array): Uint8Array {
  const r = new Reader(original, 8);
  const sections = new Map<number, Uint8Array>();
  while (!r.done) {
    const id = r.u8();
    const body = r.bytes(r.u32());
    if (id !== 0) sections.set(id, body);
  }
  const after = (id: number) => {
    const s = new Reader(sections.get(id) ?? new Uint8Array([0]));
    const n = s.u32();
    return { n, rest: s.buf.subarray(s.pos) };
  };
  const globals = after(6);
  const counter = globals.n;
  const scratch = counter + 1;
  sections.set(
    6,
    new Writer()
      .u32(globals.n + 2)
      .bytes(globals.rest)
      .bytes(new Uint8Array([0x7e, 1, OP.i64Const, 0, OP.end, 0x7f, 1, OP.i32Const, 0, OP.end]))
      .finish(),
  );
  const exports = after(7);
  sections.set(
    7,
    new Writer()
      .u32(exports.n + 1)
      .bytes(exports.rest)
      .name(COUNT_EXPORT)
      .u8(3)
      .u32(counter)
      .finish(),
  );
  const code = new Reader(sections.get(10)!);
  const w = new Writer();
  const n = code.u32();
  w.u32(n);
  for (let i = 0; i < n; i++) w.sized(countBody(code.bytes(code.u32()), counter, scratch));
  sections.set(10, w.finish());

  const out = new Writer().bytes(original.subarray(0, 8));
  for (const id of SECTION_ORDER) {
    const body = sections.get(id);
    if (body) out.u8(id).sized(body);
  }
  return out.finish();
}

/**
 * Runs `_start` of a naively counted module with the sandbox's WASI (its host charges added to
 * the count, as the sandbox adds them to fuel). Returns the output and the count.
 */
export function runNaive(
  counted: Uint8Array,
  input: { args: string[]; stdin: Uint8Array },
): { output: Uint8Array; count: bigint } {
  let host = 0n;
  const wasi = new SandboxWasi({
    args: ['_start', ...input.args],
    stdin: input.stdin,
    maxStdout: 1 << 26,
    maxStderr: 1 << 16,
  });
  wasi.meter((n) => {
    host += BigInt(n);
  });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(counted), wasi.imports());
  wasi.bind(instance.exports.memory as WebAssembly.Memory);
  try {
    (instance.exports._start as () => void)();
  } catch (err) {
    if (!(err instanceof ExitSignal) || err.code !== 0) throw err;
  }
  const counter = instance.exports[COUNT_EXPORT] as WebAssembly.Global;
  return { output: wasi.stdout.bytes(), count: (counter.value as bigint) + host };
}
