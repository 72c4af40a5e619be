/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * A job's life through node processes: a poster and three workers, each `src/main.ts` in its own
 * process with its own key, data dir and port, against a real devnet and the real contracts,
 * with the nodes' RPC going through a proxy the test can take down. Jobs are posted over the
 * poster's control channel, as `cairn job post` does. Each case checks the chain afterwards:
 * job status, who was paid (once), slashes and reputation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { config as starknetConfig } from 'starknet';
import { ControlClient } from '../../src/control/client';
import { readJob } from '../../src/jobs/chain-view';
import type { PosterRecord } from '../../src/jobs/journal';
import { freePort } from '../../src/shared/free-port';
import { controlAnswers } from '../support/processes';
import { marketEvents, reputationOf, slowJob, statusOf, wordCountJob } from './support/jobs';
import {
  type MarketNet,
  type NodeProcess,
  type NodeSetup,
  nodeSetup,
  REPO,
  spawnNode,
  startMarketNet,
  until,
} from './support/market-net';
import { RpcProxy } from './support/rpc-proxy';
import { spawn } from 'node:child_process';

starknetConfig.set('logLevel', 'ERROR');
jest.setTimeout(600_000);

const EXEC_S = 300;
const ACCEPT_WINDOW_S = 600;
const REVIEW_WINDOW_S = 3_600;

describe('a job through node processes', () => {
  let dir: string;
  let net: MarketNet;
  let proxy: RpcProxy;
  const setups = new Map<string, NodeSetup>();
  const procs = new Map<string, NodeProcess>();
  let control: ControlClient;
  let blobDir: string;

  /** Starts a node process and waits until its control socket answers (it is then fully up). */
  const start = async (name: string): Promise<NodeProcess> => {
    const p = spawnNode(setups.get(name)!);
    procs.set(name, p);
    const socketPath = join(setups.get(name)!.config.dataDir, 'control.sock');
    await until(() => controlAnswers(socketPath, p.child, name), `${name} to start`, 120_000).catch((err) => {
      throw new Error(`${(err as Error).message}\n${p.lines.slice(-30).join('\n')}`);
    });
    return p;
  };
  const kill = async (name: string, signal: NodeJS.Signals = 'SIGKILL') => {
    const p = procs.get(name)!;
    p.child.kill(signal);
    await p.exited;
  };
  const signal = (name: string, sig: NodeJS.Signals) => procs.get(name)!.child.kill(sig);
  const connectPoster = async () => {
    control?.close();
    control = await ControlClient.connect({
      socketPath: join(setups.get('poster')!.config.dataDir, 'control.sock'),
    });
  };

  const post = async (
    job: { manifest: string; blobs: Uint8Array[] },
    budget = 10n ** 18n,
  ): Promise<bigint> => {
    const files = job.blobs.map((b, i) => {
      const f = join(blobDir, `blob-${Date.now()}-${i}`);
      writeFileSync(f, b);
      return f;
    });
    const { jobId } = await control.call<{ jobId: string }>('job.post', {
      manifest: job.manifest,
      blobFiles: files,
      budget: budget.toString(),
      execDurationS: EXEC_S,
      maxAttempts: 3,
    });
    return BigInt(jobId);
  };
  const statusIs = (id: bigint, s: string) =>
    until(async () => ((await statusOf(net, id)) === s ? true : undefined), `job ${id} ${s}`, 180_000);
  const events = (name: string, id: bigint) => marketEvents(net, name, id);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-e2e-proc-'));
    blobDir = join(dir, 'blobs-in');
    mkdirSync(blobDir);
    net = await startMarketNet(dir, 8);
    proxy = await RpcProxy.start(await freePort(), { host: '127.0.0.1', port: net.devnet.port });
    // The nodes reach the chain only through the proxy.
    const viaProxy = join(dir, 'deployment-proxy.json');
    writeFileSync(viaProxy, JSON.stringify({ rpcUrl: proxy.rpcUrl, ...net.deployment }));
    const through = { ...net, deploymentFile: viaProxy };
    const poster = await nodeSetup(through, 'poster', { account: 1 });
    setups.set('poster', poster);
    for (let i = 1; i <= 3; i++)
      setups.set(
        `worker-${i}`,
        await nodeSetup(through, `worker-${i}`, { account: 1 + i, worker: true, bootstrap: [poster] }),
      );
    // Two bad workers: one lets every award lapse, one delivers an output that is not its commitment.
    const faulty = [
      ['never-accepts', 5, { neverAccept: true }],
      ['cheater', 6, { cheat: true }],
    ] as const;
    for (const [name, account, faults] of faulty)
      setups.set(
        name,
        await nodeSetup(through, name, { account, worker: true, bootstrap: [poster], jobs: { faults } }),
      );
    await start('poster');
    await Promise.all(['worker-1', 'worker-2', 'worker-3'].map(start));
    await connectPoster();
  });

  afterAll(async () => {
    control?.close();
    for (const p of procs.values())
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all([...procs.values()].map((p) => p.exited));
    await proxy?.stop();
    await net?.devnet.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const workerNames = ['worker-1', 'worker-2', 'worker-3'];
  const nameOf = (address: bigint) => [...setups.values()].find((s) => BigInt(s.account) === address)!.name;

  it('happy path: posted, bid, awarded, run, submitted, confirmed; paid once; a completion on record', async () => {
    const id = await post(await wordCountJob(3));
    await statusIs(id, 'Completed');
    const job = await readJob(net.clients, id);
    expect(workerNames).toContain(nameOf(job.worker));
    expect(await events('JobCompleted', id)).toHaveLength(1);
    expect(
      (await reputationOf(net, setups.get(nameOf(job.worker))!.account)).completed,
    ).toBeGreaterThanOrEqual(1n);
    const rec = await control.call<PosterRecord>('job.status', { id: id.toString() });
    await until(
      async () =>
        (await control.call<PosterRecord>('job.status', { id: id.toString() })).step === 'done'
          ? true
          : undefined,
      'poster done',
    );
    expect(rec.result?.verdict).toBe('match');
  });

  it('a worker killed after accepting is slashed at the deadline; the job reopens and another worker completes it', async () => {
    const id = await post(await slowJob());
    await statusIs(id, 'Accepted');
    const first = nameOf((await readJob(net.clients, id)).worker);
    await kill(first);
    await net.devnet.increaseTime(EXEC_S + 5);
    await statusIs(id, 'Completed');
    const job = await readJob(net.clients, id);
    expect(nameOf(job.worker)).not.toBe(first);
    expect(job.attempts).toBe(2);
    expect(await events('JobCompleted', id)).toHaveLength(1);
    expect(await events('JobExpired', id)).toHaveLength(1);
    expect((await reputationOf(net, setups.get(first)!.account)).slashed).toBe(1n);
    // Restarted with its data dir, the killed worker finds the job gone and does not run it again.
    await start(first);
  });

  it('a worker that never accepts: the accept window lapses, the job reopens, no slash', async () => {
    for (const w of workerNames) signal(w, 'SIGSTOP');
    await start('never-accepts');
    try {
      const id = await post(await wordCountJob(5));
      await statusIs(id, 'Awarded');
      expect(nameOf((await readJob(net.clients, id)).worker)).toBe('never-accepts');
      await kill('never-accepts');
      for (const w of workerNames) signal(w, 'SIGCONT');
      await net.devnet.increaseTime(ACCEPT_WINDOW_S + 5);
      await statusIs(id, 'Completed');
      const job = await readJob(net.clients, id);
      expect(workerNames).toContain(nameOf(job.worker));
      expect((await reputationOf(net, setups.get('never-accepts')!.account)).slashed).toBe(0n);
    } finally {
      for (const w of workerNames) signal(w, 'SIGCONT');
    }
  });

  it('the poster killed after submit: the worker claims once the review window has passed', async () => {
    const id = await post(await slowJob(8_000_000, 'claim'));
    await statusIs(id, 'Accepted');
    signal('poster', 'SIGSTOP');
    await statusIs(id, 'Submitted');
    await kill('poster');
    await net.devnet.increaseTime(REVIEW_WINDOW_S + 5);
    await statusIs(id, 'Completed');
    const claimed = await events('JobCompleted', id);
    expect(claimed).toHaveLength(1);
    expect(claimed[0]!.fields.claimed).toBe(true);
    // The restarted poster reads the chain: the job is over, nothing is paid twice.
    await start('poster');
    await connectPoster();
    await until(
      async () =>
        (await control.call<PosterRecord>('job.status', { id: id.toString() })).step === 'done'
          ? true
          : undefined,
      'poster to see the job done',
    );
  });

  it('a cheating worker is disputed; the arbiter rules for the poster; the worker is slashed', async () => {
    for (const w of workerNames) signal(w, 'SIGSTOP');
    await start('cheater');
    let id: bigint;
    try {
      id = await post(await wordCountJob(7));
      await until(
        async () => (['Disputed', 'Completed'].includes(await statusOf(net, id)) ? true : undefined),
        'a dispute',
      );
    } finally {
      for (const w of workerNames) signal(w, 'SIGCONT');
    }
    expect(await statusOf(net, id)).toBe('Disputed');
    expect(nameOf((await readJob(net.clients, id)).worker)).toBe('cheater');
    const arbiter = net.accounts[0]!;
    const ruling = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/arbiter-resolve.ts', id.toString(), 'poster'],
      {
        cwd: REPO,
        env: {
          ...process.env,
          CAIRN_DEPLOYMENT: net.deploymentFile,
          CAIRN_ACCOUNT_ADDRESS: arbiter.address,
          CAIRN_ACCOUNT_KEY: arbiter.key,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    ruling.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    ruling.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((r) => ruling.once('exit', r));
    expect({ code, out }).toEqual({ code: 0, out: expect.stringContaining('"status":"Resolved"') });
    expect((await reputationOf(net, setups.get('cheater')!.account)).slashed).toBe(1n);
    await kill('cheater');
  });

  it('an RPC outage of 10 s mid-job: the nodes retry and the job completes', async () => {
    const id = await post(await slowJob(6_000_000, 'outage'));
    await statusIs(id, 'Accepted');
    await proxy.down();
    await new Promise((r) => setTimeout(r, 10_000));
    await proxy.up();
    await statusIs(id, 'Completed');
    expect(proxy.cut).toBeGreaterThan(0);
    expect(await events('JobCompleted', id)).toHaveLength(1);
  });

  it('the poster killed right after posting, restarted with its data dir, still carries the job to Completed', async () => {
    const id = await post(await wordCountJob(9));
    await kill('poster');
    await start('poster');
    await connectPoster();
    await statusIs(id, 'Completed');
  });
});
