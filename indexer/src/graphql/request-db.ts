/**
 * The database as one GraphQL request sees it: the API's own pool (a bounded share, with a
 * statement_timeout on every connection: see db/data-source.ts), and a deadline after which the
 * request starts no further SQL. A statement the server cancelled for its timeout is reported
 * to the client as what it is, not as the driver's text.
 */
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source';

export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** PostgreSQL's query_canceled: raised by statement_timeout. */
const QUERY_CANCELED = '57014';

export class DeadlineDb implements SqlRunner {
  /** SQL statements this request has started. */
  statements = 0;

  constructor(
    private readonly db: SqlRunner,
    readonly deadline: number,
    private readonly timeoutMs: number,
  ) {}

  async query(sql: string, params?: unknown[]): Promise<unknown> {
    if (Date.now() >= this.deadline)
      throw new GraphQLError(`the request ran past its deadline of ${this.timeoutMs} ms; ask for less`, {
        extensions: { code: 'DEADLINE_EXCEEDED', limitMs: this.timeoutMs },
      });
    this.statements++;
    try {
      return await this.db.query(sql, params);
    } catch (err) {
      const e = err as { code?: string; driverError?: { code?: string } };
      if (e.code === QUERY_CANCELED || e.driverError?.code === QUERY_CANCELED)
        throw new GraphQLError('a database statement ran past the statement timeout; ask for less', {
          extensions: { code: 'STATEMENT_TIMEOUT' },
        });
      // pg-pool's wait for a free connection of the API's share ran out.
      if (err instanceof Error && /timeout exceeded when trying to connect/.test(err.message))
        throw new GraphQLError('the database is busy; retry shortly', { extensions: { code: 'DB_BUSY' } });
      throw err;
    }
  }
}

/** The API's connections: `poolSize` of them, so ingest's pool is never drained by queries. */
export function createApiDataSource(
  url: string,
  opts: { graphqlPoolSize: number; statementTimeoutMs: number; requestTimeoutMs: number },
): DataSource {
  return createDataSource(url, {
    poolSize: opts.graphqlPoolSize,
    statementTimeoutMs: opts.statementTimeoutMs,
    acquireTimeoutMs: opts.requestTimeoutMs,
    applicationName: 'cairn-indexer-graphql',
  });
}
