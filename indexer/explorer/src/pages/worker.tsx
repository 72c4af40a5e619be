import { useEffect, useState } from 'preact/hooks';
import {
  HEAD_BLOCK_SUBSCRIPTION,
  type HeadBlockAnswer,
  WORKER_QUERY,
  type WorkerAnswer,
} from '../../../../src/shared/market-documents';
import { subscribe } from '../api';
import { StepChart } from '../charts';
import { pct, strk, when } from '../format';
import { href } from '../router';
import { DataTable, Show, Status } from '../ui';
import { useQuery } from '../use-query';

export function WorkerPage(props: { address: string }) {
  const [refresh, setRefresh] = useState(0);
  useEffect(
    () => subscribe<HeadBlockAnswer>(HEAD_BLOCK_SUBSCRIPTION, {}, () => setRefresh((n) => n + 1)),
    [],
  );
  const loaded = useQuery<WorkerAnswer>(WORKER_QUERY, { a: props.address }, refresh);
  return (
    <Show loaded={loaded}>
      {({ worker: w, stakeEvents, jobs }) =>
        !w ? (
          <>
            <h1>Worker</h1>
            <p role="alert">
              The indexer knows no worker <code class="wrap">{props.address}</code>: it never staked.
            </p>
          </>
        ) : (
          <>
            <h1>Worker</h1>
            <p>
              <code class="wrap" data-testid="worker-address">
                {w.address}
              </code>
            </p>
            <dl class="facts">
              <dt>Reputation</dt>
              <dd>
                {pct(w.reputation.score)}: {w.reputation.completed} completed, {w.reputation.failed} failed,{' '}
                {w.reputation.slashed} slashed
              </dd>
              <dt>Staked</dt>
              <dd>{strk(w.staked)}</dd>
              <dt>Locked as collateral</dt>
              <dd>{strk(w.locked)}</dd>
              <dt>Unstaking</dt>
              <dd>
                {BigInt(w.pendingUnstake) > 0n
                  ? `${strk(w.pendingUnstake)}, free from ${when(w.unstakeAvailableAt)}`
                  : 'nothing'}
              </dd>
              <dt>Suspended</dt>
              <dd>{w.suspendedUntil > 0 ? `until ${when(w.suspendedUntil)}` : 'no'}</dd>
              <dt>Peer id</dt>
              <dd>
                <code class="wrap">{w.peerId ?? 'none bound'}</code>
              </dd>
            </dl>
            <h2>Reputation over time</h2>
            {w.reputation.evidence?.length ? (
              <StepChart
                testId="reputation-chart"
                title="Score after each reputation event, by block"
                yMax={10_000}
                yLabel={(v) => `${Math.round(v / 100)}%`}
                points={w.reputation.evidence.map((e) => ({
                  x: e.blockNumber,
                  y: e.score,
                  label: `job ${e.jobId} ${e.outcome}: ${pct(e.score)} at block ${e.blockNumber}`,
                }))}
              />
            ) : (
              <p>No reputation events yet.</p>
            )}
            <h2>Jobs</h2>
            <DataTable
              label="Jobs of this worker"
              testId="worker-jobs"
              rows={jobs.edges.map((e) => e.node)}
              rowKey={(j) => j.id}
              columns={[
                { header: 'Job', cell: (j) => <a href={href.job(j.id)}>#{j.id}</a> },
                { header: 'State', cell: (j) => <Status status={j.status} /> },
                { header: 'Price', num: true, cell: (j) => strk(j.price) },
                { header: 'Posted', cell: (j) => when(j.createdAt) },
              ]}
            />
            <h2>Stake movements</h2>
            <DataTable
              label="Stake movements of this worker"
              testId="worker-stake"
              rows={stakeEvents.edges.map((e) => e.node)}
              rowKey={(e) => `${e.txHash}:${e.kind}:${e.amount}`}
              columns={[
                { header: 'Movement', cell: (e) => e.kind.replace(/_/g, ' ') },
                { header: 'Amount', num: true, cell: (e) => strk(e.amount) },
                {
                  header: 'Job',
                  cell: (e) => (e.jobId ? <a href={href.job(e.jobId)}>#{e.jobId}</a> : '–'),
                },
                { header: 'Block', num: true, cell: (e) => e.blockNumber },
                {
                  header: 'Transaction',
                  cell: (e) => <code title={e.txHash}>{e.txHash.slice(0, 12)}…</code>,
                },
              ]}
            />
          </>
        )
      }
    </Show>
  );
}
