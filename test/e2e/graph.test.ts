/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * Tasklet graphs across workers (src/graph/), with real nodes (one process, libp2p over TCP), a
 * real devnet and the real contracts: the word-count map/reduce as 8 map units and an aggregate
 * on 4 workers, each unit a job of its own, paid to the worker that ran it; then redundancy:
 * k = 3 with a worker that lies consistently (its commitment matches its wrong output, so only
 * its replicas can tell), disputed and slashed through the arbiter; and k = 2 disagreeing,
 * settled by a tiebreaker. Killing processes is graph-processes.test.ts's.
 */
import { readFileSync } from 'node:fs';
import { buildExamples } from '../../examples/build';
import { circuitManifest } from '../../examples/manifests';
import { FELT250_MASK } from '../../src/shared/commitment';
import { resolveDispute } from '../../src/arbiter/resolve';
import { STRK } from '../../src/chain/params';
import type { GraphRecord } from '../../src/graph/types';
import { AGGREGATE } from '../../src/graph/types';
import type { JobRecord, WorkerRecord } from '../../src/jobs/journal';
import type { CairnNode } from '../../src/node/start-node';
import { waitFor } from '../p2p/support/cluster';
import { marketEvents, reputationOf } from './support/jobs';
import {
  chainJobs,
  earnings,
  gasOf,
  graphDone,
  GRAPH_WORKER_JOBS,
  isUnitOf,
  unitJobs,
  wordCountGraph,
} from './support/graphs';
import { InProcessMarket } from './support/in-process-market';
import { balanceOf, type MarketNet, type NodeSetup, until } from './support/market-net';

jest.setTimeout(600_000);

const UNIT_BUDGET = STRK / 10n;

describe('tasklet graphs across workers (nodes in one process)', () => {
  let market: InProcessMarket;
  let net: MarketNet;
  let posterSetup: NodeSetup;
  let poster: CairnNode;
  /** Honest workers 1-4 and, in the redundancy cases, liars (a commitment matching a wrong output). */
  let setups: Map<string, NodeSetup>;
  let nodes: Map<string, CairnNode>;

  const start = (name: string) => market.startWorker(name);
  const stop = (name: string) => market.stopWorker(name);
  const subscribed = (n: number) => market.subscribed(n);
  const done = (id: string) => graphDone((g) => poster.graphs!.status(g), id);
  /** The arbiter's account (account 0), for its rulings. */
  const arbiter = () => ({
    deploymentFile: net.deploymentFile,
    address: net.accounts[0]!.address,
    key: net.accounts[0]!.key,
  });
  const nameOf = (address: bigint) => [...setups.values()].find((s) => BigInt(s.account) === address)?.name;
  const workerRecords = (name: string, ids: bigint[]): JobRecord[] => {
    const n = nodes.get(name);
    if (!n) return [];
    const set = new Set(ids.map(String));
    return n.jobs!.list().filter((r) => r.role === 'worker' && set.has(r.jobId));
  };

  beforeAll(async () => {
    market = await InProcessMarket.start({
      name: 'graph',
      workers: [
        ...[1, 2, 3, 4].map((i) => ({ name: `worker-${i}`, account: 1 + i, jobs: GRAPH_WORKER_JOBS })),
        // Two liars: a slashed worker is suspended, so each redundancy case has its own.
        { name: 'liar-1', account: 6, jobs: { ...GRAPH_WORKER_JOBS, faults: { wrongOutput: true } } },
        { name: 'liar-2', account: 7, jobs: { ...GRAPH_WORKER_JOBS, faults: { wrongOutput: true } } },
        { name: 'bad-prover', account: 8, jobs: { ...GRAPH_WORKER_JOBS, faults: { badProof: true } } },
      ],
      running: ['worker-1', 'worker-2', 'worker-3', 'worker-4'],
    });
    ({ net, posterSetup, poster, setups, nodes } = market);
  });

  afterAll(() => market?.close());

  it('word count over 8 map units and an aggregate on 4 workers: the right counts, each worker paid for what it ran', async () => {
    const job = await wordCountGraph(1, 8);
    const names = ['worker-1', 'worker-2', 'worker-3', 'worker-4'];
    const before = new Map<string, bigint>();
    for (const s of [posterSetup, ...names.map((n) => setups.get(n)!)])
      before.set(s.account, await balanceOf(net, s.account));

    const id = await poster.graphs!.post({ manifest: job.manifest, blobs: job.blobs, budget: UNIT_BUDGET });
    const g = await done(id);
    expect(new TextDecoder().decode(poster.graphs!.result(id)!)).toBe(job.expected);
    expect(Object.keys(g.nodes)).toHaveLength(9);
    for (const n of Object.values(g.nodes)) expect(n.units).toHaveLength(1);

    const ids = unitJobs(g);
    await until(
      async () => ((await chainJobs(net, ids)).every((j) => j.status === 'Completed') ? true : undefined),
      'every unit Completed',
    );
    const units = poster.jobs!.list().filter(isUnitOf(id));
    expect(units).toHaveLength(9);
    // The 8 map units were created together, in one transaction.
    const created = (node: string) => units.find((u) => u.graph!.node === node)!.history[0]!.txHash;
    expect(new Set(Array.from({ length: 8 }, (_, i) => created(`map-${i}`))).size).toBe(1);
    expect(created(AGGREGATE)).not.toBe(created('map-0'));

    const jobs = await chainJobs(net, ids);
    const earned = earnings(jobs);
    expect(earned.size).toBeGreaterThanOrEqual(2); // spread over several workers
    for (const name of names) {
      const s = setups.get(name)!;
      const records = workerRecords(name, ids);
      // Each worker's journal shows it ran exactly the units the chain paid it for.
      const ran = records
        .filter((r) => (r as WorkerRecord).outputSha256 !== undefined)
        .map((r) => r.jobId)
        .sort();
      expect(ran).toEqual(
        jobs
          .filter((j) => j.worker === BigInt(s.account))
          .map((j) => j.id.toString())
          .sort(),
      );
      await waitFor(
        () => workerRecords(name, ids).every((r) => r.step === 'done'),
        `${name} to finish its units`,
        60_000,
      );
      const gas = await gasOf(net, workerRecords(name, ids));
      expect((await balanceOf(net, s.account)) - before.get(s.account)!).toBe(
        (earned.get(BigInt(s.account)) ?? 0n) - gas,
      );
    }
    // The poster paid the prices and its gas; the rest of every unit's budget came back.
    const prices = jobs.reduce((sum, j) => sum + j.price, 0n);
    await waitFor(
      () => units.every((u) => poster.jobs!.status(BigInt(u.jobId)).step === 'done'),
      'poster done',
      60_000,
    );
    const posterGas = await gasOf(net, poster.jobs!.list().filter(isUnitOf(id)));
    expect(before.get(posterSetup.account)! - (await balanceOf(net, posterSetup.account))).toBe(
      prices + posterGas,
    );
  });

  describe('redundancy gates payout', () => {
    /** The arbiter rules every disputed unit of the graph for the poster, until the graph is done and no unit is left open. */
    const arbitrate = async (id: string) => {
      const ruled: bigint[] = [];
      await until(
        async () => {
          const g = poster.graphs!.status(id);
          if (g.status === 'failed') throw new Error(`graph failed: ${g.failure}`);
          const jobs = await chainJobs(net, unitJobs(g));
          for (const j of jobs.filter((x) => x.status === 'Disputed')) {
            await resolveDispute(arbiter(), j.id, 'poster');
            ruled.push(j.id);
          }
          const open = jobs.some(
            (j) => !['Completed', 'Resolved', 'Cancelled', 'Expired'].includes(j.status),
          );
          return g.status === 'done' && !open ? ruled : undefined;
        },
        `graph ${id} settled`,
        300_000,
      );
      return ruled;
    };
    /** Confirms of a node's units came only once a quorum of their results was in. */
    const confirmedAfterQuorum = (g: GraphRecord, quorum: number) => {
      for (const n of Object.values(g.nodes)) {
        const recs = n.units.map((u) => poster.jobs!.status(BigInt(u.jobId)));
        const results = recs
          .flatMap((r) =>
            r.history.filter((h) => h.what.startsWith('result fetched')).map((h) => Date.parse(h.at)),
          )
          .sort((a, b) => a - b);
        const confirms = recs.flatMap((r) =>
          r.history.filter((h) => h.what.startsWith('confirmed')).map((h) => Date.parse(h.at)),
        );
        expect(confirms.length).toBeGreaterThan(0);
        expect(Math.min(...confirms)).toBeGreaterThanOrEqual(results[quorum - 1]!);
      }
    };

    it('k = 3 with a lying worker: the two honest replicas are paid, the liar is disputed and slashed', async () => {
      // Three workers alive, so the three replicas go to exactly these three.
      await stop('worker-3');
      await stop('worker-4');
      await start('liar-1');
      await subscribed(3);
      const liar = setups.get('liar-1')!.account;
      const job = await wordCountGraph(2, 1, { mode: 'redundancy', k: 3 });
      const id = await poster.graphs!.post({ manifest: job.manifest, blobs: job.blobs, budget: UNIT_BUDGET });
      const ruled = await arbitrate(id);
      const g = poster.graphs!.status(id);
      expect(new TextDecoder().decode(poster.graphs!.result(id)!)).toBe(job.expected);
      const jobs = await chainJobs(net, unitJobs(g));
      expect(jobs).toHaveLength(3);
      expect(ruled).toEqual(jobs.filter((j) => j.worker === BigInt(liar)).map((j) => j.id));
      expect(jobs.map((j) => [nameOf(j.worker), j.status]).sort()).toEqual([
        ['liar-1', 'Resolved'],
        ['worker-1', 'Completed'],
        ['worker-2', 'Completed'],
      ]);
      expect((await reputationOf(net, liar)).slashed).toBe(1n);
      // The dispute named the agreed output as its evidence.
      const liarUnit = g.nodes['map-0']!.units.find((u) => BigInt(u.worker!) === BigInt(liar))!;
      expect(
        poster
          .jobs!.status(BigInt(liarUnit.jobId))
          .history.some((h) => h.what.startsWith('disputed: minority result')),
      ).toBe(true);
      confirmedAfterQuorum(g, 2);
    });

    it('k = 2 disagreeing: a tiebreaker is hired automatically and the outcome follows it', async () => {
      // Only a liar and one honest worker: the two replicas disagree; the tiebreaker must be
      // someone else, who comes online only then.
      await stop('worker-2');
      await stop('liar-1');
      await start('liar-2');
      await subscribed(2);
      const job = await wordCountGraph(3, 1, { mode: 'redundancy', k: 2 });
      const id = await poster.graphs!.post({ manifest: job.manifest, blobs: job.blobs, budget: UNIT_BUDGET });
      await until(
        async () => (poster.graphs!.status(id).nodes['map-0']!.wanted === 3 ? true : undefined),
        'a tiebreaker hired for map-0',
      );
      expect(poster.graphs!.status(id).history.map((h) => h.what)).toContain(
        'map-0: 2 results disagree; hiring a tiebreaker (3 units wanted)',
      );
      // Neither replica is paid while the set disagrees.
      const replicas = poster.graphs!.status(id).nodes['map-0']!.units.filter((u) => u.replica < 2);
      const early = await chainJobs(
        net,
        replicas.map((u) => BigInt(u.jobId)),
      );
      expect(early.map((j) => j.status)).toEqual(['Submitted', 'Submitted']);
      await start('worker-3');
      await arbitrate(id);
      const g = poster.graphs!.status(id);
      expect(new TextDecoder().decode(poster.graphs!.result(id)!)).toBe(job.expected);
      const jobs = await chainJobs(net, unitJobs(g));
      expect(jobs.map((j) => [nameOf(j.worker), j.status]).sort()).toEqual([
        ['liar-2', 'Resolved'],
        ['worker-1', 'Completed'],
        ['worker-3', 'Completed'],
      ]);
      expect((await reputationOf(net, setups.get('liar-2')!.account)).slashed).toBe(1n);
      confirmedAfterQuorum(g, 2);
    });
  });

  it('proof-gated: a groth16 proof that does not verify is disputed with the proof as evidence; a valid one is confirmed', async () => {
    for (const name of [...nodes.keys()]) await stop(name);
    await start('bad-prover');
    await subscribed(1);
    const built = await buildExamples({ circuits: ['square-chain-64'] });
    const c = built.circuits['square-chain-64']!;
    const files = [c.wasmPath, c.zkeyPath, c.vkeyPath].map((f) => new Uint8Array(readFileSync(f)));
    const [wasm, zkey, verificationKey] = files.map((b) => poster.blobs.put(b));
    const manifest = circuitManifest({
      seedModule: built.modules['circuit-seed'].sha256,
      input: 'prove me',
      wasm: wasm!,
      zkey: zkey!,
      verificationKey: verificationKey!,
    });
    const id = await poster.graphs!.post({
      manifest,
      blobs: [built.modules['circuit-seed'].bytes],
      budget: UNIT_BUDGET,
    });
    const first = await until(async () => {
      const [u] = poster.graphs!.status(id).nodes.seed!.units;
      return u && (await chainJobs(net, [BigInt(u.jobId)]))[0]!.status === 'Disputed' ? u : undefined;
    }, 'the bad proof disputed');
    // The dispute is noted once its transaction is in; the chain may show it a moment before.
    const rec = await until(async () => {
      const r = poster.jobs!.status(BigInt(first.jobId));
      return r.history.some((h) => h.what.startsWith('disputed')) ? r : undefined;
    }, 'the dispute noted');
    expect(rec.role === 'poster' && rec.result?.verdict).toBe('invalid-proof');
    expect(rec.history.map((h) => h.what)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/proof REFUSED: the proof does not verify/),
        expect.stringMatching(/^disputed: invalid proof/),
      ]),
    );
    const [disputed] = await marketEvents(net, 'JobDisputed', BigInt(first.jobId));
    const proofSha = rec.role === 'poster' ? rec.result!.proofSha256! : '';
    expect(BigInt(String(disputed!.fields.disputed_output_hash))).toBe(
      BigInt(`0x${proofSha}`) & FELT250_MASK,
    );
    await resolveDispute(arbiter(), BigInt(first.jobId), 'poster');
    expect((await reputationOf(net, setups.get('bad-prover')!.account)).slashed).toBe(1n);

    // The refused unit is replaced; an honest worker's proof verifies and is confirmed.
    await stop('bad-prover');
    await start('worker-4');
    const g = await done(id);
    const units = g.nodes.seed!.units;
    expect(units).toHaveLength(2);
    const second = poster.jobs!.status(BigInt(units[1]!.jobId));
    expect(second.history.map((h) => h.what)).toEqual(
      expect.arrayContaining([expect.stringMatching(/proof verified$/)]),
    );
    await until(
      async () =>
        (await chainJobs(net, [BigInt(units[1]!.jobId)]))[0]!.status === 'Completed' ? true : undefined,
      'the verified unit confirmed',
    );
    await waitFor(
      () => poster.jobs!.status(BigInt(units[1]!.jobId)).step === 'done',
      'the poster to finish the verified unit',
      60_000,
    );
    expect(JSON.parse(new TextDecoder().decode(poster.graphs!.result(id)!))).toHaveLength(2);
  });
});
