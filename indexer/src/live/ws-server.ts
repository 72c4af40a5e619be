/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol, `graphql-transport-ws`) on the
 * HTTP server's `/graphql` path, with graphql-ws's own server core and this process's caps:
 *
 * - connections per process (503 at the upgrade), subscriptions per connection (an error for
 *   the one over), messages a client sends per second (closed 4429), bytes queued to a client
 *   that does not read (closed 4413), frame size (the HTTP body cap);
 * - every document passes the same guards as a query over HTTP (tokens, depth, aliases,
 *   directives, fragments, cost, introspection, `first` variables) and standard validation;
 * - only subscriptions: queries go over HTTP, where the rate limit, admission and cache are.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  parse,
  validate,
} from 'graphql';
import { CloseCode, type ConnectionInitMessage, handleProtocols, makeServer } from 'graphql-ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import type { GraphqlLimits } from '../graphql/limits';
import { checkPageVariables, guardDocument } from '../graphql/query-guard';
import type { GqlContext } from '../graphql/resolvers';
import type { LiveLimits } from './live-limits';
import { TokenBucket } from './token-bucket';

export const WS_PATH = '/graphql';
/** Close codes of our own (4000-4999 are the application's): the reason text says more. */
export const CLOSE_TOO_MANY_MESSAGES = 4429;
export const CLOSE_SLOW_CONSUMER = 4413;

const refusal = (message: string, code: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extra } });

export interface SubscriptionServerOptions {
  schema: GraphQLSchema;
  limits: GraphqlLimits;
  live: LiveLimits;
  /** A context for one subscription, alive as long as it is. */
  context: () => GqlContext;
  log: Logger;
}

export interface SubscriptionServer {
  readonly connections: number;
  close(): Promise<void>;
}

export function attachSubscriptionServer(http: Server, opts: SubscriptionServerOptions): SubscriptionServer {
  const { schema, limits, live, log } = opts;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxQueryBytes + 65_536,
    handleProtocols: (protocols) => handleProtocols(protocols),
  });

  const check = (query: unknown, variables: unknown): { doc: DocumentNode } | { errors: GraphQLError[] } => {
    if (typeof query !== 'string' || query === '')
      return { errors: [refusal('missing "query": send the GraphQL document as a string', 'BAD_REQUEST')] };
    const bytes = Buffer.byteLength(query);
    if (bytes > limits.maxQueryBytes)
      return {
        errors: [
          refusal(`the query is ${bytes} bytes; the limit is ${limits.maxQueryBytes}`, 'QUERY_TOO_LARGE'),
        ],
      };
    let doc: DocumentNode;
    try {
      doc = parse(query, { maxTokens: limits.maxTokens });
    } catch (err) {
      return { errors: [err instanceof GraphQLError ? err : refusal(String(err), 'GRAPHQL_PARSE_FAILED')] };
    }
    const guarded = guardDocument(schema, doc, limits);
    const errors = [...guarded.errors];
    if (!limits.introspection) errors.push(...validate(schema, doc, [NoSchemaIntrospectionCustomRule]));
    if (errors.length) return { errors };
    errors.push(...validate(schema, doc));
    if (errors.length) return { errors };
    if (
      variables !== undefined &&
      variables !== null &&
      (typeof variables !== 'object' || Array.isArray(variables))
    )
      return { errors: [refusal('"variables" must be a JSON object', 'BAD_REQUEST')] };
    errors.push(
      ...checkPageVariables(
        guarded.analysis.pageVariables,
        (variables ?? undefined) as Record<string, unknown>,
      ),
    );
    return errors.length ? { errors } : { doc };
  };

  const server = makeServer<ConnectionInitMessage['payload'], { ip: string }>({
    schema,
    connectionInitWaitTimeout: 5_000,
    onSubscribe: (ctx, _id, payload) => {
      // graphql-ws has already entered this one in ctx.subscriptions.
      const open = Object.keys(ctx.subscriptions).length;
      if (open > live.maxSubscriptionsPerConnection)
        return [
          refusal(
            `this connection already holds ${open - 1} subscriptions; the limit is ${live.maxSubscriptionsPerConnection}: complete one first`,
            'TOO_MANY_SUBSCRIPTIONS',
            { limit: live.maxSubscriptionsPerConnection },
          ),
        ];
      const checked = check(payload.query, payload.variables);
      if ('errors' in checked) {
        log.info(
          { ip: ctx.extra.ip, errors: checked.errors.slice(0, 3).map((e) => e.message) },
          'subscription refused',
        );
        return checked.errors;
      }
      const op = getOperationAST(checked.doc, payload.operationName);
      if (!op) return [refusal('name the operation to run (operationName)', 'BAD_REQUEST')];
      if (op.operation !== 'subscription')
        return [
          refusal(
            `only subscriptions are served over WebSocket; send ${op.operation === 'query' ? 'queries' : 'mutations'} with HTTP POST to /graphql`,
            'SUBSCRIPTIONS_ONLY',
          ),
        ];
      return {
        schema,
        document: checked.doc,
        operationName: payload.operationName,
        variableValues: (payload.variables ?? undefined) as Record<string, unknown> | undefined,
        contextValue: opts.context(),
      };
    },
    onError: (_ctx, _id, _payload, errors) => {
      // A resolver's own error (a bad argument) goes out as is; anything else stays in the log.
      return errors.map((e) => {
        if (!e.originalError || e.originalError instanceof GraphQLError || e.extensions.code)
          return e.toJSON();
        log.error({ err: e.originalError }, 'subscription failed inside the server');
        return { message: e.message, extensions: { code: 'SUBSCRIPTION_ENDED' } };
      });
    },
  });

  const sockets = new Set<WebSocket>();

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    sockets.add(ws);
    const ip = req.socket.remoteAddress ?? 'unknown';
    const bucket = new TokenBucket(live.messagesPerSecond, live.messagesPerSecond);
    let deliver: ((data: string) => Promise<void>) | undefined;
    const closed = server.opened(
      {
        protocol: ws.protocol,
        send: (data) =>
          new Promise<void>((resolve) => {
            if (ws.readyState !== ws.OPEN) return resolve();
            if (ws.bufferedAmount > live.maxBufferedBytes) {
              ws.close(
                CLOSE_SLOW_CONSUMER,
                `more than ${live.maxBufferedBytes} bytes waiting unread; reconnect with sinceBlock`,
              );
              return resolve();
            }
            ws.send(data, () => resolve());
          }),
        close: (code, reason) => ws.close(code, reason),
        onMessage: (cb) => {
          deliver = cb;
        },
      },
      { ip },
    );
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!bucket.take()) {
        log.info({ ip, limit: live.messagesPerSecond }, 'WebSocket client over its message rate: closed');
        ws.close(CLOSE_TOO_MANY_MESSAGES, `more than ${live.messagesPerSecond} messages a second`);
        return;
      }
      if (isBinary) {
        ws.close(CloseCode.BadRequest, 'binary frames are not part of graphql-transport-ws');
        return;
      }
      deliver?.(data.toString('utf8')).catch((err: unknown) => {
        log.info({ ip, err: (err as Error).message }, 'WebSocket message refused');
        if (ws.readyState === ws.OPEN) ws.close(CloseCode.BadRequest, (err as Error).message.slice(0, 120));
      });
    });
    ws.once('close', (code: number, reason: Buffer) => {
      sockets.delete(ws);
      void closed(code, reason.toString());
    });
    ws.on('error', () => ws.terminate());
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (sockets.size >= live.maxConnections) {
      log.info({ open: sockets.size }, 'WebSocket refused: connection cap');
      socket.end(
        `HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n` +
          `the server holds its limit of ${live.maxConnections} WebSocket connections; retry later\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  http.on('upgrade', onUpgrade);

  return {
    get connections() {
      return sockets.size;
    },
    close: async () => {
      http.off('upgrade', onUpgrade);
      for (const ws of sockets) ws.close(1001, 'server shutting down');
      await new Promise<void>((r) => wss.close(() => r()));
    },
  };
}
