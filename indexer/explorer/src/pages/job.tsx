import { useEffect, useState } from 'preact/hooks';
import {
  JOB_QUERY,
  JOB_UPDATED_SUBSCRIPTION,
  type JobAnswer,
  type JobEventRow,
  type JobUpdatedAnswer,
} from '../../../../src/shared/market-documents';
import { subscribe } from '../api';
import { strk, when } from '../format';
import { Address, Show, Status } from '../ui';
import { useQuery } from '../use-query';

const AMOUNTS = new Set([
  'budget',
  'price',
  'collateral',
  'payout',
  'fee',
  'refund',
  'slashed',
  'amount',
  'bond',
  'locked',
  'staked',
]);
const TIMES = new Set([
  'deadline',
  'accept_by',
  'review_until',
  'resolve_by',
  'available_at',
  'suspended_until',
]);

/** The fields of an event worth a line in the timeline: amounts as STRK, times as UTC. */
function details(e: JobEventRow): string {
  const f = JSON.parse(e.fields) as Record<string, unknown>;
  return Object.entries(f)
    .filter(([k]) => k !== 'job_id' && k !== 'manifest_hash')
    .map(([k, v]) => {
      const text = AMOUNTS.has(k) ? strk(String(v)) : TIMES.has(k) ? when(Number(v)) : String(v);
      return `${k.replace(/_/g, ' ')}: ${text}`;
    })
    .join(' · ');
}

export function JobPage(props: { id: string }) {
  const [refresh, setRefresh] = useState(0);
  useEffect(
    () =>
      subscribe<JobUpdatedAnswer>(JOB_UPDATED_SUBSCRIPTION, { id: props.id }, () => setRefresh((n) => n + 1)),
    [props.id],
  );
  const loaded = useQuery<JobAnswer>(JOB_QUERY, { id: props.id }, refresh);
  return (
    <Show loaded={loaded}>
      {({ job }) =>
        !job ? (
          <>
            <h1>Job #{props.id}</h1>
            <p role="alert">The indexer knows no job #{props.id}.</p>
          </>
        ) : (
          <>
            <h1>
              Job #{job.id} <Status status={job.status} />
            </h1>
            <dl class="facts" data-testid="job-facts">
              <dt>Poster</dt>
              <dd>
                <Address address={job.poster} />
              </dd>
              <dt>Worker</dt>
              <dd>
                <Address address={job.workerAddress} worker />
              </dd>
              <dt>Budget</dt>
              <dd>{strk(job.budget)}</dd>
              <dt>Price</dt>
              <dd>{strk(job.price)}</dd>
              <dt>Collateral</dt>
              <dd>{strk(job.collateral)}</dd>
              <dt>Attempts</dt>
              <dd>
                {job.attempts} of {job.maxAttempts}
              </dd>
              <dt>Commitment</dt>
              <dd>
                <code class="wrap">{job.commitment ?? '–'}</code>
              </dd>
              <dt>Paid</dt>
              <dd>
                {strk(job.payout)} to the worker, {strk(job.fee)} fee, {strk(job.refund)} refunded
              </dd>
              <dt>Slashed</dt>
              <dd data-testid="job-slashed">{BigInt(job.slashed) > 0n ? strk(job.slashed) : 'nothing'}</dd>
              {job.disputeReason && (
                <>
                  <dt>Dispute</dt>
                  <dd>{job.disputeReason}</dd>
                </>
              )}
            </dl>
            <h2>Timeline</h2>
            <ol class="timeline" data-testid="job-timeline">
              {job.events.map((e) => (
                <li key={`${e.txHash}:${e.eventIndex}`} data-testid="job-event" data-name={e.name}>
                  <strong>{e.name}</strong> <span class="muted">({e.contract})</span>
                  <div>
                    block {e.blockNumber} · {when(e.timestamp)}
                  </div>
                  <div>
                    tx{' '}
                    <code class="wrap" data-testid="job-event-tx">
                      {e.txHash}
                    </code>
                  </div>
                  <div class="muted">{details(e)}</div>
                </li>
              ))}
            </ol>
          </>
        )
      }
    </Show>
  );
}
