/**
 * The simulation mode the 1,000-node scale bench runs in (p2p.simulation with p2p.simulationCosts:
 * plaintext connections, no yamux keep-alive, slower housekeeping), over the in-memory transport:
 * 30 real nodes in one child process, the project's node code above an unchanged gossipsub and
 * kad-dht. Announcements must still reach every matching worker, and lookups still find one.
 */
import { type Child, startChild } from '../../scripts/bench/p2p/children';
import type { LatencySample } from '../../scripts/bench/p2p/protocol';
import { SCALE_NET } from '../../scripts/bench/p2p/scale';
import { type NodeSpec, workerSpec } from '../../scripts/bench/p2p/specs';
import { randomEdges, seeded } from '../../scripts/bench/p2p/topology';

const N = 30;
const JOBS = 5;
/** Node 0 posts; of the workers, every third offers what the jobs need. */
const CAPABLE = [...Array(N).keys()].filter((i) => i > 0 && i % 3 === 0);

describe('simulation mode: 30 nodes over the in-memory transport', () => {
  let child: Child | undefined;
  let addrs: string[] = [];
  let peerIds: string[] = [];

  beforeAll(async () => {
    const specs = Array.from({ length: N }, (_, i): NodeSpec =>
      i === 0
        ? {}
        : {
            worker: workerSpec(
              i,
              CAPABLE.includes(i) ? { memoryMb: 16384, wasmFeatures: ['multi-value', 'tail-call'] } : {},
            ),
          },
    );
    const started = await startChild('sim-mode', specs, { ...SCALE_NET, transport: 'memory' }, 0);
    child = started.child;
    addrs = started.addrs;
    peerIds = started.peerIds;
    const pairs = randomEdges(N, 3, seeded(30)).map(([f, t]): [number, string] => [f, addrs[t] as string]);
    await child.ask({ type: 'dial', pairs }, 'dialled');
    const bound = specs.flatMap((s, i): Array<[string, string]> =>
      s.worker ? [[s.worker.address, peerIds[i] as string]] : [],
    );
    await child.ask({ type: 'bind', workers: bound }, 'bound');
    await child.ask({ type: 'mesh', min: 1 }, 'meshed');
  }, 180_000);

  afterAll(async () => {
    await child?.stop();
  });

  it('runs on memory addresses with plaintext connections', async () => {
    expect(addrs.every((a) => a.startsWith('/memory/'))).toBe(true);
    const t = await (child as Child).ask<{ type: 'tables'; connections: number[]; encryption: string[] }>(
      { type: 'tables' },
      'tables',
    );
    expect(t.connections.every((c) => c >= 1)).toBe(true);
    expect(t.encryption).toEqual(['/plaintext/2.0.0']);
  });

  it('delivers every announcement to every matching worker, which bids', async () => {
    const r = await (child as Child).ask<{ type: 'latency'; samples: LatencySample[]; announced: Array<[string, number]> }>(
      {
        type: 'latency',
        posters: [0],
        jobs: JOBS,
        gapMs: 200,
        warmup: 1,
        capable: true,
        // Every capable worker's bid is awaited, so a missing one shows as a missing bidder below.
        maxBids: CAPABLE.length,
        bidWindowMs: 10_000,
      },
      'latency',
    );
    expect(r.announced).toHaveLength(JOBS);
    const { bids } = await (child as Child).ask<{ type: 'bids'; bids: Array<[string, number, number]> }>(
      { type: 'bids' },
      'bids',
    );
    for (const [job] of r.announced) {
      const bidders = new Set(bids.filter(([j]) => j === job).map(([, node]) => node));
      expect([...bidders].sort((a, b) => a - b)).toEqual(CAPABLE);
    }
    expect(r.samples).toHaveLength(JOBS);
  }, 120_000);

  it('finds a capable worker through the DHT', async () => {
    const c = child as Child;
    const p = await c.ask<{ type: 'provided'; records: number }>({ type: 'provide' }, 'provided');
    // Four keys a worker at most (any, its features, its memory and cores classes); how many
    // walks finish within their 30 s depends on the machine's load, so only that some did.
    expect(p.records).toBeGreaterThan(0);
    expect(p.records).toBeLessThanOrEqual((N - 1) * 5);
    const capablePeers = new Set(CAPABLE.map((i) => peerIds[i]));
    const found = await c.ask<{ type: 'discovered'; ms: number; peerId?: string }>(
      { type: 'discover', node: 1 },
      'discovered',
    );
    expect(capablePeers.has(found.peerId)).toBe(true);
  }, 120_000);
});
