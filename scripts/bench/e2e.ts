/**
 * `npm run bench:e2e [-- --json]`
 *
 * A job's whole life on devnet, through one poster and three workers (libp2p over loopback TCP,
 * in this process so one clock measures every part), running a small job (word count over two
 * shards):
 *
 * 1. latency: 20 jobs posted one after another, each timed from `postJob` to the chain's
 *    JobCompleted; split into chain time (transactions from send to receipt, all accounts),
 *    execution (the sandbox run) and the rest, p2p (bid window, job and result transfer,
 *    notices, the followers' polling);
 * 2. throughput: 100 jobs posted at once; completed jobs per second, transactions per job;
 * 3. fees: fee per job in STRK with the transaction queues batching (up to 16 calls a
 *    transaction) and without (one call a transaction), from the receipts.
 *
 * Prints figures for people, or with --json one JSON object on stdout (logs go to stderr).
 * CAIRN_BENCH_E2E_JOBS / CAIRN_BENCH_E2E_BURST change the 20 and the 100.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { config as starknetConfig } from 'starknet';
import { STRK } from '../../src/chain/params';
import { readJob } from '../../src/jobs/chain-view';
import type { WorkerRecord } from '../../src/jobs/journal';
import type { CairnNode } from '../../src/node/start-node';
import { wordCountJob } from '../../test/e2e/support/jobs';
import { type MarketNet, nodeSetup, startInProcess, startMarketNet } from '../../test/e2e/support/market-net';

starknetConfig.set('logLevel', 'ERROR');
const JSON_OUT = process.argv.includes('--json');
const SEQUENTIAL = Number(process.env.CAIRN_BENCH_E2E_JOBS ?? 20);
const BURST = Number(process.env.CAIRN_BENCH_E2E_BURST ?? 100);
const log = (msg: string) => process.stderr.write(`[bench:e2e] ${msg}\n`);

interface Market {
  net: MarketNet;
  poster: CairnNode;
  workers: CairnNode[];
  dir: string;
}

const BENCH_JOBS = (maxBatch: number) => ({
  capacity: 64,
  maxBatch,
  timings: { bidWindowMs: 1_000, reannounceMs: 500, tickMs: 100, noticeEveryMs: 1_000 },
});

async function startMarket(maxBatch: number): Promise<Market> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-e2e-'));
  const net = await startMarketNet(dir);
  const p = await nodeSetup(net, 'poster', { account: 1, jobs: BENCH_JOBS(maxBatch) });
  // The nodes log to stdout, which --json keeps for the result alone.
  p.config.logLevel = 'error';
  // Three bids close the window at once: a poster waits for the full window only when a worker is silent.
  p.config.market.defaultMaxBids = 3;
  const poster = await startInProcess(p);
  const workers: CairnNode[] = [];
  for (let i = 0; i < 3; i++) {
    const w = await nodeSetup(net, `worker-${i + 1}`, {
      account: 2 + i,
      worker: true,
      bootstrap: [p],
      jobs: BENCH_JOBS(maxBatch),
    });
    w.config.logLevel = 'error';
    workers.push(await startInProcess(w));
  }
  const deadline = Date.now() + 30_000;
  while (poster.host.gossip.subscribers('job_announcement') < 3) {
    if (Date.now() > deadline) throw new Error('workers did not subscribe');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { net, poster, workers, dir };
}

async function stopMarket(m: Market): Promise<void> {
  await Promise.all([m.poster, ...m.workers].map((n) => n.stop()));
  await m.net.devnet.stop();
  // Removed at exit: a step still in flight when the nodes stopped may write to its journal.
  process.once('exit', () => rmSync(m.dir, { recursive: true, force: true }));
}

const nodes = (m: Market) => [m.poster, ...m.workers];
const chainMs = (m: Market) => nodes(m).reduce((t, n) => t + n.jobs!.txq.stats.chainMs, 0);
const txCount = (m: Market) => nodes(m).reduce((t, n) => t + n.jobs!.txq.stats.transactions, 0);
const fees = (m: Market) => nodes(m).reduce((t, n) => t + n.jobs!.txq.stats.fees, 0n);

async function completed(m: Market, id: bigint): Promise<void> {
  for (;;) {
    if ((await readJob(m.net.clients, id)).status === 'Completed') return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function latency(m: Market) {
  const job = await wordCountJob(1);
  const rows: Array<{ total: number; chain: number; exec: number; p2p: number }> = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const chain0 = chainMs(m);
    const t0 = performance.now();
    const { jobId } = await m.poster.jobs!.postJob({
      manifest: job.manifest,
      blobs: job.blobs,
      budget: STRK,
    });
    await completed(m, jobId);
    const total = performance.now() - t0;
    const chain = chainMs(m) - chain0;
    const rec = m.workers.map((w) => w.jobs!.worker!.record(jobId)).find((r) => r?.runMs !== undefined) as
      WorkerRecord | undefined;
    const exec = rec?.runMs ?? 0;
    rows.push({ total, chain, exec, p2p: Math.max(0, total - chain - exec) });
    log(
      `job ${jobId}: ${total.toFixed(0)} ms (chain ${chain.toFixed(0)}, exec ${exec}, p2p ${(total - chain - exec).toFixed(0)})`,
    );
  }
  const col = (k: keyof (typeof rows)[number]) => rows.map((r) => r[k]);
  return {
    jobs: SEQUENTIAL,
    p50Ms: pct(col('total'), 50),
    p99Ms: pct(col('total'), 99),
    chainP50Ms: pct(col('chain'), 50),
    execP50Ms: pct(col('exec'), 50),
    p2pP50Ms: pct(col('p2p'), 50),
  };
}

async function burst(m: Market) {
  const job = await wordCountJob(2);
  const tx0 = txCount(m);
  const fee0 = fees(m);
  const t0 = performance.now();
  const posted = await Promise.all(
    Array.from({ length: BURST }, () =>
      m.poster.jobs!.postJob({ manifest: job.manifest, blobs: job.blobs, budget: STRK }),
    ),
  );
  await Promise.all(posted.map((p) => completed(m, p.jobId)));
  const seconds = (performance.now() - t0) / 1000;
  const txs = txCount(m) - tx0;
  const fee = fees(m) - fee0;
  log(`${BURST} jobs in ${seconds.toFixed(1)} s, ${txs} transactions, ${fee} fri of fees`);
  return {
    jobs: BURST,
    seconds,
    jobsPerSecond: BURST / seconds,
    transactionsPerJob: txs / BURST,
    feePerJobStrk: Number((fee * 1_000_000n) / BigInt(BURST) / STRK) / 1_000_000,
  };
}

async function main(): Promise<void> {
  log('batched market: devnet, contracts, a poster and three workers');
  const batched = await startMarket(16);
  let seq;
  let burstBatched;
  try {
    seq = await latency(batched);
    burstBatched = await burst(batched);
  } finally {
    await stopMarket(batched);
  }
  log('unbatched market (one call per transaction)');
  const unbatched = await startMarket(1);
  let burstUnbatched;
  try {
    burstUnbatched = await burst(unbatched);
  } finally {
    await stopMarket(unbatched);
  }
  const result = {
    latency: seq,
    throughput: burstBatched,
    unbatched: burstUnbatched,
    batchedFeeRatio: burstBatched.feePerJobStrk / burstUnbatched.feePerJobStrk,
    targets: { p50Ms: 3000, p99Ms: 6000, jobsPerSecond: 2, batchedFeeRatio: 0.6 },
  };
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const r = result;
  console.log(
    `post-to-paid, ${r.latency.jobs} jobs one after another: p50 ${r.latency.p50Ms.toFixed(0)} ms, p99 ${r.latency.p99Ms.toFixed(0)} ms (target < 3000 / < 6000)`,
  );
  console.log(
    `  p50 split: chain ${r.latency.chainP50Ms.toFixed(0)} ms, execution ${r.latency.execP50Ms} ms, p2p and polling ${r.latency.p2pP50Ms.toFixed(0)} ms`,
  );
  console.log(
    `${r.throughput.jobs} jobs at once: ${r.throughput.jobsPerSecond.toFixed(2)} jobs/s (target >= 2), ${r.throughput.transactionsPerJob.toFixed(2)} transactions per job`,
  );
  console.log(
    `fee per job: ${r.throughput.feePerJobStrk} STRK batched, ${r.unbatched.feePerJobStrk} STRK unbatched (${(r.batchedFeeRatio * 100).toFixed(0)}%, target <= 60%)`,
  );
  console.log(
    `unbatched: ${r.unbatched.jobsPerSecond.toFixed(2)} jobs/s, ${r.unbatched.transactionsPerJob.toFixed(2)} transactions per job`,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? err}\n`);
    process.exit(1);
  },
);
