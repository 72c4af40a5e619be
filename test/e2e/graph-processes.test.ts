/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * A tasklet graph through node processes: a poster and four workers, each `src/main.ts` in its
 * own process, the graph posted and followed over the poster's control channel. Mid-graph, the
 * worker holding an accepted, unfinished unit is SIGKILLed and the poster is SIGKILLed and
 * restarted: the poster resumes from its journal, the dead worker's unit is expired (the worker
 * slashed) and completed elsewhere, and no finished unit runs again (runs counted in every
 * worker's journal).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { buildExamples } from '../../examples/build';
import { sha256ChainJs } from '../../examples/kernel/js/sha256-chain';
import type { GraphRecord } from '../../src/graph/types';
import { AGGREGATE } from '../../src/graph/types';
import { Journal } from '../../src/jobs/journal';
import { readJob } from '../../src/jobs/chain-view';
import { STRK } from '../../src/chain/params';
import { graphDone, graphWorkerSetup } from './support/graphs';
import { marketEvents, reputationOf } from './support/jobs';
import { type MarketNet, nodeSetup, until } from './support/market-net';
import { NodeProcesses } from './support/node-processes';

jest.setTimeout(600_000);

const EXEC_S = 300;
const FAST = ['a', 'b', 'c', 'd'];
const FAST_ROUNDS = 1_000;
const SLOW_ROUNDS = 20_000_000; // seconds of work: the window in which its worker is killed
const AGG_ROUNDS = 10;

describe('a tasklet graph through node processes', () => {
  let net: MarketNet;
  let nodes: NodeProcesses;

  const graph = (id: string) => nodes.poster.call<GraphRecord>('graph.status', { id });

  beforeAll(async () => {
    nodes = await NodeProcesses.startMarket('graph-proc', 6);
    net = nodes.net;
    const poster = nodes.add(await nodeSetup(net, 'poster', { account: 1 }));
    for (let i = 1; i <= 4; i++) nodes.add(await graphWorkerSetup(net, `worker-${i}`, 1 + i, poster));
    await nodes.start('poster');
    await Promise.all([1, 2, 3, 4].map((i) => nodes.start(`worker-${i}`)));
  });

  afterAll(() => nodes?.close());

  it('a worker and the poster SIGKILLed mid-graph: the unfinished unit completes elsewhere, finished units ran once, the dead worker is slashed', async () => {
    const built = await buildExamples();
    const kernel = built.modules.kernel;
    const manifest = stringify({
      version: 1,
      name: 'kernel-graph',
      tasklets: [
        ...FAST.map((s) => ({
          id: `fast-${s}`,
          module: kernel.sha256,
          args: [String(FAST_ROUNDS)],
          input: { text: s },
        })),
        { id: 'slow', module: kernel.sha256, args: [String(SLOW_ROUNDS)], input: { text: 'slow' } },
      ],
      aggregate: { module: kernel.sha256, args: [String(AGG_ROUNDS)] },
      resources: { memoryPages: 16, fuel: 10_000 * SLOW_ROUNDS + 100_000, wallTimeMs: 600_000 },
      output: { format: 'text', maxBytes: 1024 },
      priceCeiling: STRK.toString(),
      verification: { mode: 'none' },
    });
    const enc = new TextEncoder();
    const outputs = [
      ...FAST.map((s) => sha256ChainJs(enc.encode(s), FAST_ROUNDS)),
      sha256ChainJs(enc.encode('slow'), SLOW_ROUNDS),
    ];
    const expected = sha256ChainJs(enc.encode(outputs.map((o) => `${o}\n`).join('')), AGG_ROUNDS);
    const blobFile = join(net.dir, 'kernel.wasm');
    writeFileSync(blobFile, kernel.bytes);

    const { graphId } = await nodes.poster.call<{ graphId: string }>('graph.post', {
      manifest,
      blobFiles: [blobFile],
      budget: (STRK / 10n).toString(),
      execDurationS: EXEC_S,
      maxAttempts: 3,
    });

    // Mid-graph: fast units agreed, the slow one accepted and running.
    const slowJob = await until(
      async () => {
        const g = await graph(graphId);
        const slow = g.nodes.slow!.units[0];
        if (!slow || FAST.filter((s) => g.nodes[`fast-${s}`]!.agreed).length < 2) return undefined;
        const job = await readJob(net.clients, BigInt(slow.jobId));
        return job.status === 'Accepted' ? job : undefined;
      },
      'two fast units done and the slow one accepted',
      180_000,
    );
    const victim = nodes.nameOf(slowJob.worker);
    await nodes.kill(victim);
    await nodes.kill('poster');
    await nodes.start('poster');
    expect((await graph(graphId)).status).toBe('running');

    // The other fast units finish on the live workers; then the slow unit's deadline passes
    // (time travel), and only its deadline: no other unit is still running.
    await until(
      async () => {
        const g = await graph(graphId);
        return FAST.every((x) => g.nodes[`fast-${x}`]!.agreed) ? true : undefined;
      },
      'every fast unit agreed',
      180_000,
    );
    expect((await readJob(net.clients, slowJob.id)).status).toBe('Accepted');
    await net.devnet.increaseTime(EXEC_S + 5);
    const done = await graphDone(graph, graphId);
    const result = await nodes.poster.call<{ available: boolean; base64: string }>('graph.result', {
      id: graphId,
    });
    expect(Buffer.from(result.base64, 'base64').toString()).toBe(`${expected}\n`);

    // One unit per step: the restarted poster posted nothing again; the slow unit was re-awarded within its job.
    for (const n of Object.values(done.nodes)) expect(n.units).toHaveLength(1);
    const slowId = BigInt(done.nodes.slow!.units[0]!.jobId);
    const after = await readJob(net.clients, slowId);
    expect(after.attempts).toBe(2);
    expect(nodes.nameOf(after.worker)).not.toBe(victim);
    expect(await marketEvents(net, 'JobExpired', slowId)).toHaveLength(1);
    expect((await reputationOf(net, nodes.setup(victim).account)).slashed).toBe(1n);

    // Every unit ran exactly once across all workers (the victim died before its run ended).
    const runs = new Map<string, number>();
    for (let i = 1; i <= 4; i++) {
      for (const r of new Journal(nodes.setup(`worker-${i}`).config.dataDir).all()) {
        if (r.role !== 'worker') continue;
        const n = r.history.filter((h) => h.what.startsWith('ran:')).length;
        runs.set(r.jobId, (runs.get(r.jobId) ?? 0) + n);
      }
    }
    const unitIds = Object.values(done.nodes).map((n) => n.units[0]!.jobId);
    expect(unitIds.map((id) => runs.get(id) ?? 0)).toEqual(unitIds.map(() => 1));
    expect(done.nodes[AGGREGATE]!.agreed).toBe(done.outputSha256);
  });
});
