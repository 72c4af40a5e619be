import { useEffect, useState } from 'preact/hooks';
import {
  JOBS_CHANGED_SUBSCRIPTION,
  JOBS_QUERY,
  JOB_STATUSES,
  type JobFilterInput,
  type JobRow,
  type JobsAnswer,
  type JobsChangedAnswer,
  type MarketJobStatus,
} from '../../../../src/shared/market-documents';
import { query, subscribe } from '../api';
import { strk, when } from '../format';
import { href } from '../router';
import { Address, DataTable, Status } from '../ui';

const ADDRESS = /^0x[0-9a-fA-F]{1,64}$/;
const PAGE = 50;

/** A filter on an account: the field the form reads as `name`, its test id `filter-<name>`. */
function AddressFilter(props: { label: string; name: 'poster' | 'worker'; value: string | undefined }) {
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        value={props.value ?? ''}
        placeholder="0x…"
        spellcheck={false}
        data-testid={`filter-${props.name}`}
      />
    </label>
  );
}

function filterFrom(params: URLSearchParams): { filter: JobFilterInput; problems: string[] } {
  const filter: JobFilterInput = {};
  const problems: string[] = [];
  const status = params.get('status');
  if (status) {
    if ((JOB_STATUSES as readonly string[]).includes(status)) filter.status = status as MarketJobStatus;
    else problems.push(`unknown state “${status}”`);
  }
  for (const k of ['poster', 'worker'] as const) {
    const v = params.get(k)?.trim();
    if (!v) continue;
    if (ADDRESS.test(v)) filter[k] = v;
    else problems.push(`${k} must be a 0x address`);
  }
  return { filter, problems };
}

/** Newest first; an update replaces its row, or drops it when the job left the filter. */
function apply(rows: JobRow[], update: JobsChangedAnswer['jobsChanged']): JobRow[] {
  const i = rows.findIndex((r) => r.id === update.id);
  if (!update.job || !update.matchesFilter) return i < 0 ? rows : rows.filter((r) => r.id !== update.id);
  if (i >= 0) {
    if (!update.rolledBack && rows[i]!.updatedBlock > update.job.updatedBlock) return rows;
    const next = rows.slice();
    next[i] = update.job;
    return next;
  }
  return [...rows, update.job].sort((a, b) => Number(b.id) - Number(a.id)).slice(0, PAGE);
}

export function JobsPage(props: { params: URLSearchParams }) {
  const { filter, problems } = filterFrom(props.params);
  const key = JSON.stringify(filter);
  const [rows, setRows] = useState<JobRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(0);

  useEffect(() => {
    if (problems.length) return;
    setRows(null);
    setError(null);
    // Subscribe first and hold what arrives until the page is loaded: nothing falls in between.
    let loaded: JobRow[] | null = null;
    const early: JobsChangedAnswer['jobsChanged'][] = [];
    const stop = subscribe<JobsChangedAnswer>(JOBS_CHANGED_SUBSCRIPTION, { filter }, (v) => {
      if (loaded === null) early.push(v.jobsChanged);
      else {
        setRows((r) => (r ? apply(r, v.jobsChanged) : r));
        setLive((n) => n + 1);
      }
    });
    query<JobsAnswer>(JOBS_QUERY, { first: PAGE, filter })
      .then((d) => {
        loaded = early.reduce(
          apply,
          d.jobs.edges.map((e) => e.node),
        );
        setRows(loaded);
        setTotal(d.jobs.totalCount);
      })
      .catch((e: Error) => setError(e.message));
    return stop;
  }, [key]);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    location.hash = href.jobs({
      status: (form.get('status') as string) || undefined,
      poster: (form.get('poster') as string).trim() || undefined,
      worker: (form.get('worker') as string).trim() || undefined,
    });
  };

  return (
    <>
      <h1>Jobs</h1>
      <form class="filters" onSubmit={onSubmit} aria-label="Filter jobs">
        <label>
          State
          <select name="status" value={filter.status ?? ''} data-testid="filter-status">
            <option value="">any</option>
            {JOB_STATUSES.map((s) => (
              <option value={s} key={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <AddressFilter label="Poster" name="poster" value={filter.poster} />
        <AddressFilter label="Worker" name="worker" value={filter.worker} />
        <button type="submit" data-testid="filter-apply">
          Filter
        </button>
      </form>
      {problems.length > 0 && (
        <p role="alert" class="error">
          {problems.join('; ')}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          The indexer could not answer: {error}
        </p>
      )}
      {rows === null && !error && !problems.length && <p aria-busy="true">Loading…</p>}
      {rows !== null && (
        <>
          <p class="muted" aria-live="polite" data-testid="jobs-summary">
            {rows.length} shown of {Math.max(total, rows.length)} matching; updates live
            {live ? ` (${live} so far)` : ''}.
          </p>
          <DataTable
            label="Jobs"
            testId="jobs-table"
            rows={rows}
            rowKey={(j) => j.id}
            rowAttributes={(j) => ({ 'data-testid': `job-row-${j.id}`, 'data-status': j.status })}
            columns={[
              { header: 'Job', cell: (j) => <a href={href.job(j.id)}>#{j.id}</a> },
              { header: 'State', cell: (j) => <Status status={j.status} /> },
              { header: 'Budget', num: true, cell: (j) => strk(j.budget) },
              { header: 'Price', num: true, cell: (j) => strk(j.price) },
              { header: 'Worker', cell: (j) => <Address address={j.workerAddress} worker /> },
              { header: 'Poster', cell: (j) => <Address address={j.poster} /> },
              { header: 'Attempts', num: true, cell: (j) => `${j.attempts}/${j.maxAttempts}` },
              { header: 'Posted', cell: (j) => when(j.createdAt) },
            ]}
          />
          {rows.length === 0 && <p>No job matches.</p>}
        </>
      )}
    </>
  );
}
