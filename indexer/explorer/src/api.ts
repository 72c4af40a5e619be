/**
 * The page's two ways to the indexer, both on the host that served it: queries by HTTP POST to
 * /graphql (answered from the indexer's per-block cache when another reader asked the same),
 * and subscriptions over one graphql-ws connection to the same path.
 */
import { type Client, createClient } from 'graphql-ws';

export class GraphqlError extends Error {}

export async function query<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
  if (!body) throw new GraphqlError(`the indexer answered HTTP ${res.status} without GraphQL`);
  if (body.errors?.length) throw new GraphqlError(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

let client: Client | undefined;

function ws(): Client {
  client ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Up to 10 s between attempts, spread so a restarted indexer is not hit by every page at once.
    retryWait: (n) =>
      new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** n) * (0.5 + Math.random()))),
  });
  return client;
}

/** Calls `next` with each pushed value until the returned function is called. */
export function subscribe<T>(
  document: string,
  variables: Record<string, unknown>,
  next: (value: T) => void,
): () => void {
  return ws().subscribe<T>(
    { query: document, variables },
    {
      next: (v) => {
        if (v.data) next(v.data as T);
      },
      error: (e) => console.warn('subscription ended', e),
      complete: () => undefined,
    },
  );
}
