import { useState } from 'preact/hooks';
import { WORKERS_QUERY, type WorkersAnswer } from '../../../../src/shared/market-documents';
import { pct, strk } from '../format';
import { Address, Show, TableBox } from '../ui';
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
          <TableBox label="Workers leaderboard">
            <table data-testid="workers-table">
              <thead>
                <tr>
                  <th scope="col">Rank</th>
                  <th scope="col">Worker</th>
                  <th scope="col">Score</th>
                  <th scope="col">Staked</th>
                  <th scope="col">Completed</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Slashed</th>
                  <th scope="col">Awarded</th>
                </tr>
              </thead>
              <tbody>
                {workers.edges.map(({ node: w }, i) => (
                  <tr key={w.address} data-testid="worker-row">
                    <td class="num">{i + 1}</td>
                    <td>
                      <Address address={w.address} worker />
                    </td>
                    <td class="num">{pct(w.reputation.score)}</td>
                    <td class="num">{strk(w.staked)}</td>
                    <td class="num">{w.reputation.completed}</td>
                    <td class="num">{w.reputation.failed}</td>
                    <td class="num">{w.reputation.slashed}</td>
                    <td class="num">{w.jobsAwarded}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Show>
    </>
  );
}
