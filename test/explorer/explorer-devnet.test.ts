/**
 * The explorer against a real devnet: a job posted on chain while the jobs table is open appears
 * in it without a reload, changes state in place when it is awarded, and its page lists both
 * events with transaction hashes the devnet itself knows. Headless Chromium through
 * playwright-core; a real indexer process following devnet over JSON-RPC, a real PostgreSQL.
 */
import type { Account } from 'starknet';
import type { Browser, Page } from 'playwright-core';
import { deploymentEnv } from '../../indexer/src/config/indexer-config';
import { STRK } from '../../src/chain/params';
import { TestPg } from '../indexer/support/harness';
import { DevnetMarket } from '../indexer/support/devnet-market';
import {
  type IndexerProcess,
  spawnIndexer,
  stopIndexer,
  waitReady,
} from '../indexer/support/indexer-process';
import {
  chromiumForSuite,
  ensureExplorerBuilt,
  launch,
  screenshot,
  seriousViolations,
} from './support/browser';

const chromiumPath = chromiumForSuite('explorer devnet browser test');

if (chromiumPath) {
  let market: DevnetMarket;
  let pg: TestPg;
  let indexer: IndexerProcess | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureExplorerBuilt();
    [market, pg] = await Promise.all([DevnetMarket.start(), TestPg.start()]);
    const { url, ds } = await pg.database();
    await ds.destroy();
    indexer = await spawnIndexer({
      ...deploymentEnv(market.devnet.rpcUrl, market.deployment),
      DATABASE_URL: url,
      INDEXER_POLL_MS: '100',
    });
    [browser] = await Promise.all([launch(chromiumPath), waitReady(indexer)]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (indexer) await stopIndexer(indexer);
    await Promise.all([market?.stop(), pg?.stop()]);
  });

  test('a job posted on devnet appears in the open jobs table live, then changes state in place', async () => {
    const [, , poster, worker] = market.accounts as Account[];
    await market.stake(worker!);
    const page: Page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const base = `http://127.0.0.1:${indexer!.port}`;
    await page.goto(`${base}/#/jobs`);
    await page.getByTestId('jobs-summary').waitFor();
    await page.evaluate('window.marker = 7');

    const id = await market.createJob(poster!, 10n * STRK);
    const row = page.getByTestId(`job-row-${id}`);
    await row.waitFor({ timeout: 60_000 });
    expect(await row.getAttribute('data-status')).toBe('Open');
    expect(await row.locator('td').nth(2).textContent()).toBe('10 STRK');

    await market.award(poster!, worker!, id, 8n * STRK);
    await page.locator(`[data-testid="job-row-${id}"][data-status="Awarded"]`).waitFor({ timeout: 60_000 });
    expect(await page.evaluate('window.marker')).toBe(7);
    await screenshot(page, 'devnet-jobs-live');

    await row.getByRole('link', { name: `#${id}` }).click();
    await page.getByTestId('job-timeline').waitFor();
    const events = await page.getByTestId('job-event').evaluateAll((items) =>
      items.map((li) => ({
        name: li.getAttribute('data-name'),
        tx: li.querySelector('[data-testid="job-event-tx"]')?.textContent ?? '',
      })),
    );
    expect(events.map((e) => e.name)).toEqual(['JobCreated', 'JobAwarded']);
    for (const e of events) {
      const receipt = (await market.devnet.rpc('starknet_getTransactionReceipt', {
        transaction_hash: e.tx,
      })) as {
        transaction_hash: string;
      };
      expect(BigInt(receipt.transaction_hash)).toBe(BigInt(e.tx));
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'devnet-job');
    expect(errors).toEqual([]);
    await page.close();
  });
}
