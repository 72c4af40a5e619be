/**
 * The read side: SQL for the GraphQL resolvers, keyset-paginated (a cursor is the sort key of
 * the last row, so a page costs the same at any depth) and batched for the loaders.
 */
import { normalizeAddress } from '../../../src/shared/felt';
import { type JobFilter, JobOrder, type JobsArgs, type PageArgs, WorkerOrder } from './args';
import {
  type BlockBucket,
  type Job,
  type JobEvent,
  type MarketDay,
  type MarketOverview,
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
    updatedBlock: Number(r.updated_block),
  };
}

/** A job filter as SQL conditions over `jobs`, its parameters numbered from `$offset + 1`. */
export function jobFilterSql(f: JobFilter | undefined, offset = 0): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${offset + params.length}`));
  };
  if (f?.status) add('status = ?', f.status);
  if (f?.poster) add('poster = ?', normalizeAddress(f.poster));
  if (f?.worker) add('worker = ?', normalizeAddress(f.worker));
  if (f?.minPrice) add('price >= ?::numeric', f.minPrice);
  if (f?.maxPrice) add('price <= ?::numeric', f.maxPrice);
  return { where, params };
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
    const { where, params } = jobFilterSql(args.filter);
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

  /** Jobs by id, each with its awarded worker joined in; absent ids are left out. */
  async jobsByIds(ids: readonly string[]): Promise<Job[]> {
    if (ids.length === 0) return [];
    const rows = (await this.ds.query(
      withWorkerJoin('SELECT *, id AS sort_key FROM jobs WHERE id = ANY($1::bigint[])', 'ASC'),
      [ids],
    )) as Row[];
    return rows.map((r) => ({ ...toJob(r), worker: r.w_address ? toWorker(r, 'w_') : null }));
  }

  /** Jobs matching `filter` changed in a block after `since`, oldest change first, at most `limit`. */
  async jobsChangedSince(filter: JobFilter | undefined, since: number, limit: number): Promise<Job[]> {
    const { where, params } = jobFilterSql(filter, 2);
    const rows = (await this.ds.query(
      `SELECT id FROM jobs WHERE updated_block > $1 ${where.map((w) => `AND ${w}`).join(' ')} ORDER BY updated_block, id LIMIT $2`,
      [since, limit, ...params],
    )) as Row[];
    return this.jobsByIds(rows.map((r) => String(r.id)));
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

  /** Each job's on-chain events in chain order (market and registry events naming the job). */
  async eventsByJob(ids: readonly string[]): Promise<JobEvent[][]> {
    const rows = (await this.ds.query(
      `SELECT contract, name, block_number, tx_hash, event_index, timestamp, decoded, decoded->>'job_id' AS job_id
       FROM raw_events WHERE decoded->>'job_id' = ANY($1::text[])
       ORDER BY block_number, tx_index, event_index`,
      [ids],
    )) as Row[];
    const by = new Map<string, JobEvent[]>(ids.map((id) => [id, []]));
    for (const r of rows)
      by.get(r.job_id as string)?.push({
        contract: r.contract as string,
        name: r.name as string,
        blockNumber: Number(r.block_number),
        txHash: r.tx_hash as string,
        eventIndex: Number(r.event_index),
        timestamp: Number(r.timestamp),
        fields: JSON.stringify(r.decoded),
      });
    return ids.map((id) => by.get(id)!);
  }

  async overview(): Promise<MarketOverview> {
    const [j] = (await this.ds.query(
      `SELECT count(*)::int AS jobs,
         count(*) FILTER (WHERE status = 'Open')::int AS open,
         count(*) FILTER (WHERE status IN ('Awarded', 'Accepted', 'Submitted'))::int AS running,
         count(*) FILTER (WHERE status = 'Completed' OR (status = 'Resolved' AND payout > 0))::int AS paid,
         count(*) FILTER (WHERE status = 'Disputed')::int AS disputed,
         count(*) FILTER (WHERE status = 'Expired')::int AS expired,
         count(*) FILTER (WHERE status = 'Cancelled')::int AS cancelled,
         count(*) FILTER (WHERE status = 'Resolved' AND payout = 0)::int AS lost,
         coalesce(sum(budget) FILTER (WHERE status IN ('Open', 'Awarded', 'Accepted', 'Submitted', 'Disputed')), 0)::text AS escrowed,
         coalesce(sum(payout), 0)::text AS paid_out,
         coalesce(sum(slashed), 0)::text AS slashed,
         coalesce(sum(fee), 0)::text AS fees
       FROM jobs`,
    )) as Row[];
    const [w] = (await this.ds.query(
      'SELECT count(*)::int AS workers, coalesce(sum(staked), 0)::text AS staked FROM workers',
    )) as Row[];
    return {
      jobs: Number(j!.jobs),
      open: Number(j!.open),
      running: Number(j!.running),
      paid: Number(j!.paid),
      disputed: Number(j!.disputed),
      expired: Number(j!.expired),
      cancelled: Number(j!.cancelled),
      lost: Number(j!.lost),
      escrowed: String(j!.escrowed),
      paidOut: String(j!.paid_out),
      slashed: String(j!.slashed),
      fees: String(j!.fees),
      workers: Number(w!.workers),
      staked: String(w!.staked),
    };
  }

  /** Jobs created and volume paid over `buckets` equal ranges from the first job's block to the cursor. */
  async blockActivity(buckets: number): Promise<BlockBucket[]> {
    const [range] = (await this.ds.query(
      `SELECT (SELECT min(created_block) FROM jobs) AS lo, (SELECT cursor_block FROM ingest_state WHERE id = 1) AS hi`,
    )) as Row[];
    if (range?.lo === null || range?.lo === undefined) return [];
    const lo = Number(range.lo);
    const hi = Math.max(lo, Number(range.hi));
    const width = Math.max(1, Math.ceil((hi - lo + 1) / buckets));
    const n = Math.ceil((hi - lo + 1) / width);
    const rows = (await this.ds.query(
      `SELECT ((block_number - $1) / $2)::int AS b,
         count(*) FILTER (WHERE name = 'JobCreated')::int AS created,
         coalesce(sum((decoded->>'payout')::numeric) FILTER (WHERE name IN ('JobCompleted', 'JobResolved')), 0)::text AS volume
       FROM raw_events WHERE contract = 'market' AND block_number >= $1 AND block_number <= $3
       GROUP BY 1`,
      [lo, width, hi],
    )) as Row[];
    const by = new Map(rows.map((r) => [Number(r.b), r]));
    return Array.from({ length: n }, (_, b) => ({
      fromBlock: lo + b * width,
      toBlock: Math.min(hi, lo + (b + 1) * width - 1),
      jobsCreated: Number(by.get(b)?.created ?? 0),
      volume: String(by.get(b)?.volume ?? '0'),
    }));
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
