/**
 * The control socket's file: where it may live, what to do with one left behind, and how to
 * create it with mode 0600 without a moment where others could connect.
 *
 * Anyone who can write the directory could replace the socket with their own and read what a
 * client sends (or answer for the node), so that directory must be writable by its owner only.
 * A socket file whose node was killed stays behind; it is replaced only if nothing answers on it.
 */
import { Buffer } from 'node:buffer';
import { chmod, link, lstat, mkdir, mkdtemp, rm, stat, unlink } from 'node:fs/promises';
import { connect, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { ConfigError } from '../shared/config-error';

/** Another node answers on this data dir's socket: a ConfigError (exit 2), worded as what it is. */
export class DataDirInUseError extends ConfigError {
  constructor(
    readonly socketPath: string,
    detail: string,
  ) {
    super([detail], 'start');
    this.name = 'DataDirInUseError';
    this.message = `another node is running with this data dir: ${socketPath} ${detail}`;
  }
}

/** sun_path is 108 bytes on Linux, one of them the terminating NUL. */
export const MAX_SOCKET_PATH_BYTES = 107;

export function defaultSocketPath(dataDir: string): string {
  return join(dataDir, 'control.sock');
}

/** Creates the directory (0700) if missing; refuses one that group or others may write. */
export async function checkPrivateDir(dir: string, what = 'dataDir'): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { mode } = await stat(dir);
  if ((mode & 0o022) !== 0) {
    const who = [(mode & 0o020) !== 0 ? 'group' : '', (mode & 0o002) !== 0 ? 'others' : '']
      .filter(Boolean)
      .join(' and ');
    throw new ConfigError([
      `${what}: ${dir} is writable by ${who} (mode ${(mode & 0o777).toString(8)}), so they could replace the node's control socket; run chmod go-w ${dir} (or chmod 700 ${dir})`,
    ]);
  }
}

export function checkSocketPathLength(path: string): void {
  const bytes = Buffer.byteLength(path);
  if (bytes > MAX_SOCKET_PATH_BYTES) {
    throw new ConfigError([
      `control.socketPath: ${path} is ${bytes} bytes, longer than a Unix socket path may be (${MAX_SOCKET_PATH_BYTES}); use a shorter --data-dir or set control.socketPath`,
    ]);
  }
}

/** Whether something accepts connections on the socket at `path`. */
export function answers(path: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const s = connect(path);
    const done = (v: boolean | Error): void => {
      clearTimeout(timer);
      s.destroy();
      if (v instanceof Error) reject(v);
      else resolve(v);
    };
    // A listener that accepts but is too busy to answer is still a live node.
    const timer = setTimeout(() => done(true), timeoutMs);
    s.once('connect', () => done(true));
    s.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED' || err.code === 'ENOENT') done(false);
      else done(err);
    });
  });
}

/**
 * Makes `path` free for a new socket: nothing there, or a socket nobody answers on (removed).
 * Throws ConfigError when another node answers there or the path is something else.
 */
export async function clearStaleSocket(path: string): Promise<void> {
  let info;
  try {
    info = await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!info.isSocket()) {
    throw new ConfigError([
      `control.socketPath: ${path} exists and is not a socket; move it away or set control.socketPath`,
    ]);
  }
  if (await answers(path)) {
    throw new DataDirInUseError(
      path,
      `answers; stop it first (\`cairn node status --socket ${path}\` shows it), or give this one another --data-dir`,
    );
  }
  await unlink(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}

/**
 * Listens on `path` with the socket file at mode 0600 from its first moment: it is bound inside
 * a fresh 0700 directory beside the target, chmod-ed, then hard-linked into place (link fails
 * rather than replaces if another node took the path meanwhile) and the temporary name removed.
 * Resolves to the socket file's inode, so closing removes the file only if it is still ours.
 */
export async function listenPrivate(server: Server, path: string): Promise<number> {
  checkSocketPathLength(path);
  // `.cs-XXXXXX/s` is as long as `control.sock`: the temporary path fits wherever the final one does.
  const tmp = await mkdtemp(join(dirname(path), '.cs-'));
  const tmpPath = join(tmp, 's');
  try {
    checkSocketPathLength(tmpPath);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(tmpPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
    await chmod(tmpPath, 0o600);
    try {
      await link(tmpPath, path);
    } catch (err) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new DataDirInUseError(path, 'was created by another node while this one started');
      }
      throw err;
    }
    return (await lstat(path)).ino;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Removes the socket file if it is still the one this server created. */
export async function removeOwnSocket(path: string, ino: number): Promise<void> {
  try {
    if ((await lstat(path)).ino === ino) await unlink(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
