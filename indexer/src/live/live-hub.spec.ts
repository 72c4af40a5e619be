import pino from 'pino';
import type { MarketQueries } from '../graphql/market-queries';
import type { Job } from '../graphql/models';
import { COMMIT_EVENT_VERSION, type CommitEvent } from '../ingest/commit-feed';
import { type JobUpdatePayload, LiveHub } from './live-hub';

/** The rows the hub reads, held here (the real queries are tested against PostgreSQL). */
class Rows {
  jobs = new Map<string, Job>();
  set(id: string, status: string, updatedBlock: number): void {
    this.jobs.set(id, { id, status, updatedBlock, poster: '0x1', workerAddress: null, price: null } as Job);
  }
  queries(): MarketQueries {
    return {
      jobsByIds: async (ids: readonly string[]) =>
        ids.flatMap((id) => (this.jobs.has(id) ? [this.jobs.get(id)!] : [])),
      jobsChangedSince: async (_f: unknown, since: number) =>
        [...this.jobs.values()].filter((j) => j.updatedBlock > since),
    } as unknown as MarketQueries;
  }
}

const advanced = (n: number, jobs: string[]): CommitEvent => ({
  v: COMMIT_EVENT_VERSION,
  kind: 'advanced',
  block: { number: n, hash: `0x${n}`, timestamp: n },
  jobs,
});
const rolledBack = (fork: number, from: number, jobs: string[]): CommitEvent => ({
  v: COMMIT_EVENT_VERSION,
  kind: 'rolledBack',
  block: { number: fork, hash: `0x${fork}`, timestamp: fork },
  from,
  jobs,
});
const settle = () => new Promise((r) => setTimeout(r, 10));

async function drain(c: AsyncIterator<JobUpdatePayload>, n: number): Promise<JobUpdatePayload[]> {
  const out: JobUpdatePayload[] = [];
  for (let i = 0; i < n; i++) out.push((await c.next()).value as JobUpdatePayload);
  return out;
}

test('a filtered subscription gets matching jobs, one last push when a job leaves the filter, then nothing of it', async () => {
  const rows = new Rows();
  const hub = new LiveHub(rows.queries(), pino({ level: 'silent' }));
  hub.start({ number: 1, hash: '0x1', timestamp: 1 });
  const c = hub.jobUpdates({ filter: { status: 'Open' as Job['status'] } });
  // Each commit is read after it is announced: the rows change only once it has been.
  rows.set('1', 'Open', 2);
  rows.set('2', 'Awarded', 2);
  hub.onCommit(advanced(2, ['1', '2']));
  await settle();
  rows.set('1', 'Awarded', 3);
  hub.onCommit(advanced(3, ['1']));
  await settle();
  rows.set('1', 'Accepted', 4);
  hub.onCommit(advanced(4, ['1']));
  await settle();
  rows.set('3', 'Open', 5);
  hub.onCommit(advanced(5, ['3']));
  const got = await drain(c, 3);
  expect(got.map((p) => [p.id, p.block, p.matchesFilter])).toEqual([
    ['1', 2, true],
    ['1', 3, false],
    ['3', 5, true],
  ]);
  await settle();
  expect(c.queued).toBe(0);
  await c.return();
  expect(hub.subscribers).toBe(0);
  expect(hub.generation).toBe(4);
});

test('reconnecting: changed after sinceBlock from the rows, restored by a rollback only when sinceBlock was in the undone range', async () => {
  const rows = new Rows();
  const hub = new LiveHub(rows.queries(), pino({ level: 'silent' }));
  hub.start({ number: 10, hash: '0xa', timestamp: 10 });
  rows.set('7', 'Open', 8); // restored by the rollback to block 8 from 12
  rows.set('9', 'Open', 11); // changed after on the new branch
  hub.onCommit(rolledBack(8, 12, ['7']));
  await settle();

  const sawUndone = hub.jobUpdates({ sinceBlock: 10 });
  const first = await drain(sawUndone, 2);
  expect(first.map((p) => [p.id, p.rolledBack])).toEqual([
    ['9', false],
    ['7', true],
  ]);
  await sawUndone.return();

  const sawNewBranch = hub.jobUpdates({ sinceBlock: 13 });
  await settle();
  expect(sawNewBranch.queued).toBe(0);
  await sawNewBranch.return();
});

test('heads: the current head at once, then each commit, a rollback with the block it came from', async () => {
  const hub = new LiveHub(new Rows().queries(), pino({ level: 'silent' }));
  hub.start({ number: 4, hash: '0x4', timestamp: 4 });
  const heads = hub.heads();
  hub.onCommit(advanced(5, []));
  hub.onCommit(rolledBack(3, 5, []));
  const got = [];
  for (let i = 0; i < 3; i++) got.push((await heads.next()).value);
  expect(got.map((h) => [h!.number, h!.rolledBackFrom])).toEqual([
    [4, null],
    [5, null],
    [3, 5],
  ]);
  await heads.return();
});
