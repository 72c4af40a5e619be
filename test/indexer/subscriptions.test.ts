/**
 * GraphQL subscriptions over WebSocket against a real indexer process following a chain that
 * grows and forks under it (a replay file), with the graphql-ws client package as the client:
 * an update arrives only once its block is committed; a reorg pushes the rolled-back state; a
 * client reconnecting with its last-seen block gets what it missed; the per-connection caps
 * (subscriptions, message rate, connections) and the query guards hold.
 */
import { type Client as WsClient, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { query, spawnIndexer, stopIndexer, waitFor, waitReady } from './support/indexer-process';
import { liveIndexerForFile } from './support/live-indexer';
import { address } from './support/market-script';

const E = 10n ** 18n;
const MAX_SUBS = 3;
const MAX_CONNECTIONS = 8;
const MESSAGES_PER_SECOND = 10;

const live = liveIndexerForFile({
  INDEXER_MAX_SUBSCRIPTIONS_PER_CONNECTION: String(MAX_SUBS),
  INDEXER_MAX_WS_CONNECTIONS: String(MAX_CONNECTIONS),
  INDEXER_WS_MESSAGES_PER_SECOND: String(MESSAGES_PER_SECOND),
});
const clients: WsClient[] = [];

interface JobUpdate {
  id: string;
  block: number;
  rolledBack: boolean;
  matchesFilter: boolean;
  job: { id: string; status: string; workerAddress: string | null; updatedBlock: number } | null;
}

const JOB_FIELDS = 'id block blockHash rolledBack matchesFilter job { id status workerAddress updatedBlock }';

function client(port = live.indexer.port): WsClient {
  const c = createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(c);
  return c;
}

/** A subscription whose pushes are collected; `next(pred)` waits for one matching `pred`. */
function subscribe<T>(c: WsClient, q: string, variables?: Record<string, unknown>) {
  const got: T[] = [];
  const errors: unknown[] = [];
  let wake: (() => void) | undefined;
  const stop = c.subscribe<T>(
    { query: q, variables },
    {
      next: (v) => {
        if (v.errors) errors.push(v.errors);
        if (v.data) got.push(v.data as T);
        wake?.();
      },
      error: (e) => {
        errors.push(e);
        wake?.();
      },
      complete: () => wake?.(),
    },
  );
  return {
    got,
    errors,
    stop,
    async next(pred: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = got.find(pred);
        if (hit) return hit;
        if (errors.length) throw new Error(`${what}: ${JSON.stringify(errors)}`);
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(got)}`);
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 200);
        });
      }
    },
  };
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

test('a job update is pushed only after the block that changed it is committed, with the committed state', async () => {
  const c = client();
  const one = subscribe<{ jobUpdated: JobUpdate }>(
    c,
    `subscription { jobUpdated(id: "8") { ${JOB_FIELDS} } }`,
  );
  const heads = subscribe<{ headBlock: { number: number } }>(
    c,
    'subscription { headBlock { number hash timestamp } }',
  );
  const head = live.chain.height - 1;
  await heads.next((h) => h.headBlock.number === head, 'the current head on subscribing');
  expect(one.got).toEqual([]);

  live.chain.extend((s) => {
    s.award(8, address('alice'), 1n * E);
    s.mine();
  });
  const pushed = await one.next((u) => u.jobUpdated.job?.status === 'Awarded', 'job 8 awarded');
  // Read the database the moment the push arrives: the row and the cursor are already there.
  const row = (await live.db.query('SELECT status, worker, updated_block FROM jobs WHERE id = 8')).rows[0];
  const cursor = await live.committedCursor();
  expect(row).toEqual({ status: 'Awarded', worker: address('alice'), updated_block: String(head + 1) });
  expect(cursor).toBeGreaterThanOrEqual(pushed.jobUpdated.block);
  expect(pushed.jobUpdated).toMatchObject({
    id: '8',
    block: head + 1,
    rolledBack: false,
    matchesFilter: true,
    job: { id: '8', status: 'Awarded', workerAddress: address('alice'), updatedBlock: head + 1 },
  });
  await heads.next((h) => h.headBlock.number === head + 1, 'the new head');
});

test('a reorg pushes the rolled-back state of the jobs it undid, and the fork point as the head', async () => {
  const c = client();
  const changes = subscribe<{ jobsChanged: JobUpdate }>(c, `subscription { jobsChanged { ${JOB_FIELDS} } }`);
  const heads = subscribe<{ headBlock: { number: number; rolledBackFrom: number | null } }>(
    c,
    'subscription { headBlock { number rolledBackFrom } }',
  );
  const keep = live.chain.stepCount;
  const forkAt = live.chain.height;
  live.chain.extend((s) => {
    s.accept(8);
    s.createJob(address('poster'), 4n * E); // job 9, undone by the reorg
    s.mine();
  });
  await changes.next((u) => u.jobsChanged.id === '9' && u.jobsChanged.job !== null, 'job 9 created');
  await changes.next((u) => u.jobsChanged.job?.status === 'Accepted', 'job 8 accepted');
  const before = changes.got.length;

  // The block is replaced by two empty ones: job 8 goes back to Awarded, job 9 never existed.
  live.chain.fork(forkAt, keep, (s) => s.advance(2));
  const back8 = await changes.next(
    (u) => u.jobsChanged.id === '8' && u.jobsChanged.rolledBack,
    'job 8 rolled back',
  );
  const back9 = await changes.next(
    (u) => u.jobsChanged.id === '9' && u.jobsChanged.rolledBack,
    'job 9 rolled back',
  );
  expect(back8.jobsChanged).toMatchObject({
    rolledBack: true,
    block: forkAt - 1,
    job: { status: 'Awarded', updatedBlock: forkAt - 1 },
  });
  expect(back9.jobsChanged).toMatchObject({ rolledBack: true, job: null, matchesFilter: false });
  expect(changes.got.indexOf(back8)).toBeGreaterThanOrEqual(before);
  const forkHead = await heads.next((h) => h.headBlock.rolledBackFrom !== null, 'the fork point');
  expect(forkHead.headBlock).toEqual({ number: forkAt - 1, rolledBackFrom: forkAt });
  expect((await live.db.query('SELECT count(*)::int AS n FROM jobs WHERE id = 9')).rows[0].n).toBe(0);
  await live.waitCommitted(live.chain.height - 1);
});

test('a client reconnecting with its last-seen block gets the updates it missed, rollbacks included', async () => {
  const first = client();
  const watch = subscribe<{ jobsChanged: JobUpdate }>(
    first,
    `subscription { jobsChanged(filter: { poster: "${address('poster')}" }) { ${JOB_FIELDS} } }`,
  );
  live.chain.extend((s) => {
    s.createJob(address('poster'), 2n * E); // job 9 again, on the new branch
    s.mine();
  });
  const seen = await watch.next((u) => u.jobsChanged.id === '9', 'job 9 created');
  const lastSeen = seen.jobsChanged.block;
  await first.dispose();

  // While the client is away: job 7 is awarded and job 10 posted.
  live.chain.extend((s) => {
    s.award(7, address('bob'), 3n * E);
    s.mine();
    s.createJob(address('poster'), 5n * E); // job 10
    s.mine();
  });
  await live.waitCommitted(live.chain.height - 1);

  const again = client();
  const missed = subscribe<{ jobsChanged: JobUpdate }>(
    again,
    `subscription ($since: Int) { jobsChanged(filter: { poster: "${address('poster')}" }, sinceBlock: $since) { ${JOB_FIELDS} } }`,
    { since: lastSeen },
  );
  const seven = await missed.next((u) => u.jobsChanged.id === '7', 'missed award of job 7');
  const ten = await missed.next((u) => u.jobsChanged.id === '10', 'missed job 10');
  expect(seven.jobsChanged.job).toMatchObject({ status: 'Awarded', workerAddress: address('bob') });
  expect(ten.jobsChanged.job).toMatchObject({ status: 'Open' });
  // Nothing at or before the last-seen block is sent again.
  expect(
    missed.got.every((u) => u.jobsChanged.job === null || u.jobsChanged.job.updatedBlock > lastSeen),
  ).toBe(true);
  expect(missed.got.map((u) => u.jobsChanged.id)).not.toContain('9');

  // A client that saw a block a reorg later undid gets the rolled-back jobs on reconnecting.
  const keep = live.chain.stepCount - 1;
  const forkAt = live.chain.height - 2;
  live.chain.fork(forkAt, keep, (s) => s.advance(3));
  await waitFor('job 7 rolled back', async () =>
    (await live.db.query('SELECT status FROM jobs WHERE id = 7')).rows[0].status === 'Open'
      ? true
      : undefined,
  );
  await live.waitCommitted(live.chain.height - 1);
  const late = client();
  const after = subscribe<{ jobUpdated: JobUpdate }>(
    late,
    `subscription { jobUpdated(id: "7", sinceBlock: ${forkAt}) { ${JOB_FIELDS} } }`,
  );
  const rolled = await after.next((u) => u.jobUpdated.rolledBack, 'job 7 rolled back on reconnect');
  expect(rolled.jobUpdated.job).toMatchObject({ status: 'Open', workerAddress: null });
});

test('caps hold: subscriptions per connection, messages per second, connections; hostile documents refused', async () => {
  const c = client();
  const open = Array.from({ length: MAX_SUBS }, () => subscribe(c, 'subscription { headBlock { number } }'));
  await Promise.all(open.map((s) => s.next(() => true, 'the current head')));
  const over = subscribe(c, 'subscription { headBlock { number } }');
  await expect(over.next(() => true, 'over the cap')).rejects.toThrow(
    /TOO_MANY_SUBSCRIPTIONS|already holds 3 subscriptions/,
  );
  open[0]!.stop();
  const replacement = subscribe(c, 'subscription { headBlock { number } }');
  await replacement.next(() => true, 'a subscription once one was completed');

  // Refused documents: a query (HTTP's job), a bad argument, too deep, unknown field.
  const refused = async (q: string, pattern: RegExp) => {
    const s = subscribe(client(), q);
    await expect(s.next(() => true, q)).rejects.toThrow(pattern);
  };
  await refused('{ job(id: "1") { id } }', /SUBSCRIPTIONS_ONLY/);
  await refused('subscription { jobUpdated(id: "abc") { id } }', /id must be a job id/);
  await refused(
    `subscription { jobUpdated(id: "1") { ${Array.from({ length: 25 }, (_, i) => `a${i}: id`).join(' ')} } }`,
    /aliases 25 exceeds the limit of 20/,
  );
  await refused(
    'subscription { jobUpdated(id: "1") { ...A } } fragment A on JobUpdate { id ...B } fragment B on JobUpdate { ...A }',
    /fragment \w spreads itself/,
  );
  await refused('subscription { nope }', /Cannot query field/);

  // A client sending faster than the rate is closed with 4429.
  const raw = new WebSocket(`ws://127.0.0.1:${live.indexer.port}/graphql`, 'graphql-transport-ws');
  await new Promise((r) => raw.once('open', r));
  const closed = new Promise<{ code: number; reason: string }>((r) =>
    raw.once('close', (code, reason) => r({ code, reason: reason.toString() })),
  );
  raw.send(JSON.stringify({ type: 'connection_init' }));
  for (let i = 0; i < MESSAGES_PER_SECOND * 3; i++) raw.send(JSON.stringify({ type: 'ping' }));
  expect(await closed).toEqual({ code: 4429, reason: `more than ${MESSAGES_PER_SECOND} messages a second` });

  // Connections beyond the cap are refused at the upgrade with 503.
  const sockets: WebSocket[] = [];
  const statuses: number[] = [];
  for (let i = 0; i < MAX_CONNECTIONS + 2; i++) {
    const ws = new WebSocket(`ws://127.0.0.1:${live.indexer.port}/graphql`, 'graphql-transport-ws');
    sockets.push(ws);
    statuses.push(
      await new Promise<number>((r) => {
        ws.once('open', () => r(101));
        ws.once('unexpected-response', (_req, res) => r(res.statusCode ?? 0));
        ws.once('error', () => r(0));
      }),
    );
  }
  expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(2);
  expect(statuses.slice(0, MAX_CONNECTIONS - 2).every((s) => s === 101)).toBe(true);
  for (const ws of sockets) ws.terminate();

  // The server is still serving.
  const ok = await query(live.indexer, '{ job(id: "8") { status } }');
  expect(ok.data).toEqual({ job: { status: 'Awarded' } });
});

test('in a cluster of HTTP workers, each worker hears the commits over IPC and pushes them', async () => {
  const { url, ds } = await live.database();
  await ds.destroy();
  const cluster = await spawnIndexer({
    INDEXER_RPC_URL: `replay:${live.chain.path}`,
    DATABASE_URL: url,
    INDEXER_HTTP_PROCESSES: '2',
  });
  try {
    await waitReady(cluster);
    // Two connections: the primary hands them to either worker.
    const watchers = [0, 1].map(() =>
      subscribe<{ jobsChanged: JobUpdate }>(
        client(cluster.port),
        `subscription { jobsChanged(filter: { status: Open }) { ${JOB_FIELDS} } }`,
      ),
    );
    const heads = subscribe<{ headBlock: { number: number } }>(
      client(cluster.port),
      'subscription { headBlock { number } }',
    );
    await heads.next((h) => h.headBlock.number === live.chain.height - 1, 'the cluster caught up');
    const id = String(live.chain.script.jobs.size + 1);
    live.chain.extend((s) => {
      s.createJob(address('poster'), 3n * E);
      s.mine();
    });
    for (const w of watchers) {
      const u = await w.next((x) => x.jobsChanged.id === id, `job ${id} from a cluster worker`);
      expect(u.jobsChanged.job).toMatchObject({ status: 'Open' });
    }
  } finally {
    await stopIndexer(cluster);
  }
});
