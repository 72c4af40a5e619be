/**
 * Hostile guests are contained: each way a module can misbehave ends in a typed error, the
 * worker threads are replaced if they had to be killed, and the process carries on. Fuel counts
 * are checked against the cost model (1 per instruction, structure markers free, a block paid on
 * entry), counted by hand from the WAT below, not read back from the implementation.
 */
import {
  type PoolRunLimits,
  type RunInput,
  SandboxError,
  type SandboxErrorCode,
  SandboxPool,
} from '../../src/executor';
import { wat } from './support/wat';

const LIMITS: PoolRunLimits = { fuel: 1_000_000n, memoryPages: 64, wallTimeMs: 30_000, maxOutputBytes: 1024 };
const noInput: RunInput = { entry: '_start', args: [], stdin: new Uint8Array() };

let pool: SandboxPool;

beforeAll(async () => {
  pool = await SandboxPool.start({
    threads: 2,
    maxModuleBytes: 1 << 20,
    moduleCacheEntries: 32,
    workerHeapMb: 64,
    workerStackMb: 4,
  });
});

afterAll(async () => {
  await pool.close();
});

async function run(text: string, limits: Partial<PoolRunLimits> = {}, input = noInput) {
  const prepared = await pool.prepare(await wat(text));
  return pool.run(prepared, input, { ...LIMITS, ...limits });
}

async function failure(p: Promise<unknown>, code: SandboxErrorCode): Promise<SandboxError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SandboxError);
  expect((err as SandboxError).code).toBe(code);
  return err as SandboxError;
}

const HELLO = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "still here\\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 11))
    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))`;

describe('fuel', () => {
  it('counts exactly: 100 iterations of an 8-instruction loop cost 800', async () => {
    const r = await run(`(module (memory 1)
      (func (export "_start") (local $i i32)
        (loop $l
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (i32.const 100))))))`);
    expect(r.fuelUsed).toBe(100n * 8n);
  });

  // The shape compilers emit for `for`/`while`: loop { if (cond) { body; br loop } }.
  const WHILE_LOOP = `(module (memory 1)
    (func (export "_start") (local $i i32)
      (loop $l
        (if (i32.lt_u (local.get $i) (i32.const 100))
          (then
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $l))))))`;

  it('counts a while-loop exactly: 100 taken iterations of 4 + 5, and a last test of 4', async () => {
    const r = await run(WHILE_LOOP);
    expect(r.fuelUsed).toBe(100n * (4n + 5n) + 4n);
  });

  it('stops a while-loop on whole iterations when its fuel runs out', async () => {
    const err = await failure(run(WHILE_LOOP, { fuel: 100n }), 'FUEL_EXHAUSTED');
    expect(err.detail.fuelUsed).toBe((100n / 9n) * 9n);
  });

  it('stops an infinite loop when the fuel runs out, reporting all of it used', async () => {
    const fuel = 250_000n;
    const err = await failure(
      run(`(module (memory 1) (func (export "_start") (loop $l (br $l))))`, { fuel }),
      'FUEL_EXHAUSTED',
    );
    // One instruction (br) per iteration: every unit of fuel is spent.
    expect(err.detail.fuelUsed).toBe(fuel);
  });

  it('does not start a block it cannot pay for in full', async () => {
    const fuel = 10_000n;
    const err = await failure(
      run(`(module (memory 1) (func (export "_start") (loop $l (drop (i32.const 1)) (br $l))))`, { fuel }),
      'FUEL_EXHAUSTED',
    );
    // Three instructions per iteration; the last, partial iteration is not started.
    expect(err.detail.fuelUsed).toBe((fuel / 3n) * 3n);
  });

  it('meters the start function too', async () => {
    const err = await failure(
      run(`(module (memory 1) (start $spin) (func $spin (loop $l (br $l))) (func (export "_start")))`, {
        fuel: 5_000n,
      }),
      'FUEL_EXHAUSTED',
    );
    expect(err.detail.fuelUsed).toBe(5_000n);
  });

  it('charges bulk memory operations by length', async () => {
    const short = await run(`(module (memory 1)
      (func (export "_start") (memory.fill (i32.const 0) (i32.const 7) (i32.const 8))))`);
    const long = await run(`(module (memory 1)
      (func (export "_start") (memory.fill (i32.const 0) (i32.const 7) (i32.const 65536))))`);
    // 4 instructions, plus 1 per 8 bytes filled.
    expect(short.fuelUsed).toBe(4n + 1n);
    expect(long.fuelUsed).toBe(4n + 65536n / 8n);
  });
});

describe('memory', () => {
  it('a memory bomb growing page by page is held at the cap', async () => {
    const err = await failure(
      run(
        `(module (memory 1)
          (func (export "_start")
            (loop $grow (br_if $grow (i32.ne (memory.grow (i32.const 16)) (i32.const -1))))
            ;; then write just past the end, as if the grow had worked
            (i32.store (i32.mul (memory.size) (i32.const 65536)) (i32.const 1))))`,
        { memoryPages: 64 },
      ),
      'MEMORY_LIMIT',
    );
    expect(err.detail.memoryPages).toBeLessThanOrEqual(64);
    expect(err.message).toMatch(/64-page cap/);
  });

  it('a module declaring a huge maximum gets -1 from memory.grow beyond the cap', async () => {
    const r = await run(
      `(module (memory 1 65536)
        (func (export "_start")
          (if (i32.ne (memory.grow (i32.const 60000)) (i32.const -1)) (then unreachable))))`,
      { memoryPages: 64 },
    );
    expect(r.memoryPages).toBe(1);
  });

  it('a table bomb gets -1 from table.grow instead of taking the process down', async () => {
    // Uncapped, V8 allocates all 10 million elements on the thread's JS heap in one go, which is
    // a fatal out-of-memory for the whole process, not just the worker thread.
    const r = await run(`(module (table $t 0 funcref) (table $u 1 funcref)
      (func (export "_start")
        (if (i32.ne (table.grow $t (ref.null func) (i32.const 10000000)) (i32.const -1)) (then unreachable))
        (if (i32.ne (table.grow $u (ref.null func) (i32.const 10000000)) (i32.const -1)) (then unreachable))))`);
    expect(r.fuelUsed).toBeGreaterThan(0n);
  });

  it('a module declaring a table above the cap is refused before it runs', async () => {
    const err = await failure(
      pool.prepare(await wat(`(module (table 10000000 funcref) (func (export "_start")))`)),
      'UNSUPPORTED_FEATURE',
    );
    expect(err.message).toMatch(/table of 10000000 elements/);
  });

  it('a module starting with more memory than allowed is refused before it runs', async () => {
    const err = await failure(
      run(`(module (memory 65536) (func (export "_start")))`, { memoryPages: 64 }),
      'MEMORY_LIMIT',
    );
    expect(err.message).toMatch(/starts with 65536 memory pages; the job allows 64/);
    expect(err.detail.fuelUsed).toBe(0n);
  });
});

describe('traps', () => {
  it.each([
    ['unreachable', '(unreachable)', /unreachable/],
    ['division by zero', '(drop (i32.div_u (i32.const 1) (i32.const 0)))', /divide by zero/],
    ['out-of-bounds load', '(drop (i32.load (i32.const 70000)))', /memory access out of bounds/],
  ])('%s is reported as a trap', async (_name, body, message) => {
    const err = await failure(run(`(module (memory 1) (func (export "_start") ${body}))`), 'TRAP');
    expect(err.message).toMatch(message);
  });

  it('the fuel of a trapped run is the blocks it entered', async () => {
    const err = await failure(
      run(`(module (memory 1) (func (export "_start") (drop (i32.div_u (i32.const 1) (i32.const 0)))))`),
      'TRAP',
    );
    // const, const, div_u, drop: one block of 4, paid on entry.
    expect(err.detail.fuelUsed).toBe(4n);
  });

  it('unbounded recursion is a stack overflow, not a crash', async () => {
    const err = await failure(
      run(`(module (memory 1) (func $f (export "_start") (call $f)))`, { fuel: 10n ** 12n }),
      'TRAP',
    );
    expect(err.message).toMatch(/stack overflow/);
  });

  it('a non-zero exit is reported with its code', async () => {
    const err = await failure(
      run(`(module
        (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
        (memory 1) (func (export "_start") (call $exit (i32.const 3))))`),
      'EXIT_NONZERO',
    );
    expect(err.detail.exitCode).toBe(3);
  });
});

describe('output', () => {
  it('stops a module writing past the output cap', async () => {
    const err = await failure(
      run(
        `(module
          (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
          (memory 1)
          (func (export "_start")
            (i32.store (i32.const 0) (i32.const 64))
            (i32.store (i32.const 4) (i32.const 1024))
            (loop $l (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))) (br $l))))`,
        { maxOutputBytes: 10_000, fuel: 10n ** 12n },
      ),
      'OUTPUT_LIMIT',
    );
    expect(err.message).toMatch(/10000-byte output cap/);
  });

  it('meters the host side of output: a flood of empty iovecs pays per iovec', async () => {
    // One fd_write of 1,000,000 zero-length iovecs: a single instruction for the guest, a million
    // loop turns for the host. It costs 1 fuel per iovec, so it is stopped before it starts...
    const flood = (iovecs: number) => `(module
      (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
      (memory 200)
      (func (export "_start")
        (drop (call $write (i32.const 1) (i32.const 16) (i32.const ${iovecs}) (i32.const 0)))))`;
    const err = await failure(run(flood(1_000_000), { memoryPages: 200, fuel: 100_000n }), 'FUEL_EXHAUSTED');
    // ...with only the guest's 6 instructions paid: a host call, like a block, pays in full or not.
    expect(err.detail.fuelUsed).toBe(6n);
    // A smaller one is paid exactly: 6 instructions + 1000 iovecs.
    expect((await run(flood(1000), { memoryPages: 200 })).fuelUsed).toBe(6n + 1000n);
  });

  it('passes stdin and argv through, and nothing else', async () => {
    // Echoes argv[1] then stdin.
    const r = await run(
      `(module
        (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "args_get" (func $args (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
        (memory 1)
        (func (export "_start") (local $a i32)
          (drop (call $sizes (i32.const 0) (i32.const 4)))
          (drop (call $args (i32.const 100) (i32.const 200)))
          ;; argv[1] starts at the second pointer; its length is the buffer size minus argv[0] ("_start\\0") minus its NUL
          (i32.store (i32.const 16) (i32.load (i32.const 104)))
          (i32.store (i32.const 20) (i32.sub (i32.load (i32.const 4)) (i32.const 8)))
          (drop (call $write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24)))
          (i32.store (i32.const 16) (i32.const 1000))
          (i32.store (i32.const 20) (i32.const 100))
          (drop (call $read (i32.const 0) (i32.const 16) (i32.const 1) (i32.const 24)))
          (i32.store (i32.const 20) (i32.load (i32.const 24)))
          (drop (call $write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24)))))`,
      {},
      { entry: '_start', args: ['hello '], stdin: new TextEncoder().encode('world') },
    );
    expect(new TextDecoder().decode(r.output)).toBe('hello world');
  });
});

describe('refused before running', () => {
  it.each([
    [
      'a clock',
      '(import "wasi_snapshot_preview1" "clock_time_get" (func (param i32 i64 i32) (result i32)))',
      /clock_time_get.*clocks/,
    ],
    [
      'randomness',
      '(import "wasi_snapshot_preview1" "random_get" (func (param i32 i32) (result i32)))',
      /random_get.*randomness/,
    ],
    [
      'the filesystem',
      '(import "wasi_snapshot_preview1" "path_open" (func (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))',
      /path_open.*no filesystem/,
    ],
    [
      'sockets',
      '(import "wasi_snapshot_preview1" "sock_accept" (func (param i32 i32 i32) (result i32)))',
      /sock_accept.*no network/,
    ],
    ['an arbitrary host function', '(import "env" "eval" (func (param i32)))', /env\.eval/],
    ['a host memory', '(import "env" "memory" (memory 1))', /imports a memory/],
    [
      'an allowed function with the wrong signature',
      '(import "wasi_snapshot_preview1" "fd_write" (func (param i32) (result i32)))',
      /wrong signature/,
    ],
  ])('a module importing %s', async (_what, imp, message) => {
    const err = await failure(
      pool.prepare(await wat(`(module ${imp} (func (export "_start")))`)),
      'FORBIDDEN_IMPORT',
    );
    expect(err.refused).toBe(true);
    expect(err.message).toMatch(message);
  });

  it('SIMD and shared memory are refused as features the sandbox cannot meter', async () => {
    await failure(
      pool.prepare(await wat(`(module (func (export "_start") (drop (v128.const i32x4 0 0 0 0))))`)),
      'UNSUPPORTED_FEATURE',
    );
    await failure(
      pool.prepare(await wat(`(module (memory 1 1 shared) (func (export "_start")))`)),
      'UNSUPPORTED_FEATURE',
    );
  });

  it('bytes that are not WebAssembly', async () => {
    const err = await failure(
      pool.prepare(new TextEncoder().encode('#!/bin/sh\nrm -rf /\n')),
      'INVALID_MODULE',
    );
    expect(err.refused).toBe(true);
  });

  it('a module claiming the sandbox’s own export names', async () => {
    await failure(
      pool.prepare(
        await wat(`(module (global (export "cairn_fuel") (mut i64) (i64.const 0)) (func (export "_start")))`),
      ),
      'INVALID_MODULE',
    );
  });

  it('an entry point that does not exist or takes arguments', async () => {
    const prepared = await pool.prepare(await wat(`(module (func (export "f") (param i32)))`));
    await failure(pool.run(prepared, noInput, LIMITS), 'MISSING_ENTRY');
    await failure(pool.run(prepared, { ...noInput, entry: 'f' }, LIMITS), 'MISSING_ENTRY');
  });

  it('a module above the size limit', async () => {
    await failure(pool.prepare(new Uint8Array(2 << 20)), 'MODULE_TOO_LARGE');
  });
});

describe('the process stays up', () => {
  it('kills a run past its wall time and keeps serving with a fresh thread', async () => {
    const err = await failure(
      run(`(module (memory 1) (func (export "_start") (loop $l (br $l))))`, {
        fuel: 10n ** 15n,
        wallTimeMs: 300,
      }),
      'WALL_TIMEOUT',
    );
    expect(err.message).toMatch(/300 ms/);
    const r = await run(HELLO);
    expect(new TextDecoder().decode(r.output)).toBe('still here\n');
    expect(pool.threads).toBe(2);
  });

  it('after every hostile module above, both threads still run jobs', async () => {
    const results = await Promise.all([run(HELLO), run(HELLO), run(HELLO), run(HELLO)]);
    for (const r of results) expect(new TextDecoder().decode(r.output)).toBe('still here\n');
  });
});
