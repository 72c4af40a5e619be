/**
 * bench:p2p's scale section: a 1,000-node network simulated on this machine (CAIRN_BENCH_SCALE_NODES
 * sets another size), with churn and a share of junk peers, measuring what a market of that size
 * needs: that announcements reach the workers that match them, how soon the first bid comes back,
 * how fast the DHT finds a capable worker, and what each node costs in CPU and memory.
 *
 * The network: 5% of the nodes are junk peers (junk-flooder.ts, bare libp2p peers in a process of
 * their own at nice 19, each writing junk on gossip to a random honest node at a set rate and
 * coming back under a fresh identity when cut off). Of the honest nodes, 1% are posters (their own
 * process) and the rest workers, spread over several processes, all over TCP on 127.0.0.1 (TCP,
 * not the in-memory transport, for the reason discovery.ts gives: that transport delivers through
 * promise chains and starves a process's event loop). 10% of the workers are capable of the jobs
 * posted (they offer 16 GiB and `tail-call`), so each job is owed to about a tenth of the network.
 *
 * It runs in phases: start and join the nodes (each dials 3 earlier ones), let the DHT settle, have
 * the workers provide, wait for the meshes; then for the measured span the posters announce jobs
 * one after another, a random worker leaves every 60 s / (10% of the nodes) and comes back 20 s
 * later as itself, a lookup runs every 2 s from a random present non-capable worker, and the junk
 * peers flood. Posters do not churn (they hold the jobs being measured).
 *
 * Simulation-only settings (none is a public default; all are printed with the figures):
 * p2p.simulation (no IP-colocation penalty, no per-host inbound limit: every node is 127.0.0.1),
 * DHT k = 8 (see discovery.ts), gossip heartbeat 2 s, liveness probes every 120 s instead of
 * 30 s, no adverts on gossip (1,000 workers re-advertising every 30 s to 1,000 nodes would be
 * 33,000 signature checks a second on two cores; discovery here goes through the DHT), and
 * p2p.simulationCosts: plaintext connections, no yamux keep-alive, housekeeping every 10 s
 * (src/config/p2p-simulation.ts says why none changes delivery, first bid or discovery; an idle
 * node's CPU fell from ~3.5 to ~1.3 ms/s with them, see idle.ts). The junk peers speak plaintext too.
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { type Child, startChild } from './children';
import { Churn, now } from './churn';
import { quiesce, settle } from './discovery';
import { describeLoops, round, say, summary } from './figures';
import { forkFlood, type FloodStats } from './junk-flooder';
import type { LatencySample, Loop, Usage } from './protocol';
import { type NetworkSpec, type NodeSpec, workerSpec } from './specs';
import { Timeline, delivery } from './timeline';
import { randomEdges, seeded } from './topology';
import { sleep } from './wait';

export interface ScaleOptions {
  nodes: number;
  /** Processes hosting the workers (the posters have one more, the junk peers another). */
  workerProcesses: number;
  /** Measured span; jobs, churn and lookups run through it. */
  measureS: number;
  /** Share of the nodes that leave per minute, and how long each stays away. */
  churnPerMinute: number;
  downMs: number;
  junkShare: number;
  /** Junk frames per second per junk peer. */
  junkRate: number;
  jobGapMs: number;
  lookupGapMs: number;
  /** Settling waits (the small test shortens them; a 1,000-node DHT needs the full ones). */
  settleMaxS: number;
  quiesceMaxS: number;
  net: NetworkSpec;
  /** Progress lines. */
  progress: (line: string) => void;
}

/** Simulation-only settings; see the header. */
export const SCALE_NET: NetworkSpec = {
  transport: 'tcp',
  dhtBucketSize: 8,
  heartbeatMs: 2000,
  livenessPingMs: 120_000,
  advertise: false,
  costs: { plaintext: true, muxerKeepAlive: false, housekeepingMs: 10_000 },
};

export const SCALE_DEFAULTS: Omit<ScaleOptions, 'progress'> = {
  nodes: 1000,
  workerProcesses: 8,
  measureS: 180,
  churnPerMinute: 0.1,
  downMs: 20_000,
  junkShare: 0.05,
  junkRate: 5,
  jobGapMs: 1000,
  lookupGapMs: 2000,
  settleMaxS: 180,
  quiesceMaxS: 90,
  net: SCALE_NET,
};

/** How long after its announcement a present matching worker must have bid for it to count as delivered. */
const DELIVERY_WINDOW_MS = 5000;

async function usage(children: Child[]): Promise<Usage[]> {
  return Promise.all(children.map((c) => c.ask<Usage>({ type: 'usage' }, 'usage')));
}

export async function runScale(o: ScaleOptions) {
  const junk = Math.round(o.nodes * o.junkShare);
  const honest = o.nodes - junk;
  const posters = Math.max(1, Math.round(o.nodes / 100));
  const rand = seeded(1000);
  // Index 0..posters-1 are posters; the rest workers, every tenth of them capable.
  const capable: number[] = [];
  const specs = Array.from({ length: honest }, (_, i): NodeSpec => {
    if (i < posters) return {};
    const isCapable = (i - posters) % 10 === 0;
    if (isCapable) capable.push(i);
    return {
      worker: workerSpec(i, isCapable ? { memoryMb: 16384, wasmFeatures: ['multi-value', 'tail-call'] } : {}),
    };
  });
  const workers = specs.length - posters;
  const per = Math.ceil(workers / o.workerProcesses);
  const bounds = [
    0,
    posters,
    ...Array.from({ length: o.workerProcesses }, (_, k) => Math.min(honest, posters + (k + 1) * per)),
  ];
  o.progress(
    `scale: starting ${honest} nodes (${posters} posters, ${workers} workers, ${capable.length} capable) over TCP in ${bounds.length - 1} processes, ${junk} junk peers...`,
  );
  const t0 = Date.now();
  const groups = await Promise.all(
    bounds
      .slice(0, -1)
      .map((from, k) =>
        startChild(
          k === 0 ? 'scale-posters' : `scale-workers-${k}`,
          specs.slice(from, bounds[k + 1]),
          o.net,
          from,
        ),
      ),
  );
  const children = groups.map((g) => g.child);
  const addrs = groups.flatMap((g) => g.addrs);
  const peerIds = groups.flatMap((g) => g.peerIds);
  const groupOf = (i: number) => bounds.findIndex((b, k) => i >= b && i < (bounds[k + 1] as number));
  const owner = (i: number) => children[groupOf(i)] as Child;
  let flood: ReturnType<typeof forkFlood> | undefined;
  let churn: Churn | undefined;
  try {
    const startS = Math.round((Date.now() - t0) / 1000);
    const edges = randomEdges(honest, 3, rand);
    await Promise.all(
      children.map((c, k) =>
        c.ask(
          {
            type: 'dial',
            pairs: edges
              .filter(([f]) => groupOf(f) === k)
              .map(([f, t]): [number, string] => [f, addrs[t] as string]),
            concurrency: 16,
          },
          'dialled',
        ),
      ),
    );
    const bound = specs.flatMap((s, i): Array<[string, string]> =>
      s.worker ? [[s.worker.address, peerIds[i] as string]] : [],
    );
    await Promise.all(children.map((c) => c.ask({ type: 'bind', workers: bound }, 'bound')));
    o.progress(`scale: ${honest} nodes up in ${startS} s; waiting for DHT routing tables to settle...`);
    const settled = await settle(children, (line) => o.progress(`  ${line}`), o.settleMaxS * 1000);
    o.progress('scale: workers providing capability records...');
    const provided = await Promise.all(
      children.map((c) => c.ask<{ type: 'provided'; records: number }>({ type: 'provide' }, 'provided')),
    );
    const quiet = await quiesce(children, 0.35, o.quiesceMaxS * 1000);
    o.progress('scale: waiting for the announcement meshes...');
    const meshReplies = await Promise.all(
      children.map((c) =>
        c.ask<{ type: 'meshed'; unmeshed: number[] }>({ type: 'mesh', min: 1, waitMs: 120_000 }, 'meshed'),
      ),
    );
    // Workers never in the mesh are not owed announcements (and are reported); posters must be.
    const unmeshed = meshReplies.flatMap((m) => m.unmeshed);
    if (unmeshed.some((i) => i < posters))
      throw new Error(
        `posters ${unmeshed.filter((i) => i < posters).join(', ')} found no announcement subscribers`,
      );
    const readyS = Math.round((Date.now() - t0) / 1000);

    const timeline = new Timeline();
    const joinedAt = now();
    const outside = new Set(unmeshed);
    for (let i = posters; i < honest; i++) if (!outside.has(i)) timeline.joined(i, joinedAt);
    const busy = new Set<number>();
    const workerIdx = [...Array(honest).keys()].slice(posters);
    churn = new Churn({
      perMinute: Math.round(o.nodes * o.churnPerMinute),
      downMs: o.downMs,
      candidates: workerIdx,
      bootstrapPool: workerIdx,
      owner,
      addrs,
      timeline,
      rand,
      busy,
    });
    o.progress(
      `scale: network ready after ${readyS} s; measuring for ${o.measureS} s with churn and junk...`,
    );
    const junkVictims = addrs.slice();
    flood =
      junk > 0
        ? forkFlood(junkVictims, '127.0.0.2', {
            peers: junk,
            framesPerSecond: o.junkRate,
            // Junk peers speak what the network speaks, or none would get past the handshake.
            plaintext: o.net.costs?.plaintext,
          })
        : undefined;
    const u0 = await usage(children);
    const w0 = now();
    await Promise.all(children.map((c) => c.ask<Loop>({ type: 'loop', reset: true }, 'loop')));
    churn.start();

    // Lookups from random present non-capable workers, one at a time, until the jobs are done.
    const capableSet = new Set(capable);
    const capablePeers = new Set(capable.map((i) => peerIds[i]));
    const lookups: number[] = [];
    let lookupFailures = 0;
    let jobsDone = false;
    const lookupLoop = (async () => {
      while (!jobsDone) {
        await sleep(o.lookupGapMs);
        const pool = workerIdx.filter((i) => !capableSet.has(i) && timeline.present(i));
        const node = pool[Math.floor(rand() * pool.length)];
        if (node === undefined) continue;
        busy.add(node);
        try {
          const r = await owner(node).ask<{ type: 'discovered'; ms: number; peerId?: string }>(
            { type: 'discover', node },
            'discovered',
          );
          if (r.peerId !== undefined && capablePeers.has(r.peerId)) lookups.push(r.ms);
          else lookupFailures++;
        } finally {
          busy.delete(node);
        }
      }
    })();
    const jobs = Math.max(1, Math.round((o.measureS * 1000) / o.jobGapMs));
    const progressTimer = setInterval(() => {
      const s = churn?.stats;
      o.progress(
        `  ${Math.round((now() - w0) / 1000)} s: ${s?.left} left, ${s?.rejoined} back; ${lookups.length} lookups (${lookupFailures} failed)`,
      );
    }, 30_000);
    let r: { type: 'latency'; samples: LatencySample[]; announced: Array<[string, number]> };
    try {
      r = await owner(0).ask(
        {
          type: 'latency',
          posters: [...Array(posters).keys()],
          jobs,
          gapMs: o.jobGapMs,
          warmup: Math.min(posters, 10),
          capable: true,
          maxBids: 3,
          bidWindowMs: DELIVERY_WINDOW_MS,
          // A job takes its gap plus up to its bid window: the span, not the count, bounds the run.
          forMs: o.measureS * 1000,
        },
        'latency',
      );
    } finally {
      jobsDone = true;
      clearInterval(progressTimer);
    }
    const wallS = (now() - w0) / 1000;
    const u1 = await usage(children);
    const loops = await Promise.all(children.map((c) => c.ask<Loop>({ type: 'loop' }, 'loop')));
    // Late bids on the last job must land before they are collected.
    await sleep(DELIVERY_WINDOW_MS);
    await lookupLoop;
    o.progress('scale: waiting for the churned nodes still away to come back...');
    await churn.stop();
    const floodStats: FloodStats | undefined = await flood?.stop();
    flood = undefined;
    const bids = (
      await Promise.all(
        children.map((c) =>
          c.ask<{ type: 'bids'; bids: Array<[string, number, number]> }>({ type: 'bids' }, 'bids'),
        ),
      )
    ).flatMap((b) => b.bids);
    const d = delivery(r.announced, bids, capable, timeline, DELIVERY_WINDOW_MS);
    const cpuPerNode = u1.map(
      (u, k) =>
        (u.cpuUs - (u0[k] as Usage).cpuUs) /
        1000 /
        wallS /
        ((bounds[k + 1] as number) - (bounds[k] as number)),
    );
    const rssPerNode = u1.map(
      (u, k) => u.rssBytes / ((bounds[k + 1] as number) - (bounds[k] as number)) / 2 ** 20,
    );
    const workerCpu = cpuPerNode.slice(1);
    const workerRss = rssPerNode.slice(1);
    const workerHeap = u1
      .slice(1)
      .map((u, k) => u.heapBytes / ((bounds[k + 2] as number) - (bounds[k + 1] as number)) / 2 ** 20);
    const totalCpuMsPerS = u1.reduce((s, u, k) => s + (u.cpuUs - (u0[k] as Usage).cpuUs) / 1000, 0) / wallS;
    return {
      nodes: o.nodes,
      honest,
      posters,
      workers,
      capable: capable.length,
      junkPeers: junk,
      transport: o.net.transport,
      processes: { posters: 1, workers: o.workerProcesses, junk: junk > 0 ? 1 : 0 },
      simulation: {
        dhtBucketSize: o.net.dhtBucketSize,
        heartbeatMs: o.net.heartbeatMs,
        livenessPingMs: o.net.livenessPingMs,
        advertsOnGossip: o.net.advertise !== false,
        colocationPenalty: false,
        plaintext: o.net.costs?.plaintext ?? false,
        muxerKeepAlive: o.net.costs?.muxerKeepAlive ?? true,
        housekeepingMs: o.net.costs?.housekeepingMs,
      },
      setup: {
        startS,
        readyS,
        routingTable: settled.routingTable,
        connectionsPerNode: settled.connectionsPerNode,
        providerRecords: provided.reduce((s, p) => s + p.records, 0),
        quietAfterProvideS: quiet.seconds,
        /** Workers not in the announcement mesh when measuring began: owed nothing, never churned. */
        neverMeshed: unmeshed.length,
      },
      measuredS: round(wallS, 1),
      churn: {
        perMinute: Math.round(o.nodes * o.churnPerMinute),
        downS: o.downMs / 1000,
        left: churn.stats.left,
        rejoined: churn.stats.rejoined,
        notRejoinedWithin30s: churn.stats.notJoined,
        movedPort: churn.stats.movedPort,
        rejoinToMeshMs: summary(churn.stats.rejoinMs),
      },
      delivery: { ...d, ratio: round(d.ratio, 5), windowMs: DELIVERY_WINDOW_MS },
      firstBidMs: summary(r.samples.map((s) => s[3])),
      jobsWithoutBid: r.announced.length - r.samples.length,
      discoverMs: summary(lookups),
      lookupFailures,
      perNode: {
        /** CPU per node, in ms per second (= tenths of a percent of a core), per worker process and at the posters. */
        workerCpuMsPerS: {
          mean: round(workerCpu.reduce((s, x) => s + x, 0) / workerCpu.length),
          max: round(Math.max(...workerCpu)),
        },
        posterCpuMsPerS: round(cpuPerNode[0] as number),
        workerRssMb: {
          mean: round(workerRss.reduce((s, x) => s + x, 0) / workerRss.length, 1),
          max: round(Math.max(...workerRss), 1),
        },
        posterRssMb: round(rssPerNode[0] as number, 1),
        /**
         * Live JavaScript heap per worker node: what a node holds. RSS is higher, since each
         * process's V8 grows its heap freely (--max-old-space-size=8192) before collecting.
         */
        workerHeapMb: round(workerHeap.reduce((s, x) => s + x, 0) / workerHeap.length, 1),
      },
      totalCpuCores: round(totalCpuMsPerS / 1000),
      totalRssMb: Math.round(u1.reduce((s, u) => s + u.rssBytes, 0) / 2 ** 20),
      eventLoops: loops.map(({ utilization, delayMs }) => ({ utilization, delayMs })),
      flood: floodStats,
      machine: {
        cpus: cpus().length,
        loadavg: loadavg().map((x) => round(x)),
        freeMb: Math.round(freemem() / 2 ** 20),
        totalMb: Math.round(totalmem() / 2 ** 20),
      },
    };
  } finally {
    await flood?.stop().catch(() => undefined);
    await churn?.stop().catch(() => undefined);
    await Promise.all(children.map((c) => c.stop()));
  }
}

export type Scale = Awaited<ReturnType<typeof runScale>>;

/** A bad CAIRN_BENCH_SCALE_* setting, named with what it must be. */
export class ScaleSettingsError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ScaleSettingsError';
  }
}

/**
 * The size, processes and span from the environment (CAIRN_BENCH_SCALE_NODES, _PROCESSES,
 * _SECONDS), each a whole number in its range, every bad one named at once before anything starts.
 */
export function scaleSettings(
  env: Record<string, string | undefined>,
): Pick<ScaleOptions, 'nodes' | 'workerProcesses' | 'measureS'> {
  const problems: ScaleSettingsError[] = [];
  const read = (variable: string, fallback: number, min: number, max: number): number => {
    const text = env[variable];
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      problems.push(
        new ScaleSettingsError(variable, `must be a whole number from ${min} to ${max}, not "${text}"`),
      );
      return fallback;
    }
    return Number(text);
  };
  const settings = {
    // At least 20: a network of 1 poster and 2 capable workers among 18 others.
    nodes: read('CAIRN_BENCH_SCALE_NODES', SCALE_DEFAULTS.nodes, 20, 5000),
    workerProcesses: read('CAIRN_BENCH_SCALE_PROCESSES', SCALE_DEFAULTS.workerProcesses, 1, 64),
    measureS: read('CAIRN_BENCH_SCALE_SECONDS', SCALE_DEFAULTS.measureS, 10, 3600),
  };
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1)
    throw new ScaleSettingsError(
      problems.map((p) => p.variable).join(', '),
      problems.map((p) => p.message).join('; '),
    );
  return settings;
}

export async function scaleBench(json: boolean): Promise<Scale> {
  return runScale({ ...SCALE_DEFAULTS, ...scaleSettings(process.env), progress: (line) => say(json, line) });
}

export function printScale(s: Scale): void {
  const sim = s.simulation;
  console.log(
    `  ${s.nodes} nodes (${s.posters} posters, ${s.workers} workers of which ${s.capable} capable, ${s.junkPeers} junk peers), ${s.transport} on loopback, ${s.processes.workers + 1} node processes, measured ${s.measuredS} s:`,
  );
  console.log(
    `    delivery to matching workers: ${s.delivery.delivered}/${s.delivery.owed} = ${round(s.delivery.ratio * 100, 3)}% over ${s.delivery.jobs} jobs (bid within ${s.delivery.windowMs / 1000} s)`,
  );
  console.log(
    `    announce -> first bid: p50 ${s.firstBidMs.p50} ms   p99 ${s.firstBidMs.p99} ms   max ${s.firstBidMs.max} ms   (${s.jobsWithoutBid} jobs without a bid)`,
  );
  console.log(
    `    discover a capable worker: p50 ${s.discoverMs.p50} ms   p99 ${s.discoverMs.p99} ms   (${s.discoverMs.n} lookups, ${s.lookupFailures} failed)`,
  );
  console.log(
    `    churn: ${s.churn.left} left (${s.churn.perMinute}/min, ${s.churn.downS} s away), ${s.churn.rejoined} back in the mesh (p50 ${s.churn.rejoinToMeshMs.p50} ms after restart), ${s.churn.notRejoinedWithin30s} not within 30 s`,
  );
  if (s.flood)
    console.log(
      `    junk: ${s.flood.identities} junk identities, ${s.flood.connected} connected, ${s.flood.refusedOrFailed} refused or failed, ${s.flood.frames} frames`,
    );
  const p = s.perNode;
  console.log(
    `    per node: CPU ${p.workerCpuMsPerS.mean} ms/s (worker mean; max process ${p.workerCpuMsPerS.max}), poster ${p.posterCpuMsPerS} ms/s; RSS ${p.workerRssMb.mean} MiB (worker mean; JS heap ${p.workerHeapMb} MiB), poster ${p.posterRssMb} MiB`,
  );
  console.log(
    `    all nodes: ${s.totalCpuCores} cores, ${s.totalRssMb} MiB RSS; event loops: ${describeLoops(s.eventLoops).join('; ')}`,
  );
  console.log(
    `    simulation settings: DHT k=${sim.dhtBucketSize}, heartbeat ${sim.heartbeatMs} ms, liveness every ${sim.livenessPingMs} ms, adverts on gossip ${sim.advertsOnGossip}, no colocation penalty, ${sim.plaintext ? 'plaintext' : 'Noise'} connections, yamux keep-alive ${sim.muxerKeepAlive ? 'on' : 'off'}, housekeeping every ${sim.housekeepingMs ?? sim.heartbeatMs} ms; ready after ${s.setup.readyS} s (${s.setup.neverMeshed} workers never in the mesh, left out; routing table median ${s.setup.routingTable.median}, connections median ${s.setup.connectionsPerNode.median})`,
  );
}
