import { useState } from 'preact/hooks';
import { WORKERS_QUERY, type WorkersAnswer } from '../../../../src/shared/market-documents';
import { pct, strk } from '../format';
import { Address, DataTable, Show } from '../ui';
import { useQuery } from '../use-query';

export function WorkersPage() {
  const [order, setOrder] = useState<'SCORE' | 'STAKE'>('SCORE');
  const loaded = useQuery<WorkersAnswer>(WORKERS_QUERY, { first: 100, order });
  return (
    <>
      <h1>Workers</h1>
      <fieldset class="filters">
        <legend>Rank by</legend>
        {(['SCORE', 'STAKE'] as const).map((o) => (
          <label key={o}>
            <input type="radio" name="order" checked={order === o} onChange={() => setOrder(o)} />{' '}
            {o === 'SCORE' ? 'reputation score' : 'stake'}
          </label>
        ))}
      </fieldset>
      <Show loaded={loaded}>
        {({ workers }) => (
          <DataTable
            label="Workers leaderboard"
            testId="workers-table"
            rows={workers.edges.map((e) => e.node)}
            rowKey={(w) => w.address}
            rowAttributes={() => ({ 'data-testid': 'worker-row' })}
            columns={[
              { header: 'Rank', num: true, cell: (_w, i) => i + 1 },
              { header: 'Worker', cell: (w) => <Address address={w.address} worker /> },
              { header: 'Score', num: true, cell: (w) => pct(w.reputation.score) },
              { header: 'Staked', num: true, cell: (w) => strk(w.staked) },
              { header: 'Completed', num: true, cell: (w) => w.reputation.completed },
              { header: 'Failed', num: true, cell: (w) => w.reputation.failed },
              { header: 'Slashed', num: true, cell: (w) => w.reputation.slashed },
              { header: 'Awarded', num: true, cell: (w) => w.jobsAwarded },
            ]}
          />
        )}
      </Show>
    </>
  );
}
