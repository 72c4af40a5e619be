/**
 * Content-addressed bytes: modules, input shards and circuit artifacts named by their sha256,
 * which is how a manifest refers to them. Kept in memory, and on disk when a directory is given;
 * bytes read back from disk are re-hashed, so a corrupted or swapped file is never served.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SandboxError } from './errors';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Where a job's content-addressed bytes are looked up: the node's store, or a job's view of it. */
export interface BlobSource {
  has(hash: string): boolean;
  /** The bytes named `hash`; throws MODULE_NOT_FOUND (with `what` in the message) if absent. */
  get(hash: string, what?: string): Uint8Array;
}

export class BlobStore implements BlobSource {
  private readonly mem = new Map<string, Uint8Array>();

  constructor(private readonly dir?: string) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  put(bytes: Uint8Array): string {
    const hash = sha256Hex(bytes);
    if (!this.mem.has(hash)) this.mem.set(hash, bytes);
    if (this.dir) {
      const path = join(this.dir, hash);
      if (!existsSync(path)) {
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, bytes);
        renameSync(tmp, path);
      }
    }
    return hash;
  }

  has(hash: string): boolean {
    return this.mem.has(hash) || (!!this.dir && SHA256.test(hash) && existsSync(join(this.dir, hash)));
  }

  /** The bytes named `hash`; throws MODULE_NOT_FOUND (with `what` in the message) if absent. */
  get(hash: string, what = 'blob'): Uint8Array {
    const hit = this.mem.get(hash);
    if (hit) return hit;
    if (this.dir && SHA256.test(hash)) {
      const path = join(this.dir, hash);
      if (existsSync(path)) {
        const bytes = new Uint8Array(readFileSync(path));
        if (sha256Hex(bytes) !== hash) {
          throw new SandboxError('MODULE_NOT_FOUND', `${what} ${hash} on disk does not hash to its name`);
        }
        this.mem.set(hash, bytes);
        return bytes;
      }
    }
    throw new SandboxError('MODULE_NOT_FOUND', `${what} ${hash} is not in the store`);
  }

  /**
   * A view for one job: `extra` (the blobs that came with it) first, then this store. The extra
   * bytes are named by their own hash and dropped with the view, so a node taking many jobs
   * does not keep every input it was ever sent.
   */
  overlay(extra: Iterable<Uint8Array>): BlobSource {
    const own = new Map<string, Uint8Array>();
    for (const b of extra) own.set(sha256Hex(b), b);
    return {
      has: (hash) => own.has(hash) || this.has(hash),
      get: (hash, what) => own.get(hash) ?? this.get(hash, what),
    };
  }
}
