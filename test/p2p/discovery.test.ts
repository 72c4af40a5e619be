/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * Capability discovery through kad-dht provider records, on 16 real nodes over libp2p's
 * in-memory transport (Noise and Yamux still run; only the sockets are simulated, so a network
 * this size stays cheap on a 2-core machine). No node publishes adverts on gossip here: whatever
 * the querier learns, it learns from the DHT and a direct advert query.
 */
import type { Capabilities, JobRequirements } from '../../src/discovery/capabilities';
import type { CairnNode } from '../../src/node/start-node';
import { startNode, stopAll, waitFor } from './support/cluster';

const N = 16;
/** Node indexes of the workers; only CAPABLE offers tail-call and 16 GiB. */
const WORKERS = [5, 9, 12, 14];
const CAPABLE = 12;

function caps(i: number): Capabilities {
  const capable = i === CAPABLE;
  return {
    workerAddress: BigInt(0x500 + i),
    cores: 8,
    memoryMb: capable ? 16_384 : 8192,
    wasmFeatures: capable ? ['multi-value', 'tail-call'] : ['multi-value'],
    fuelPerSecond: 1_000_000n,
    pricePerFuel: 10n,
  };
}

const needsTailCall: JobRequirements = {
  minCores: 4,
  minMemoryMb: 16_384,
  wasmFeatures: ['tail-call'],
  minFuelPerSecond: 1n,
  fuelLimit: 1000n,
};

describe('capability discovery through the DHT', () => {
  const nodes: CairnNode[] = [];
  const routingTableSize = (n: CairnNode): number =>
    (n.host.libp2p.services.dht as unknown as { routingTable: { size: number } }).routingTable.size;

  beforeAll(async () => {
    for (let i = 0; i < N; i++) {
      nodes.push(
        await startNode({
          worker: WORKERS.includes(i) ? caps(i) : undefined,
          advertise: false,
          // Nearly noiseless adverts, so "only CAPABLE has 16 GiB" holds for the adverts too.
          config: { p2p: { listen: [`/memory/discovery-test-${i}`] }, discovery: { advertEpsilon: 10 } },
        }),
      );
    }
    // A sparse graph: a chain plus a chord every third node, so most pairs are not neighbours.
    for (let i = 1; i < N; i++) {
      await nodes[i]?.host.dial(nodes[i - 1]?.host.multiaddrs()[0] as string);
      if (i >= 3 && i % 3 === 0) await nodes[i]?.host.dial(nodes[i - 3]?.host.multiaddrs()[0] as string);
    }
    await waitFor(() => nodes.every((n) => routingTableSize(n) >= 1), 'DHT routing tables', 60_000);
  });

  afterAll(async () => {
    await stopAll(nodes);
  });

  test('workers publish one provider record per capability key', async () => {
    for (const i of WORKERS) {
      const provided = await nodes[i]?.provideNow();
      // any, one per feature, a memory class and a core class.
      expect(provided).toBe(3 + caps(i).wasmFeatures.length);
    }
  });

  test('a poster that has heard no advert finds the one capable worker', async () => {
    const poster = nodes[0] as CairnNode;
    expect(poster.book.size).toBe(0);
    const found = await poster.index.findCapable(needsTailCall, 10n ** 18n, { limit: 1, timeoutMs: 30_000 });
    expect(found.map((a) => a.peerId)).toEqual([nodes[CAPABLE]?.peerId]);
    // What it learnt is the worker's public advert: noised buckets, not the exact figures.
    expect(found[0]?.caps).toEqual(nodes[CAPABLE]?.adverts.publicCaps);
    expect(found[0]?.caps).not.toHaveProperty('memoryMb');
    // The advert it fetched is now known, for bidding and for no-bid explanations.
    expect(poster.book.get(nodes[CAPABLE]?.peerId as string)?.caps.wasmFeatures).toContain('tail-call');
  });

  test('providers that fail the full check are not returned', async () => {
    // Every worker provides the multi-value key, but only CAPABLE has 16 GiB; ask for up to all four.
    const poster = nodes[1] as CairnNode;
    const found = await poster.index.findCapable(
      { ...needsTailCall, wasmFeatures: ['multi-value'] },
      10n ** 18n,
      { limit: 4, timeoutMs: 30_000 },
    );
    expect(found.map((a) => a.peerId)).toEqual([nodes[CAPABLE]?.peerId]);
    // And everything it asked about is in its book: the three that failed the memory check too.
    await waitFor(() => poster.book.size === WORKERS.length, 'every multi-value provider to be queried');
  });

  test('a requirement no one meets ends the search empty-handed, not hung', async () => {
    const found = await (nodes[2] as CairnNode).index.findCapable(
      { ...needsTailCall, wasmFeatures: ['exotic-proposal'] },
      10n ** 18n,
      { limit: 1, timeoutMs: 30_000 },
    );
    expect(found).toEqual([]);
  });
});
