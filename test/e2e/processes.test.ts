/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * A job's life through node processes: a poster and three workers, each `src/main.ts` in its own
 * process with its own key, data dir and port, against a real devnet and the real contracts,
 * with the nodes' RPC going through a proxy the test can take down. Jobs are posted over the
 * poster's control channel, as `cairn job post` does. Each case checks the chain afterwards:
 * job status, who was paid (once), slashes and reputation.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { config as starknetConfig } from 'starknet';
import type { JobStatus } from '../../src/chain/job';
import { readJob } from '../../src/jobs/chain-view';
import type { PosterRecord } from '../../src/jobs/journal';
import { freePort } from '../../src/shared/free-port';
import { marketEvents, provedJob, reputationOf, slowJob, statusOf, wordCountJob } from './support/jobs';
import { type MarketNet, nodeSetup, REPO, until } from './support/market-net';
import { NodeProcesses } from './support/node-processes';
import { RpcProxy } from './support/rpc-proxy';
import {
  type IndexerProcess,
  query,
  spawnIndexer,
  stopIndexer,
  waitReady,
} from '../indexer/support/indexer-process';
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
  let nodes: NodeProcesses;
  let indexer: IndexerProcess;

  const start = (name: string) => nodes.start(name);
  const kill = (name: string) => nodes.kill(name);
  const signal = (name: string, sig: NodeJS.Signals) => nodes.signal(name, sig);
  const post = (job: { manifest: string; blobs: Uint8Array[] }) => nodes.post(job, { execDurationS: EXEC_S });
  const statusIs = (id: bigint, s: JobStatus) => nodes.statusIs(id, s);
  const posterRecord = (id: bigint) => nodes.poster.call<PosterRecord>('job.status', { id: id.toString() });
  const events = (name: string, id: bigint) => marketEvents(net, name, id);
  const nameOf = (address: bigint) => nodes.nameOf(address);
  const account = (name: string) => nodes.setup(name).account;

  beforeAll(async () => {
    nodes = await NodeProcesses.startMarket('proc', 8);
    ({ net } = nodes);
    dir = net.dir;
    chmodSync(dir, 0o755); // the indexer's embedded PostgreSQL runs as the postgres user when we are root
    proxy = await RpcProxy.start(await freePort(), { host: '127.0.0.1', port: net.devnet.port });
    // The nodes reach the chain only through the proxy.
    const viaProxy = join(dir, 'deployment-proxy.json');
    writeFileSync(viaProxy, JSON.stringify({ rpcUrl: proxy.rpcUrl, ...net.deployment }));
    const through = { ...net, deploymentFile: viaProxy };
    const poster = nodes.add(await nodeSetup(through, 'poster', { account: 1 }));
    for (let i = 1; i <= 3; i++)
      nodes.add(
        await nodeSetup(through, `worker-${i}`, { account: 1 + i, worker: true, bootstrap: [poster] }),
      );
    // Three bad workers: one lets every award lapse, one delivers an output that is not its
    // commitment, one a groth16 proof that does not verify.
    const faulty = [
      ['never-accepts', 5, { neverAccept: true }],
      ['cheater', 6, { cheat: true }],
      ['bad-prover', 7, { badProof: true }],
    ] as const;
    for (const [name, account, faults] of faulty)
      nodes.add(
        await nodeSetup(through, name, { account, worker: true, bootstrap: [poster], jobs: { faults } }),
      );
    // The indexer follows the devnet directly (it is not what the outage is about).
    indexer = await spawnIndexer({
      INDEXER_RPC_URL: net.devnet.rpcUrl,
      INDEXER_MARKET: net.deployment.market,
      INDEXER_REGISTRY: net.deployment.registry,
      INDEXER_REPUTATION: net.deployment.reputation,
      INDEXER_START_BLOCK: String(net.deployment.deployBlock),
      INDEXER_PG_DIR: join(dir, 'indexer-pg'),
      INDEXER_LOG_LEVEL: 'warn',
    });
    await start('poster');
    await Promise.all(['worker-1', 'worker-2', 'worker-3'].map(start));
    await waitReady(indexer);
  });

  afterAll(async () => {
    await nodes?.stopAll();
    if (indexer) await stopIndexer(indexer);
    await proxy?.stop();
    await nodes?.close();
  });

  /** The arbiter's ruling, as `npm run arbiter:resolve` gives it, in its own process. */
  const arbiterRules = async (id: bigint, side: 'poster' | 'worker') => {
    const arbiter = net.accounts[0]!;
    const ruling = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/arbiter-resolve.ts', id.toString(), side],
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
  };

  /** Posts a job while only `name` of the workers runs, and waits until it is disputed. */
  const disputedBy = async (name: string, job: { manifest: string; blobs: Uint8Array[] }) => {
    for (const w of workerNames) signal(w, 'SIGSTOP');
    let id: bigint;
    try {
      await start(name);
      id = await post(job);
      await until(
        async () => (['Disputed', 'Completed'].includes(await statusOf(net, id)) ? true : undefined),
        'a dispute',
      );
    } finally {
      for (const w of workerNames) signal(w, 'SIGCONT');
    }
    expect(await statusOf(net, id)).toBe('Disputed');
    expect(nameOf((await readJob(net.clients, id)).worker)).toBe(name);
    return id;
  };

  const workerNames = ['worker-1', 'worker-2', 'worker-3'];

  it('happy path: posted, bid, awarded, run, submitted, confirmed; paid once; a completion on record', async () => {
    const id = await post(await wordCountJob(3));
    await statusIs(id, 'Completed');
    const job = await readJob(net.clients, id);
    expect(workerNames).toContain(nameOf(job.worker));
    expect(await events('JobCompleted', id)).toHaveLength(1);
    expect((await reputationOf(net, account(nameOf(job.worker)))).completed).toBeGreaterThanOrEqual(1n);
    const rec = await posterRecord(id);
    await until(async () => ((await posterRecord(id)).step === 'done' ? true : undefined), 'poster done');
    expect(rec.result?.verdict).toBe('match');
    // The indexer has followed the job's life to the same end.
    const indexed = await until(async () => {
      const r = await query<{ job: { status: string; worker: { address: string } | null } | null }>(
        indexer,
        `{ job(id: "${id}") { status worker { address } } }`,
      );
      return r.data?.job?.status === 'Completed' ? r.data.job : undefined;
    }, 'the indexer to show the job Completed');
    expect(BigInt(indexed.worker!.address)).toBe(job.worker);
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
    expect((await reputationOf(net, account(first))).slashed).toBe(1n);
    // Restarted with its data dir, the killed worker finds the job gone and does not run it again.
    await start(first);
  });

  it('a worker that never accepts: the accept window lapses, the job reopens, no slash', async () => {
    for (const w of workerNames) signal(w, 'SIGSTOP');
    try {
      await start('never-accepts');
      const id = await post(await wordCountJob(5));
      await statusIs(id, 'Awarded');
      expect(nameOf((await readJob(net.clients, id)).worker)).toBe('never-accepts');
      await kill('never-accepts');
      for (const w of workerNames) signal(w, 'SIGCONT');
      await net.devnet.increaseTime(ACCEPT_WINDOW_S + 5);
      await statusIs(id, 'Completed');
      const job = await readJob(net.clients, id);
      expect(workerNames).toContain(nameOf(job.worker));
      expect((await reputationOf(net, account('never-accepts'))).slashed).toBe(0n);
    } finally {
      for (const w of workerNames) signal(w, 'SIGCONT');
    }
  });

  it('the poster killed after submit: the worker claims once the review window has passed', async () => {
    const id = await post(await slowJob(8_000_000, 'claim'));
    // Accepted means the worker holds the job's data (it fetches before accepting), so the
    // poster can be stopped now without starving the run.
    await statusIs(id, 'Accepted');
    signal('poster', 'SIGSTOP');
    try {
      await statusIs(id, 'Submitted');
    } finally {
      await kill('poster');
    }
    await net.devnet.increaseTime(REVIEW_WINDOW_S + 5);
    await statusIs(id, 'Completed');
    const claimed = await events('JobCompleted', id);
    expect(claimed).toHaveLength(1);
    expect(claimed[0]!.fields.claimed).toBe(true);
    // The restarted poster reads the chain: the job is over, nothing is paid twice.
    await start('poster');
    await until(
      async () => ((await posterRecord(id)).step === 'done' ? true : undefined),
      'poster to see the job done',
    );
  });

  it('a cheating worker is disputed; the arbiter rules for the poster; the worker is slashed', async () => {
    const id = await disputedBy('cheater', await wordCountJob(7));
    await arbiterRules(id, 'poster');
    expect((await reputationOf(net, account('cheater'))).slashed).toBe(1n);
    await kill('cheater');
  });

  it('a groth16 job whose proof does not verify is disputed; the arbiter slashes the worker and refunds the poster', async () => {
    const id = await disputedBy('bad-prover', await provedJob('a false proof'));
    const rec = await posterRecord(id);
    expect(rec.result?.verdict).toBe('invalid-proof');
    expect(rec.history.map((h) => h.what).join('\n')).toMatch(/proof REFUSED: the proof does not verify/);
    const disputed = await events('JobDisputed', id);
    expect(disputed).toHaveLength(1);
    await arbiterRules(id, 'poster');
    expect((await reputationOf(net, account('bad-prover'))).slashed).toBe(1n);
    // The poster gets its whole budget and its dispute bond back.
    const [ruling] = await events('JobResolved', id);
    expect(ruling!.fields.worker_wins).toBe(false);
    expect(BigInt(String(ruling!.fields.refund))).toBe(10n ** 18n);
    expect(BigInt(String(ruling!.fields.bond))).toBe(BigInt(String(disputed[0]!.fields.bond)));
    expect(BigInt(String(ruling!.fields.bond))).toBeGreaterThan(0n);
    await kill('bad-prover');
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
    await statusIs(id, 'Completed');
  });
});
