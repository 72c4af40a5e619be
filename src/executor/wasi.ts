/**
 * The guest's whole view of the world: a WASI preview 1 subset held in memory. Arguments,
 * an empty environment, stdin from a buffer, stdout and stderr into buffers, proc_exit. No file
 * descriptor beyond 0-2 exists, so there is nothing to open, seek or poll, and no host resource
 * is ever touched (node:wasi would need real descriptors for stdio and copies output only after
 * the fact; here the output cap is enforced at the write that crosses it).
 */
import { ALLOWED_WASI, WASI_MODULE } from './wasi-policy';
import { concatBytes } from '../shared/bytes';

const ESUCCESS = 0;
const EBADF = 8;
const EFAULT = 21;
const ESPIPE = 70;

const FILETYPE_CHARACTER_DEVICE = 2;
const RIGHTS_FD_READ = 1n << 1n;
const RIGHTS_FD_WRITE = 1n << 6n;

/** Thrown through the guest's frames by proc_exit; never seen by the guest. */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** Thrown through the guest's frames when a host call costs more fuel than is left. */
export class OutOfFuelSignal {}

/** Thrown through the guest's frames when stdout would pass its cap. */
export class OutputLimitSignal {
  constructor(readonly limit: number) {}
}

export interface WasiOptions {
  args: readonly string[];
  stdin: Uint8Array;
  maxStdout: number;
  maxStderr: number;
}

class CappedBuffer {
  private chunks: Uint8Array[] = [];
  size = 0;
  truncated = false;

  constructor(private readonly cap: number) {}

  /** Appends what fits; returns false if anything did not. */
  append(b: Uint8Array): boolean {
    const room = this.cap - this.size;
    const take = Math.min(room, b.length);
    if (take > 0) {
      this.chunks.push(b.slice(0, take));
      this.size += take;
    }
    if (take < b.length) this.truncated = true;
    return take === b.length;
  }

  bytes(): Uint8Array {
    return concatBytes(this.chunks, this.size);
  }
}

export class SandboxWasi {
  private memory: WebAssembly.Memory | undefined;
  private readonly argv: Uint8Array[];
  private stdinPos = 0;
  private charge: (n: number) => void = () => undefined;
  readonly stdout: CappedBuffer;
  readonly stderr: CappedBuffer;

  constructor(private readonly opts: WasiOptions) {
    const enc = new TextEncoder();
    this.argv = opts.args.map((a) => {
      const b = enc.encode(a);
      const z = new Uint8Array(b.length + 1);
      z.set(b);
      return z;
    });
    this.stdout = new CappedBuffer(opts.maxStdout);
    this.stderr = new CappedBuffer(opts.maxStderr);
  }

  bind(memory: WebAssembly.Memory): void {
    this.memory = memory;
  }

  /**
   * Meters the host side of stdin and stdout: 1 per iovec plus 1 per 8 bytes copied, the rate of
   * memory.copy. Without it one fd_write of millions of empty iovecs costs a single instruction's
   * fuel and any amount of CPU. `charge` throws (OutOfFuelSignal) when the fuel left is short.
   */
  meter(charge: (n: number) => void): void {
    this.charge = charge;
  }

  /** Views are made per call: memory.grow detaches the previous buffer. */
  private view(): DataView {
    if (!this.memory) throw new WebAssembly.RuntimeError('WASI call before memory was bound');
    return new DataView(this.memory.buffer);
  }

  private inBounds(ptr: number, len: number): boolean {
    const size = this.memory?.buffer.byteLength ?? 0;
    return ptr >= 0 && len >= 0 && ptr + len <= size;
  }

  imports(): WebAssembly.Imports {
    const fns: Record<string, (...a: never[]) => number | void> = {
      args_sizes_get: (argcPtr: number, bufSizePtr: number) => {
        if (!this.inBounds(argcPtr, 4) || !this.inBounds(bufSizePtr, 4)) return EFAULT;
        const v = this.view();
        v.setUint32(argcPtr, this.argv.length, true);
        v.setUint32(
          bufSizePtr,
          this.argv.reduce((n, a) => n + a.length, 0),
          true,
        );
        return ESUCCESS;
      },
      args_get: (argvPtr: number, bufPtr: number) => {
        const total = this.argv.reduce((n, a) => n + a.length, 0);
        if (!this.inBounds(argvPtr, 4 * this.argv.length) || !this.inBounds(bufPtr, total)) return EFAULT;
        const v = this.view();
        const mem = new Uint8Array(v.buffer);
        let off = bufPtr;
        this.argv.forEach((a, i) => {
          v.setUint32(argvPtr + 4 * i, off, true);
          mem.set(a, off);
          off += a.length;
        });
        return ESUCCESS;
      },
      environ_sizes_get: (countPtr: number, sizePtr: number) => {
        if (!this.inBounds(countPtr, 4) || !this.inBounds(sizePtr, 4)) return EFAULT;
        const v = this.view();
        v.setUint32(countPtr, 0, true);
        v.setUint32(sizePtr, 0, true);
        return ESUCCESS;
      },
      environ_get: () => ESUCCESS,
      fd_write: (fd: number, iovs: number, iovsLen: number, nwrittenPtr: number) => {
        if (fd !== 1 && fd !== 2) return EBADF;
        if (!this.inBounds(iovs, 8 * iovsLen) || !this.inBounds(nwrittenPtr, 4)) return EFAULT;
        this.charge(iovsLen);
        const v = this.view();
        const mem = new Uint8Array(v.buffer);
        let written = 0;
        for (let i = 0; i < iovsLen; i++) {
          const ptr = v.getUint32(iovs + 8 * i, true);
          const len = v.getUint32(iovs + 8 * i + 4, true);
          if (!this.inBounds(ptr, len)) return EFAULT;
          this.charge(len >>> 3);
          const data = mem.subarray(ptr, ptr + len);
          if (fd === 1) {
            if (!this.stdout.append(data)) throw new OutputLimitSignal(this.opts.maxStdout);
          } else {
            this.stderr.append(data); // diagnostics only: silently truncated
          }
          written += len;
        }
        v.setUint32(nwrittenPtr, written, true);
        return ESUCCESS;
      },
      fd_read: (fd: number, iovs: number, iovsLen: number, nreadPtr: number) => {
        if (fd !== 0) return EBADF;
        if (!this.inBounds(iovs, 8 * iovsLen) || !this.inBounds(nreadPtr, 4)) return EFAULT;
        this.charge(iovsLen);
        const v = this.view();
        const mem = new Uint8Array(v.buffer);
        const input = this.opts.stdin;
        let read = 0;
        for (let i = 0; i < iovsLen && this.stdinPos < input.length; i++) {
          const ptr = v.getUint32(iovs + 8 * i, true);
          const len = v.getUint32(iovs + 8 * i + 4, true);
          if (!this.inBounds(ptr, len)) return EFAULT;
          const n = Math.min(len, input.length - this.stdinPos);
          this.charge(n >>> 3);
          mem.set(input.subarray(this.stdinPos, this.stdinPos + n), ptr);
          this.stdinPos += n;
          read += n;
        }
        v.setUint32(nreadPtr, read, true);
        return ESUCCESS;
      },
      fd_close: (fd: number) => (fd <= 2 ? ESUCCESS : EBADF),
      fd_seek: (fd: number) => (fd <= 2 ? ESPIPE : EBADF),
      fd_fdstat_get: (fd: number, buf: number) => {
        if (fd > 2) return EBADF;
        if (!this.inBounds(buf, 24)) return EFAULT;
        const v = this.view();
        v.setUint8(buf, FILETYPE_CHARACTER_DEVICE);
        v.setUint16(buf + 2, 0, true);
        v.setBigUint64(buf + 8, fd === 0 ? RIGHTS_FD_READ : RIGHTS_FD_WRITE, true);
        v.setBigUint64(buf + 16, 0n, true);
        return ESUCCESS;
      },
      fd_prestat_get: () => EBADF,
      fd_prestat_dir_name: () => EBADF,
      sched_yield: () => ESUCCESS,
      proc_exit: (code: number) => {
        throw new ExitSignal(code);
      },
    };
    for (const name of Object.keys(fns)) {
      if (!(name in ALLOWED_WASI))
        throw new Error(`WASI shim defines ${name}, which the policy does not allow`);
    }
    return { [WASI_MODULE]: fns as unknown as WebAssembly.ModuleImports };
  }
}
