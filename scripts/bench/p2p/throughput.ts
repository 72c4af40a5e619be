/**
 * bench:p2p's throughput section: matched jobs per second through one poster with 10 capable
 * workers (TCP; the poster in one process, the workers in two more, star topology). A job is
 * announce, bids, choose, notify; each job closes at its third bid (maxBids 3) and every bidder,
 * late ones included, is sent the outcome. CPU time per job is process CPU / jobs at the poster and
 * process CPU / (jobs x 10) at a worker.
 */
import { startChild } from './children';
import { round, say } from './figures';
import { type NodeSpec, workerSpec } from './specs';

export async function throughputBench(json: boolean) {
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

export type Throughput = Awaited<ReturnType<typeof throughputBench>>;

export function printThroughput(tp: Throughput): void {
  console.log(`  matched jobs through 1 poster, ${tp.workers} workers in ${tp.workerProcesses} processes (${tp.transport}, maxBids ${tp.maxBids}, ${tp.concurrency} in flight):`);
  console.log(`    ${tp.jobsPerSecond} jobs/s (${tp.awarded}/${tp.jobs} awarded)`);
  console.log(`    CPU per job: poster ${tp.posterCpuPerJobMs} ms, each worker ${tp.workerCpuPerJobMs} ms`);
  console.log(`    poster per job: ${tp.posterVerificationsPerJob} signature checks, ${tp.posterSignaturesPerJob} signatures`);
}
