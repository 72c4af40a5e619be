/**
 * `npm run bench:p2p [-- --json] [-- --only=latency,throughput,discovery,junk,idle,scale]`
 *
 * Six measurements of the p2p layer, each on real libp2p nodes with Noise and Yamux (plaintext
 * instead of Noise in the scale section, see p2p/scale.ts), hosted in
 * child processes (p2p/node-host.ts) that this process orchestrates (p2p/children.ts):
 *
 * - latency (p2p/latency.ts): announce-to-first-bid on a 50-node network over TCP on loopback.
 * - throughput (p2p/throughput.ts): matched jobs per second through one poster with 10 workers.
 * - discovery (p2p/discovery.ts): finding a capable worker through the DHT on 200 nodes.
 * - junk (p2p/junk.ts): first-bid latency at a poster running the public defaults, quiet and
 *   while a junk peer (p2p/junk-flooder.ts) floods it.
 * - idle (p2p/idle.ts): CPU and memory of an idle node, with the full stack and with the scale
 *   section's simulation costs. Run only when named (`--only=idle`).
 * - scale (p2p/scale.ts): a 1,000-node network with 10% churn per minute and 5% junk peers:
 *   announcement delivery to matching workers, first bid, discovery, and CPU and memory per node.
 *   Run only when named (`--only=scale`): at 1,000 nodes it takes the machine for a quarter of an
 *   hour or more (README: Peer-to-peer layer).
 *
 * Each section's module says exactly what it measures and how.
 *
 * Prints figures for people, or with --json one JSON object on stdout (logs go to stderr).
 */
import { cpus } from 'node:os';
import { type Discovery, discoveryBench, printDiscovery } from './p2p/discovery';
import { type Idle, idleBench, printIdle } from './p2p/idle';
import { type Junk, junkBench, printJunk } from './p2p/junk';
import { type Latency, latencyBench, printLatency } from './p2p/latency';
import { type Scale, printScale, scaleBench } from './p2p/scale';
import { type Throughput, printThroughput, throughputBench } from './p2p/throughput';

async function parent(): Promise<void> {
  const json = process.argv.includes('--json');
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = new Set((onlyArg?.slice('--only='.length) ?? 'latency,throughput,discovery,junk').split(','));
  /** Measures a section if --only names it, printing it as soon as it is measured, so a long run shows figures as it goes. */
  const section = async <T>(name: string, measure: (json: boolean) => Promise<T>, print: (r: T) => void): Promise<T | undefined> => {
    if (!only.has(name)) return undefined;
    const r = await measure(json);
    if (!json) print(r);
    return r;
  };
  const out: { latency?: Latency; throughput?: Throughput; discovery?: Discovery; junk?: Junk; idle?: Idle; scale?: Scale; [k: string]: unknown } = {
    machine: { cpus: cpus().length, node: process.version },
  };
  const started = Date.now();
  // Sections not run stay undefined, which JSON.stringify leaves out.
  out.latency = await section('latency', latencyBench, printLatency);
  out.throughput = await section('throughput', throughputBench, printThroughput);
  out.discovery = await section('discovery', discoveryBench, printDiscovery);
  out.junk = await section('junk', junkBench, printJunk);
  out.idle = await section('idle', idleBench, printIdle);
  out.scale = await section('scale', scaleBench, printScale);
  const { latency: lat, throughput: tp, discovery: disc, junk, scale } = out;
  out.targets = {
    ...(lat ? { firstBidP99Under20ms: lat.firstBidMs.p99 < 20 } : {}),
    ...(tp ? { atLeast300JobsPerSecond: tp.jobsPerSecond >= 300, posterCpuUnder1msPerJob: tp.posterCpuPerJobMs < 1 } : {}),
    ...(junk ? { floodedFirstBidP99Within2x: junk.p99Ratio <= 2 } : {}),
    ...(disc ? { discoveryP50Under300ms: disc.discoverMs.p50 < 300, discoveryP99Under1s: disc.discoverMs.p99 < 1000 } : {}),
    ...(scale
      ? {
          [`scale${scale.nodes}Delivery999`]: scale.delivery.ratio >= 0.999,
          [`scale${scale.nodes}FirstBidP99Under1s`]: scale.firstBidMs.p99 < 1000,
          [`scale${scale.nodes}DiscoveryP50Under1s`]: scale.discoverMs.p50 < 1000,
          [`scale${scale.nodes}DiscoveryP99Under1s`]: scale.discoverMs.p99 < 1000,
        }
      : {}),
  };
  out.elapsedS = Math.round((Date.now() - started) / 1000);
  if (json) {
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  console.log(`  targets: ${JSON.stringify(out.targets)}   (${out.elapsedS} s)`);
}

parent().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
