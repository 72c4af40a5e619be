/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * A job's life through real nodes (one process, four libp2p peers over TCP), a real devnet and
 * the real contracts: post (approve + create_job), bids with the workers' signed consent,
 * award_job, accept, fetch over the blob protocol, run in the sandbox, submit_result, the
 * result notice, the poster's check against the commitment, confirm; and the paths where a
 * worker never accepts, or cheats. The process suite (processes.test.ts) kills and restarts
 * nodes; this one checks the job life's logic against the chain.
 */
import { STRK } from '../../src/chain/params';
import type { PosterRecord, WorkerRecord } from '../../src/jobs/journal';
import type { CairnNode } from '../../src/node/start-node';
import { bpsOf } from '../../src/chain/job';
import { readJob } from '../../src/jobs/chain-view';
import { waitFor } from '../p2p/support/cluster';
import { feesOf, provedJob, reputationOf, statusOf, wordCountJob, type WordCountJob } from './support/jobs';
import { InProcessMarket } from './support/in-process-market';
import { balanceOf, type MarketNet, type NodeSetup, until } from './support/market-net';

jest.setTimeout(300_000);

describe('a job through its whole life (nodes in one process)', () => {
  let market: InProcessMarket;
  let net: MarketNet;
  /** The poster's, then each worker's. */
  let setups: NodeSetup[];
  let poster: CairnNode;
  let workers: CairnNode[] = [];
  let job: WordCountJob;

  beforeAll(async () => {
    market = await InProcessMarket.start({
      name: 'job-life',
      workers: [1, 2, 3].map((i) => ({ name: `worker-${i}`, account: 1 + i })),
    });
    ({ net, poster } = market);
    setups = [market.posterSetup, ...market.setups.values()];
    workers = [...market.nodes.values()];
    job = await wordCountJob();
  });

  afterAll(() => market?.close());

  const posterRecord = (id: bigint) => poster.jobs!.status(id) as PosterRecord;
  const txs = (r: { history: Array<{ txHash?: string }> }) =>
    r.history.flatMap((h) => (h.txHash ? [h.txHash] : []));

  it('workers staked and bound their peer ids on start', async () => {
    for (const [i, w] of workers.entries()) {
      expect(String(await net.clients.registry.read.peer_id_of(setups[i + 1]!.account))).toBe(w.peerId);
      expect((await net.clients.registry.read.stake_of(setups[i + 1]!.account)).staked).toBe(500n * STRK);
    }
  });

  it('post, bid, award, run, submit, confirm: the worker is paid, the poster refunded, reputation counts it', async () => {
    const budget = 2n * STRK;
    const before = new Map<string, bigint>();
    for (const s of setups) before.set(s.account, await balanceOf(net, s.account));
    const { jobId } = await poster.jobs!.postJob({ manifest: job.manifest, blobs: job.blobs, budget });
    await until(
      async () => ((await statusOf(net, jobId)) === 'Completed' ? true : undefined),
      'job Completed',
    );
    await waitFor(() => posterRecord(jobId).step === 'done', 'poster to finish the job');

    const chainJob = await readJob(net.clients, jobId);
    const winner = setups.find((s) => BigInt(s.account) === chainJob.worker)!;
    expect(winner).toBeDefined();
    const rec = posterRecord(jobId);
    expect(rec.result?.verdict).toBe('match');
    expect(new TextDecoder().decode(poster.jobs!.result(jobId)!)).toContain('cairn');

    // The worker got price less the fee (it paid its own accept and submit transactions).
    const fee = bpsOf(chainJob.price, 250n);
    const wnode = workers[setups.indexOf(winner) - 1]!;
    await waitFor(
      () => (wnode.jobs!.status(jobId) as WorkerRecord).step === 'done',
      'worker to finish',
      30_000,
    );
    const workerGas = await feesOf(net, txs(wnode.jobs!.status(jobId)));
    expect((await balanceOf(net, winner.account)) - before.get(winner.account)!).toBe(
      chainJob.price - fee - workerGas,
    );
    // The poster paid the price and its gas, and got the rest of the budget back.
    const posterGas = await feesOf(net, txs(rec));
    expect(before.get(setups[0]!.account)! - (await balanceOf(net, setups[0]!.account))).toBe(
      chainJob.price + posterGas,
    );
    expect((await reputationOf(net, winner.account)).completed).toBe(1n);
  });

  it('a groth16 job: the worker proves, the poster verifies the proof before it confirms', async () => {
    const job = await provedJob('in process');
    const { jobId } = await poster.jobs!.postJob({ manifest: job.manifest, blobs: job.blobs, budget: STRK });
    await until(
      async () => ((await statusOf(net, jobId)) === 'Completed' ? true : undefined),
      'job Completed',
    );
    await waitFor(() => posterRecord(jobId).step === 'done', 'poster to finish the job');
    const rec = posterRecord(jobId);
    expect(rec.result?.verdict).toBe('match');
    expect(rec.result?.proofSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rec.history.map((h) => h.what)).toContainEqual(expect.stringMatching(/; proof verified$/));
    // The output is the circuit's public signals, as JSON.
    const signals = JSON.parse(new TextDecoder().decode(poster.jobs!.result(jobId)!)) as string[];
    expect(signals).toHaveLength(2);
  });
});
