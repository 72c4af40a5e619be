/**
 * The HTTP side of the GraphQL defence, on the Fastify instance before any route exists:
 * a request body that is not one GraphQL request (a `query` that is missing, not a string, or
 * too long; a batch; variables that are not an object) gets 400/413 with a GraphQL error
 * before the server parses anything, and each client IP gets `rateLimitPerMinute` GraphQL
 * requests a minute (@fastify/rate-limit). /health, /ready and /metrics are neither checked
 * nor limited: they must answer however busy GraphQL is.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphqlLimits } from './limits';

export const GRAPHQL_PATH = '/graphql';

const isGraphql = (req: FastifyRequest) => req.url === GRAPHQL_PATH || req.url.startsWith(`${GRAPHQL_PATH}?`);

function refuse(reply: FastifyReply, status: number, message: string, code: string) {
  return reply.code(status).send({ data: null, errors: [{ message, extensions: { code } }] });
}

/** What is wrong with a request's GraphQL parameters, or null. */
export function requestProblem(
  params: unknown,
  maxQueryBytes: number,
): { status: number; message: string; code: string } | null {
  if (Array.isArray(params))
    return {
      status: 400,
      message: 'batched requests are not accepted: send one query per request',
      code: 'BAD_REQUEST',
    };
  if (typeof params !== 'object' || params === null)
    return {
      status: 400,
      message: 'the body must be a JSON object with a "query" string',
      code: 'BAD_REQUEST',
    };
  const { query, variables, operationName } = params as Record<string, unknown>;
  if (query === undefined || query === null || query === '')
    return {
      status: 400,
      message: 'missing "query": send the GraphQL document as a string',
      code: 'BAD_REQUEST',
    };
  if (typeof query !== 'string')
    return {
      status: 400,
      message: `"query" must be a string, not ${Array.isArray(query) ? 'an array' : typeof query}`,
      code: 'BAD_REQUEST',
    };
  const bytes = Buffer.byteLength(query);
  if (bytes > maxQueryBytes)
    return {
      status: 413,
      message: `the query is ${bytes} bytes; the limit is ${maxQueryBytes}`,
      code: 'QUERY_TOO_LARGE',
    };
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  )
    return { status: 400, message: '"variables" must be a JSON object', code: 'BAD_REQUEST' };
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return { status: 400, message: '"operationName" must be a string', code: 'BAD_REQUEST' };
  return null;
}

export async function installHttpGuard(app: FastifyInstance, limits: GraphqlLimits): Promise<void> {
  // Before schema validation, which would coerce a number or a one-element array to a string.
  app.addHook('preValidation', async (req, reply) => {
    if (!isGraphql(req)) return;
    const params = req.method === 'GET' ? { ...(req.query as object) } : req.body;
    if (req.method === 'GET' && typeof (params as { variables?: unknown }).variables === 'string') {
      // GET carries variables as JSON text; its shape is checked once parsed.
      delete (params as { variables?: unknown }).variables;
    }
    const problem = requestProblem(params, limits.maxQueryBytes);
    if (problem) return refuse(reply, problem.status, problem.message, problem.code);
  });
  if (limits.rateLimitPerMinute > 0)
    await app.register(rateLimit, {
      global: true,
      max: limits.rateLimitPerMinute,
      timeWindow: 60_000,
      allowList: (req) => !isGraphql(req),
      errorResponseBuilder: (_req, ctx) =>
        Object.assign(
          new Error(
            `rate limit: ${ctx.max} GraphQL requests a minute per client; retry in ${Math.ceil(ctx.ttl / 1000)} s`,
          ),
          { statusCode: 429, code: 'RATE_LIMITED' },
        ),
    });
}
