/**
 * `npm run bench:graph [-- --json]`
 *
 * A tasklet graph across workers on devnet: the word-count map/reduce over 8 map tasklets and
 * its aggregate (9 units, one on-chain job each), posted by one poster to four workers (libp2p
 * over loopback TCP, all in this process so one clock measures every part). Figures:
 *
 * - makespan: `graphs.post` to the graph's output agreed (the aggregate's result checked);
 * - the sum of the units' run times in the sandbox (what one machine would spend executing);
 * - chain time: transactions from send to receipt, summed over every account's queue;
 * - scheduling overhead per unit: makespan less execution on the critical path (the last map
 *   to finish, then the aggregate) less the chain receipts on it (post, award, accept and submit
 *   for each of its two units, at the median receipt time measured), divided by the units;
 * - transactions per unit, every account's, from post to the last unit settled;
 * - the critical path's phases from the poster's journal: post to award, award to the worker's
 *   notice, notice to result checked, last map checked to the aggregate posted.
 *
 * Prints figures for people, or with --json one JSON object on stdout (logs go to stderr).
 * CAIRN_BENCH_GRAPH_RUNS repeats the graph (default 3) and reports medians. CAIRN_BENCH_GRAPH_TRACE=1
 * also prints to stderr the critical path's two units as one timeline (ms from the post), the
 * poster's journal and the winning worker's merged: where each millisecond of overhead went.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as starknet from 'starknet';
import { STRK } from '../../src/chain/params';
import { readJob } from '../../src/jobs/chain-view';
import type { WorkerRecord } from '../../src/jobs/journal';
import { AGGREGATE } from '../../src/graph/types';
import type { CairnNode } from '../../src/node/start-node';
import { wordCountGraph } from '../../test/e2e/support/graphs';
import { nodeSetup, startInProcess, startMarketNet } from '../../test/e2e/support/market-net';

starknet.config.set('logLevel', 'ERROR');
const JSON_OUT = process.argv.includes('--json');
const RUNS = Number(process.env.CAIRN_BENCH_GRAPH_RUNS ?? 3);
const TRACE = process.env.CAIRN_BENCH_GRAPH_TRACE === '1';
const WORKERS = 4;
const MAPS = 8;
const log = (msg: string) => process.stderr.write(`[bench:graph] ${msg}\n`);

// A worker bids on every map at once (capacity), so each bid window closes as soon as the four
// workers the poster's advert book knows have bid (src/market/bid-window.ts); with less, the
// maps beyond a worker's capacity wait out a window and a re-announcement.
const BENCH_JOBS = {
  capacity: MAPS,
  timings: { bidWindowMs: 1_000, reannounceMs: 500, tickMs: 100, noticeEveryMs: 1_000 },
};

interface Row {
  units: number;
  makespanMs: number;
  execSumMs: number;
  chainSumMs: number;
  receiptMs: number;
  criticalExecMs: number;
  criticalChainMs: number;
  overheadPerUnitMs: number;
  txPerUnit: number;
  workersUsed: number;
  /** Where the critical path's time went, from the poster's journal (both units summed). */
  phases: { bidAndAwardMs: number; workerMs: number; checkMs: number; nextPostMs: number };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-graph-'));
  const net = await startMarketNet(dir, 2 + WORKERS);
  const p = await nodeSetup(net, 'poster', { account: 1, jobs: BENCH_JOBS });
  p.config.logLevel = 'error';
  const poster = await startInProcess(p);
  const workers: CairnNode[] = [];
  for (let i = 0; i < WORKERS; i++) {
    const w = await nodeSetup(net, `worker-${i + 1}`, {
      account: 2 + i,
      worker: true,
      bootstrap: [p],
      jobs: BENCH_JOBS,
    });
    w.config.logLevel = 'error';
    workers.push(await startInProcess(w));
  }
  const nodes = [poster, ...workers];
  const deadline = Date.now() + 30_000;
  while (poster.host.gossip.subscribers('job_announcement') < WORKERS) {
    if (Date.now() > deadline) throw new Error('workers did not subscribe');
    await new Promise((r) => setTimeout(r, 50));
  }
  // The adverts published at start went to no one; a network up for a while has heard them.
  while (poster.book.size < WORKERS) {
    if (Date.now() > deadline) throw new Error('the poster did not hear the workers\' adverts');
    await Promise.all(workers.map((w) => w.adverts.publish()));
    await new Promise((r) => setTimeout(r, 200));
  }
  const stats = () => ({
    chainMs: nodes.reduce((t, n) => t + n.jobs!.txq.stats.chainMs, 0),
    txs: nodes.reduce((t, n) => t + n.jobs!.txq.stats.transactions, 0),
  });

  // Trace: every transaction's queueing and receipt, and every bid as it enters its window.
  const events: Array<{ at: number; who: string; what: string }> = [];
  const rpcCalls = new Map<string, number>();
  if (TRACE) {
    nodes.forEach((n, i) => {
      const who = i === 0 ? 'poster' : `worker-${i}`;
      const txq = n.jobs!.txq;
      const submit = txq.submit.bind(txq);
      txq.submit = (call, label, opts) => {
        events.push({ at: Date.now(), who, what: `tx queued: ${label}` });
        return submit(call, label, opts).then((r) => {
          events.push({ at: Date.now(), who, what: `tx receipt: ${label}` });
          return r;
        });
      };
    });
    // Every JSON-RPC request the nodes make (one process), by method, for the run's trace: the
    // follower's through fetch, starknet.js's through its RPC channels.
    const count = (m: string) => rpcCalls.set(m, (rpcCalls.get(m) ?? 0) + 1);
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      const m = typeof init?.body === 'string' ? /"method":"([^"]+)"/.exec(init.body)?.[1] : undefined;
      if (m) count(m);
      return realFetch(input, init);
    };
    type Channel = { prototype: { fetch(method: string, ...rest: unknown[]): unknown } };
    const channels = new Set<Channel>(
      [starknet, ...Object.values(starknet)].flatMap((v) =>
        v && typeof v === 'object' && 'RpcChannel' in v ? [(v as { RpcChannel: Channel }).RpcChannel] : [],
      ),
    );
    for (const c of channels) {
      const real = c.prototype.fetch;
      c.prototype.fetch = function (this: unknown, method: string, ...rest: unknown[]) {
        count(method);
        return real.call(this, method, ...rest);
      };
    }
    const market = poster.market.poster;
    const announce = market.announce.bind(market);
    const wall = (t: number | undefined) => (t === undefined ? NaN : Date.now() - (performance.now() - t));
    market.announce = async (spec, opts) => {
      const res = await announce(spec, opts);
      const { announcedAt, firstBidAt, closingAt, closedAt } = res.timing;
      const ms = (t: number | undefined) => Math.round((t ?? NaN) - announcedAt);
      events.push({
        at: wall(announcedAt),
        who: 'poster',
        what: `window of job ${spec.jobId}: first bid +${ms(firstBidAt)}, closing +${ms(closingAt)}, closed +${ms(closedAt)} ms`,
      });
      return res;
    };
    poster.market.poster.onBidAccepted = (jobId, bid) =>
      events.push({ at: Date.now(), who: 'poster', what: `bid in on job ${jobId} from ${bid.worker.slice(-6)}` });
  }
  const rows: Row[] = [];
  for (let run = 0; run < RUNS; run++) {
    events.length = 0;
    rpcCalls.clear();
    const job = await wordCountGraph(100 + run, MAPS);
    const s0 = stats();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const id = await poster.graphs!.post({ manifest: job.manifest, blobs: job.blobs, budget: STRK / 10n });
    for (;;) {
      const g = poster.graphs!.status(id);
      if (g.status === 'failed') throw new Error(`graph failed: ${g.failure}`);
      if (g.status === 'done') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const makespan = performance.now() - t0;
    const s1 = stats();
    const g = poster.graphs!.status(id);
    const units = Object.values(g.nodes).flatMap((n) => n.units);
    for (;;) {
      const jobs = await Promise.all(units.map((u) => readJob(net.clients, BigInt(u.jobId))));
      if (jobs.every((j) => j.status === 'Completed')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all(nodes.map((n) => n.jobs!.txq.idle()));
    const s2 = stats();
    const runMs = (jobId: string) =>
      workers
        .map((w) => w.jobs!.worker!.record(BigInt(jobId)) as WorkerRecord | undefined)
        .find((r) => r?.runMs !== undefined)?.runMs ?? 0;
    const execSum = units.reduce((t, u) => t + runMs(u.jobId), 0);
    // The map whose result came last held up the aggregate.
    const agreedAt = (jobId: string) => {
      const h = poster.jobs!.status(BigInt(jobId)).history.find((x) => x.what.startsWith('result fetched'));
      return h ? Date.parse(h.at) : 0;
    };
    const maps = units.filter((u) => !g.nodes[AGGREGATE]!.units.includes(u));
    const last = maps.reduce((a, b) => (agreedAt(a.jobId) >= agreedAt(b.jobId) ? a : b));
    const agg = g.nodes[AGGREGATE]!.units[0]!;
    const criticalExec = runMs(last.jobId) + runMs(agg.jobId);
    const receiptMs = (s1.chainMs - s0.chainMs) / Math.max(1, s1.txs - s0.txs);
    const criticalChain = 2 * 4 * receiptMs;
    const overhead = (makespan - criticalExec - criticalChain) / units.length;
    // Each step's time in the poster's journal: created (post receipt), awarded (award receipt),
    // the worker's notice (after its accept, fetch, run and submit receipts), result checked.
    const at = (jobId: string, prefix: string) => {
      const h = poster.jobs!.status(BigInt(jobId)).history.find((x) => x.what.startsWith(prefix));
      return h ? Date.parse(h.at) : NaN;
    };
    const phase = (jobId: string) => ({
      bidAndAward: at(jobId, 'attempt 1 awarded') - at(jobId, 'created and escrowed'),
      worker: at(jobId, 'result notice') - at(jobId, 'attempt 1 awarded'),
      check: at(jobId, 'result fetched') - at(jobId, 'result notice'),
    });
    const [pl, pa] = [phase(last.jobId), phase(agg.jobId)];
    const row: Row = {
      units: units.length,
      makespanMs: Math.round(makespan),
      execSumMs: execSum,
      chainSumMs: Math.round(s1.chainMs - s0.chainMs),
      receiptMs: Math.round(receiptMs),
      criticalExecMs: criticalExec,
      criticalChainMs: Math.round(criticalChain),
      overheadPerUnitMs: Math.round(overhead),
      txPerUnit: (s2.txs - s0.txs) / units.length,
      workersUsed: new Set(units.map((u) => u.worker)).size,
      phases: {
        bidAndAwardMs: pl.bidAndAward + pa.bidAndAward,
        workerMs: pl.worker + pa.worker,
        checkMs: pl.check + pa.check,
        nextPostMs: at(agg.jobId, 'created and escrowed') - at(last.jobId, 'result fetched'),
      },
    };
    log(JSON.stringify(row));
    rows.push(row);
    if (TRACE) {
      const cpu = process.cpuUsage(cpu0);
      const rpcs = [...rpcCalls.values()].reduce((a, b) => a + b, 0);
      log(`CPU of this process during the run: ${Math.round((cpu.user + cpu.system) / 1000)} ms`);
      log(`RPC requests during the run: ${rpcs} ${JSON.stringify(Object.fromEntries(rpcCalls))}`);
      const wallT0 = Date.now() - (performance.now() - t0);
      log('every transaction and bid of the run:');
      for (const e of events)
        log(`  ${String(e.at - Math.round(wallT0)).padStart(6)} ${e.who.padEnd(9)} ${e.what}`);
      for (const u of [last, agg]) {
        const jobId = BigInt(u.jobId);
        const lines = [
          ...poster.jobs!.status(jobId).history.map((h) => ({ who: 'poster', ...h })),
          ...workers.flatMap((w, i) => {
            const r = w.jobs!.worker!.record(jobId);
            return r ? r.history.map((h) => ({ who: `worker-${i + 1}`, ...h })) : [];
          }),
          ...events
            .filter((e) => new RegExp(`job ${u.jobId}\\b`).test(e.what) || /post/.test(e.what))
            .map((e) => ({ who: e.who, at: new Date(e.at).toISOString(), what: e.what })),
        ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
        log(`trace of unit ${u.jobId} (${u === agg ? 'aggregate' : 'last map'}):`);
        for (const l of lines) log(`  ${String(Date.parse(l.at) - Math.round(wallT0)).padStart(6)} ${l.who.padEnd(9)} ${l.what}`);
      }
    }
  }
  const col = (k: Exclude<keyof Row, 'phases'>) => median(rows.map((r) => r[k]));
  const phases = Object.fromEntries(
    (['bidAndAwardMs', 'workerMs', 'checkMs', 'nextPostMs'] as const).map((k) => [
      k,
      median(rows.map((r) => r.phases[k])),
    ]),
  );
  const result = {
    runs: RUNS,
    workers: WORKERS,
    maps: MAPS,
    units: rows[0]!.units,
    makespanMs: col('makespanMs'),
    execSumMs: col('execSumMs'),
    chainSumMs: col('chainSumMs'),
    receiptMs: col('receiptMs'),
    criticalExecMs: col('criticalExecMs'),
    criticalChainMs: col('criticalChainMs'),
    overheadPerUnitMs: col('overheadPerUnitMs'),
    txPerUnit: col('txPerUnit'),
    criticalPhasesMs: phases,
    rows,
  };
  await Promise.all(nodes.map((n) => n.stop()));
  await net.devnet.stop();
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    console.log(
      `graph of ${result.units} units (${MAPS} maps + aggregate) on ${WORKERS} workers, median of ${RUNS}:`,
    );
    console.log(`  makespan                 ${result.makespanMs} ms`);
    console.log(`  sum of unit run times    ${result.execSumMs} ms`);
    console.log(`  chain time (all queues)  ${result.chainSumMs} ms (median receipt ${result.receiptMs} ms)`);
    console.log(
      `  critical path            exec ${result.criticalExecMs} ms, chain ${result.criticalChainMs} ms`,
    );
    console.log(`  scheduling overhead      ${result.overheadPerUnitMs} ms per unit`);
    console.log(`  transactions per unit    ${result.txPerUnit.toFixed(2)}`);
    console.log(`  critical path phases     ${JSON.stringify(result.criticalPhasesMs)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
