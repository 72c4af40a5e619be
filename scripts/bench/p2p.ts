/**
 * `npm run bench:p2p [-- --json] [-- --only=latency,throughput,discovery,junk]`
 *
 * Four measurements of the p2p layer, each on real libp2p nodes with Noise and Yamux:
 *
 * - latency: announce-to-first-bid on a 50-node network over TCP on loopback: 5 posters in one
 *   process, 45 capable workers in two more (CAIRN_BENCH_LATENCY_PROCESSES), joined in a random
 *   graph (each node dials 4 others). The posters only post, so they are not in the announcement
 *   mesh; they publish to every subscribed peer they are connected to.
 *   Measured at the poster, from the announce() call to the first bid that passed every check
 *   (so it includes signing the announcement and verifying the bid). Jobs run one at a time,
 *   400 ms apart, after 25 warm-up jobs (which also open the workers' sessions to the posters).
 *   The figure is split at the moment the first bid left its worker (clocks of one machine), and
 *   each process's event-loop utilization and delay while measuring say what bounds it.
 * - throughput: matched jobs per second through one poster with 10 capable workers (TCP; the
 *   poster in one process, the workers in two more, star topology). A job is announce, bids,
 *   choose, notify; each job closes at its third bid (maxBids 3) and every bidder, late ones
 *   included, is sent the outcome. CPU time per job is process CPU / jobs at the poster and
 *   process CPU / (jobs x 10) at a worker.
 * - discovery: time for a node to find a capable worker through kad-dht provider records and the
 *   worker's advert, on a 200-node network over TCP in two child processes of 100 nodes (one per
 *   core; CAIRN_BENCH_DISCOVERY_PROCESSES=1 runs all on the in-memory transport in one). 20 nodes
 *   are workers, 5 of them capable; no
 *   node publishes adverts on gossip, so every answer comes from the DHT and a direct advert
 *   query. The DHT bucket size is 8 instead of 20 (see dhtBucketSize in the config schema): each
 *   node then holds ~25 contacts instead of ~100, which one machine can afford to connect, at the
 *   price of more hops per lookup. Measuring starts once the network has digested the workers'
 *   provides (see quiesce). Each query comes from a random non-worker node, one at a time, 500 ms
 *   apart (CAIRN_BENCH_DISCOVERY_GAP_MS).
 * - junk: one poster and 4 workers running the public defaults (no simulation relaxations), the
 *   poster's first-bid latency measured quiet, then again while a junk peer (junk-flooder.ts, a
 *   process of its own at nice 19, from 127.0.0.2) floods the poster at full speed, returning under a fresh
 *   identity whenever it is cut off. 150 jobs one at a time, 100 ms apart, after 20 warm-up jobs.
 *
 * Prints figures for people, or with --json one JSON object on stdout (logs go to stderr).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseConfig } from '../../src/config/config.schema';
import type { Capabilities, JobRequirements } from '../../src/discovery/capabilities';
import { type CairnNode, startNode } from '../../src/node/start-node';
import { jobSpec as baseJobSpec } from '../../test/support/job-spec';
import type { JobResult } from '../../src/market/poster';
import { InMemoryReputation, InMemoryStakeRegistry } from '../../src/market/stake';
import type { JobSpec } from '../../src/market/types';
import { loadEsm } from '../../src/p2p/esm';
import { createLogger } from '../../src/shared/logging';
import { forkFlood, type FloodStats } from './junk-flooder';

// ---------------------------------------------------------------------------------------------
// Shared pieces

const NETWORK = 'bench';

interface NodeSpec {
  worker?: { address: string; cores: number; memoryMb: number; wasmFeatures: string[]; pricePerFuel: string };
}

/** Node settings for one child's nodes (the discovery network differs from the market ones). */
interface NetworkSpec {
  transport: 'tcp' | 'memory';
  dhtBucketSize?: number;
  heartbeatMs?: number;
  /** Publish worker adverts on gossip (default true). */
  advertise?: boolean;
  /** Run the public defaults instead of p2p.simulation's relaxations. */
  publicDefaults?: boolean;
}

const DISCOVERY_REQ: JobRequirements = { minCores: 4, minMemoryMb: 16384, wasmFeatures: ['tail-call'], minFuelPerSecond: 1n, fuelLimit: 1000n };

const REQ: JobRequirements = { minCores: 1, minMemoryMb: 1024, wasmFeatures: ['multi-value'], minFuelPerSecond: 1n, fuelLimit: 1000n };

function jobSpec(jobId: bigint, over: Partial<JobSpec> = {}): JobSpec {
  return baseJobSpec(jobId, { requirements: REQ, ...over });
}

function workerSpec(i: number, over: Partial<NonNullable<NodeSpec['worker']>> = {}): NodeSpec['worker'] {
  return { address: `0x${(0x1000 + i).toString(16)}`, cores: 8, memoryMb: 8192, wasmFeatures: ['multi-value'], pricePerFuel: String(10 + (i % 7)), ...over };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

function summary(values: number[]): { n: number; p50: number; p90: number; p99: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50)), p90: round(percentile(s, 90)), p99: round(percentile(s, 99)), max: round(s[s.length - 1] ?? NaN) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

// ---------------------------------------------------------------------------------------------
// Child process: hosts some nodes and obeys the parent.

/** A child's event-loop utilization and delay since its last reset. */
type Loop = { type: 'loop'; utilization: number; delayMs: { p50: number; p99: number; max: number } };

type Command =
  | { type: 'start'; specs: NodeSpec[]; net: NetworkSpec; offset: number }
  | { type: 'tables' }
  | { type: 'provide' }
  | { type: 'discover'; node: number }
  | { type: 'dial'; pairs: Array<[number, string]> }
  | { type: 'bind'; workers: Array<[string, string]> }
  | { type: 'mesh'; min: number }
  | { type: 'adverts' }
  | { type: 'cpu' }
  | { type: 'loop'; reset?: boolean }
  | { type: 'latency'; posters: number[]; jobs: number; gapMs: number; warmup: number }
  | { type: 'throughput'; poster: number; jobs: number; concurrency: number; maxBids: number; warmup: number }
  | { type: 'bidTimes' }
  | { type: 'stop' };

async function child(): Promise<void> {
  const m = await loadEsm();
  const log = createLogger(process.env.CAIRN_BENCH_LOG ?? 'error', 'bench-child');
  const stake = new InMemoryStakeRegistry(0n);
  const nodes: CairnNode[] = [];
  let offset = 0;
  let nextJob = BigInt(process.pid) << 32n;
  const reply = (msg: unknown) => process.send?.(msg, undefined, undefined, () => undefined);
  /** Earliest time (ms, shared wall clock) any node here sent a bid for each job. */
  const firstBidSent = new Map<string, number>();
  const now = () => performance.timeOrigin + performance.now();
  // How busy this process's event loop is while measuring: what bounds a latency figure.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  let loopMark = performance.eventLoopUtilization();

  process.on('message', (cmd: Command) => {
    void (async () => {
      try {
        switch (cmd.type) {
          case 'start': {
            offset = cmd.offset;
            for (const [k, spec] of cmd.specs.entries()) {
              const i = offset + k;
              const { net } = cmd;
              const listen = net.transport === 'memory' ? [`/memory/bench-${i}`] : ['/ip4/127.0.0.1/tcp/0'];
              const worker: Capabilities | undefined = spec.worker && {
                workerAddress: BigInt(spec.worker.address),
                cores: spec.worker.cores,
                memoryMb: spec.worker.memoryMb,
                wasmFeatures: spec.worker.wasmFeatures,
                fuelPerSecond: 1_000_000n,
                pricePerFuel: BigInt(spec.worker.pricePerFuel),
              };
              nodes.push(
                await startNode({
                  bidOnly: true,
                  config: parseConfig({
                    network: NETWORK,
                    p2p: {
                      lan: true,
                      simulation: !net.publicDefaults,
                      listen,
                      maxConnections: 400,
                      ...(net.dhtBucketSize ? { dhtBucketSize: net.dhtBucketSize } : {}),
                      ...(net.heartbeatMs ? { heartbeatMs: net.heartbeatMs } : {}),
                    },
                    market: { strategy: 'lowest-price' },
                    // Hundreds of simulated nodes in one process and one data dir: no control socket each.
                    control: { enabled: false },
                  }),
                  log,
                  stake,
                  reputation: new InMemoryReputation(),
                  worker,
                  privateKey: await m.keys.generateKeyPair('Ed25519'),
                  provide: false,
                  advertise: net.advertise,
                }),
              );
              nodes[nodes.length - 1]?.market.worker?.on('bid', (b) => {
                const key = b.jobId.toString();
                if (!firstBidSent.has(key)) firstBidSent.set(key, now());
              });
            }
            reply({ type: 'started', addrs: nodes.map((n) => n.host.multiaddrs()[0]), peerIds: nodes.map((n) => n.peerId) });
            return;
          }
          case 'dial': {
            await Promise.all(
              cmd.pairs.map(async ([from, addr]) => {
                const node = nodes[from - offset];
                for (let attempt = 0; attempt < 5; attempt++) {
                  try {
                    await node?.host.dial(addr);
                    return;
                  } catch {
                    await sleep(200 * (attempt + 1));
                  }
                }
              }),
            );
            reply({ type: 'dialled' });
            return;
          }
          case 'bind': {
            for (const [address, peerId] of cmd.workers) stake.stake(address, 1n).bindPeer(address, peerId);
            reply({ type: 'bound' });
            return;
          }
          case 'mesh': {
            // A node that is not a worker does not join the announcement mesh; it publishes to the
            // topic's subscribers directly, so wait for it to know enough of them.
            await until(
              () => nodes.every((n) => (n.market.worker ? n.host.gossip.meshPeers('job_announcement') : n.host.gossip.subscribers('job_announcement')) >= cmd.min),
              'gossip meshes',
            );
            reply({ type: 'meshed' });
            return;
          }
          case 'adverts': {
            await Promise.all(nodes.map((n) => n.adverts.publish()));
            reply({ type: 'advertised' });
            return;
          }
          case 'tables': {
            const tableSize = (n: CairnNode) => (n.host.libp2p.services.dht as unknown as { routingTable: { size: number } }).routingTable.size;
            // Under load a node can lose its few connections (a muxer or ping timing out) or
            // fail to add the contacts it has, and nothing would repair that for minutes: a real
            // node has bootstrap peers to redial and a periodic self-query. Do both now.
            for (const [k, n] of nodes.entries()) {
              if (tableSize(n) >= 3) continue;
              if (n.host.libp2p.getConnections().length === 0) {
                const peer = nodes[(k + 1) % nodes.length] as CairnNode;
                void n.host.dial(peer.host.multiaddrs()[0] as string).catch(() => undefined);
              } else {
                void n.host.libp2p.services.dht.refreshRoutingTable().catch(() => undefined);
              }
            }
            reply({ type: 'tables', sizes: nodes.map(tableSize), connections: nodes.map((n) => n.host.libp2p.getConnections().length) });
            return;
          }
          case 'provide': {
            const provided = await Promise.all(nodes.map((n) => n.provideNow()));
            reply({ type: 'provided', records: provided.reduce((s, k) => s + k, 0) });
            return;
          }
          case 'discover': {
            const node = nodes[cmd.node - offset] as CairnNode;
            const t0 = performance.now();
            const found = await node.index.findCapable(DISCOVERY_REQ, 10n ** 18n, { limit: 1, timeoutMs: 10_000 });
            reply({ type: 'discovered', ms: performance.now() - t0, peerId: found[0]?.peerId });
            return;
          }
          case 'bidTimes': {
            reply({ type: 'bidTimes', times: [...firstBidSent] });
            firstBidSent.clear();
            return;
          }
          case 'loop': {
            const elu = performance.eventLoopUtilization(loopMark);
            reply({
              type: 'loop',
              utilization: round(elu.utilization, 3),
              delayMs: { p50: round(loopDelay.percentile(50) / 1e6), p99: round(loopDelay.percentile(99) / 1e6), max: round(loopDelay.max / 1e6) },
            });
            if (cmd.reset) {
              loopDelay.reset();
              loopMark = performance.eventLoopUtilization();
            }
            return;
          }
          case 'cpu': {
            const c = process.cpuUsage();
            reply({ type: 'cpu', us: c.user + c.system });
            return;
          }
          case 'latency': {
            const samples: Array<[string, number, number, number]> = [];
            for (let j = 0; j < cmd.warmup + cmd.jobs; j++) {
              const poster = nodes[(cmd.posters[j % cmd.posters.length] as number) - offset] as CairnNode;
              const jobId = nextJob++;
              const r: JobResult = await poster.market.poster.announce(jobSpec(jobId, { maxBids: 1 }));
              if (j >= cmd.warmup && r.timing.firstBidAt !== undefined) {
                // [job, announced, first bid received] on the shared clock, and the latency.
                const t0 = performance.timeOrigin + r.timing.announcedAt;
                samples.push([jobId.toString(), t0, performance.timeOrigin + r.timing.firstBidAt, r.timing.firstBidAt - r.timing.announcedAt]);
              }
              // Let the late bids and their outcomes drain before the next job.
              await sleep(cmd.gapMs);
            }
            reply({ type: 'latency', samples });
            return;
          }
          case 'throughput': {
            const poster = nodes[cmd.poster - offset] as CairnNode;
            const run = async (jobs: number) => {
              let issued = 0;
              let awarded = 0;
              const lane = async () => {
                while (issued < jobs) {
                  issued++;
                  const r = await poster.market.poster.announce(jobSpec(nextJob++, { maxBids: cmd.maxBids, bidWindowMs: 5000 }));
                  if (r.status === 'awarded') awarded++;
                }
              };
              await Promise.all(Array.from({ length: cmd.concurrency }, lane));
              return awarded;
            };
            await run(cmd.warmup);
            const v0 = poster.host.verifier.verifications;
            const s0 = poster.host.signer.signatures;
            const cpu0 = process.cpuUsage();
            const t0 = performance.now();
            const awarded = await run(cmd.jobs);
            const wallMs = performance.now() - t0;
            const cpu = process.cpuUsage(cpu0);
            reply({
              type: 'throughput',
              jobs: cmd.jobs,
              awarded,
              wallMs,
              cpuUs: cpu.user + cpu.system,
              verifications: poster.host.verifier.verifications - v0,
              signatures: poster.host.signer.signatures - s0,
            });
            return;
          }
          case 'stop': {
            await Promise.all(nodes.map((n) => n.stop().catch(() => undefined)));
            reply({ type: 'stopped' });
            setTimeout(() => process.exit(0), 100).unref();
            return;
          }
        }
      } catch (err) {
        reply({ type: 'error', message: (err as Error).stack ?? String(err) });
      }
    })();
  });
  reply({ type: 'ready' });
}

// ---------------------------------------------------------------------------------------------
// Parent: orchestrates children.

class Child {
  private readonly proc: ChildProcess;
  private readonly inbox: unknown[] = [];
  private waiters: Array<() => void> = [];

  constructor(name: string) {
    this.proc = fork(__filename, ['--child', name], {
      // CAIRN_BENCH_PROF=<dir> writes a CPU profile per child, for finding where the time goes.
      execArgv: [
        '--import',
        'tsx',
        '--max-old-space-size=8192',
        ...(process.env.CAIRN_BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CAIRN_BENCH_PROF}`] : []),
        // CAIRN_BENCH_NODE_ARGS="--perf-basic-prof --trace-deopt": V8 flags NODE_OPTIONS refuses.
        ...(process.env.CAIRN_BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.proc.on('message', (msg) => {
      this.inbox.push(msg);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  async next<T extends { type: string }>(type: string): Promise<T> {
    for (;;) {
      const i = this.inbox.findIndex((m) => (m as { type: string }).type === type || (m as { type: string }).type === 'error');
      if (i >= 0) {
        const msg = this.inbox.splice(i, 1)[0] as T & { message?: string };
        if (msg.type === 'error') throw new Error(`child failed: ${msg.message}`);
        return msg;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async ask<T extends { type: string }>(cmd: Command, replyType: string): Promise<T> {
    this.proc.send(cmd);
    return this.next<T>(replyType);
  }

  async cpuUs(): Promise<number> {
    return (await this.ask<{ type: 'cpu'; us: number }>({ type: 'cpu' }, 'cpu')).us;
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    this.proc.send({ type: 'stop' });
    await Promise.race([once(this.proc, 'exit'), sleep(15_000)]);
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
  }
}

const say = (json: boolean, ...args: unknown[]) => (json ? console.error(...args) : console.log(...args));

async function startChild(name: string, specs: NodeSpec[], net: NetworkSpec, offset: number) {
  const c = new Child(name);
  await c.next('ready');
  const started = await c.ask<{ type: 'started'; addrs: string[]; peerIds: string[] }>({ type: 'start', specs, net, offset }, 'started');
  return { child: c, ...started };
}

/** A random graph: every node dials `degree` distinct earlier nodes (the first few dial each other). */
function randomEdges(n: number, degree: number, rand: () => number): Array<[number, number]> {
  const edges: Array<[number, number]> = [];
  for (let i = 1; i < n; i++) {
    const targets = new Set<number>();
    while (targets.size < Math.min(degree, i)) targets.add(Math.floor(rand() * i));
    for (const t of targets) edges.push([i, t]);
  }
  return edges;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function latencyBench(json: boolean) {
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
    const r = await posters.child.ask<{ type: 'latency'; samples: Array<[string, number, number, number]> }>(
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

async function junkBench(json: boolean) {
  const WORKERS = 4;
  const net: NetworkSpec = { transport: 'tcp', publicDefaults: true };
  say(json, `junk: starting 1 poster and ${WORKERS} workers over TCP with the public defaults...`);
  const p = await startChild('junk-poster', [{}], net, 0);
  const specs = Array.from({ length: WORKERS }, (_, i): NodeSpec => ({ worker: workerSpec(i + 1) }));
  const w = await startChild('junk-workers', specs, net, 1);
  try {
    await w.child.ask({ type: 'dial', pairs: specs.map((_, i): [number, string] => [i + 1, p.addrs[0] as string]) }, 'dialled');
    const workers = specs.map((s, i): [string, string] => [s.worker?.address as string, w.peerIds[i] as string]);
    await Promise.all([p, w].map((g) => g.child.ask({ type: 'bind', workers }, 'bound')));
    await Promise.all([p, w].map((g) => g.child.ask({ type: 'mesh', min: 1 }, 'meshed')));
    const measure = async () => {
      await p.child.ask<Loop>({ type: 'loop', reset: true }, 'loop');
      const r = await p.child.ask<{ type: 'latency'; samples: Array<[string, number, number, number]> }>(
        { type: 'latency', posters: [0], jobs: 150, gapMs: 100, warmup: 20 },
        'latency',
      );
      const loop = await p.child.ask<Loop>({ type: 'loop' }, 'loop');
      return { jobs: r.samples.length, firstBidMs: summary(r.samples.map((s) => s[3])), posterLoop: { utilization: loop.utilization, delayMs: loop.delayMs } };
    };
    say(json, 'junk: measuring quiet...');
    const quiet = await measure();
    say(json, 'junk: measuring under flood...');
    // The host's addresses end in /p2p/<its id>.
    const target = p.addrs[0] as string;
    const flood = forkFlood(target, '127.0.0.2');
    let flooded: Awaited<ReturnType<typeof measure>>;
    let stats: FloodStats;
    try {
      flooded = await measure();
    } finally {
      stats = await flood.stop();
    }
    return {
      workers: WORKERS,
      quiet,
      flooded,
      flood: stats,
      p99Ratio: round(flooded.firstBidMs.p99 / quiet.firstBidMs.p99),
    };
  } finally {
    await Promise.all([p.child.stop(), w.child.stop()]);
  }
}

async function throughputBench(json: boolean) {
  const WORKERS = 10;
  const WORKER_PROCESSES = 2;
  const WARMUP = 300;
  const per = WORKERS / WORKER_PROCESSES;
  say(json, `throughput: starting 1 poster and ${WORKERS} workers over TCP...`);
  const p = await startChild('tp-poster', [{}], { transport: 'tcp' }, 0);
  // The workers in two processes: in one, their ~8 ms of CPU per job (10 x 0.8 ms) would saturate
  // its core at ~125 jobs/s whatever the poster could do.
  const ws = await Promise.all(
    Array.from({ length: WORKER_PROCESSES }, (_, k) =>
      startChild(
        `tp-workers-${k}`,
        Array.from({ length: per }, (_, i): NodeSpec => ({ worker: workerSpec(k * per + i) })),
        { transport: 'tcp' },
        1 + k * per,
      ),
    ),
  );
  const workerChildren = ws.map((w) => w.child);
  const workersCpuUs = async () => (await Promise.all(workerChildren.map((c) => c.cpuUs()))).reduce((a, b) => a + b, 0);
  try {
    await Promise.all(
      ws.map((w, k) => w.child.ask({ type: 'dial', pairs: w.peerIds.map((_, i): [number, string] => [1 + k * per + i, p.addrs[0] as string]) }, 'dialled')),
    );
    const workers = ws.flatMap((w) => w.peerIds).map((id, i): [string, string] => [workerSpec(i)?.address as string, id]);
    await p.child.ask({ type: 'bind', workers }, 'bound');
    // The poster publishes to every subscribed worker (a star: the workers have no mesh of their own).
    await p.child.ask({ type: 'mesh', min: WORKERS }, 'meshed');
    say(json, 'throughput: network up; measuring...');
    const w0 = await workersCpuUs();
    const r = await p.child.ask<{
      type: 'throughput';
      jobs: number;
      awarded: number;
      wallMs: number;
      cpuUs: number;
      verifications: number;
      signatures: number;
    }>({ type: 'throughput', poster: 0, jobs: 3000, concurrency: 32, maxBids: 3, warmup: WARMUP }, 'throughput');
    const w1 = await workersCpuUs();
    // Worker CPU includes the warm-up jobs: scale by all jobs run.
    const workerCpuPerJobMs = (w1 - w0) / 1000 / ((r.jobs + WARMUP) * WORKERS);
    return {
      workers: WORKERS,
      workerProcesses: WORKER_PROCESSES,
      transport: 'tcp',
      maxBids: 3,
      concurrency: 32,
      jobs: r.jobs,
      awarded: r.awarded,
      jobsPerSecond: round(r.jobs / (r.wallMs / 1000), 1),
      posterCpuPerJobMs: round(r.cpuUs / 1000 / r.jobs, 3),
      workerCpuPerJobMs: round(workerCpuPerJobMs, 3),
      posterVerificationsPerJob: round(r.verifications / r.jobs, 2),
      posterSignaturesPerJob: round(r.signatures / r.jobs, 2),
    };
  } finally {
    await Promise.all([p.child.stop(), ...workerChildren.map((c) => c.stop())]);
  }
}

/**
 * Waits until the DHT stops growing: at most 1% of nodes know fewer than 3 contacts and the total
 * number of routing-table entries has not grown by more than 1% over the last 10 s (self-queries
 * and contact pings then have little left to find). Gives up waiting after 3 minutes.
 */
async function settle(children: Child[], progress: (line: string) => void) {
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
    if ((sparse <= sizes.length / 100 && stable) || Date.now() - t0 > 180_000) {
      const conns = replies.flatMap((r) => r.connections).sort((a, b) => a - b);
      return {
        seconds: Math.round((Date.now() - t0) / 1000),
        routingTable: { min: sizes[0] ?? 0, median: percentile(sizes, 50), max: sizes[sizes.length - 1] ?? 0 },
        connectionsPerNode: { min: conns[0] ?? 0, median: percentile(conns, 50), max: conns[conns.length - 1] ?? 0 },
      };
    }
  }
}

/** One line per process for the human-readable output. */
function describeLoops(loops: Array<Pick<Loop, 'utilization' | 'delayMs'>>): string[] {
  return loops.map((l) => `${Math.round(l.utilization * 100)}% busy, delay p99 ${l.delayMs.p99} ms max ${l.delayMs.max} ms`);
}

/**
 * Waits until every child's event loop is less than 35% busy over a 2 s window (at most 90 s).
 * Publishing 80 provider records sets off minutes of routing-table updates and contact pings
 * across the network (measured: 60-86% busy for the 15 s after the provides); lookups measured
 * then took up to 2.9 s, and 50-160 ms once it had passed. A network's workers provide when they
 * start and re-provide every few hours, so the steady state is what a poster meets.
 */
async function quiesce(children: Child[], maxUtilization = 0.35): Promise<{ seconds: number; utilization: number[] }> {
  const t0 = Date.now();
  for (;;) {
    await Promise.all(children.map((c) => c.ask<Loop>({ type: 'loop', reset: true }, 'loop')));
    await sleep(2000);
    const loops = await Promise.all(children.map((c) => c.ask<Loop>({ type: 'loop' }, 'loop')));
    const utilization = loops.map((l) => l.utilization);
    if (utilization.every((u) => u < maxUtilization) || Date.now() - t0 > 90_000) {
      return { seconds: Math.round((Date.now() - t0) / 1000), utilization };
    }
  }
}

async function discoveryBench(json: boolean) {
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

type Latency = Awaited<ReturnType<typeof latencyBench>>;
type Throughput = Awaited<ReturnType<typeof throughputBench>>;
type Junk = Awaited<ReturnType<typeof junkBench>>;
type Discovery = Awaited<ReturnType<typeof discoveryBench>>;

function printLatency(lat: Latency): void {
  const f = lat.firstBidMs;
  const a = lat.announceToBidSentMs;
  const b = lat.bidSentToReceivedMs;
  console.log(`  announce -> first bid, ${lat.nodes} nodes (${lat.transport}, ${lat.processes} processes), ${lat.jobs} jobs:`);
  console.log(`    p50 ${f.p50} ms   p90 ${f.p90} ms   p99 ${f.p99} ms   max ${f.max} ms`);
  console.log(`    of which announce -> first bid sent: p50 ${a.p50} ms, p99 ${a.p99} ms; bid sent -> accepted: p50 ${b.p50} ms, p99 ${b.p99} ms`);
  const loops = describeLoops(lat.eventLoops);
  console.log(`    event loops (posters; workers; workers): ${loops.join('; ')}`);
}

function printThroughput(tp: Throughput): void {
  console.log(`  matched jobs through 1 poster, ${tp.workers} workers in ${tp.workerProcesses} processes (${tp.transport}, maxBids ${tp.maxBids}, ${tp.concurrency} in flight):`);
  console.log(`    ${tp.jobsPerSecond} jobs/s (${tp.awarded}/${tp.jobs} awarded)`);
  console.log(`    CPU per job: poster ${tp.posterCpuPerJobMs} ms, each worker ${tp.workerCpuPerJobMs} ms`);
  console.log(`    poster per job: ${tp.posterVerificationsPerJob} signature checks, ${tp.posterSignaturesPerJob} signatures`);
}

function printDiscovery(d: Discovery): void {
  console.log(`  discover a capable worker, ${d.nodes} nodes (${d.transport}, ${d.processes} processes), ${d.capable}/${d.workers} workers capable, ${d.queries} queries:`);
  console.log(`    p50 ${d.discoverMs.p50} ms   p90 ${d.discoverMs.p90} ms   p99 ${d.discoverMs.p99} ms   (${d.failures} failed; slowest ${d.slowestMs.join(', ')} ms)`);
  console.log(`    DHT (k=${d.dhtBucketSize}) after ${d.settleS} s: routing table median ${d.routingTable.median}, connections per node median ${d.connectionsPerNode.median}`);
  console.log(`    measured ${d.quietAfterProvideS} s after the provides, once the event loops were ${d.utilizationBeforeMeasuring.map((u) => `${Math.round(u * 100)}%`).join(' and ')} busy`);
  const loops = describeLoops(d.eventLoops);
  console.log(`    event loop: ${loops.join('; ')}`);
}

function printJunk(j: Junk): void {
  const q = j.quiet.firstBidMs;
  const f = j.flooded.firstBidMs;
  console.log(`  first bid at 1 poster with ${j.workers} workers (public defaults), quiet vs a junk peer flooding at full speed:`);
  console.log(`    quiet:   p50 ${q.p50} ms   p99 ${q.p99} ms   max ${q.max} ms   (${j.quiet.jobs} jobs)`);
  console.log(`    flooded: p50 ${f.p50} ms   p99 ${f.p99} ms   max ${f.max} ms   (${j.flooded.jobs} jobs)   p99 ratio ${j.p99Ratio}`);
  console.log(`    flooder: ${j.flood.identities} identities, ${j.flood.connected} connected, ${j.flood.refusedOrFailed} refused or failed, ${j.flood.frames} frames (${Math.round(j.flood.bytes / 1e6)} MB) sent`);
  console.log(`    poster event loop: quiet ${describeLoops([j.quiet.posterLoop]).join('')}; flooded ${describeLoops([j.flooded.posterLoop]).join('')}`);
}

async function parent(): Promise<void> {
  const json = process.argv.includes('--json');
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = new Set((onlyArg?.slice('--only='.length) ?? 'latency,throughput,discovery,junk').split(','));
  const out: { latency?: Latency; throughput?: Throughput; discovery?: Discovery; junk?: Junk; [k: string]: unknown } = {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  };
  const started = Date.now();
  // Each section is printed as soon as it is measured, so a long run shows figures as it goes.
  if (only.has('latency')) {
    out.latency = await latencyBench(json);
    if (!json) printLatency(out.latency);
  }
  if (only.has('throughput')) {
    out.throughput = await throughputBench(json);
    if (!json) printThroughput(out.throughput);
  }
  if (only.has('discovery')) {
    out.discovery = await discoveryBench(json);
    if (!json) printDiscovery(out.discovery);
  }
  if (only.has('junk')) {
    out.junk = await junkBench(json);
    if (!json) printJunk(out.junk);
  }
  const { latency: lat, throughput: tp, discovery: disc, junk } = out;
  out.targets = {
    ...(lat ? { firstBidP99Under20ms: lat.firstBidMs.p99 < 20 } : {}),
    ...(tp ? { atLeast300JobsPerSecond: tp.jobsPerSecond >= 300, posterCpuUnder1msPerJob: tp.posterCpuPerJobMs < 1 } : {}),
    ...(junk ? { floodedFirstBidP99Within2x: junk.p99Ratio <= 2 } : {}),
    ...(disc ? { discoveryP50Under300ms: disc.discoverMs.p50 < 300, discoveryP99Under1s: disc.discoverMs.p99 < 1000 } : {}),
  };
  out.elapsedS = Math.round((Date.now() - started) / 1000);
  if (json) {
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  console.log(`  targets: ${JSON.stringify(out.targets)}   (${out.elapsedS} s)`);
}

if (process.argv.includes('--child')) {
  void child();
} else {
  parent().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
