/**
 * bench:p2p's discovery section: time for a node to find a capable worker through kad-dht provider
 * records and the worker's advert, on a 200-node network over TCP in two child processes of 100
 * nodes (one per core; CAIRN_BENCH_DISCOVERY_PROCESSES=1 runs all on the in-memory transport in
 * one). 20 nodes are workers, 5 of them capable; no node publishes adverts on gossip, so every
 * answer comes from the DHT and a direct advert query. The DHT bucket size is 8 instead of 20 (see
 * dhtBucketSize in the config schema): each node then holds ~25 contacts instead of ~100, which one
 * machine can afford to connect, at the price of more hops per lookup. Measuring starts once the
 * network has digested the workers' provides (see quiesce). Each query comes from a random
 * non-worker node, one at a time, 500 ms apart (CAIRN_BENCH_DISCOVERY_GAP_MS).
 */
import { type Child, startChild } from './children';
import { describeLoops, percentile, round, say, summary } from './figures';
import type { Loop } from './protocol';
import { type NetworkSpec, type NodeSpec, workerSpec } from './specs';
import { randomEdges, seeded } from './topology';
import { sleep } from './wait';

/**
 * Waits until the DHT stops growing: at most 1% of nodes know fewer than 3 contacts and the total
 * number of routing-table entries has not grown by more than 1% over the last 10 s (self-queries
 * and contact pings then have little left to find). Gives up waiting after `maxMs` (3 minutes).
 */
export async function settle(children: Child[], progress: (line: string) => void, maxMs = 180_000) {
  const t0 = Date.now();
  const history: number[] = [];
  for (;;) {
    await sleep(2000);
    const replies = await Promise.all(children.map((c) => c.ask<{ type: 'tables'; sizes: number[]; connections: number[] }>({ type: 'tables' }, 'tables')));
    const sizes = replies.flatMap((r) => r.sizes).sort((a, b) => a - b);
    const total = sizes.reduce((s, n) => s + n, 0);
    history.push(total);
    const tenSecondsAgo = history[history.length - 6];
    progress(`routing tables: min ${sizes[0]}, median ${percentile(sizes, 50)}, total ${total}`);
    const stable = tenSecondsAgo !== undefined && total - tenSecondsAgo <= total * 0.01;
    const sparse = sizes.filter((n) => n < 3).length;
    if ((sparse <= sizes.length / 100 && stable) || Date.now() - t0 > maxMs) {
      const conns = replies.flatMap((r) => r.connections).sort((a, b) => a - b);
      return {
        seconds: Math.round((Date.now() - t0) / 1000),
        routingTable: { min: sizes[0] ?? 0, median: percentile(sizes, 50), max: sizes[sizes.length - 1] ?? 0 },
        connectionsPerNode: { min: conns[0] ?? 0, median: percentile(conns, 50), max: conns[conns.length - 1] ?? 0 },
      };
    }
  }
}

/**
 * Waits until every child's event loop is less than 35% busy over a 2 s window (at most `maxMs`, 90 s).
 * Publishing 80 provider records sets off minutes of routing-table updates and contact pings
 * across the network (measured: 60-86% busy for the 15 s after the provides); lookups measured
 * then took up to 2.9 s, and 50-160 ms once it had passed. A network's workers provide when they
 * start and re-provide every few hours, so the steady state is what a poster meets.
 */
export async function quiesce(children: Child[], maxUtilization = 0.35, maxMs = 90_000): Promise<{ seconds: number; utilization: number[] }> {
  const t0 = Date.now();
  for (;;) {
    await Promise.all(children.map((c) => c.ask<Loop>({ type: 'loop', reset: true }, 'loop')));
    await sleep(2000);
    const loops = await Promise.all(children.map((c) => c.ask<Loop>({ type: 'loop' }, 'loop')));
    const utilization = loops.map((l) => l.utilization);
    if (utilization.every((u) => u < maxUtilization) || Date.now() - t0 > maxMs) {
      return { seconds: Math.round((Date.now() - t0) / 1000), utilization };
    }
  }
}

export async function discoveryBench(json: boolean) {
  const N = 200;
  // Two processes of 100 nodes over TCP, one per core. With 1 (the in-memory transport) the whole
  // network runs in one event loop and never yields to it: the in-memory transport delivers
  // through promise chains, so a lookup's work ran as one microtask cascade of up to 14 s, and
  // p99 was ~4 s against ~1.7-2.9 s here.
  const PROCESSES = Number(process.env.CAIRN_BENCH_DISCOVERY_PROCESSES ?? 2);
  const WORKERS = 20;
  const CAPABLE = 5;
  const QUERIES = 50;
  // Queries one at a time with a pause between them, as the latency bench spaces its jobs: one
  // lookup costs the 200 nodes ~0.5 s of CPU in routing-table updates and contact pings after it
  // has answered; back to back, each query would wait for the last one's aftermath, which
  // measures the simulation's throughput rather than a lookup's latency.
  const QUERY_GAP_MS = Number(process.env.CAIRN_BENCH_DISCOVERY_GAP_MS ?? 500);
  const rand = seeded(7);
  // Worker indexes spread over the network; the first CAPABLE of them offer "tail-call" and 16 GiB.
  const workerIdx = new Set<number>();
  while (workerIdx.size < WORKERS) workerIdx.add(10 + Math.floor(rand() * (N - 10)));
  const capableIdx = new Set([...workerIdx].slice(0, CAPABLE));
  const specs = Array.from({ length: N }, (_, i): NodeSpec => {
    if (!workerIdx.has(i)) return {};
    const capable = capableIdx.has(i);
    return { worker: workerSpec(i, { memoryMb: capable ? 16384 : 8192, wasmFeatures: capable ? ['multi-value', 'tail-call'] : ['multi-value'] }) };
  });
  // Gossip heartbeats every 5 s instead of 1: 200 idle gossipsub routers heartbeating every
  // second cost a third of a core here, and this measurement does not use gossip. No adverts on
  // gossip either: every answer must come from the DHT and a direct advert query.
  const net: NetworkSpec = { transport: PROCESSES > 1 ? 'tcp' : 'memory', dhtBucketSize: 8, heartbeatMs: 5000, advertise: false };
  const per = N / PROCESSES;
  say(json, `discovery: starting ${N} nodes over the ${net.transport} transport in ${PROCESSES} process(es)...`);
  const groups = await Promise.all(
    Array.from({ length: PROCESSES }, (_, k) => startChild(`disc-${k}`, specs.slice(k * per, (k + 1) * per), net, k * per)),
  );
  const addrs = groups.flatMap((g) => g.addrs);
  const peerIds = groups.flatMap((g) => g.peerIds);
  const owner = (i: number) => (groups[Math.floor(i / per)] as (typeof groups)[number]).child;
  try {
    const edges = randomEdges(N, 3, rand);
    await Promise.all(
      groups.map((g, k) =>
        g.child.ask(
          {
            type: 'dial',
            pairs: edges.filter(([f]) => Math.floor(f / per) === k).map(([f, t]): [number, string] => [f, addrs[t] as string]),
          },
          'dialled',
        ),
      ),
    );
    say(json, 'discovery: waiting for DHT routing tables to settle...');
    const settled = await settle(
      groups.map((g) => g.child),
      (line) => say(json, `  ${line}`),
    );
    say(json, 'discovery: workers providing capability records...');
    const provided = await Promise.all(groups.map((g) => g.child.ask<{ type: 'provided'; records: number }>({ type: 'provide' }, 'provided')));
    say(json, 'discovery: waiting for the network to digest the provides...');
    const quiet = await quiesce(groups.map((g) => g.child));
    const capablePeers = new Set([...capableIdx].map((i) => peerIds[i]));
    const queriers = [...Array(N).keys()].filter((i) => !workerIdx.has(i));
    const samples: number[] = [];
    let failures = 0;
    say(json, 'discovery: measuring...');
    await Promise.all(groups.map((g) => g.child.ask({ type: 'loop', reset: true }, 'loop')));
    for (let q = 0; q < QUERIES; q++) {
      const node = queriers[Math.floor(rand() * queriers.length)] as number;
      const r = await owner(node).ask<{ type: 'discovered'; ms: number; peerId?: string }>({ type: 'discover', node }, 'discovered');
      if (r.peerId !== undefined && capablePeers.has(r.peerId)) samples.push(r.ms);
      else failures++;
      if (q % 10 === 9) say(json, `  ${q + 1} queries, ${failures} failed, last ${Math.round(r.ms)} ms`);
      await sleep(QUERY_GAP_MS);
    }
    const loops = await Promise.all(groups.map((g) => g.child.ask<Loop>({ type: 'loop' }, 'loop')));
    return {
      nodes: N,
      transport: net.transport,
      processes: PROCESSES,
      workers: WORKERS,
      capable: CAPABLE,
      dhtBucketSize: 8,
      routingTable: settled.routingTable,
      connectionsPerNode: settled.connectionsPerNode,
      settleS: settled.seconds,
      providerRecords: provided.reduce((s, p) => s + p.records, 0),
      /** Seconds waited after the provides, and each process's event-loop utilization then. */
      quietAfterProvideS: quiet.seconds,
      utilizationBeforeMeasuring: quiet.utilization,
      queries: QUERIES,
      failures,
      discoverMs: summary(samples),
      slowestMs: [...samples].sort((a, b) => b - a).slice(0, 5).map((x) => round(x, 0)),
      eventLoops: loops.map(({ utilization, delayMs }) => ({ utilization, delayMs })),
    };
  } finally {
    await Promise.all(groups.map((g) => g.child.stop()));
  }
}

export type Discovery = Awaited<ReturnType<typeof discoveryBench>>;

export function printDiscovery(d: Discovery): void {
  console.log(`  discover a capable worker, ${d.nodes} nodes (${d.transport}, ${d.processes} processes), ${d.capable}/${d.workers} workers capable, ${d.queries} queries:`);
  console.log(`    p50 ${d.discoverMs.p50} ms   p90 ${d.discoverMs.p90} ms   p99 ${d.discoverMs.p99} ms   (${d.failures} failed; slowest ${d.slowestMs.join(', ')} ms)`);
  console.log(`    DHT (k=${d.dhtBucketSize}) after ${d.settleS} s: routing table median ${d.routingTable.median}, connections per node median ${d.connectionsPerNode.median}`);
  console.log(`    measured ${d.quietAfterProvideS} s after the provides, once the event loops were ${d.utilizationBeforeMeasuring.map((u) => `${Math.round(u * 100)}%`).join(' and ')} busy`);
  const loops = describeLoops(d.eventLoops);
  console.log(`    event loop: ${loops.join('; ')}`);
}
