/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * `npm start`'s marketplace as a user runs it (scripts/marketplace.ts in its own process):
 * devnet, the deployed contracts, the indexer, a poster and three worker nodes (`cairn node
 * start`, one process each, each with its own account), and a first job posted through the
 * poster's control socket and shown to Completed. Checks the first job on chain, that the
 * workers staked and bound their nodes' peer ids, that the printed `cairn job post` command and
 * the printed GraphQL query work as printed, that a second `npm start` on the same folder says
 * so and exits 1, and that Ctrl-C stops every process it started.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { toBigInt } from '../../src/chain/values';
import { parseConfig } from '../../src/config/config.schema';
import { readJob } from '../../src/jobs/chain-view';
import { chainSources } from '../../src/node/deployment';
import { freePort } from '../../src/shared/free-port';
import { waitFor } from '../p2p/support/cluster';

const REPO = join(__dirname, '..', '..');
const BIN = join(REPO, 'bin', 'cairn.js');
const NODES = ['poster', 'worker-1', 'worker-2', 'worker-3'];

interface NodeLine {
  msg: string;
  peerId?: string;
  account?: string;
  worker?: boolean;
  executor?: boolean;
}

/** Every process below `pid`, from /proc (children of children too). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of parents.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => existsSync(`/proc/${pid}`);

describe('the local marketplace (npm start)', () => {
  let dir: string;
  let market: ChildProcess;
  let exited: Promise<number | null>;
  let env: NodeJS.ProcessEnv;
  const out: string[] = [];
  const said = () => out.join('\n');

  beforeAll(async () => {
    dir = await mkdtemp('/tmp/cairn-marketplace-');
    await chmod(dir, 0o755);
    env = {
      ...process.env,
      CAIRN_LOCAL_DIR: dir,
      CAIRN_DEVNET_PORT: String(await freePort()),
      INDEXER_HTTP_PORT: String(await freePort()),
    };
    market = spawn(process.execPath, ['--import', 'tsx', 'scripts/marketplace.ts'], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => market.once('exit', (code) => resolve(code)));
    let partial = '';
    const read = (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      out.push(...lines);
    };
    market.stdout!.on('data', read);
    market.stderr!.on('data', read);
    await waitFor(
      () => said().includes('[marketplace] running; Ctrl-C stops it') || market.exitCode !== null,
      'the marketplace to run its first job',
      420_000,
    );
    if (market.exitCode !== null) throw new Error(`marketplace exited:\n${said()}`);
  }, 480_000);

  afterAll(async () => {
    if (market.exitCode === null) market.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  const nodeLines = (name: string): NodeLine[] =>
    readFileSync(join(dir, name, 'node.log'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as NodeLine);

  test('the first job is posted through the poster node and shown to Completed, on chain too', async () => {
    const text = said();
    expect(text).toMatch(/posted job 1: 2 STRK escrowed \(tx 0x[0-9a-f]+\)/);
    expect(text).toMatch(/\d bids? received so far/);
    expect(text).toMatch(/attempt 1 awarded to 0x[0-9a-f]+ \(12D3KooW\w+\) at 0\.01 STRK/);
    expect(text).toMatch(/confirmed: worker paid\s+tx 0x/);
    expect(text).toContain('job 1 Completed.');
    expect(text).toMatch(/\| cairn 4/);
    expect(text).toMatch(
      /paid\s+0\.01 STRK to worker 0x[0-9a-f]+ .*1\.99 STRK of the 2 STRK budget refunded/,
    );
    expect(text).toMatch(/fuel\s+\d+ used in \d+ ms on worker-\d/);

    const { clients } = chainSources(
      parseConfig({ dataDir: join(dir, 'client'), chain: { deploymentFile: join(dir, 'deployment.json') } }),
    );
    const job = await readJob(clients!, 1n);
    expect(job.status).toBe('Completed');
    expect(job.price).toBe(10n ** 16n);
  });

  test('each node is `cairn node start` with its own account; the workers staked and bound their peer ids', async () => {
    const running = NODES.map((n) => nodeLines(n).find((l) => l.msg === 'cairn node running')!);
    expect(running.every(Boolean)).toBe(true);
    expect(new Set(running.map((r) => r.account)).size).toBe(4);
    expect(running[0]).toMatchObject({ worker: false, executor: false });
    const { clients } = chainSources(
      parseConfig({ dataDir: join(dir, 'client'), chain: { deploymentFile: join(dir, 'deployment.json') } }),
    );
    for (const w of running.slice(1)) {
      expect(w).toMatchObject({ worker: true, executor: true });
      expect(String(await clients!.registry.read.peer_id_of(w.account!))).toBe(w.peerId);
      expect(toBigInt((await clients!.registry.read.stake_of(w.account!)).staked)).toBe(500n * 10n ** 18n);
    }
  });

  test('the printed `cairn job post` works as printed', async () => {
    const line = out.find((l) => /^\[marketplace\]\s+npx cairn .* job post /.test(l))!;
    const args = line.replace(/^\[marketplace\]\s+npx cairn /, '').split(/\s+/);
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stdout += b.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(stdout).toContain('job 2 Completed.');
    expect(code).toBe(0);
  }, 120_000);

  test("the printed GraphQL query shows the paid jobs and the workers' reputations", async () => {
    const curl = out.find((l) => l.includes('curl -s http'))!;
    const url = /curl -s (\S+)/.exec(curl)![1]!;
    const body = /-d '(.*)'$/.exec(curl)![1]!;
    type Answer = {
      data: {
        jobs: { edges: { node: { id: string; status: string } }[] };
        workers: { edges: { node: { reputation: { completed: number } } }[] };
      };
    };
    const answer = await (async () => {
      for (let i = 0; i < 240; i++) {
        const r = (await (
          await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        ).json()) as Answer;
        const completed = r.data.jobs.edges.filter((e) => e.node.status === 'Completed').length;
        if (completed === 2) return r;
        await new Promise((res) => setTimeout(res, 500));
      }
      throw new Error('the indexer never showed both completed jobs');
    })();
    expect(answer.data.workers.edges).toHaveLength(3);
    expect(
      answer.data.workers.edges.reduce((n, e) => n + e.node.reputation.completed, 0),
    ).toBeGreaterThanOrEqual(1);
  }, 150_000);

  test('a second npm start on the same folder says one is running and exits 1, leaving it be', async () => {
    const second = spawn(process.execPath, ['--import', 'tsx', 'scripts/marketplace.ts'], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    second.stdout!.on('data', (b: Buffer) => (text += b.toString()));
    second.stderr!.on('data', (b: Buffer) => (text += b.toString()));
    const [code] = (await once(second, 'exit')) as [number];
    expect(code).toBe(1);
    expect(text).toMatch(new RegExp(`another npm start is running with ${dir} \\(pid ${market.pid}\\)`));
    expect(market.exitCode).toBeNull();
  }, 60_000);

  test('Ctrl-C stops the nodes, the indexer and devnet, exits 0 and leaves no process behind', async () => {
    const children = descendants(market.pid!);
    // devnet, the indexer (with its PostgreSQL), four nodes (with their provers).
    expect(children.length).toBeGreaterThanOrEqual(6);
    market.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(said()).toContain('[marketplace] stopping nodes');
    expect(said()).toContain('[marketplace] stopping devnet');
    await waitFor(() => children.every((p) => !alive(p)), 'every child process to end', 10_000).catch(
      () => undefined,
    );
    expect(children.filter(alive)).toEqual([]);
    expect(existsSync(join(dir, 'marketplace.pid'))).toBe(false);
  }, 90_000);
});
