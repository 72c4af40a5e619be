/**
 * Read-only market queries go straight to the indexer's GraphQL API (no node needed): the URL
 * from --indexer, else CAIRN_INDEXER_URL, else the local marketplace's http://127.0.0.1:4350/graphql.
 */
import { CliError, ExitCode } from './exit-codes';

export const DEFAULT_INDEXER_URL = 'http://127.0.0.1:4350/graphql';

export function indexerUrl(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const url = flag ?? env.CAIRN_INDEXER_URL ?? DEFAULT_INDEXER_URL;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new CliError(
      ExitCode.Usage,
      `indexer URL ${JSON.stringify(url)}: expected http(s)://host:port/graphql`,
      'USAGE',
    );
  }
  return url;
}

/** A query of the indexer the --indexer flag (or the environment) names. */
export function askIndexer<T>(
  opts: { indexer?: string },
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  return graphql<T>(indexerUrl(opts.indexer), query, variables);
}

interface GraphqlAnswer<T> {
  data?: T;
  errors?: { message: string }[];
}

export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    if (cause === 'TimeoutError')
      throw new CliError(ExitCode.Timeout, `the indexer at ${url} did not answer within 15 s`, 'TIMEOUT');
    throw new CliError(
      ExitCode.NotRunning,
      `no indexer answers at ${url} (${cause}); start one with \`npm run indexer:start\` (\`npm start\` runs one), or name it with --indexer URL or CAIRN_INDEXER_URL`,
      'INDEXER_UNREACHABLE',
    );
  }
  let body: GraphqlAnswer<T>;
  try {
    body = (await res.json()) as GraphqlAnswer<T>;
  } catch {
    throw new CliError(
      ExitCode.Failure,
      `${url} answered HTTP ${res.status} without GraphQL (is it the indexer?)`,
      'NOT_GRAPHQL',
    );
  }
  if (body.errors?.length || !body.data)
    throw new CliError(
      res.status === 429 || res.status === 503 ? ExitCode.Timeout : ExitCode.Remote,
      `the indexer refused the query (HTTP ${res.status}): ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`,
      'GRAPHQL_ERROR',
    );
  return body.data;
}
