/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * A dependent step's input goes from the workers that produced it to the one that consumes it
 * (src/graph/input-routes.ts), with real nodes (one process, libp2p over TCP), a real devnet and
 * the real contracts: the word count's aggregate gets the map outputs from the map workers, and
 * the poster serves it the manifest and module but never its input; then, with a map worker
 * gone before the aggregate is awarded, the consumer falls back to the poster's copy and the
 * graph still ends right. Where the bytes came from is read on both ends: the consumer's record
 * of each part's source, the producers' grants, and what the poster's blob server served.
 */
import { config as starknetConfig } from 'starknet';
import { STRK } from '../../src/chain/params';
import { InputRoutes } from '../../src/graph/input-routes';
import type { GraphRecord } from '../../src/graph/types';
import { AGGREGATE } from '../../src/graph/types';
import type { CairnNode } from '../../src/node/start-node';
import type { ServedBlobs } from '../../src/transfer/server';
import { GRAPH_WORKER_JOBS, graphDone, wordCountGraph } from './support/graphs';
import { InProcessMarket } from './support/in-process-market';

starknetConfig.set('logLevel', 'ERROR');
jest.setTimeout(300_000);

const UNIT_BUDGET = STRK / 10n;
const WORKERS = ['worker-1', 'worker-2', 'worker-3', 'worker-4'];

describe('graph inputs from producer to consumer', () => {
  let market: InProcessMarket;
  let poster: CairnNode;
  let nodes: Map<string, CairnNode>;
  /** Every request the poster's blob server served in full. */
  const servedByPoster: ServedBlobs[] = [];

  const routesOf = (n: CairnNode) => n.app.get(InputRoutes, { strict: false });
  const byPeer = (peer: string) => [...nodes.values()].find((n) => n.host.peerId === peer);
  const done = (id: string) => graphDone((g) => poster.graphs!.status(g), id);
  /** The aggregate's unit, its consumer node, and the poster's serving to it for that job. */
  const aggregateOf = (g: GraphRecord) => {
    const agg = g.nodes[AGGREGATE]!;
    const unit = agg.units.find((u) => u.outputSha256 === agg.agreed)!;
    const jobId = BigInt(unit.jobId);
    return {
      agg,
      unit,
      consumer: byPeer(unit.peer!)!,
      posterServed: servedByPoster
        .filter((s) => s.peer === unit.peer && s.jobId === jobId)
        .flatMap((s) => s.hashes),
      manifestSha256: poster.jobs!.status(jobId).manifestSha256,
    };
  };

  beforeAll(async () => {
    market = await InProcessMarket.start({
      name: 'graph-input',
      workers: WORKERS.map((name, i) => ({ name, account: 2 + i, jobs: GRAPH_WORKER_JOBS })),
      // Every window stays open its full 3 s, not closed once each known worker has bid: the
      // second test stops a producer as the maps agree, and its bid on the aggregate must be
      // refused at the close (the bidder is gone) rather than win before the stop is through.
      // An award to a stopped worker would hold the graph for the chain's accept window.
      posterJobs: { timings: { fullBidWindow: true, bidWindowMs: 3_000 } },
    });
    ({ poster, nodes } = market);
    poster.transfer.server.onServed((s) => servedByPoster.push(s));
  });

  afterAll(() => market?.close());

  it("the aggregate's input comes from the map workers; the poster never serves it", async () => {
    const job = await wordCountGraph(1, 3);
    const id = await poster.graphs!.post({ manifest: job.manifest, blobs: job.blobs, budget: UNIT_BUDGET });
    const g = await done(id);
    expect(new TextDecoder().decode(poster.graphs!.result(id)!)).toBe(job.expected);

    const { agg, unit, consumer, posterServed, manifestSha256 } = aggregateOf(g);
    const record = routesOf(consumer).fetched.find((r) => r.jobId === unit.jobId);
    expect(record).toMatchObject({ ok: true, inputSha256: agg.inputSha256 });
    // Each part from the worker whose unit produced it (the consumer's own from its store).
    const producerOf = (d: string) => {
      const n = g.nodes[d]!;
      return n.units.find((u) => u.outputSha256 === n.agreed)!.peer!;
    };
    expect(record!.parts).toEqual(
      agg.deps.map((d) => ({
        sha256: g.nodes[d]!.agreed,
        from: producerOf(d) === unit.peer ? 'self' : producerOf(d),
      })),
    );
    const remote = record!.parts.filter((p) => p.from !== 'self');
    expect(remote.length).toBeGreaterThan(0);
    // Each of those producers granted it on the poster's word, for the aggregate's job only.
    for (const p of remote)
      expect(routesOf(byPeer(p.from)!).granted).toContainEqual({
        jobId: unit.jobId,
        consumer: unit.peer,
        sha256: p.sha256,
      });
    // The poster served the consumer the unit's manifest, and not its input.
    expect(posterServed).toContain(manifestSha256);
    expect(posterServed).not.toContain(agg.inputSha256);
  });

  it("with a producer gone, the consumer falls back to the poster's copy and the graph ends right", async () => {
    const job = await wordCountGraph(2, 3);
    // Once the maps agree and before the aggregate is awarded (a bid window later), stop the
    // producer of map-0: the scheduler says when, as it journals the graph.
    let id = '';
    const mapsAgreed = new Promise<GraphRecord>((resolve) => {
      const off = poster.graphs!.onChange((g) => {
        const maps = g.order.filter((s) => s !== AGGREGATE).map((s) => g.nodes[s]!);
        if (g.graphId === id && maps.every((n) => n.agreed !== undefined)) {
          off();
          resolve(structuredClone(g));
        }
      });
    });
    id = await poster.graphs!.post({ manifest: job.manifest, blobs: job.blobs, budget: UNIT_BUDGET });
    const agreed = await mapsAgreed;
    expect(agreed.nodes[AGGREGATE]!.units.every((u) => u.peer === undefined)).toBe(true);
    const map0 = agreed.nodes['map-0']!;
    const gonePeer = map0.units.find((u) => u.outputSha256 === map0.agreed)!.peer!;
    const goneName = [...nodes].find(([, n]) => n.host.peerId === gonePeer)![0];
    await market.stopWorker(goneName);

    const g = await done(id);
    expect(new TextDecoder().decode(poster.graphs!.result(id)!)).toBe(job.expected);
    const { agg, unit, consumer, posterServed } = aggregateOf(g);
    expect(unit.peer).not.toBe(gonePeer);
    const record = routesOf(consumer).fetched.find((r) => r.jobId === unit.jobId);
    expect(record).toMatchObject({ ok: false, inputSha256: agg.inputSha256, error: expect.any(String) });
    // So the poster served the input itself.
    expect(posterServed).toContain(agg.inputSha256);
  });
});
