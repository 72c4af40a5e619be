import { useEffect, useState } from 'preact/hooks';
import {
  HEAD_BLOCK_SUBSCRIPTION,
  type HeadBlockAnswer,
  OVERVIEW_QUERY,
  type OverviewAnswer,
} from '../../../../src/shared/market-documents';
import { subscribe } from '../api';
import { BarLineChart } from '../charts';
import { strk, strkNumber } from '../format';
import { href } from '../router';
import { Show, Tile } from '../ui';
import { useQuery } from '../use-query';

export function OverviewPage() {
  const [refresh, setRefresh] = useState(0);
  useEffect(
    () => subscribe<HeadBlockAnswer>(HEAD_BLOCK_SUBSCRIPTION, {}, () => setRefresh((n) => n + 1)),
    [],
  );
  const loaded = useQuery<OverviewAnswer>(OVERVIEW_QUERY, { buckets: 24 }, refresh);
  return (
    <>
      <h1>Market overview</h1>
      <Show loaded={loaded}>
        {({ marketOverview: o, blockActivity }) => (
          <>
            <section aria-labelledby="jobs-h">
              <h2 id="jobs-h">Jobs</h2>
              <dl class="tiles" data-testid="job-counts">
                <Tile label="Open" value={o.open} testId="count-open" />
                <Tile label="Running" value={o.running} testId="count-running" />
                <Tile label="Paid" value={o.paid} testId="count-paid" />
                <Tile label="Disputed" value={o.disputed} testId="count-disputed" />
                <Tile label="Expired" value={o.expired} testId="count-expired" />
                <Tile label="Cancelled" value={o.cancelled} />
                <Tile label="Lost disputes" value={o.lost} />
                <Tile label="All jobs" value={o.jobs} testId="count-all" />
              </dl>
              <p>
                <a href={href.jobs()}>See every job</a>
              </p>
            </section>
            <section aria-labelledby="strk-h">
              <h2 id="strk-h">STRK</h2>
              <dl class="tiles" data-testid="strk">
                <Tile label="Escrowed" value={strk(o.escrowed)} testId="strk-escrowed" />
                <Tile label="Paid to workers" value={strk(o.paidOut)} testId="strk-paid" />
                <Tile label="Slashed" value={strk(o.slashed)} testId="strk-slashed" />
                <Tile label="Fees" value={strk(o.fees)} testId="strk-fees" />
                <Tile label="Staked" value={strk(o.staked)} />
                <Tile label="Workers" value={o.workers} />
              </dl>
            </section>
            <section aria-labelledby="activity-h">
              <h2 id="activity-h">Activity over blocks</h2>
              {blockActivity.length === 0 ? (
                <p>No jobs yet.</p>
              ) : (
                <BarLineChart
                  testId="activity-chart"
                  title="Jobs posted and STRK paid, per block range"
                  barName="jobs posted"
                  lineName="STRK paid"
                  bars={blockActivity.map((b) => ({
                    x: b.fromBlock,
                    y: b.jobsCreated,
                    label:
                      b.fromBlock === b.toBlock
                        ? `block ${b.fromBlock}`
                        : `blocks ${b.fromBlock}–${b.toBlock}`,
                  }))}
                  line={blockActivity.map((b) => ({
                    x: b.fromBlock,
                    y: strkNumber(b.volume),
                    label: strk(b.volume),
                  }))}
                />
              )}
            </section>
          </>
        )}
      </Show>
    </>
  );
}
