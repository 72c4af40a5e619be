/**
 * One client of the control channel: its lines in, its requests in flight, their progress and
 * answers out. A connection never throws into the server: a malformed line is answered with an
 * error and the next line read; only a line over the cap, a failed authentication or a client too
 * slow to read its answers closes it. When it closes, every handler still running is aborted.
 */
import type { Socket } from 'node:net';
import type { Logger } from '../shared/logging';
import { AuthFailureLimiter, normalizeAddress, tokenMatches } from './auth';
import { LineSplitter } from './lines';
import {
  AUTH,
  CANCEL,
  ControlError,
  JSONRPC,
  PROGRESS,
  RpcCode,
  encodeLine,
  parseIncoming,
  rpcError,
  type RequestId,
  type RpcErrorObject,
  type RpcRequest,
} from './protocol';
import { type MethodRegistry, unknownMethod } from './registry';

export interface ConnectionLimits {
  maxLineBytes: number;
  maxConcurrent: number;
  /** Bytes queued for a client that does not read before it is dropped. */
  maxBufferedBytes: number;
}

export interface TcpAuth {
  token: string;
  limiter: AuthFailureLimiter;
  timeoutMs: number;
}

/** How long a connection the node ends stays half-open for the client to read its last answer. */
const END_GRACE_MS = 500;

interface InFlight {
  controller: AbortController;
  /** Answered (result, error, or cancelled): later events and the handler's result are dropped. */
  answered: boolean;
}

export class Connection {
  private readonly lines: LineSplitter;
  private readonly inflight = new Map<RequestId, InFlight>();
  private closed = false;
  private released = false;
  private authed: boolean;
  private authTimer?: NodeJS.Timeout;
  readonly remote: string;

  constructor(
    private readonly socket: Socket,
    private readonly registry: MethodRegistry,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
    /** Called once the connection is closed and every handler it started has settled. */
    private readonly onReleased: (c: Connection) => void,
    private readonly auth?: TcpAuth,
  ) {
    this.lines = new LineSplitter(limits.maxLineBytes);
    this.remote = auth ? normalizeAddress(socket.remoteAddress) : 'unix';
    this.authed = auth === undefined;
  }

  /** Starts reading; separate from the constructor so the server holds the connection before it can close. */
  start(): void {
    const { socket, auth } = this;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) =>
      this.log.debug({ err: err.message, remote: this.remote }, 'control connection error'),
    );
    socket.on('close', () => this.closeNow());
    if (auth) {
      const wait = auth.limiter.retryAfterMs(this.remote);
      if (wait > 0) {
        this.refuse(rateLimited(wait));
        return;
      }
      this.authTimer = setTimeout(
        () =>
          this.refuse(rpcError(RpcCode.Refused, 'UNAUTHORIZED', `no ${AUTH} within ${auth.timeoutMs} ms`)),
        auth.timeoutMs,
      );
    }
  }

  /** Requests whose handlers have not settled yet. */
  get pending(): number {
    return this.inflight.size;
  }

  /** Sends one error and closes (too many connections, authentication, a line over the cap). */
  refuse(error: RpcErrorObject, id: RequestId | null = null): void {
    this.send({ jsonrpc: JSONRPC, id, error });
    this.endSoon();
    this.closeNow();
  }

  /** The node is stopping: every request still running is answered SHUTTING_DOWN and aborted. */
  shutdown(): void {
    for (const [id, entry] of this.inflight) {
      this.answer(id, entry, {
        error: rpcError(
          RpcCode.ShuttingDown,
          'SHUTTING_DOWN',
          'the node is shutting down; the request did not complete',
        ),
      });
    }
    this.endSoon();
    this.closeNow();
  }

  /**
   * Half-closes, then closes for good after a moment: the client gets time to read the last
   * answer, and one that keeps its side open cannot hold the descriptor (and, uncounted once this
   * connection is released, get round maxConnections).
   */
  private endSoon(): void {
    this.socket.end();
    setTimeout(() => this.socket.destroy(), END_GRACE_MS).unref();
  }

  /** Hard close (after end() had its chance to flush). */
  destroy(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    const { lines, overflow } = this.lines.push(chunk);
    for (const line of lines) {
      if (this.closed) return;
      this.onLine(line);
    }
    if (overflow && !this.closed) {
      this.refuse(
        rpcError(
          RpcCode.InvalidRequest,
          'LINE_TOO_LONG',
          `a message is longer than ${this.limits.maxLineBytes} bytes; the connection is closed`,
          {
            maxLineBytes: this.limits.maxLineBytes,
          },
        ),
      );
    }
  }

  private onLine(line: string): void {
    if (line.trim() === '') return;
    const msg = parseIncoming(line);
    if (!this.authed) {
      this.authenticate(
        msg.kind === 'invalid' ? undefined : msg.kind === 'request' ? msg.request : msg.notification,
      );
      return;
    }
    if (msg.kind === 'invalid') {
      this.send({ jsonrpc: JSONRPC, id: msg.id, error: msg.error });
    } else if (msg.kind === 'notification') {
      // JSON-RPC never answers a notification; the only one with a meaning here is $/cancel.
      if (msg.notification.method === CANCEL)
        this.cancel((msg.notification.params as { id?: unknown } | undefined)?.id);
    } else {
      this.onRequest(msg.request);
    }
  }

  private authenticate(msg: { method: string; params?: unknown; id?: RequestId } | undefined): void {
    const auth = this.auth!;
    const id = msg?.id ?? null;
    if (msg?.method !== AUTH) {
      this.refuse(
        rpcError(
          RpcCode.Refused,
          'UNAUTHORIZED',
          `authenticate first: the first line on TCP must be {"jsonrpc":"2.0","id":1,"method":"${AUTH}","params":{"token":"..."}}`,
        ),
        id,
      );
      return;
    }
    const wait = auth.limiter.retryAfterMs(this.remote);
    if (wait > 0) {
      this.refuse(rateLimited(wait), id);
      return;
    }
    if (!tokenMatches(auth.token, (msg.params as { token?: unknown } | undefined)?.token)) {
      auth.limiter.fail(this.remote);
      this.log.warn({ remote: this.remote }, 'control: wrong token');
      this.refuse(
        rpcError(
          RpcCode.Refused,
          'UNAUTHORIZED',
          "wrong token (the one in the node's control.tcp.tokenFile)",
        ),
        id,
      );
      return;
    }
    this.authed = true;
    clearTimeout(this.authTimer);
    if (id !== null) this.send({ jsonrpc: JSONRPC, id, result: { authenticated: true } });
  }

  private onRequest(req: RpcRequest): void {
    const { id, method } = req;
    if (method === AUTH) {
      // Already trusted (a Unix socket, or authenticated once): nothing to check.
      this.send({ jsonrpc: JSONRPC, id, result: { authenticated: true } });
      return;
    }
    if (this.inflight.has(id)) {
      this.send({
        jsonrpc: JSONRPC,
        id,
        error: rpcError(
          RpcCode.InvalidRequest,
          'DUPLICATE_ID',
          `id ${JSON.stringify(id)} is already used by a request in flight`,
        ),
      });
      return;
    }
    if (!this.registry.has(method)) {
      this.send({ jsonrpc: JSONRPC, id, error: unknownMethod(method, this.registry.names()).toRpc() });
      return;
    }
    if (this.inflight.size >= this.limits.maxConcurrent) {
      this.send({
        jsonrpc: JSONRPC,
        id,
        error: rpcError(
          RpcCode.Refused,
          'BUSY',
          `${this.limits.maxConcurrent} requests already in flight on this connection; wait for one to finish or open another connection`,
        ),
      });
      return;
    }
    const entry: InFlight = { controller: new AbortController(), answered: false };
    this.inflight.set(id, entry);
    const ctx = {
      signal: entry.controller.signal,
      notify: (event: unknown) => {
        if (!entry.answered && !this.closed)
          this.send({ jsonrpc: JSONRPC, method: PROGRESS, params: { id, event } });
      },
    };
    this.registry
      .invoke(method, req.params, ctx)
      .then(
        (result) => this.answer(id, entry, { result: result ?? null }),
        (err: unknown) =>
          this.answer(id, entry, { error: this.toRpcError(method, err, entry.controller.signal) }),
      )
      .finally(() => {
        this.inflight.delete(id);
        this.releaseIfDone();
      });
  }

  private cancel(id: unknown): void {
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const entry = this.inflight.get(id);
    if (!entry || entry.answered) return;
    this.answer(id, entry, { error: rpcError(RpcCode.Cancelled, 'CANCELLED', 'cancelled by the client') });
  }

  /** Sends the one answer of a request and aborts its handler if it is still running. */
  private answer(
    id: RequestId,
    entry: InFlight,
    outcome: { result: unknown } | { error: RpcErrorObject },
  ): void {
    if (entry.answered) return;
    entry.answered = true;
    if (!entry.controller.signal.aborted && 'error' in outcome) {
      entry.controller.abort(new ControlError(outcome.error.data.code, outcome.error.message));
    }
    if (!this.closed) this.send({ jsonrpc: JSONRPC, id, ...outcome });
  }

  private toRpcError(method: string, err: unknown, signal: AbortSignal): RpcErrorObject {
    if (err instanceof ControlError) return err.toRpc();
    if (signal.aborted) return rpcError(RpcCode.Cancelled, 'CANCELLED', 'cancelled');
    this.log.error({ err, method }, 'control method failed');
    return rpcError(
      RpcCode.Internal,
      'INTERNAL',
      `${method} failed inside the node: ${(err as Error)?.message ?? String(err)}`,
    );
  }

  private send(message: unknown): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    let line: string;
    try {
      line = encodeLine(message);
    } catch (err) {
      // A handler returned something JSON cannot carry (a cycle): say so rather than drop the answer.
      const id = (message as { id?: RequestId }).id ?? null;
      line = encodeLine({
        jsonrpc: JSONRPC,
        id,
        error: rpcError(
          RpcCode.Internal,
          'INTERNAL',
          `the answer could not be encoded: ${(err as Error).message}`,
        ),
      });
    }
    this.socket.write(line);
    if (this.socket.writableLength > this.limits.maxBufferedBytes) {
      this.log.warn(
        { remote: this.remote, buffered: this.socket.writableLength },
        'control client does not read its answers; dropped',
      );
      this.socket.destroy();
    }
  }

  private closeNow(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.authTimer);
    // The client is gone: stop what it asked for. Entries leave the map as their handlers settle.
    for (const entry of this.inflight.values()) {
      entry.answered = true;
      if (!entry.controller.signal.aborted)
        entry.controller.abort(new ControlError('DISCONNECTED', 'the client disconnected'));
    }
    this.releaseIfDone();
  }

  private releaseIfDone(): void {
    if (this.closed && this.inflight.size === 0 && !this.released) {
      this.released = true;
      this.onReleased(this);
    }
  }
}

function rateLimited(waitMs: number): RpcErrorObject {
  const s = Math.ceil(waitMs / 1000);
  return rpcError(
    RpcCode.Refused,
    'RATE_LIMITED',
    `too many failed authentications from this address; try again in ${s} s`,
    { retryAfterMs: waitMs },
  );
}
