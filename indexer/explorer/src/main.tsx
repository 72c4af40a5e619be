/**
 * The market explorer: overview, jobs (live), a job's timeline, workers and a worker, read from
 * the indexer that serves this page. Preact (3 kB) with hooks; routes in the URL hash.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { HEAD_BLOCK_SUBSCRIPTION, type HeadBlockAnswer } from '../../../src/shared/market-documents';
import { subscribe } from './api';
import { JobPage } from './pages/job';
import { JobsPage } from './pages/jobs';
import { OverviewPage } from './pages/overview';
import { WorkerPage } from './pages/worker';
import { WorkersPage } from './pages/workers';
import { href, useRoute } from './router';
import './style.css';

function Head() {
  const [block, setBlock] = useState<number | null>(null);
  useEffect(
    () => subscribe<HeadBlockAnswer>(HEAD_BLOCK_SUBSCRIPTION, {}, (h) => setBlock(h.headBlock.number)),
    [],
  );
  return (
    <p class="head" aria-live="off" data-testid="head-block">
      {block === null ? 'connecting…' : `block ${block}`}
    </p>
  );
}

function App() {
  const route = useRoute();
  useEffect(() => {
    document.title = `${route.page === 'overview' ? 'Overview' : route.page[0]!.toUpperCase() + route.page.slice(1)} · cairn market`;
    window.scrollTo(0, 0);
  }, [route.page]);
  const current = (page: string) =>
    route.page === page || route.page === page.slice(0, -1) ? 'page' : undefined;
  return (
    <>
      <header>
        <a class="brand" href={href.overview}>
          cairn market
        </a>
        <nav aria-label="Main">
          <a href={href.overview} aria-current={route.page === 'overview' ? 'page' : undefined}>
            Overview
          </a>
          <a href={href.jobs()} aria-current={current('jobs')}>
            Jobs
          </a>
          <a href={href.workers} aria-current={current('workers')}>
            Workers
          </a>
        </nav>
        <Head />
      </header>
      <main>
        {route.page === 'overview' && <OverviewPage />}
        {route.page === 'jobs' && <JobsPage params={route.params} />}
        {route.page === 'job' && <JobPage id={route.id} />}
        {route.page === 'workers' && <WorkersPage />}
        {route.page === 'worker' && <WorkerPage address={route.address} />}
        {route.page === 'missing' && (
          <>
            <h1>Not found</h1>
            <p>
              Nothing lives at <code>{route.path}</code>. <a href={href.overview}>Back to the overview</a>.
            </p>
          </>
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
