/**
 * How GraphQL errors leave the server and reach the log. A user's mistake (a refused query,
 * a bad argument, a rate limit) is answered with its message and code and logged once, at
 * info, without a stack: such lines are for spotting abuse, not debugging. Anything else is
 * the server's fault: the client gets a generic message, the log gets the error with its stack.
 */
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';

interface Execution {
  data?: unknown;
  errors?: readonly Error[];
  statusCode?: number;
}

interface Carrier {
  errors?: unknown[];
  statusCode?: number;
  code?: string;
}

const isUser = (e: GraphQLError): boolean => {
  const original = e.originalError;
  if (!original || original instanceof GraphQLError) return true; // parse/validation, or thrown as such
  const status = (original as Carrier).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
};

const toGraphQLError = (e: unknown): GraphQLError =>
  e instanceof GraphQLError ? e : new GraphQLError((e as Error).message, { originalError: e as Error });

/** Flattens bundles (a thrown error carrying `errors`, as mercurius and our hooks throw). */
function flatten(errors: readonly Error[]): GraphQLError[] {
  return errors.flatMap((e) => {
    const g = toGraphQLError(e);
    const inner = (g.originalError as Carrier | undefined)?.errors;
    return Array.isArray(inner) ? inner.map(toGraphQLError) : [g];
  });
}

export function errorFormatter(log: Logger) {
  return (execution: Execution, _ctx: unknown) => {
    const raw = execution.errors ?? [];
    const errors = flatten(raw);
    const out: unknown[] = [];
    const refused: string[] = [];
    for (const e of errors) {
      if (isUser(e)) {
        const code =
          (e.extensions.code as string | undefined) ?? (e.originalError as Carrier | undefined)?.code;
        refused.push(code ? `${code}: ${e.message}` : e.message);
        out.push({ ...e.toJSON(), extensions: { ...e.extensions, ...(code ? { code } : {}) } });
      } else {
        log.error({ err: e.originalError ?? e, path: e.path }, 'GraphQL request failed inside the server');
        out.push({
          message: 'internal error (logged on the server)',
          ...(e.path ? { path: e.path } : {}),
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      }
    }
    if (refused.length)
      log.info({ errors: refused.slice(0, 5), count: refused.length }, 'GraphQL request refused');
    let statusCode = execution.data ? 200 : (execution.statusCode ?? 200);
    if (!execution.data && execution.statusCode === undefined && raw.length === 1) {
      const status = (toGraphQLError(raw[0]).originalError as Carrier | undefined)?.statusCode;
      if (typeof status === 'number') statusCode = status;
    }
    return { statusCode, response: { data: execution.data ?? null, errors: out } };
  };
}

/** An error bundle mercurius passes through to the formatter with its status. */
export function refusedRequest(errors: GraphQLError[], statusCode = 400): Error {
  return Object.assign(new Error(errors[0]?.message ?? 'request refused'), { errors, statusCode });
}
