/**
 * The control channel's wire: JSON-RPC 2.0, one JSON message per line (newline-delimited).
 *
 * - A request carries an id and gets exactly one response with that id.
 * - While it runs, a handler may stream progress as notifications tied to it:
 *   {"jsonrpc":"2.0","method":"progress","params":{"id":<request id>,"event":{...}}}.
 * - The client cancels a request with the notification {"jsonrpc":"2.0","method":"$/cancel","params":{"id":...}};
 *   the request is answered at once with a CANCELLED error and its handler's signal aborts.
 * - Every error carries `data.code`, a stable string scripts can switch on; the numeric code is
 *   JSON-RPC's (-32700 parse, -32600 invalid request, -32601 unknown method, -32602 invalid
 *   params, -32603 internal) or one of the server codes below.
 *
 * bigint values (amounts in fri) are sent as decimal strings: JSON has no integer type wide enough.
 */

export const JSONRPC = '2.0' as const;

/** The notification that carries a request's progress events. */
export const PROGRESS = 'progress';
/** Client → server notification: cancel the request whose id is in params. */
export const CANCEL = '$/cancel';
/** The first message on a TCP connection: {"method":"$/auth","params":{"token":"..."}}. */
export const AUTH = '$/auth';

export const RpcCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  Internal: -32603,
  /** An application error from a method (an unknown job, not enough balance, ...); data.code says which. */
  Application: -32000,
  /** Refused by the channel itself: a limit reached, authentication missing or wrong. */
  Refused: -32001,
  /** The node is stopping; the request did not complete. */
  ShuttingDown: -32002,
  /** Cancelled by the client ($/cancel). The value LSP uses for the same thing. */
  Cancelled: -32800,
} as const;

export type RequestId = string | number;

export interface RpcErrorData {
  /** A stable machine-readable name: PARSE_ERROR, UNKNOWN_METHOD, INVALID_PARAMS, BUSY, ... */
  code: string;
  [key: string]: unknown;
}

export interface RpcErrorObject {
  code: number;
  message: string;
  data: RpcErrorData;
}

export interface RpcRequest {
  jsonrpc: typeof JSONRPC;
  id: RequestId;
  method: string;
  params?: unknown;
}

export interface RpcNotification {
  jsonrpc: typeof JSONRPC;
  method: string;
  params?: unknown;
}

export type RpcResponse =
  | { jsonrpc: typeof JSONRPC; id: RequestId | null; result: unknown }
  | { jsonrpc: typeof JSONRPC; id: RequestId | null; error: RpcErrorObject };

/**
 * An error a method handler throws for the caller to act on: `code` is data.code on the wire,
 * `message` says what happened and what to do, `data` carries the figures (a balance, the amount
 * needed). Anything else a handler throws is answered as INTERNAL.
 */
export class ControlError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly data: Record<string, unknown> = {},
    readonly rpcCode: number = RpcCode.Application,
  ) {
    super(message);
    this.name = 'ControlError';
  }

  toRpc(): RpcErrorObject {
    return { code: this.rpcCode, message: this.message, data: { ...this.data, code: this.code } };
  }
}

export function rpcError(
  rpcCode: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): RpcErrorObject {
  return { code: rpcCode, message, data: { ...extra, code } };
}

/** One message as a line: bigint as decimal strings, terminated by \n. */
export function encodeLine(message: unknown): string {
  return (
    JSON.stringify(message, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    ) + '\n'
  );
}

const isId = (v: unknown): v is RequestId =>
  (typeof v === 'string' && v.length <= 256) || (typeof v === 'number' && Number.isFinite(v));

/** What a server makes of one line. */
export type Incoming =
  | { kind: 'request'; request: RpcRequest }
  | { kind: 'notification'; notification: RpcNotification }
  | { kind: 'invalid'; id: RequestId | null; error: RpcErrorObject };

const EXAMPLE = '{"jsonrpc":"2.0","id":1,"method":"node.status","params":{}}';

export function parseIncoming(line: string): Incoming {
  let msg: unknown;
  try {
    msg = JSON.parse(line);
  } catch (err) {
    return {
      kind: 'invalid',
      id: null,
      error: rpcError(
        RpcCode.ParseError,
        'PARSE_ERROR',
        `not JSON (${(err as Error).message}); send one JSON-RPC message per line, e.g. ${EXAMPLE}`,
      ),
    };
  }
  if (Array.isArray(msg)) {
    return {
      kind: 'invalid',
      id: null,
      error: rpcError(
        RpcCode.InvalidRequest,
        'INVALID_REQUEST',
        'batches are not supported; send one request per line',
      ),
    };
  }
  if (typeof msg !== 'object' || msg === null) {
    return {
      kind: 'invalid',
      id: null,
      error: rpcError(RpcCode.InvalidRequest, 'INVALID_REQUEST', `expected a JSON object like ${EXAMPLE}`),
    };
  }
  const m = msg as Record<string, unknown>;
  const id = isId(m.id) ? m.id : null;
  const problems: string[] = [];
  if (m.jsonrpc !== JSONRPC) problems.push('"jsonrpc" must be "2.0"');
  if (typeof m.method !== 'string' || m.method.length === 0 || m.method.length > 128)
    problems.push('"method" must be a non-empty string');
  if ('id' in m && m.id !== null && !isId(m.id)) problems.push('"id" must be a string or a number');
  // Named params only: every method takes an object, so positional (array) params would be a guess.
  if ('params' in m && (typeof m.params !== 'object' || m.params === null || Array.isArray(m.params)))
    problems.push('"params" must be an object');
  if (problems.length > 0) {
    return {
      kind: 'invalid',
      id,
      error: rpcError(RpcCode.InvalidRequest, 'INVALID_REQUEST', `invalid request: ${problems.join('; ')}`),
    };
  }
  const method = m.method as string;
  if (id === null)
    return { kind: 'notification', notification: { jsonrpc: JSONRPC, method, params: m.params } };
  return { kind: 'request', request: { jsonrpc: JSONRPC, id, method, params: m.params } };
}
