/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * `npm start`'s marketplace as a user runs it (scripts/marketplace.ts in its own process): devnet,
 * the deployed contracts, the indexer, and a poster and two worker nodes, each `src/main.ts` in
 * its own process reading the deployment file. Checks that the workers' accounts are bound on
 * chain to their nodes' peer ids, that the nodes join the network and answer (a poster node of
 * the same assembly, checking bids against the chain, awards a job to one of them), and that
 * Ctrl-C stops everything.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toBigInt } from '../../src/chain/values';
import { parseConfig } from '../../src/config/config.schema';
import { chainSources } from '../../src/node/deployment';
import { type CairnNode, startNode } from '../../src/node/start-node';
import { freePort } from '../../src/shared/free-port';
import { waitFor } from '../p2p/support/cluster';
import { jobSpec } from '../support/job-spec';

const REPO = join(__dirname, '..', '..');
const NODES = ['poster', 'worker-1', 'worker-2'];

interface NodeLine {
  msg: string;
  peerId?: string;
  addrs?: string[];
  worker?: boolean;
  executor?: boolean;
  stakeCheck?: string;
}

describe('the local marketplace (npm start)', () => {
  let dir: string;
  let market: ChildProcess;
  let exited: Promise<number | null>;
  const out: string[] = [];
  const running: NodeLine[] = [];
  let client: CairnNode | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-marketplace-'));
    market = spawn(process.execPath, ['--import', 'tsx', 'scripts/marketplace.ts'], {
      cwd: REPO,
      env: {
        ...process.env,
        CAIRN_LOCAL_DIR: dir,
        CAIRN_DEVNET_PORT: String(await freePort()),
        INDEXER_HTTP_PORT: String(await freePort()),
        CAIRN_NODE_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => market.once('exit', (code) => resolve(code)));
    let partial = '';
    const read = (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        out.push(line);
        if (line.startsWith('{')) {
          try {
            const parsed = JSON.parse(line) as NodeLine;
            if (parsed.msg === 'cairn node running') running.push(parsed);
          } catch {
            // not a node's log line
          }
        }
      }
    };
    market.stdout!.on('data', read);
    market.stderr!.on('data', read);
    await waitFor(
      () => running.length === NODES.length || market.exitCode !== null,
      'the three nodes to start',
      240_000,
    );
    if (running.length !== NODES.length) throw new Error(`marketplace exited:\n${out.join('\n')}`);
  }, 300_000);

  afterAll(async () => {
    await client?.stop().catch(() => undefined);
    if (market.exitCode === null) market.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  test('each node is src/main.ts checking bids against the deployment; workers run a sandbox', () => {
    expect(running).toHaveLength(3);
    for (const n of running) expect(n.stakeCheck).toBe(join(dir, 'deployment.json'));
    expect(running.filter((n) => n.worker && n.executor)).toHaveLength(2);
    expect(running.filter((n) => !n.worker && !n.executor)).toHaveLength(1);
  });

  test("the workers' accounts are bound on chain to their nodes' peer ids, and the nodes award and bid", async () => {
    const configs = await Promise.all(
      NODES.map(async (n) => JSON.parse(await readFile(join(dir, n, 'config.json'), 'utf8')) as {
        market?: { worker?: { address: string } };
        p2p: { listen: string[] };
      }),
    );
    const peers = running.map((n) => n.peerId as string);
    const { clients, stake, reputation } = chainSources(
      parseConfig({ dataDir: join(dir, 'client'), chain: { deploymentFile: join(dir, 'deployment.json') } }),
    );
    if (!clients) throw new Error('no deployment file');
    const workers = configs.slice(1).map((c) => c.market?.worker?.address as string);
    const bound = await Promise.all(workers.map(async (w) => String(await clients.registry.read.peer_id_of(w))));
    for (const peer of bound) expect(peers).toContain(peer);
    expect(new Set(bound).size).toBe(2);

    // A poster node of the same assembly joins through the workers' listen addresses.
    const workerAddrs = bound.map((peer, i) => `${configs[i + 1]?.p2p.listen[0]}/p2p/${peer}`);
    client = await startNode({
      config: parseConfig({
        network: 'devnet',
        dataDir: join(dir, 'client'),
        logLevel: 'warn',
        p2p: { lan: true, listen: ['/ip4/127.0.0.1/tcp/0'], bootstrap: workerAddrs },
      }),
      stake,
      reputation,
    });
    const node = client;
    await waitFor(() => node.host.gossip.subscribers('job_announcement') >= 2, 'both workers on the topic', 60_000);
    // The collateral rate is the deployed market's.
    const params = (await clients.market.read.params()) as unknown as { collateral_bps: unknown };
    const result = await node.market.poster.announce(
      jobSpec(1n, { collateralBps: Number(toBigInt(params.collateral_bps)), bidWindowMs: 5000, maxBids: 2 }),
    );
    expect(result.status).toBe('awarded');
    if (result.status !== 'awarded') return;
    // The winner passed the chain's check: staked, and bound to the peer that bid.
    const i = bound.indexOf(result.winner.worker);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(BigInt(workers[i] as string)).toBe(result.winner.workerAddress);
    expect(result.winner.price).toBe(1000n * 1000n);
  }, 120_000);

  test('Ctrl-C stops the nodes, the indexer and devnet, and exits 0', async () => {
    market.kill('SIGINT');
    expect(await exited).toBe(0);
    const said = out.join('\n');
    expect(said).toContain('[marketplace] stopping nodes');
    expect(said).toContain('[marketplace] stopping devnet');
  }, 60_000);
});
