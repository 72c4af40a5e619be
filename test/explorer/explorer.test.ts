/**
 * The explorer page in headless Chromium (playwright-core driving Debian's chromium), served by
 * a real indexer process over a real PostgreSQL, following a scripted market chain that grows
 * while the page is open: the overview's figures agree with the chain; a job posted appears in
 * the jobs table live, without a reload; filters narrow the table; a job's timeline lists its
 * events in chain order with their transaction hashes; a worker's reputation chart renders; the
 * layout holds at phone width; axe-core finds no serious or critical violation; the page asks
 * nothing of any other host. Screenshots of each page go to the artifacts folder.
 */
import type { Browser, Page } from 'playwright-core';
import { cairnEventCodec } from '../../src/chain/events/cairn-codec';
import { CONTRACTS, postgresForFile } from '../indexer/support/harness';
import {
  type IndexerProcess,
  spawnIndexer,
  stopIndexer,
  waitReady,
} from '../indexer/support/indexer-process';
import { LiveChain } from '../indexer/support/live-chain';
import { address } from '../indexer/support/market-script';
import { strk } from '../../indexer/explorer/src/format';
import {
  ARTIFACTS,
  chromiumForSuite,
  ensureExplorerBuilt,
  launch,
  recordRequests,
  screenshot,
  seriousViolations,
} from './support/browser';

const chromiumPath = chromiumForSuite('explorer browser tests');

/** The test ids of the jobs table's rows, sorted. */
async function rowIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="job-row-"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid') ?? ''));
  return ids.sort();
}

/** Polls until the table shows exactly `want` (the page's CSP forbids waitForFunction's eval). */
async function untilRows(page: Page, want: string[]): Promise<void> {
  const sorted = [...want].sort();
  for (let i = 0; i < 200; i++) {
    if (JSON.stringify(await rowIds(page)) === JSON.stringify(sorted)) return;
    await page.waitForTimeout(100);
  }
  expect(await rowIds(page)).toEqual(sorted);
}
const E = 10n ** 18n;

if (chromiumPath) {
  const pg = postgresForFile();
  let chain: LiveChain;
  let indexer: IndexerProcess;
  let browser: Browser;
  let base: string;
  const pages: Page[] = [];

  async function open(
    hash: string,
    viewport = { width: 1280, height: 900 },
  ): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport });
    pages.push(page);
    const requests = recordRequests(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/${hash}`);
    (page as Page & { errors?: string[] }).errors = errors;
    return { page, requests };
  }

  async function gql<T>(q: string): Promise<T> {
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: q }),
    });
    return ((await r.json()) as { data: T }).data;
  }

  beforeAll(async () => {
    ensureExplorerBuilt();
    chain = new LiveChain(pg.dir);
    const { url, ds } = await pg.database();
    await ds.destroy();
    indexer = await spawnIndexer({ INDEXER_RPC_URL: `replay:${chain.path}`, DATABASE_URL: url });
    base = `http://127.0.0.1:${indexer.port}`;
    [browser] = await Promise.all([launch(chromiumPath), waitReady(indexer)]);
  }, 180_000);

  afterEach(async () => {
    for (const p of pages.splice(0)) {
      expect((p as Page & { errors?: string[] }).errors ?? []).toEqual([]);
      await p.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    if (indexer) await stopIndexer(indexer);
  });

  test('the overview loads with the chain’s job counts, STRK figures and an activity chart; nothing leaves the host', async () => {
    const { page, requests } = await open('#/');
    await page.getByTestId('count-open').waitFor();
    const model = [...chain.script.jobs.values()];
    const count = (...s: string[]) => String(model.filter((j) => s.includes(j.status)).length);
    const tile = async (id: string) => (await page.getByTestId(id).locator('dd').textContent())?.trim();
    expect(await tile('count-open')).toBe(count('Open'));
    expect(await tile('count-running')).toBe(count('Awarded', 'Accepted', 'Submitted'));
    expect(await tile('count-disputed')).toBe(count('Disputed'));
    expect(await tile('count-expired')).toBe(count('Expired'));
    expect(await tile('count-all')).toBe(String(model.length));

    // The STRK figures against the job rows, summed here.
    const rows = await gql<{ jobs: { edges: { node: Record<string, string> }[] } }>(
      '{ jobs(first: 100) { edges { node { status budget payout fee slashed } } } }',
    );
    const sum = (k: string, only?: string[]) =>
      rows.jobs.edges
        .map((e) => e.node)
        .filter((j) => !only || only.includes(j.status!))
        .reduce((s, j) => s + BigInt(j[k]!), 0n)
        .toString();
    expect(await tile('strk-paid')).toBe(strk(sum('payout')));
    expect(await tile('strk-fees')).toBe(strk(sum('fee')));
    expect(await tile('strk-slashed')).toBe(strk(sum('slashed')));
    expect(await tile('strk-escrowed')).toBe(
      strk(sum('budget', ['Open', 'Awarded', 'Accepted', 'Submitted', 'Disputed'])),
    );
    expect(await tile('count-paid')).toBe(
      String(
        rows.jobs.edges.filter(
          (e) => e.node.status === 'Completed' || (e.node.status === 'Resolved' && e.node.payout !== '0'),
        ).length,
      ),
    );

    expect(await page.getByTestId('activity-chart').locator('rect.bar').count()).toBeGreaterThan(0);
    await page
      .getByTestId('head-block')
      .filter({ hasText: `block ${chain.height - 1}` })
      .waitFor();
    await screenshot(page, 'overview');
    const foreign = requests.filter((u) => !u.startsWith(base) && !u.startsWith(base.replace('http', 'ws')));
    expect(foreign).toEqual([]);
    expect(requests.some((u) => u.startsWith('ws://'))).toBe(true);
  });

  test('a job posted while the jobs table is open appears in it live, without a reload', async () => {
    const { page } = await open('#/jobs');
    await page.getByTestId('jobs-table').waitFor();
    const before = await page.locator('[data-testid^="job-row-"]').count();
    await page.evaluate('window.marker = 42');
    const id = chain.script.jobs.size + 1;
    chain.extend((s) => {
      s.createJob(address('carol'), 11n * E);
      s.mine();
    });
    const row = page.getByTestId(`job-row-${id}`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-status')).toBe('Open');
    expect(await row.locator('td').nth(2).textContent()).toBe('11 STRK');
    expect(await page.locator('[data-testid^="job-row-"]').count()).toBe(before + 1);
    // The same document: no navigation happened.
    expect(await page.evaluate('window.marker')).toBe(42);

    // And it changes state in place.
    chain.extend((s) => {
      s.award(id, address('alice'), 10n * E);
      s.mine();
    });
    await page.locator(`[data-testid="job-row-${id}"][data-status="Awarded"]`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'jobs-live');
  });

  test('filters narrow the table: by state, by worker, and a bad address is refused with a message', async () => {
    const { page } = await open('#/jobs');
    await page.getByTestId('jobs-table').waitFor();
    const model = [...chain.script.jobs.entries()];
    await page.getByTestId('filter-status').selectOption('Completed');
    await page.getByTestId('filter-apply').click();
    await page.waitForURL(/status=Completed/);
    const completed = model.filter(([, j]) => j.status === 'Completed').map(([id]) => `job-row-${id}`);
    await page.locator(`[data-testid="${completed[0]}"]`).waitFor();
    await untilRows(page, completed);
    await screenshot(page, 'jobs-filtered');

    await page.getByTestId('filter-status').selectOption('');
    await page.getByTestId('filter-worker').fill(address('bob'));
    await page.getByTestId('filter-apply').click();
    const bobs = model.filter(([, j]) => j.worker === address('bob')).map(([id]) => `job-row-${id}`);
    await untilRows(page, bobs);

    await page.goto(`${base}/#/jobs?poster=zzz`);
    await page.getByRole('alert').filter({ hasText: 'poster must be a 0x address' }).waitFor();
  });

  test('a job’s page shows its events in chain order with their transaction hashes', async () => {
    const id = 5; // created, awarded, accepted, submitted, disputed, resolved against the worker
    const codec = cairnEventCodec(CONTRACTS);
    const expected = chain.script.chain
      .recorded()
      .flatMap((b) => b.events)
      .map((e) => ({ e, d: codec.decode(e.fromAddress, e.keys, e.data) }))
      .filter(({ d }) => d && String(d.fields.job_id) === String(id))
      .map(({ e, d }) => ({ name: d!.name, tx: e.txHash }));
    expect(expected.length).toBeGreaterThan(5);

    const { page } = await open(`#/jobs/${id}`);
    await page.getByTestId('job-timeline').waitFor();
    const shown = await page.getByTestId('job-event').evaluateAll((items) =>
      items.map((li) => ({
        name: li.getAttribute('data-name'),
        tx: li.querySelector('[data-testid="job-event-tx"]')?.textContent,
      })),
    );
    expect(shown).toEqual(expected);
    expect(await page.getByTestId('job-slashed').textContent()).not.toBe('nothing');
    await screenshot(page, 'job-detail');
  });

  test('the workers leaderboard leads to a worker whose reputation chart has a point per event', async () => {
    const { page } = await open('#/workers');
    await page.getByTestId('workers-table').waitFor();
    expect(await page.getByTestId('worker-row').count()).toBe(chain.script.workers.size);
    await screenshot(page, 'workers');
    await page
      .locator(`a[href="#/workers/${address('alice')}"]`)
      .first()
      .click();
    const chart = page.getByTestId('reputation-chart');
    await chart.waitFor();
    const alice = chain.script.workers.get(address('alice'))!;
    expect(await chart.locator('circle').count()).toBe(alice.completed + alice.failed + alice.slashed);
    expect(await chart.locator('path.line').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+( H[\d.]+ V[\d.]+)+$/);
    await screenshot(page, 'worker');
  });

  test('at phone width every page fits the screen, and axe-core finds no serious or critical violation', async () => {
    const views: [string, string, string][] = [
      ['#/', 'count-open', 'overview'],
      ['#/jobs', 'jobs-table', 'jobs'],
      ['#/jobs/5', 'job-timeline', 'job'],
      ['#/workers', 'workers-table', 'workers'],
      [`#/workers/${address('alice')}`, 'reputation-chart', 'worker'],
    ];
    const problems: string[] = [];
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 900 },
    ]) {
      for (const [hash, ready, name] of views) {
        const { page } = await open(hash, viewport);
        await page.getByTestId(ready).waitFor();
        if (viewport.width < 600) {
          // Strings, evaluated in the page: the test's own TypeScript has no DOM types.
          const overflow = (await page.evaluate(
            'document.documentElement.scrollWidth - window.innerWidth',
          )) as number;
          if (overflow > 0) problems.push(`${name}: ${overflow}px wider than a ${viewport.width}px screen`);
          await screenshot(page, `phone-${name}`);
        }
        for (const v of await seriousViolations(page, `${name}-${viewport.width}`))
          problems.push(`${name} at ${viewport.width}px: ${v}`);
      }
    }
    expect(problems).toEqual([]);

    // The scan itself works: an image without a text alternative is caught as critical.
    const { page } = await open('#/workers');
    await page.getByTestId('workers-table').waitFor();
    await page.evaluate(`document.querySelector('main').append(document.createElement('img'))`);
    expect((await seriousViolations(page)).join('\n')).toMatch(/^critical image-alt/m);
    expect(ARTIFACTS).toBeTruthy();
  });
}
