/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * Tasklet graphs across workers (src/graph/), each node `src/main.ts` in its own process on a
 * real devnet with the real contracts, the graphs posted and followed over the poster's control
 * channel as `cairn graph post` does: the word-count map/reduce as 8 map units and an aggregate
 * on 4 worker processes, each unit a job of its own, paid to the worker that ran it; then
 * redundancy: k = 3 with a worker that lies consistently (its commitment matches its wrong
 * output, so only its replicas can tell), disputed and slashed through the arbiter; k = 2
 * disagreeing, settled by a tiebreaker; and a groth16 proof that does not verify. Killing
 * processes mid-graph is graph-processes.test.ts's.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildExamples } from '../../examples/build';
import { circuitManifest } from '../../examples/manifests';
import { FELT250_MASK } from '../../src/shared/commitment';
import { resolveDispute } from '../../src/arbiter/resolve';
import { STRK } from '../../src/chain/params';
import type { GraphRecord } from '../../src/graph/types';
import { AGGREGATE } from '../../src/graph/types';
import type { JobRecord, WorkerRecord } from '../../src/jobs/journal';
import { marketEvents, reputationOf } from './support/jobs';
import {
  chainJobs,
  earnings,
  gasOf,
  graphDone,
  graphWorkerSetup,
  isUnitOf,
  unitJobs,
  wordCountGraph,
} from './support/graphs';
import { balanceOf, type MarketNet, nodeSetup, until } from './support/market-net';
import { NodeProcesses } from './support/node-processes';

jest.setTimeout(600_000);

const UNIT_BUDGET = STRK / 10n;

describe('tasklet graphs across workers (node processes)', () => {
  let nodes: NodeProcesses;
  let net: MarketNet;
  /** Honest workers 1-4 and, in the redundancy cases, liars (a commitment matching a wrong output). */
  const running = new Set<string>();

  const start = async (name: string) => {
    await nodes.start(name);
    running.add(name);
  };
  const stop = async (name: string) => {
    await nodes.kill(name, 'SIGTERM');
    running.delete(name);
  };
  const account = (name: string) => nodes.setup(name).account;
  const graph = (id: string) => nodes.poster.call<GraphRecord>('graph.status', { id });
  const done = (id: string) => graphDone(graph, id);
  const result = async (id: string) => {
    const r = await nodes.poster.call<{ available: boolean; base64?: string }>('graph.result', { id });
    if (!r.available) throw new Error(`graph ${id} has no result`);
    return Buffer.from(r.base64!, 'base64').toString();
  };
  const posterRecord = (id: bigint | string) => nodes.poster.call<JobRecord>('job.status', { id: id.toString() });
  /** The arbiter's account (account 0), for its rulings. */
  const arbiter = () => ({
    deploymentFile: net.deploymentFile,
    address: net.accounts[0]!.address,
    key: net.accounts[0]!.key,
  });
  const nameOf = (address: bigint) => nodes.nameOf(address);
  const workerRecords = async (name: string, ids: bigint[]): Promise<JobRecord[]> => {
    const set = new Set(ids.map(String));
    const all = await nodes.call<JobRecord[]>(name, 'job.list');
    return all.filter((r) => r.role === 'worker' && set.has(r.jobId));
  };

  beforeAll(async () => {
    nodes = await NodeProcesses.startMarket('graph', 9);
    net = nodes.net;
    const poster = nodes.add(await nodeSetup(net, 'poster', { account: 1 }));
    for (let i = 1; i <= 4; i++) nodes.add(await graphWorkerSetup(net, `worker-${i}`, 1 + i, poster));
    // Two liars: a slashed worker is suspended, so each redundancy case has its own.
    nodes.add(await graphWorkerSetup(net, 'liar-1', 6, poster, { faults: { wrongOutput: true } }));
    nodes.add(await graphWorkerSetup(net, 'liar-2', 7, poster, { faults: { wrongOutput: true } }));
    nodes.add(await graphWorkerSetup(net, 'bad-prover', 8, poster, { faults: { badProof: true } }));
    await nodes.start('poster');
    await Promise.all([1, 2, 3, 4].map((i) => start(`worker-${i}`)));
    await nodes.listening(4);
  });

  afterAll(() => nodes?.close());

  it('word count over 8 map units and an aggregate on 4 workers: the right counts, each worker paid for what it ran', async () => {
    const job = await wordCountGraph(1, 8);
    const names = ['worker-1', 'worker-2', 'worker-3', 'worker-4'];
    const before = new Map<string, bigint>();
    for (const name of ['poster', ...names]) before.set(name, await balanceOf(net, account(name)));

    const id = await nodes.postGraph(job, UNIT_BUDGET);
    const g = await done(id);
    expect(await result(id)).toBe(job.expected);
    expect(Object.keys(g.nodes)).toHaveLength(9);
    for (const n of Object.values(g.nodes)) expect(n.units).toHaveLength(1);

    const ids = unitJobs(g);
    await until(
      async () => ((await chainJobs(net, ids)).every((j) => j.status === 'Completed') ? true : undefined),
      'every unit Completed',
    );
    const posterUnits = async () => (await nodes.poster.call<JobRecord[]>('job.list')).filter(isUnitOf(id));
    const units = await posterUnits();
    expect(units).toHaveLength(9);
    // The 8 map units were created together, in one transaction.
    const created = (node: string) => units.find((u) => u.graph!.node === node)!.history[0]!.txHash;
    expect(new Set(Array.from({ length: 8 }, (_, i) => created(`map-${i}`))).size).toBe(1);
    expect(created(AGGREGATE)).not.toBe(created('map-0'));

    const jobs = await chainJobs(net, ids);
    const earned = earnings(jobs);
    expect(earned.size).toBeGreaterThanOrEqual(2); // spread over several workers
    for (const name of names) {
      const address = BigInt(account(name));
      // Once every unit it holds is over, the worker's journal has all its transactions.
      const records = await until(async () => {
        const rs = await workerRecords(name, ids);
        return rs.every((r) => r.step === 'done') ? rs : undefined;
      }, `${name} to finish its units`);
      // Each worker's journal shows it ran exactly the units the chain paid it for.
      const ran = records
        .filter((r) => (r as WorkerRecord).outputSha256 !== undefined)
        .map((r) => r.jobId)
        .sort();
      expect(ran).toEqual(
        jobs
          .filter((j) => j.worker === address)
          .map((j) => j.id.toString())
          .sort(),
      );
      const gas = await gasOf(net, records);
      expect((await balanceOf(net, account(name))) - before.get(name)!).toBe((earned.get(address) ?? 0n) - gas);
    }
    // The poster paid the prices and its gas; the rest of every unit's budget came back.
    const prices = jobs.reduce((sum, j) => sum + j.price, 0n);
    const settled = await until(async () => {
      const us = await posterUnits();
      return us.every((u) => u.step === 'done') ? us : undefined;
    }, 'poster done');
    const posterGas = await gasOf(net, settled);
    expect(before.get('poster')! - (await balanceOf(net, account('poster')))).toBe(prices + posterGas);
  });

  describe('redundancy gates payout', () => {
    /** The arbiter rules every disputed unit of the graph for the poster, until the graph is done and no unit is left open. */
    const arbitrate = async (id: string) => {
      const ruled: bigint[] = [];
      await until(
        async () => {
          const g = await graph(id);
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
    const confirmedAfterQuorum = async (g: GraphRecord, quorum: number) => {
      for (const n of Object.values(g.nodes)) {
        const recs = await Promise.all(n.units.map((u) => posterRecord(u.jobId)));
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
      await nodes.listening(3);
      const liar = account('liar-1');
      const job = await wordCountGraph(2, 1, { mode: 'redundancy', k: 3 });
      const id = await nodes.postGraph(job, UNIT_BUDGET);
      const ruled = await arbitrate(id);
      const g = await graph(id);
      expect(await result(id)).toBe(job.expected);
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
        (await posterRecord(liarUnit.jobId)).history.some((h) => h.what.startsWith('disputed: minority result')),
      ).toBe(true);
      await confirmedAfterQuorum(g, 2);
    });

    it('k = 2 disagreeing: a tiebreaker is hired automatically and the outcome follows it', async () => {
      // Only a liar and one honest worker: the two replicas disagree; the tiebreaker must be
      // someone else, who comes online only then.
      await stop('worker-2');
      await stop('liar-1');
      await start('liar-2');
      await nodes.listening(2);
      const job = await wordCountGraph(3, 1, { mode: 'redundancy', k: 2 });
      const id = await nodes.postGraph(job, UNIT_BUDGET);
      await until(
        async () => ((await graph(id)).nodes['map-0']!.wanted === 3 ? true : undefined),
        'a tiebreaker hired for map-0',
      );
      expect((await graph(id)).history.map((h) => h.what)).toContain(
        'map-0: 2 results disagree; hiring a tiebreaker (3 units wanted)',
      );
      // Neither replica is paid while the set disagrees.
      const replicas = (await graph(id)).nodes['map-0']!.units.filter((u) => u.replica < 2);
      const early = await chainJobs(
        net,
        replicas.map((u) => BigInt(u.jobId)),
      );
      expect(early.map((j) => j.status)).toEqual(['Submitted', 'Submitted']);
      await start('worker-3');
      await arbitrate(id);
      const g = await graph(id);
      expect(await result(id)).toBe(job.expected);
      const jobs = await chainJobs(net, unitJobs(g));
      expect(jobs.map((j) => [nameOf(j.worker), j.status]).sort()).toEqual([
        ['liar-2', 'Resolved'],
        ['worker-1', 'Completed'],
        ['worker-3', 'Completed'],
      ]);
      expect((await reputationOf(net, account('liar-2'))).slashed).toBe(1n);
      await confirmedAfterQuorum(g, 2);
    });
  });

  it('proof-gated: a groth16 proof that does not verify is disputed with the proof as evidence; a valid one is confirmed', async () => {
    for (const name of [...running]) await stop(name);
    await start('bad-prover');
    await nodes.listening(1);
    const built = await buildExamples({ circuits: ['square-chain-64'] });
    const c = built.circuits['square-chain-64']!;
    const files = [c.wasmPath, c.zkeyPath, c.vkeyPath].map((f) => new Uint8Array(readFileSync(f)));
    const [wasm, zkey, verificationKey] = files.map((b) => createHash('sha256').update(b).digest('hex'));
    const manifest = circuitManifest({
      seedModule: built.modules['circuit-seed'].sha256,
      input: 'prove me',
      wasm: wasm!,
      zkey: zkey!,
      verificationKey: verificationKey!,
    });
    // The circuit's files go with the module: the poster stores them and serves them to the prover.
    const id = await nodes.postGraph({ manifest, blobs: [built.modules['circuit-seed'].bytes, ...files] }, UNIT_BUDGET);
    const first = await until(async () => {
      const [u] = (await graph(id)).nodes.seed!.units;
      return u && (await chainJobs(net, [BigInt(u.jobId)]))[0]!.status === 'Disputed' ? u : undefined;
    }, 'the bad proof disputed');
    // The dispute is noted once its transaction is in; the chain may show it a moment before.
    const rec = await until(async () => {
      const r = await posterRecord(first.jobId);
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
    expect((await reputationOf(net, account('bad-prover'))).slashed).toBe(1n);

    // The refused unit is replaced; an honest worker's proof verifies and is confirmed.
    await stop('bad-prover');
    await start('worker-4');
    const g = await done(id);
    const units = g.nodes.seed!.units;
    expect(units).toHaveLength(2);
    const second = await posterRecord(units[1]!.jobId);
    expect(second.history.map((h) => h.what)).toEqual(
      expect.arrayContaining([expect.stringMatching(/proof verified$/)]),
    );
    await until(
      async () =>
        (await chainJobs(net, [BigInt(units[1]!.jobId)]))[0]!.status === 'Completed' ? true : undefined,
      'the verified unit confirmed',
    );
    await until(
      async () => ((await posterRecord(units[1]!.jobId)).step === 'done' ? true : undefined),
      'the poster to finish the verified unit',
    );
    expect(JSON.parse(await result(id))).toHaveLength(2);
  });
});
