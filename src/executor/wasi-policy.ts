/**
 * The host functions a guest may import: a deterministic subset of WASI preview 1 with
 * arguments, stdin, stdout and stderr and nothing else. Clocks and randomness are refused (they
 * would make two honest workers disagree, which breaks redundancy verification), as are files,
 * sockets and polling (the worker's machine is not the poster's to read).
 *
 * Each allowed import has its exact signature: a JS host function accepts any arity, so a
 * mismatched declaration would otherwise link and read garbage arguments.
 */

export const WASI_MODULE = 'wasi_snapshot_preview1';

const I32 = 0x7f;
const I64 = 0x7e;

export interface FuncSig {
  params: readonly number[];
  results: readonly number[];
}

const errno = (...params: number[]): FuncSig => ({ params, results: [I32] });

export const ALLOWED_WASI: Readonly<Record<string, FuncSig>> = {
  args_sizes_get: errno(I32, I32),
  args_get: errno(I32, I32),
  environ_sizes_get: errno(I32, I32),
  environ_get: errno(I32, I32),
  fd_write: errno(I32, I32, I32, I32),
  fd_read: errno(I32, I32, I32, I32),
  fd_close: errno(I32),
  fd_seek: errno(I32, I64, I32, I32),
  fd_fdstat_get: errno(I32, I32),
  // wasi-libc probes for preopened directories at start-up; there are none (EBADF).
  fd_prestat_get: errno(I32, I32),
  fd_prestat_dir_name: errno(I32, I32, I32),
  sched_yield: errno(),
  proc_exit: { params: [I32], results: [] },
};

/** Why a known WASI function is refused, for an actionable message. */
const REFUSED_REASON: Readonly<Record<string, string>> = {
  clock_time_get: 'clocks make results differ between workers',
  clock_res_get: 'clocks make results differ between workers',
  random_get: 'randomness makes results differ between workers; take a seed as an argument',
  poll_oneoff: 'there is nothing to wait for in the sandbox',
  path_open: 'the sandbox has no filesystem; read stdin',
  sock_accept: 'the sandbox has no network',
  sock_recv: 'the sandbox has no network',
  sock_send: 'the sandbox has no network',
  sock_shutdown: 'the sandbox has no network',
};

export function refusalReason(module: string, name: string): string {
  if (module !== WASI_MODULE) {
    return `only ${WASI_MODULE} functions can be imported`;
  }
  if (name.startsWith('path_') || name.startsWith('fd_')) return 'the sandbox has no filesystem; read stdin';
  return (
    REFUSED_REASON[name] ?? 'not in the sandbox WASI subset (args, environ, stdin/stdout/stderr, proc_exit)'
  );
}

export function sigEquals(a: FuncSig, b: FuncSig): boolean {
  return (
    a.params.length === b.params.length &&
    a.results.length === b.results.length &&
    a.params.every((p, i) => p === b.params[i]) &&
    a.results.every((r, i) => r === b.results[i])
  );
}
