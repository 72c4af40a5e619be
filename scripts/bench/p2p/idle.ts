/**
 * bench:p2p's idle section: what one node costs when nothing happens, the floor under every
 * larger simulation (at 1,000 nodes on two cores, a node may spend at most ~1-2 ms of CPU a
 * second in total). 100 nodes (CAIRN_BENCH_IDLE_NODES) in one child process over TCP, joined as
 * the scale section joins them (each dials 3 earlier ones, DHT k = 8), left to settle until the
 * event loop is under 35% busy, then measured for 30 s (CAIRN_BENCH_IDLE_SECONDS): process CPU
 * and memory divided by the nodes. Run twice, once with the full stack (Noise, yamux keep-alive,
 * housekeeping every gossip heartbeat) and once with the scale section's simulation costs
 * (src/config/p2p-simulation.ts), so the figures show what each relaxation saves. No provides
 * and no traffic: provides and jobs are the scale section's business. With CAIRN_BENCH_PROF=<dir>
 * each run writes a CPU profile (the measured span is its last 30 s before the stop).
 */
import { startChild } from './children';
import { quiesce, settle } from './discovery';
import { round, say } from './figures';
import type { Usage } from './protocol';
import { SCALE_NET } from './scale';
import type { NetworkSpec, NodeSpec } from './specs';
import { workerSpec } from './specs';
import { randomEdges, seeded } from './topology';
import { sleep } from './wait';

async function idleRun(json: boolean, label: string, net: NetworkSpec, nodes: number, seconds: number) {
  const specs = Array.from({ length: nodes }, (_, i): NodeSpec => (i === 0 ? {} : { worker: workerSpec(i) }));
  say(json, `idle (${label}): starting ${nodes} nodes...`);
  const { child, addrs } = await startChild(`idle-${label}`, specs, net, 0);
  try {
    const t0 = Date.now();
    const pairs = randomEdges(nodes, 3, seeded(1)).map(([f, t]): [number, string] => [f, addrs[t] as string]);
    await child.ask({ type: 'dial', pairs, concurrency: 16 }, 'dialled');
    const joinS = (Date.now() - t0) / 1000;
    const settled = await settle([child], (line) => say(json, `  ${line}`), 60_000);
    await quiesce([child], 0.35, 60_000);
    const c0 = await child.cpuUs();
    const w0 = performance.now();
    await sleep(seconds * 1000);
    const c1 = await child.cpuUs();
    const wallS = (performance.now() - w0) / 1000;
    const u = await child.ask<Usage>({ type: 'usage' }, 'usage');
    return {
      label,
      /** Seconds to dial the 3 edges a node (with its handshakes and what each new connection sets off). */
      joinS: round(joinS, 1),
      routingTableMedian: settled.routingTable.median,
      connectionsMedian: settled.connectionsPerNode.median,
      cpuMsPerSPerNode: round((c1 - c0) / 1000 / wallS / nodes),
      rssMbPerNode: round(u.rssBytes / nodes / 2 ** 20, 1),
      heapMbPerNode: round(u.heapBytes / nodes / 2 ** 20, 1),
    };
  } finally {
    await child.stop();
  }
}

export async function idleBench(json: boolean) {
  const nodes = Number(process.env.CAIRN_BENCH_IDLE_NODES ?? 100);
  const seconds = Number(process.env.CAIRN_BENCH_IDLE_SECONDS ?? 30);
  if (!Number.isInteger(nodes) || nodes < 10 || nodes > 1000)
    throw new Error(`CAIRN_BENCH_IDLE_NODES must be a whole number from 10 to 1000, not "${process.env.CAIRN_BENCH_IDLE_NODES}"`);
  if (!Number.isInteger(seconds) || seconds < 5 || seconds > 600)
    throw new Error(`CAIRN_BENCH_IDLE_SECONDS must be a whole number from 5 to 600, not "${process.env.CAIRN_BENCH_IDLE_SECONDS}"`);
  const { costs: _relaxed, ...full } = SCALE_NET;
  const fullStack = await idleRun(json, 'full-stack', full, nodes, seconds);
  const simulation = await idleRun(json, 'simulation-costs', SCALE_NET, nodes, seconds);
  return { nodes, seconds, costs: SCALE_NET.costs, fullStack, simulation };
}

export type Idle = Awaited<ReturnType<typeof idleBench>>;

export function printIdle(r: Idle): void {
  console.log(`  an idle node, ${r.nodes} nodes in one process over TCP, measured ${r.seconds} s after settling:`);
  for (const x of [r.fullStack, r.simulation]) {
    console.log(
      `    ${x.label.padEnd(17)} CPU ${x.cpuMsPerSPerNode} ms/s a node, RSS ${x.rssMbPerNode} MiB (heap ${x.heapMbPerNode} MiB) a node; joined in ${x.joinS} s, ${x.connectionsMedian} connections median`,
    );
  }
  console.log(`    simulation costs: ${JSON.stringify(r.costs)}`);
}
