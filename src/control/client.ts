/**
 * A client of a node's control channel: connects (Unix socket, or TCP with a token), calls
 * methods, streams a request's progress as an async iterator, cancels. Errors say what the user
 * can do: no node running (and how to start one), a socket that belongs to another user, the
 * node's own error with its data.code.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { type Socket, connect } from 'node:net';
import { dirname } from 'node:path';
import { LineSplitter } from './lines';
import {
  AUTH,
  CANCEL,
  JSONRPC,
  PROGRESS,
  encodeLine,
  type RequestId,
  type RpcErrorData,
  type RpcErrorObject,
} from './protocol';

/** Why a client could not talk to the node; the CLI maps each kind to an exit code. */
export type ControlClientErrorKind =
  'not-running' | 'permission' | 'auth' | 'closed' | 'protocol' | 'timeout';

export class ControlClientError extends Error {
  constructor(
    readonly kind: ControlClientErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ControlClientError';
  }
}

/** The node answered with an error: `code` is its data.code (UNKNOWN_JOB, INVALID_PARAMS, ...). */
export class ControlRemoteError extends Error {
  readonly code: string;
  readonly rpcCode: number;
  readonly data: RpcErrorData;

  constructor(error: RpcErrorObject) {
    super(error.message);
    this.name = 'ControlRemoteError';
    this.rpcCode = error.code;
    this.data = error.data ?? { code: 'UNKNOWN' };
    this.code = this.data.code;
  }
}

export type ControlTarget = { socketPath: string } | { host: string; port: number; token: string };

export interface ConnectOptions {
  /** Give up connecting (and authenticating) after this long (default 5 s). */
  timeoutMs?: number;
}

interface Pending {
  resolve(result: unknown): void;
  reject(err: Error): void;
  onEvent?(event: unknown): void;
}

export interface CallOptions {
  /** Each progress event the node streams for this request. */
  onEvent?(event: unknown): void;
  /** Aborting cancels the request on the node ($/cancel) and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A request whose progress events are read with `for await`; `result` settles with its answer. */
export interface ControlStream<T = unknown> extends AsyncIterable<unknown> {
  readonly id: RequestId;
  readonly result: Promise<T>;
  cancel(): void;
}

export class ControlClient {
  private readonly pending = new Map<RequestId, Pending>();
  private nextId = 1;
  private closedWith?: Error;

  private constructor(
    private readonly socket: Socket,
    readonly target: string,
  ) {
    const lines = new LineSplitter(64 * 1024 * 1024);
    socket.on('data', (chunk: Buffer) => {
      const { lines: got, overflow } = lines.push(chunk);
      for (const line of got) this.onLine(line);
      if (overflow)
        this.fail(new ControlClientError('protocol', `the node sent a message over 64 MiB on ${target}`));
    });
    socket.on('error', (err) =>
      this.fail(
        new ControlClientError('closed', `connection to the node at ${target} failed: ${err.message}`),
      ),
    );
    socket.on('close', () =>
      this.fail(new ControlClientError('closed', `the node at ${target} closed the connection`)),
    );
  }

  static async connect(target: ControlTarget, opts: ConnectOptions = {}): Promise<ControlClient> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const where = 'socketPath' in target ? target.socketPath : `${target.host}:${target.port}`;
    const socket = 'socketPath' in target ? connect(target.socketPath) : connect(target.port, target.host);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ControlClientError('timeout', `no answer from ${where} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve();
      });
      socket.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject('socketPath' in target ? socketError(err, target.socketPath) : tcpError(err, where));
      });
    });
    const client = new ControlClient(socket, where);
    if ('token' in target) {
      try {
        await withTimeout(client.call(AUTH, { token: target.token }), timeoutMs, where);
      } catch (err) {
        client.close();
        if (err instanceof ControlRemoteError)
          throw new ControlClientError('auth', `the node at ${where} refused the token: ${err.message}`);
        throw err;
      }
    }
    return client;
  }

  /** Calls a method and resolves to its result; progress events go to opts.onEvent. */
  call<T = unknown>(
    method: string,
    params: Record<string, unknown> = {},
    opts: CallOptions = {},
  ): Promise<T> {
    return this.start<T>(method, params, opts).result;
  }

  private start<T>(
    method: string,
    params: Record<string, unknown>,
    opts: CallOptions,
  ): { id: RequestId; result: Promise<T> } {
    const id = this.nextId++;
    if (this.closedWith) return { id, result: Promise.reject(this.closedWith) };
    const result = new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        this.cancel(id);
        this.settle(id);
        reject(
          opts.signal?.reason instanceof Error
            ? opts.signal.reason
            : new ControlClientError('closed', 'cancelled'),
        );
      };
      if (opts.signal?.aborted) return onAbort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (r) => {
          opts.signal?.removeEventListener('abort', onAbort);
          resolve(r as T);
        },
        reject: (e) => {
          opts.signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
        onEvent: opts.onEvent,
      });
      this.socket.write(encodeLine({ jsonrpc: JSONRPC, id, method, params }));
    });
    return { id, result };
  }

  /**
   * Calls a method and iterates over its progress events until it is answered; the iterator then
   * ends (or throws the node's error). Leaving the loop early cancels the request on the node.
   */
  stream<T = unknown>(method: string, params: Record<string, unknown> = {}): ControlStream<T> {
    const events: unknown[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const { id, result } = this.start<T>(method, params, {
      onEvent: (e) => {
        events.push(e);
        wake?.();
      },
    });
    const finish = (): void => {
      done = true;
      wake?.();
    };
    result.then(finish, finish);
    const cancel = (): void => {
      if (!done) this.cancel(id);
    };
    return {
      id,
      result,
      cancel,
      [Symbol.asyncIterator]: () => ({
        next: async (): Promise<IteratorResult<unknown>> => {
          while (events.length === 0 && !done) await new Promise<void>((r) => (wake = r));
          wake = undefined;
          if (events.length > 0) return { value: events.shift(), done: false };
          await result; // throws the node's error, if that is how it ended
          return { value: undefined, done: true };
        },
        return: async (): Promise<IteratorResult<unknown>> => {
          cancel();
          return { value: undefined, done: true };
        },
      }),
    };
  }

  /** Asks the node to cancel a request; it answers that request CANCELLED. */
  cancel(id: RequestId): void {
    if (!this.closedWith && this.pending.has(id))
      this.socket.write(encodeLine({ jsonrpc: JSONRPC, method: CANCEL, params: { id } }));
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
    this.fail(new ControlClientError('closed', 'client closed'));
  }

  private settle(id: RequestId): void {
    this.pending.delete(id);
  }

  private onLine(line: string): void {
    let msg: {
      id?: RequestId | null;
      method?: string;
      params?: { id?: RequestId; event?: unknown };
      result?: unknown;
      error?: RpcErrorObject;
    };
    try {
      msg = JSON.parse(line) as typeof msg;
    } catch {
      this.fail(
        new ControlClientError('protocol', `the node at ${this.target} sent a line that is not JSON`),
      );
      return;
    }
    if (msg.method === PROGRESS && msg.params?.id !== undefined) {
      this.pending.get(msg.params.id)?.onEvent?.(msg.params.event);
      return;
    }
    if (msg.id === undefined) return;
    if (msg.id === null) {
      // An error about the connection itself (a limit, authentication): it ends every request.
      if (msg.error) this.fail(new ControlRemoteError(msg.error));
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.error) p.reject(new ControlRemoteError(msg.error));
    else p.resolve(msg.result);
  }

  private fail(err: Error): void {
    this.closedWith ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, where: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(
        () => reject(new ControlClientError('timeout', `no answer from ${where} within ${ms} ms`)),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

const START_HINT = 'start one with `cairn node start` (or `npm start` for the local marketplace)';

function socketError(err: NodeJS.ErrnoException, path: string): ControlClientError {
  switch (err.code) {
    case 'ENOENT':
      return new ControlClientError(
        'not-running',
        `no node is running with this data dir (no socket at ${path}); ${START_HINT}`,
      );
    case 'ECONNREFUSED':
      return new ControlClientError(
        'not-running',
        `no node is running at ${path} (the socket is left from a node that stopped); ${START_HINT}`,
      );
    case 'EACCES':
    case 'EPERM':
      return new ControlClientError(
        'permission',
        `permission denied on ${path}: ${ownerOf(path)}; only its owner may use the node (run cairn as that user, e.g. with sudo -u)`,
      );
    default:
      return new ControlClientError('closed', `cannot connect to ${path}: ${err.message}`);
  }
}

function tcpError(err: NodeJS.ErrnoException, where: string): ControlClientError {
  if (err.code === 'ECONNREFUSED')
    return new ControlClientError(
      'not-running',
      `no node listens on ${where}; is control.tcp enabled on it?`,
    );
  return new ControlClientError('closed', `cannot connect to ${where}: ${err.message}`);
}

/** "it belongs to alice (uid 1000), mode 600", or what can be told when the path cannot be read. */
function ownerOf(path: string): string {
  for (const p of [path, dirname(path)]) {
    try {
      const info = lstatSyncSafe(p);
      if (!info) continue;
      const what = p === path ? 'the socket' : `its directory ${p}`;
      return `${what} belongs to ${userName(info.uid)} (uid ${info.uid}), mode ${(info.mode & 0o777).toString(8)}, and you are uid ${process.getuid?.() ?? '?'}`;
    } catch {
      continue;
    }
  }
  return 'it belongs to another user';
}

function lstatSyncSafe(p: string): { uid: number; mode: number } | undefined {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/** The user name of a uid from /etc/passwd (Node only knows the current user's). */
export function userName(uid: number): string {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [name, , id] = line.split(':');
      if (name && Number(id) === uid) return name;
    }
  } catch {
    // no /etc/passwd (containers without one): the uid alone
  }
  return `uid ${uid}`;
}
