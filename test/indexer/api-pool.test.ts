/**
 * The API's side of PostgreSQL, on a real server: its connections carry the statement_timeout,
 * a statement past it is cancelled by the server and reported as STATEMENT_TIMEOUT, a request
 * past its deadline starts no further SQL, and a query that cannot get one of the pool's
 * connections in time is told the database is busy instead of queueing without end.
 */
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { DeadlineDb, createApiDataSource } from '../../indexer/src/graphql/request-db';
import { TestPg } from './support/harness';

let pg: TestPg;
let api: DataSource;

beforeAll(async () => {
  pg = await TestPg.start();
  const { url, ds } = await pg.database();
  await ds.destroy();
  api = createApiDataSource(url, { graphqlPoolSize: 2, statementTimeoutMs: 1_000, requestTimeoutMs: 200 });
  await api.initialize();
});

afterAll(async () => {
  await api?.destroy();
  await pg?.stop();
});

const code = (e: unknown) => (e instanceof GraphQLError ? e.extensions.code : (e as Error).message);

test('every API connection has the statement_timeout and names itself', async () => {
  const rows = (await api.query(
    "SELECT current_setting('statement_timeout') AS t, current_setting('application_name') AS app",
  )) as { t: string; app: string }[];
  expect(rows).toEqual([{ t: '1s', app: 'cairn-indexer-graphql' }]);
});

test('a statement past the timeout is cancelled by the server and reported as such', async () => {
  const db = new DeadlineDb(api, Date.now() + 60_000, 60_000);
  const err = await db.query('SELECT pg_sleep(5)').catch((e: unknown) => e);
  expect(code(err)).toBe('STATEMENT_TIMEOUT');
  expect(db.statements).toBe(1);
});

test('past its deadline a request starts no further SQL', async () => {
  const db = new DeadlineDb(api, Date.now() - 1, 200);
  const err = await db.query('SELECT 1').catch((e: unknown) => e);
  expect(code(err)).toBe('DEADLINE_EXCEEDED');
  expect((err as Error).message).toMatch(/deadline of 200 ms/);
  expect(db.statements).toBe(0);
});

test('with the pool share taken, a query waits at most the request timeout, then hears the database is busy', async () => {
  const db = new DeadlineDb(api, Date.now() + 60_000, 60_000);
  // Both connections held for longer than the 200 ms wait (the server ends them at 1 s).
  const holders = [db.query('SELECT pg_sleep(5)'), db.query('SELECT pg_sleep(5)')].map((p) =>
    p.catch((e: unknown) => e),
  );
  await new Promise((r) => setTimeout(r, 50));
  const err = await db.query('SELECT 1').catch((e: unknown) => e);
  expect(code(err)).toBe('DB_BUSY');
  expect((await Promise.all(holders)).map(code)).toEqual(['STATEMENT_TIMEOUT', 'STATEMENT_TIMEOUT']);
  expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
});
