/**
 * The read side: SQL for the GraphQL resolvers, keyset-paginated (a cursor is the sort key of
 * the last row, so a page costs the same at any depth) and batched for the loaders.
 */
import { normalizeAddress } from '../../../src/shared/felt';
import { JobOrder, type JobsArgs, type PageArgs, WorkerOrder } from './args';
import {
  type Job,
  type MarketDay,
  type Page,
  type ReputationEvidence,
  type Slash,
  type StakeEvent,
  type Worker,
} from './models';
import type { SqlRunner } from './request-db';
import { badInput } from './validate-args';

type Row = Record<string, unknown>;

const encodeCursor = (key: (string | number)[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

function decodeCursor(after: string | undefined, arity: number): string[] | undefined {
  if (after === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => typeof k === 'string' || typeof k === 'number')
    )
      return key.map(String);
  } catch {
    // fall through
  }
  throw badInput('after must be an endCursor returned by this connection', [
    'after: not a cursor of this connection',
  ]);
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function toJob(r: Row): Job {
  return {
    id: String(r.id),
    status: r.status as Job['status'],
    poster: r.poster as string,
    workerAddress: s(r.worker),
    budget: String(r.budget),
    price: s(r.price),
    collateral: String(r.collateral),
    manifestHash: r.manifest_hash as string,
    execDuration: Number(r.exec_duration),
    maxAttempts: Number(r.max_attempts),
    attempts: Number(r.attempts),
    acceptBy: n(r.accept_by),
    deadline: n(r.deadline),
    reviewUntil: n(r.review_until),
    commitment: s(r.commitment),
    disputeReason: s(r.dispute_reason),
    payout: String(r.payout),
    fee: String(r.fee),
    refund: String(r.refund),
    slashed: String(r.slashed),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    createdBlock: Number(r.created_block),
  };
}

const WORKER_COLUMNS = [
  'address',
  'staked',
  'locked',
  'pending_unstake',
  'unstake_available_at',
  'suspended_until',
  'peer_id',
  'jobs_awarded',
  'score',
  'completed',
  'failed',
  'slashed_count',
];

/** A worker from a row, or from the `w_`-prefixed columns a jobs page joins in. */
export function toWorker(row: Row, prefix = ''): Worker {
  const r = (c: string) => row[prefix + c];
  return {
    address: r('address') as string,
    staked: String(r('staked')),
    locked: String(r('locked')),
    pendingUnstake: String(r('pending_unstake')),
    unstakeAvailableAt: Number(r('unstake_available_at')),
    suspendedUntil: Number(r('suspended_until')),
    peerId: s(r('peer_id')),
    jobsAwarded: Number(r('jobs_awarded')),
    reputation: {
      score: Number(r('score')),
      completed: Number(r('completed')),
      failed: Number(r('failed')),
      slashed: Number(r('slashed_count')),
      worker: r('address') as string,
    },
  };
}

/**
 * Wraps a jobs page query so each row carries its awarded worker: one round trip for a page
 * with nested workers instead of two (at 50 concurrent clients the socket writes of a second
 * query cost more than the join).
 */
function withWorkerJoin(inner: string, dir: string): string {
  const cols = WORKER_COLUMNS.map((c) => `w.${c} AS w_${c}`).join(', ');
  return `SELECT p.*, ${cols} FROM (${inner}) p LEFT JOIN workers w ON w.address = p.worker ORDER BY p.sort_key ${dir}, p.id ${dir}`;
}

const position = (r: Row) => ({
  blockNumber: Number(r.block_number),
  txHash: r.tx_hash as string,
  timestamp: Number(r.timestamp),
});

const JOB_ORDERS: Record<JobOrder, { expr: string; dir: 'ASC' | 'DESC' }> = {
  [JobOrder.CREATED_DESC]: { expr: 'id', dir: 'DESC' },
  [JobOrder.CREATED_ASC]: { expr: 'id', dir: 'ASC' },
  [JobOrder.PRICE_DESC]: { expr: 'coalesce(price, -1)', dir: 'DESC' },
  [JobOrder.PRICE_ASC]: { expr: 'coalesce(price, -1)', dir: 'ASC' },
  [JobOrder.BUDGET_DESC]: { expr: 'budget', dir: 'DESC' },
};

export class MarketQueries {
  /** A DataSource, or a request's deadline-bound runner (request-db.ts). */
  constructor(private readonly ds: SqlRunner) {}

  private async page<T>(
    table: string,
    where: string[],
    params: unknown[],
    order: { expr: string; dir: 'ASC' | 'DESC'; tie: string },
    args: PageArgs,
    map: (r: Row) => T,
    wantCount: boolean,
    wrap: (inner: string, dir: string) => string = (inner) => inner,
  ): Promise<Page<T>> {
    const cmp = order.dir === 'DESC' ? '<' : '>';
    const cursor = decodeCursor(args.after, order.expr === order.tie ? 1 : 2);
    const filter = [...where];
    const filterParams = [...params];
    const all = [...params];
    const keyed = [...where];
    if (cursor) {
      if (order.expr === order.tie) {
        all.push(cursor[0]);
        keyed.push(`${order.tie} ${cmp} $${all.length}`);
      } else {
        all.push(cursor[0], cursor[1]);
        keyed.push(`(${order.expr}, ${order.tie}) ${cmp} ($${all.length - 1}, $${all.length})`);
      }
    }
    const sqlWhere = (w: string[]) => (w.length ? `WHERE ${w.join(' AND ')}` : '');
    all.push(args.first + 1);
    const rows = (await this.ds.query(
      wrap(
        `SELECT *, ${order.expr} AS sort_key FROM ${table} ${sqlWhere(keyed)} ORDER BY ${order.expr} ${order.dir}, ${order.tie} ${order.dir} LIMIT $${all.length}`,
        order.dir,
      ),
      all,
    )) as Row[];
    const more = rows.length > args.first;
    const edges = rows.slice(0, args.first).map((r) => ({
      cursor: encodeCursor(
        order.expr === order.tie
          ? [String(r.sort_key)]
          : [String(r.sort_key), String(r[order.tie.replace(/"/g, '')])],
      ),
      node: map(r),
    }));
    // Counted only when the query asks for it.
    const totalCount = wantCount
      ? Number(
          (
            (await this.ds.query(
              `SELECT count(*) AS c FROM ${table} ${sqlWhere(filter)}`,
              filterParams,
            )) as Row[]
          )[0]!.c,
        )
      : -1;
    return { edges, pageInfo: { hasNextPage: more, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  async job(id: string): Promise<Job | null> {
    const [row] = (await this.ds.query('SELECT * FROM jobs WHERE id = $1', [id])) as Row[];
    return row ? toJob(row) : null;
  }

  /** With `withWorkers`, each job comes with its awarded worker (`worker`), joined in. */
  jobs(args: JobsArgs, wantCount = true, withWorkers = false): Promise<Page<Job>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const f = args.filter;
    if (f?.status) add('status = ?', f.status);
    if (f?.poster) add('poster = ?', normalizeAddress(f.poster));
    if (f?.worker) add('worker = ?', normalizeAddress(f.worker));
    if (f?.minPrice) add('price >= ?::numeric', f.minPrice);
    if (f?.maxPrice) add('price <= ?::numeric', f.maxPrice);
    return this.page(
      'jobs',
      where,
      params,
      { ...JOB_ORDERS[args.orderBy], tie: 'id' },
      args,
      withWorkers ? (r) => ({ ...toJob(r), worker: r.w_address ? toWorker(r, 'w_') : null }) : toJob,
      wantCount,
      withWorkers ? withWorkerJoin : undefined,
    );
  }

  async workersByAddress(addresses: readonly string[]): Promise<(Worker | null)[]> {
    const rows = (await this.ds.query('SELECT * FROM workers WHERE address = ANY($1::text[])', [
      addresses,
    ])) as Row[];
    const by = new Map(rows.map((r) => [r.address as string, toWorker(r)]));
    return addresses.map((a) => by.get(a) ?? null);
  }

  workers(args: PageArgs & { orderBy: WorkerOrder }, wantCount = true): Promise<Page<Worker>> {
    const expr = args.orderBy === WorkerOrder.SCORE ? 'score' : 'staked';
    return this.page('workers', [], [], { expr, dir: 'DESC', tie: 'address' }, args, toWorker, wantCount);
  }

  async evidenceByWorker(workers: readonly string[]): Promise<ReputationEvidence[][]> {
    const rows = (await this.ds.query(
      'SELECT * FROM reputation_events WHERE worker = ANY($1::text[]) ORDER BY id',
      [workers],
    )) as Row[];
    const by = new Map<string, ReputationEvidence[]>(workers.map((w) => [w, []]));
    for (const r of rows)
      by.get(r.worker as string)?.push({
        jobId: String(r.job_id),
        outcome: r.outcome as string,
        completed: Number(r.completed),
        failed: Number(r.failed),
        slashed: Number(r.slashed),
        score: Number(r.score),
        ...position(r),
      });
    return workers.map((w) => by.get(w)!);
  }

  /** A worker's (or everyone's) rows of an append-only table, newest first. */
  private workerLog<T>(
    table: string,
    args: PageArgs & { worker?: string },
    map: (r: Row) => T,
    wantCount: boolean,
  ): Promise<Page<T>> {
    const [where, params] = args.worker ? [['worker = $1'], [normalizeAddress(args.worker)]] : [[], []];
    return this.page(table, where, params, { expr: 'id', dir: 'DESC', tie: 'id' }, args, map, wantCount);
  }

  slashes(args: PageArgs & { worker?: string }, wantCount = true): Promise<Page<Slash>> {
    return this.workerLog(
      'slashes',
      args,
      (r) => ({
        worker: r.worker as string,
        jobId: String(r.job_id),
        amount: String(r.amount),
        stakedAfter: String(r.staked_after),
        suspendedUntil: Number(r.suspended_until),
        ...position(r),
      }),
      wantCount,
    );
  }

  stakeEvents(args: PageArgs & { worker?: string }, wantCount = true): Promise<Page<StakeEvent>> {
    return this.workerLog(
      'stake_events',
      args,
      (r) => ({
        worker: r.worker as string,
        kind: r.kind as string,
        amount: String(r.amount),
        balanceAfter: s(r.balance_after),
        jobId: s(r.job_id),
        ...position(r),
      }),
      wantCount,
    );
  }

  async marketStats(from: string, to: string): Promise<MarketDay[]> {
    const rows = (await this.ds.query(
      `SELECT *, to_char(day, 'YYYY-MM-DD') AS day_text FROM market_stats_daily WHERE day BETWEEN $1::date AND $2::date ORDER BY day`,
      [from, to],
    )) as Row[];
    return rows.map((r) => ({
      day: r.day_text as string,
      jobsCreated: Number(r.jobs_created),
      jobsAwarded: Number(r.jobs_awarded),
      jobsCompleted: Number(r.jobs_completed),
      jobsDisputed: Number(r.jobs_disputed),
      jobsResolved: Number(r.jobs_resolved),
      jobsCancelled: Number(r.jobs_cancelled),
      jobsExpired: Number(r.jobs_expired),
      slashes: Number(r.slashes),
      budgetPosted: String(r.budget_posted),
      averagePrice:
        Number(r.jobs_awarded) > 0
          ? (BigInt(String(r.price_awarded)) / BigInt(Number(r.jobs_awarded))).toString()
          : null,
      volume: String(r.volume),
      fees: String(r.fees),
      slashedAmount: String(r.slashed_amount),
    }));
  }
}
