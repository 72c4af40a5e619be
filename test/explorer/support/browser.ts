/**
 * A headless Chromium for the explorer's browser tests, driven by playwright-core (which brings
 * no browser of its own): Debian's `chromium` package, which scripts/bootstrap.sh installs when
 * it runs as root, or the binary CHROMIUM_PATH names. Screenshots go to the run's artifacts
 * folder (CAIRN_ARTIFACTS_DIR, default build/test-artifacts), under explorer/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { REPO } from '../../indexer/support/indexer-process';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium binary to drive, or null when this machine has none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * The Chromium a browser suite drives; on a machine with none, a test in its place that says
 * the suite did NOT run (and passes only while there is indeed no Chromium).
 */
export function chromiumForSuite(suite: string): string | null {
  const path = findChromium();
  if (!path)
    test('the browser tests need Chromium', () => {
      console.warn(
        `${suite} NOT RUN: no chromium found (apt-get install chromium, which scripts/bootstrap.sh does as root, or set CHROMIUM_PATH)`,
      );
      expect(findChromium()).toBeNull();
    });
  return path;
}

export const ARTIFACTS = join(
  process.env.CAIRN_ARTIFACTS_DIR ?? join(REPO, 'build', 'test-artifacts'),
  'explorer',
);

export async function launch(executablePath: string): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // As root Chromium refuses its sandbox; the page is our own, served from localhost.
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

/** Builds the page when dist/ is missing or older than its sources (`npm run explorer:build`). */
export function ensureExplorerBuilt(): void {
  const dist = join(REPO, 'indexer', 'explorer', 'dist', 'index.html');
  if (existsSync(dist) && process.env.CAIRN_EXPLORER_REBUILD !== '1') return;
  const r = spawnSync(
    process.execPath,
    [
      join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'indexer/explorer/vite.config.mts',
    ],
    {
      cwd: REPO,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`explorer build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core run inside the page (evaluated through the DevTools protocol, past the page's CSP). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: AxeViolation[];
  };
  return result.violations;
}

/**
 * Serious and critical violations, as a readable list (empty when there are none); with a
 * `report` name, every violation (minor and moderate too) is written to the artifacts as JSON.
 */
export async function seriousViolations(page: Page, report?: string): Promise<string[]> {
  const all = await axeViolations(page);
  if (report) writeFileSync(join(ARTIFACTS, `axe-${report}.json`), JSON.stringify(all, null, 2));
  return all
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Every request the page makes, to check none leaves the indexer's host. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('websocket', (ws) => urls.push(ws.url()));
  return urls;
}
