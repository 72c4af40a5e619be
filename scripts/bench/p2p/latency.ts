/**
 * bench:p2p's latency section: announce-to-first-bid on a 50-node network over TCP on loopback: 5
 * posters in one process, 45 capable workers in two more (CAIRN_BENCH_LATENCY_PROCESSES), joined in
 * a random graph (each node dials 4 others). The posters only post, so they are not in the
 * announcement mesh; they publish to every subscribed peer they are connected to. Measured at the
 * poster, from the announce() call to the first bid that passed every check (so it includes signing
 * the announcement and verifying the bid). Jobs run one at a time, 400 ms apart, after 25 warm-up
 * jobs (which also open the workers' sessions to the posters). The figure is split at the moment
 * the first bid left its worker (clocks of one machine), and each process's event-loop utilization
 * and delay while measuring say what bounds it.
 */
import { startChild } from './children';
import { describeLoops, say, summary } from './figures';
import type { LatencySample, Loop } from './protocol';
import { type NodeSpec, workerSpec } from './specs';
import { randomEdges, seeded } from './topology';

export async function latencyBench(json: boolean) {
  const N = 50;
  const POSTERS = 5;
  // Posters in a process of their own, the 45 workers split over more (all sharing the machine's
  // two cores). Two worker processes measured best here: with 9 (5 nodes each) p50 rose from ~7 to
  // ~9 ms and p90 from ~10 to ~23 ms, as ten processes contend for two cores.
  const WORKER_PROCESSES = Number(process.env.CAIRN_BENCH_LATENCY_PROCESSES ?? 2);
  // Posters in a process of their own, the 45 workers split over two more: a poster's event loop
  // is then not busy validating 20 other nodes' copies of its own announcement when the first
  // bid arrives. (All three processes still share the machine's two cores.)
  const specs = Array.from({ length: N }, (_, i): NodeSpec => (i < POSTERS ? {} : { worker: workerSpec(i) }));
  const per = Math.ceil((N - POSTERS) / WORKER_PROCESSES);
  const bounds = [0, ...Array.from({ length: WORKER_PROCESSES + 1 }, (_, k) => Math.min(N, POSTERS + k * per))];
  say(json, `latency: starting ${N} nodes over TCP in ${WORKER_PROCESSES + 1} processes...`);
  const groups = await Promise.all(
    bounds.slice(0, -1).map((from, k) =>
      startChild(k === 0 ? 'lat-posters' : `lat-workers-${k}`, specs.slice(from, bounds[k + 1]), { transport: 'tcp' }, from),
    ),
  );
  const addrs = groups.flatMap((g) => g.addrs);
  const peerIds = groups.flatMap((g) => g.peerIds);
  try {
    const edges = randomEdges(N, 4, seeded(42));
    await Promise.all(
      groups.map((g, k) =>
        g.child.ask(
          {
            type: 'dial',
            pairs: edges
              .filter(([f]) => f >= (bounds[k] as number) && f < (bounds[k + 1] as number))
              .map(([f, t]): [number, string] => [f, addrs[t] as string]),
          },
          'dialled',
        ),
      ),
    );
    const workers = specs.flatMap((s, i): Array<[string, string]> => (s.worker ? [[s.worker.address, peerIds[i] as string]] : []));
    await Promise.all(groups.map((g) => g.child.ask({ type: 'bind', workers }, 'bound')));
    await Promise.all(groups.map((g) => g.child.ask({ type: 'mesh', min: 3 }, 'meshed')));
    say(json, 'latency: network up; measuring...');
    await Promise.all(groups.map((g) => g.child.ask<Loop>({ type: 'loop', reset: true }, 'loop')));
    const posters = groups[0] as (typeof groups)[number];
    const r = await posters.child.ask<{ type: 'latency'; samples: LatencySample[] }>(
      { type: 'latency', posters: [0, 1, 2, 3, 4], jobs: 100, gapMs: 400, warmup: 25 },
      'latency',
    );
    const loops = await Promise.all(groups.map((g) => g.child.ask<Loop>({ type: 'loop' }, 'loop')));
    // Split each latency at the moment the first bid left a worker: gossip and validation before
    // it, the direct bid path after it.
    const sent = new Map<string, number>();
    for (const g of groups.slice(1)) {
      const t = await g.child.ask<{ type: 'bidTimes'; times: Array<[string, number]> }>({ type: 'bidTimes' }, 'bidTimes');
      for (const [job, at] of t.times) sent.set(job, Math.min(at, sent.get(job) ?? Infinity));
    }
    const toBid: number[] = [];
    const bidPath: number[] = [];
    for (const [job, announced, received] of r.samples) {
      const at = sent.get(job);
      if (at === undefined) continue;
      toBid.push(at - announced);
      bidPath.push(received - at);
    }
    return {
      nodes: N,
      transport: 'tcp',
      processes: WORKER_PROCESSES + 1,
      posters: POSTERS,
      jobs: r.samples.length,
      firstBidMs: summary(r.samples.map((s) => s[3])),
      announceToBidSentMs: summary(toBid),
      bidSentToReceivedMs: summary(bidPath),
      /** Per process (posters, workers, workers): event-loop utilization and delay while measuring. */
      eventLoops: loops.map(({ utilization, delayMs }) => ({ utilization, delayMs })),
    };
  } finally {
    await Promise.all(groups.map((g) => g.child.stop()));
  }
}

export type Latency = Awaited<ReturnType<typeof latencyBench>>;

export function printLatency(lat: Latency): void {
  const f = lat.firstBidMs;
  const a = lat.announceToBidSentMs;
  const b = lat.bidSentToReceivedMs;
  console.log(`  announce -> first bid, ${lat.nodes} nodes (${lat.transport}, ${lat.processes} processes), ${lat.jobs} jobs:`);
  console.log(`    p50 ${f.p50} ms   p90 ${f.p90} ms   p99 ${f.p99} ms   max ${f.max} ms`);
  console.log(`    of which announce -> first bid sent: p50 ${a.p50} ms, p99 ${a.p99} ms; bid sent -> accepted: p50 ${b.p50} ms, p99 ${b.p99} ms`);
  const loops = describeLoops(lat.eventLoops);
  console.log(`    event loops (posters; workers; workers): ${loops.join('; ')}`);
}
