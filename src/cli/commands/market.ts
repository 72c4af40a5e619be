/**
 * `cairn market jobs|workers|worker ADDR|stats`: the whole market as the indexer sees it
 * (GraphQL, no node needed), as tables for people or --json for scripts.
 */
import type { Command } from 'commander';
import { normalizeAddress } from '../../shared/felt';
import {
  JOBS_QUERY,
  JOB_STATUSES,
  type JobsAnswer,
  MARKET_STATS_QUERY,
  type MarketDayRow as Day,
  type MarketStatsAnswer,
  WORKERS_QUERY,
  WORKER_QUERY,
  type WorkerAnswer,
  type WorkersAnswer,
} from '../../shared/market-documents';
import { strk } from '../amount';
import { CliError, ExitCode } from '../exit-codes';
import { fields } from '../format';
import { askIndexer } from '../indexer';
import { type GlobalOptions, output } from '../session';
import { type Column, shortHex, table } from '../table';
import { address, oneOf, wholeNumber } from '../validate';
import { onOptions } from '../argument-actions';

interface MarketOptions extends GlobalOptions {
  indexer?: string;
}

const when = (unix: number) =>
  unix > 0 ? new Date(unix * 1000).toISOString().slice(0, 16).replace('T', ' ') : '-';
const pct = (bps: number) => `${(bps / 100).toFixed(2)}%`;

/** How many rows a list shows: --first, 20 unless given. */
const count = (v: string | undefined) => (v === undefined ? 20 : wholeNumber(v, '--first', 1, 100));

/**
 * One page of a list the indexer answers (`jobs`, `workers`): --json gets the rows and the total;
 * a person gets a table, `no <noun>` when there are none, and how to see more when it is cut.
 */
function outputPage<T>(
  opts: GlobalOptions,
  noun: 'jobs' | 'workers',
  page: { totalCount: number; edges: { node: T }[] },
  columns: Column<T>[],
): void {
  const rows = page.edges.map((e) => e.node);
  output(opts, { totalCount: page.totalCount, [noun]: rows }, () =>
    rows.length === 0
      ? `no ${noun}`
      : table(rows, columns) +
        (page.totalCount > rows.length ? `\n(${rows.length} of ${page.totalCount}; --first N for more)` : ''),
  );
}

export function registerMarketCommands(program: Command): void {
  const market = program
    .command('market')
    .description('the market as the chain indexer sees it (GraphQL; needs no node)')
    .option(
      '--indexer <url>',
      'the indexer GraphQL URL (or CAIRN_INDEXER_URL; default http://127.0.0.1:4350/graphql)',
    );

  market
    .command('jobs')
    .description('jobs on the market, newest first')
    .option('--status <status>', `only jobs in this state (${JOB_STATUSES.join(', ')})`)
    .option('--poster <address>', 'only jobs this account posted')
    .option('--worker <address>', 'only jobs awarded to this account')
    .option('--first <n>', 'how many (1..100, default 20)')
    .action(
      onOptions<MarketOptions & { status?: string; poster?: string; worker?: string; first?: string }>(
        async (opts) => {
          const filter = {
            ...(opts.status ? { status: oneOf(opts.status, JOB_STATUSES, '--status') } : {}),
            ...(opts.poster ? { poster: normalizeAddress(address(opts.poster, '--poster')) } : {}),
            ...(opts.worker ? { worker: normalizeAddress(address(opts.worker, '--worker')) } : {}),
          };
          const first = count(opts.first);
          const d = await askIndexer<JobsAnswer>(opts, JOBS_QUERY, { first, filter });
          outputPage(opts, 'jobs', d.jobs, [
            { header: 'ID', value: (j) => j.id, right: true },
            { header: 'STATUS', value: (j) => j.status },
            { header: 'BUDGET', value: (j) => strk(j.budget, opts), right: true },
            { header: 'PRICE', value: (j) => (j.price ? strk(j.price, opts) : '-'), right: true },
            { header: 'WORKER', value: (j) => (j.workerAddress ? shortHex(j.workerAddress, 14) : '-') },
            { header: 'ATTEMPTS', value: (j) => `${j.attempts}/${j.maxAttempts}`, right: true },
            { header: 'POSTER', value: (j) => shortHex(j.poster, 14) },
            { header: 'CREATED (UTC)', value: (j) => when(j.createdAt) },
          ]);
        },
      ),
    );

  market
    .command('workers')
    .description('staked workers, best reputation (or --by stake) first')
    .option('--by <order>', 'score or stake (default score)')
    .option('--first <n>', 'how many (1..100, default 20)')
    .action(
      onOptions<MarketOptions & { by?: string; first?: string }>(async (opts) => {
        const order = oneOf(opts.by ?? 'score', ['score', 'stake'] as const, '--by').toUpperCase();
        const first = count(opts.first);
        const d = await askIndexer<WorkersAnswer>(opts, WORKERS_QUERY, { first, order });
        outputPage(opts, 'workers', d.workers, [
          { header: 'ADDRESS', value: (w) => shortHex(w.address, 14) },
          { header: 'STAKED', value: (w) => strk(w.staked, opts), right: true },
          { header: 'LOCKED', value: (w) => strk(w.locked, opts), right: true },
          { header: 'UNSTAKING', value: (w) => strk(w.pendingUnstake, opts), right: true },
          { header: 'SCORE', value: (w) => pct(w.reputation.score), right: true },
          { header: 'DONE', value: (w) => String(w.reputation.completed), right: true },
          { header: 'FAILED', value: (w) => String(w.reputation.failed), right: true },
          { header: 'SLASHED', value: (w) => String(w.reputation.slashed), right: true },
          { header: 'AWARDED', value: (w) => String(w.jobsAwarded), right: true },
          { header: 'PEER', value: (w) => (w.peerId ? shortHex(w.peerId, 14) : '-') },
        ]);
      }),
    );

  market
    .command('worker')
    .description('one worker: stake, reputation with its evidence, recent stake movements and jobs')
    .argument('<address>', "the worker's account address")
    .action(async (addr: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<MarketOptions>();
      const a = normalizeAddress(address(addr));
      const d = await askIndexer<WorkerAnswer>(opts, WORKER_QUERY, { a });
      if (!d.worker)
        throw new CliError(
          ExitCode.Remote,
          `the indexer knows no worker ${a} (it never staked on this deployment)`,
          'UNKNOWN_WORKER',
        );
      const value = {
        ...d.worker,
        stakeEvents: d.stakeEvents.edges.map((e) => e.node),
        jobs: d.jobs.edges.map((e) => e.node),
      };
      output(opts, value, (w) => {
        const r = w.reputation;
        const parts = [
          `worker ${w.address}`,
          fields([
            ['peer id', w.peerId ?? 'none bound'],
            ['staked', strk(w.staked, opts)],
            ['locked', strk(w.locked, opts)],
            [
              'unstaking',
              BigInt(w.pendingUnstake) > 0n
                ? `${strk(w.pendingUnstake, opts)}, free from ${when(w.unstakeAvailableAt)} UTC`
                : 'nothing',
            ],
            ['suspended', w.suspendedUntil > 0 ? `until ${when(w.suspendedUntil)} UTC` : undefined],
            [
              'reputation',
              `score ${pct(r.score)}: ${r.completed} completed, ${r.failed} failed, ${r.slashed} slashed`,
            ],
            ['awarded', `${w.jobsAwarded} jobs`],
          ]),
        ];
        if (r.evidence?.length)
          parts.push(
            '\nreputation evidence',
            table(r.evidence, [
              { header: 'JOB', value: (e) => e.jobId, right: true },
              { header: 'OUTCOME', value: (e) => e.outcome },
              { header: 'SCORE AFTER', value: (e) => pct(e.score), right: true },
              { header: 'WHEN (UTC)', value: (e) => when(e.timestamp) },
              { header: 'TX', value: (e) => e.txHash },
            ]),
          );
        if (w.stakeEvents.length)
          parts.push(
            '\nstake movements, newest first',
            table(w.stakeEvents, [
              { header: 'KIND', value: (e) => e.kind },
              { header: 'AMOUNT', value: (e) => strk(e.amount, opts), right: true },
              { header: 'JOB', value: (e) => e.jobId ?? '-', right: true },
              { header: 'WHEN (UTC)', value: (e) => when(e.timestamp) },
            ]),
          );
        if (w.jobs.length)
          parts.push(
            '\njobs awarded, newest first',
            table(w.jobs, [
              { header: 'ID', value: (j) => j.id, right: true },
              { header: 'STATUS', value: (j) => j.status },
              { header: 'PRICE', value: (j) => (j.price ? strk(j.price, opts) : '-'), right: true },
            ]),
          );
        return parts.join('\n');
      });
    });

  market
    .command('stats')
    .description('daily market figures (jobs, volume paid to workers, fees) and how far the indexer has read')
    .option('--days <n>', 'how many days, ending with --to (1..366, default 7)')
    .option('--to <day>', 'the last day, YYYY-MM-DD (default today, UTC; block times are what count)')
    .action(
      onOptions<MarketOptions & { days?: string; to?: string }>(async (opts) => {
        const days = opts.days === undefined ? 7 : wholeNumber(opts.days, '--days', 1, 366);
        if (
          opts.to !== undefined &&
          (!/^\d{4}-\d{2}-\d{2}$/.test(opts.to) || Number.isNaN(Date.parse(opts.to)))
        )
          throw new CliError(ExitCode.Usage, `--to ${opts.to}: expected a day as YYYY-MM-DD`, 'USAGE');
        const to = opts.to ? new Date(`${opts.to}T00:00:00Z`) : new Date();
        const from = new Date(to.getTime() - (days - 1) * 86_400_000);
        const day = (d: Date) => d.toISOString().slice(0, 10);
        const d = await askIndexer<MarketStatsAnswer>(opts, MARKET_STATS_QUERY, {
          from: day(from),
          to: day(to),
        });
        const total = (k: 'volume' | 'fees') => d.marketStats.reduce((s, x) => s + BigInt(x[k]), 0n);
        const sum = (k: keyof Day) => d.marketStats.reduce((s, x) => s + Number(x[k]), 0);
        const value = {
          from: day(from),
          to: day(to),
          days: d.marketStats,
          totals: {
            jobsCreated: sum('jobsCreated'),
            jobsCompleted: sum('jobsCompleted'),
            volume: total('volume').toString(),
            fees: total('fees').toString(),
          },
          indexer: d.indexerStatus,
        };
        output(opts, value, (v) =>
          [
            `market ${v.from} to ${v.to} (UTC): ${v.totals.jobsCreated} jobs posted, ${v.totals.jobsCompleted} completed, ${strk(v.totals.volume, opts)} paid to workers, ${strk(v.totals.fees, opts)} in fees`,
            v.days.length
              ? table(v.days, [
                  { header: 'DAY', value: (x) => x.day },
                  { header: 'POSTED', value: (x) => String(x.jobsCreated), right: true },
                  { header: 'AWARDED', value: (x) => String(x.jobsAwarded), right: true },
                  { header: 'COMPLETED', value: (x) => String(x.jobsCompleted), right: true },
                  { header: 'DISPUTED', value: (x) => String(x.jobsDisputed), right: true },
                  { header: 'EXPIRED', value: (x) => String(x.jobsExpired), right: true },
                  { header: 'CANCELLED', value: (x) => String(x.jobsCancelled), right: true },
                  { header: 'VOLUME', value: (x) => strk(x.volume, opts), right: true },
                  { header: 'FEES', value: (x) => strk(x.fees, opts), right: true },
                  {
                    header: 'AVG PRICE',
                    value: (x) => (x.averagePrice ? strk(x.averagePrice, opts) : '-'),
                    right: true,
                  },
                ])
              : '(no activity in these days)',
            `indexer at block ${v.indexer.cursor} of ${v.indexer.head}${v.indexer.caughtUp ? ' (caught up)' : ' (catching up)'}`,
          ].join('\n'),
        );
      }),
    );
}
