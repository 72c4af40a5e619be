/**
 * A child process of the p2p bench: it hosts some of the network's nodes and obeys the parent's
 * commands (protocol.ts). children.ts forks this file with `--child <name>`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { PrivateKey } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import { parseConfig } from '../../../src/config/config.schema';
import type { Capabilities } from '../../../src/discovery/capabilities';
import { type CairnNode, startNode } from '../../../src/node/start-node';
import type { JobResult } from '../../../src/market/poster';
import { InMemoryReputation, InMemoryStakeRegistry } from '../../../src/market/stake';
import { loadEsm } from '../../../src/p2p/esm';
import { createLogger } from '../../../src/shared/logging';
import { round } from './figures';
import type { Command, LatencySample, Rejoined, Usage } from './protocol';
import { DISCOVERY_REQ, NETWORK, type NetworkSpec, type NodeSpec, jobSpec } from './specs';
import { sleep, until } from './wait';

async function child(): Promise<void> {
  const m = await loadEsm();
  const log = createLogger(process.env.CAIRN_BENCH_LOG ?? 'error', 'bench-child');
  const stake = new InMemoryStakeRegistry(0n);
  const nodes: CairnNode[] = [];
  /** Each node's identity, kept so a node that churned away comes back as itself. */
  const keys: PrivateKey[] = [];
  /** Each node's address when it was last up (a stopped host no longer says). */
  const listenAddrs: string[] = [];
  /** Nodes (local indexes) whose routing table is being repaired (see `tables`). */
  const repairing = new Set<number>();
  /** Nodes (local indexes) stopped by churn and not yet back. */
  const down = new Set<number>();
  let specs: NodeSpec[] = [];
  let net: NetworkSpec = { transport: 'tcp' };
  /** Whether the workers here have provided their records; a rejoining worker then provides again. */
  let provided = false;
  /** Every bid sent here: [job, node, when (shared clock)]; handed over and cleared by `bids`. */
  const bids: Array<[string, number, number]> = [];
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

  /** Starts local node `k` from its spec and identity, listening on `listen`. */
  const launch = async (k: number, listen: string): Promise<CairnNode> => {
    const spec = specs[k] as NodeSpec;
    const worker: Capabilities | undefined = spec.worker && {
      workerAddress: BigInt(spec.worker.address),
      cores: spec.worker.cores,
      memoryMb: spec.worker.memoryMb,
      wasmFeatures: spec.worker.wasmFeatures,
      fuelPerSecond: 1_000_000n,
      pricePerFuel: BigInt(spec.worker.pricePerFuel),
    };
    const node = await startNode({
      bidOnly: true,
      config: parseConfig({
        network: NETWORK,
        p2p: {
          lan: true,
          simulation: !net.publicDefaults,
          listen: [listen],
          maxConnections: 400,
          ...(net.dhtBucketSize ? { dhtBucketSize: net.dhtBucketSize } : {}),
          ...(net.heartbeatMs ? { heartbeatMs: net.heartbeatMs } : {}),
          ...(net.livenessPingMs ? { livenessPingMs: net.livenessPingMs } : {}),
          ...(net.costs ? { simulationCosts: net.costs } : {}),
        },
        market: { strategy: 'lowest-price' },
        // Hundreds of simulated nodes in one process and one data dir: no control socket each.
        control: { enabled: false },
      }),
      log,
      stake,
      reputation: new InMemoryReputation(),
      worker,
      privateKey: keys[k] as PrivateKey,
      provide: false,
      advertise: net.advertise,
    });
    node.market.worker?.on('bid', (b) => {
      const key = b.jobId.toString();
      const at = now();
      if (!firstBidSent.has(key)) firstBidSent.set(key, at);
      bids.push([key, offset + k, at]);
    });
    listenAddrs[k] = node.host.multiaddrs()[0] as string;
    return node;
  };

  process.on('message', (cmd: Command) => {
    void (async () => {
      try {
        switch (cmd.type) {
          case 'start': {
            offset = cmd.offset;
            net = cmd.net;
            specs = cmd.specs;
            for (const k of cmd.specs.keys()) {
              keys.push(await m.keys.generateKeyPair('Ed25519'));
              nodes.push(await launch(k, net.transport === 'memory' ? `/memory/bench-${offset + k}` : '/ip4/127.0.0.1/tcp/0'));
            }
            reply({ type: 'started', addrs: nodes.map((n) => n.host.multiaddrs()[0]), peerIds: nodes.map((n) => n.peerId) });
            return;
          }
          case 'leave': {
            const k = cmd.node - offset;
            down.add(k);
            await (nodes[k] as CairnNode).stop().catch(() => undefined);
            reply({ type: 'left', node: cmd.node });
            return;
          }
          case 'rejoin': {
            const k = cmd.node - offset;
            const startedAt = now();
            // Back at the same address, as a restarted machine is; at a fresh port if another
            // process took ours meanwhile.
            let node: CairnNode;
            try {
              node = await launch(k, (listenAddrs[k] as string).split('/p2p/')[0] as string);
            } catch {
              node = await launch(k, '/ip4/127.0.0.1/tcp/0');
            }
            nodes[k] = node;
            down.delete(k);
            await Promise.all(cmd.bootstrap.map((addr) => node.host.dial(addr).catch(() => undefined)));
            // A worker provides its capability records when it starts (once the network has them at all).
            if (provided && node.market.worker) void node.provideNow().catch(() => undefined);
            let joinedAt: number | undefined;
            try {
              await until(() => down.has(k) || node.host.gossip.meshPeers('job_announcement') >= 1, 'rejoin', 30_000);
              if (!down.has(k)) joinedAt = now();
            } catch {
              // Reported as not joined: the parent leaves it out of the delivery figures.
            }
            const rejoined: Rejoined = { type: 'rejoined', node: cmd.node, addr: listenAddrs[k] as string, startedAt, joinedAt };
            reply(rejoined);
            return;
          }
          case 'bids': {
            reply({ type: 'bids', bids: bids.splice(0) });
            return;
          }
          case 'usage': {
            const c = process.cpuUsage();
            const mem = process.memoryUsage();
            const usage: Usage = { type: 'usage', cpuUs: c.user + c.system, rssBytes: mem.rss, heapBytes: mem.heapUsed, online: nodes.length - down.size };
            reply(usage);
            return;
          }
          case 'dial': {
            const dialOne = async ([from, addr]: [number, string]) => {
              const node = nodes[from - offset];
              for (let attempt = 0; attempt < 5; attempt++) {
                try {
                  await node?.host.dial(addr);
                  return;
                } catch {
                  await sleep(200 * (attempt + 1));
                }
              }
            };
            // At most `concurrency` handshakes in flight: a thousand at once on a loaded machine
            // time out and retry, and the network never forms.
            const queue = [...cmd.pairs];
            const lane = async () => {
              for (let pair = queue.shift(); pair; pair = queue.shift()) await dialOne(pair);
            };
            await Promise.all(Array.from({ length: cmd.concurrency ?? Math.max(1, queue.length) }, lane));
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
            const meshed = (n: CairnNode) =>
              (n.market.worker ? n.host.gossip.meshPeers('job_announcement') : n.host.gossip.subscribers('job_announcement')) >= cmd.min;
            if (cmd.waitMs === undefined) {
              await until(() => nodes.every(meshed), 'gossip meshes');
              reply({ type: 'meshed', unmeshed: [] });
              return;
            }
            // A large network: a worker whose few connections happen to be to posters (which are
            // not in the mesh) or to peers with full meshes may wait long for a place. Every 5 s,
            // those still outside dial another worker here, as a node short of mesh peers would
            // look for more; whoever is still outside when the time is up is reported, not waited for.
            const workers = [...nodes.keys()].filter((k) => nodes[k]?.market.worker);
            const deadline = Date.now() + cmd.waitMs;
            for (let round = 0; ; round++) {
              const outside = [...nodes.keys()].filter((k) => !down.has(k) && !meshed(nodes[k] as CairnNode));
              if (outside.length === 0 || Date.now() > deadline) {
                reply({ type: 'meshed', unmeshed: outside.map((k) => offset + k) });
                return;
              }
              if (round % 100 === 99) {
                for (const k of outside) {
                  const peer = workers[Math.floor(Math.random() * workers.length)];
                  if (peer === undefined || peer === k) continue;
                  void (nodes[k] as CairnNode).host.dial(listenAddrs[peer] as string).catch(() => undefined);
                }
              }
              await sleep(50);
            }
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
            // One repair per node at a time: asked every 2 s, a repair still running would
            // otherwise be started again and again on a busy machine.
            for (const [k, n] of nodes.entries()) {
              if (tableSize(n) >= 3 || repairing.has(k)) continue;
              repairing.add(k);
              const peer = nodes[(k + 1) % nodes.length] as CairnNode;
              const repair =
                n.host.libp2p.getConnections().length === 0
                  ? n.host.dial(peer.host.multiaddrs()[0] as string)
                  : n.host.libp2p.services.dht.refreshRoutingTable();
              void Promise.resolve(repair)
                .catch(() => undefined)
                .finally(() => repairing.delete(k));
            }
            const conns = nodes.filter((_, k) => !down.has(k)).flatMap((n) => n.host.libp2p.getConnections());
            reply({
              type: 'tables',
              sizes: nodes.map(tableSize),
              connections: nodes.map((n) => n.host.libp2p.getConnections().length),
              // What the connections run on, so a run can show (and a test check) its transport and encrypter.
              encryption: [...new Set(conns.map((c) => c.encryption ?? 'none'))],
            });
            return;
          }
          case 'provide': {
            provided = true;
            // 32 workers' provides at a time: each is a DHT walk per record (up to 30 s), and
            // hundreds at once in one process time each other out; 8 at a time took 6 minutes
            // for 94 workers on a loaded machine.
            let records = 0;
            const queue = [...nodes.keys()].filter((k) => !down.has(k) && nodes[k]?.market.worker);
            const lane = async () => {
              for (let k = queue.shift(); k !== undefined; k = queue.shift()) {
                // Awaited first: `records += await ...` reads `records` before the await, and the
                // 32 lanes would then overwrite one another's counts (the sum came out ~4 per lane).
                const published = await (nodes[k] as CairnNode).provideNow();
                records += published;
              }
            };
            await Promise.all(Array.from({ length: 32 }, lane));
            reply({ type: 'provided', records });
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
            const samples: LatencySample[] = [];
            /** Every measured job and when it was announced, bid on or not. */
            const announced: Array<[string, number]> = [];
            const over = {
              maxBids: cmd.maxBids ?? 1,
              ...(cmd.capable ? { requirements: DISCOVERY_REQ } : {}),
              ...(cmd.bidWindowMs ? { bidWindowMs: cmd.bidWindowMs } : {}),
            };
            let measuredFrom = Infinity;
            for (let j = 0; j < cmd.warmup + cmd.jobs; j++) {
              if (j === cmd.warmup) measuredFrom = Date.now();
              if (cmd.forMs !== undefined && Date.now() - measuredFrom > cmd.forMs) break;
              const poster = nodes[(cmd.posters[j % cmd.posters.length] as number) - offset] as CairnNode;
              const jobId = nextJob++;
              const r: JobResult = await poster.market.poster.announce(jobSpec(jobId, over));
              if (j >= cmd.warmup) announced.push([jobId.toString(), performance.timeOrigin + r.timing.announcedAt]);
              if (j >= cmd.warmup && r.timing.firstBidAt !== undefined) {
                // [job, announced, first bid received] on the shared clock, and the latency.
                const t0 = performance.timeOrigin + r.timing.announcedAt;
                samples.push([jobId.toString(), t0, performance.timeOrigin + r.timing.firstBidAt, r.timing.firstBidAt - r.timing.announcedAt]);
              }
              // Let the late bids and their outcomes drain before the next job.
              await sleep(cmd.gapMs);
            }
            reply({ type: 'latency', samples, announced });
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
  // A parent that died (killed, crashed) must not leave hundreds of nodes running.
  process.on('disconnect', () => process.exit(0));
  reply({ type: 'ready' });
}

if (process.argv.includes('--child')) void child();
