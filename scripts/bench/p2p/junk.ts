/**
 * bench:p2p's junk section: one poster and 4 workers running the public defaults (no simulation
 * relaxations), the poster's first-bid latency measured quiet, then again while a junk peer
 * (junk-flooder.ts, a process of its own at nice 19, from 127.0.0.2) floods the poster at full
 * speed, returning under a fresh identity whenever it is cut off. 150 jobs one at a time, 100 ms
 * apart, after 20 warm-up jobs.
 */
import { startChild } from './children';
import { describeLoops, round, say, summary } from './figures';
import { forkFlood, type FloodStats } from './junk-flooder';
import type { LatencySample, Loop } from './protocol';
import { type NetworkSpec, type NodeSpec, workerSpec } from './specs';

export async function junkBench(json: boolean) {
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
      const r = await p.child.ask<{ type: 'latency'; samples: LatencySample[] }>(
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

export type Junk = Awaited<ReturnType<typeof junkBench>>;

export function printJunk(j: Junk): void {
  const q = j.quiet.firstBidMs;
  const f = j.flooded.firstBidMs;
  console.log(`  first bid at 1 poster with ${j.workers} workers (public defaults), quiet vs a junk peer flooding at full speed:`);
  console.log(`    quiet:   p50 ${q.p50} ms   p99 ${q.p99} ms   max ${q.max} ms   (${j.quiet.jobs} jobs)`);
  console.log(`    flooded: p50 ${f.p50} ms   p99 ${f.p99} ms   max ${f.max} ms   (${j.flooded.jobs} jobs)   p99 ratio ${j.p99Ratio}`);
  console.log(`    flooder: ${j.flood.identities} identities, ${j.flood.connected} connected, ${j.flood.refusedOrFailed} refused or failed, ${j.flood.frames} frames (${Math.round(j.flood.bytes / 1e6)} MB) sent`);
  console.log(`    poster event loop: quiet ${describeLoops([j.quiet.posterLoop]).join('')}; flooded ${describeLoops([j.flooded.posterLoop]).join('')}`);
}
