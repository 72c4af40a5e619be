/**
 * `npm run bench:indexer [-- --json] [-- --jobs N] [-- --seconds S] [-- --replay file.json]`:
 *
 *   ingest     events/s over a backlog of >= 50,000 events: a recorded chain (a scripted market
 *              history, or --replay of a recorded file) read by the same Ingestor as the
 *              indexer, through a ChainSource, into a real (embedded) PostgreSQL  (target >= 5,000/s)
 *   lookup     job(id) at 50 concurrent clients: requests/s, p50, p99
 *   page       jobs(first: 50) with nested workers and their reputation at 50 clients
 *              each twice, side by side: `uncached` with the per-block query cache off
 *              (targets: lookup p99 < 25 ms, page >= 1,000 req/s) and `cached` with it on, warmed
 *              by one pass over the ids first, as a quiet chain leaves it (targets: lookup p99
 *              < 10 ms, page >= 3,000 req/s); the cache's hit ratio over the run is reported.
 *   crowd      200 clients (each its own loopback IP) of the most expensive queries the limits
 *              allow, for 20 s (--crowd-seconds), plus one /health client: p50/p99, errors,
 *              rate-limited answers, /health probes answered, server peak RSS   (bound 1 GiB)
 *              (indexer-load.ts). --crowd-only skips lookup and page.
 *
 * GraphQL is measured against the indexer process itself (indexer/src/main.ts over the ingested
 * database), once per driver (mercurius, apollo), from this process over keep-alive HTTP; the
 * server, PostgreSQL and this load generator share the machine's cores. Human-readable lines by
 * default; with --json exactly one JSON object on stdout. Progress goes to stderr.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { MemoryChain } from '../../src/chain/events/memory-chain';
import { createDataSource } from '../../indexer/src/db/data-source';
import { startEmbeddedPostgres } from '../../indexer/src/db/embedded-postgres';
import { IngestStore } from '../../indexer/src/ingest/ingest-store';
import { Ingestor } from '../../indexer/src/ingest/ingestor';
import { IndexerMetrics } from '../../indexer/src/metrics';
import { freePort } from '../../src/shared/free-port';
import { CONTRACTS, scriptCodec } from '../../test/indexer/support/harness';
import { MarketScript, address } from '../../test/indexer/support/market-script';
import { type LoadResult, crowd, post as postGraphql } from './indexer-load';

const JSON_OUT = process.argv.includes('--json');
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const replayArg = process.argv.includes('--replay')
  ? process.argv[process.argv.indexOf('--replay') + 1]
  : undefined;
const JOBS = arg('jobs', 6_500);
const DRIVERS = (
  process.argv.includes('--drivers')
    ? process.argv[process.argv.indexOf('--drivers') + 1]!
    : 'mercurius,apollo'
).split(',') as ('mercurius' | 'apollo')[];
const SECONDS = arg('seconds', 8);
const CROWD_SECONDS = arg('crowd-seconds', 20);
const CROWD_ONLY = process.argv.includes('--crowd-only');
/** What the server may use at most while the crowd runs (peak RSS). */
const RSS_BOUND_MIB = 1024;
const CLIENTS = 50;
/** --processes N: GraphQL served by a cluster of N HTTP workers (INDEXER_HTTP_PROCESSES). */
const PROCESSES = arg('processes', 1);
const progress = (msg: string) => process.stderr.write(`[bench:indexer] ${msg}\n`);
const round = (x: number, d = 1) => Number(x.toFixed(d));

/** A market history: workers stake, posters post jobs that run their whole life (8 events each). */
function syntheticHistory(jobs: number): MarketScript {
  const s = new MarketScript(scriptCodec());
  const E = 10n ** 18n;
  const workers = Array.from({ length: 40 }, (_, i) => address(`worker${i}`));
  for (const w of workers) s.stake(w, 10_000n * E);
  s.mine();
  for (let i = 0; i < jobs; i++) {
    s.completeJob(
      address(`poster${i % 25}`),
      workers[i % workers.length]!,
      10n * E,
      BigInt(1 + (i % 10)) * E,
    );
    if (i % 4 === 3) s.mine();
  }
  s.mine();
  return s;
}

async function measureIngest(chain: MemoryChain, url: string) {
  const ds = createDataSource(url);
  await ds.initialize();
  await ds.runMigrations();
  const ingestor = new Ingestor(
    chain,
    scriptCodec(),
    new IngestStore(ds),
    { startBlock: 0, finalityDepth: 64, chunkBlocks: 250, pollMs: 10, retryMs: 10 },
    pino({ level: 'silent' }),
    new IndexerMetrics(),
  );
  await ingestor.open(CONTRACTS);
  const t0 = performance.now();
  let chunks = 0;
  while ((await ingestor.step()) !== 'idle') chunks++;
  const seconds = (performance.now() - t0) / 1000;
  const [{ n }] = (await ds.query('SELECT count(*)::int AS n FROM raw_events')) as [{ n: number }];
  await ds.destroy();
  return { events: n, chunks, seconds: round(seconds, 2), eventsPerSecond: Math.round(n / seconds) };
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  // BENCH_SERVER_PROFILE=<dir>: a V8 CPU profile of the server, to see what bounds it.
  const profile = process.env.BENCH_SERVER_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'indexer/src/main.ts'], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, ...env, INDEXER_HTTP_PORT: String(port), INDEXER_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { child, port };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the indexer did not become ready');
}

/** The per-block cache's hit and miss counters, from /metrics. */
async function cacheCounters(port: number): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { hits: read('indexer_query_cache_hits_total'), misses: read('indexer_query_cache_misses_total') };
}

/** One GraphQL request that must succeed (the load phases count only answered queries). */
async function post(agent: Agent, port: number, body: string): Promise<void> {
  const res = await postGraphql(agent, port, undefined, body);
  if (res.status !== 200 || res.text.includes('"errors"'))
    throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 300)}`);
}

async function load(port: number, makeBody: () => string, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const run = async (ms: number, record: boolean) => {
    const lat: number[] = [];
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          await post(agent, port, makeBody());
          if (record) lat.push(performance.now() - t);
        }
      }),
    );
    return lat;
  };
  await run(1_500, false); // warm-up: JIT, connection pool, plan cache
  // One client, one request at a time: the cost of a request without queueing.
  const serial: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await post(agent, port, makeBody());
    serial.push(performance.now() - t);
  }
  serial.sort((a, b) => a - b);
  const t0 = performance.now();
  const lat = await run(seconds * 1000, true);
  const wall = (performance.now() - t0) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!;
  return {
    requests: lat.length,
    requestsPerSecond: Math.round(lat.length / wall),
    p50Ms: round(q(0.5), 2),
    p99Ms: round(q(0.99), 2),
    oneClientP50Ms: round(serial[50]!, 2),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-indexer-'));
  chmodSync(dir, 0o755);
  progress(`PostgreSQL in ${dir}`);
  const pg = await startEmbeddedPostgres({ dir: join(dir, 'pg') });
  try {
    let chain: MemoryChain;
    if (replayArg) chain = MemoryChain.load(replayArg);
    else {
      progress(`writing a market history of ${JOBS} jobs`);
      chain = syntheticHistory(JOBS).chain;
    }
    const file = join(dir, 'chain.json');
    chain.save(file);
    await pg.createDatabase('bench');
    const url = pg.url('bench');
    progress(
      `ingesting ${chain.recorded().reduce((n, b) => n + b.events.length, 0)} events in ${chain.length} blocks`,
    );
    const ingest = await measureIngest(chain, url);
    progress(`ingest: ${ingest.eventsPerSecond} events/s`);

    const jobs = JOBS;
    // As clients do: one query text, the id as a variable (servers cache the parsed, validated query).
    const lookupBody = (id: number) =>
      JSON.stringify({
        query: `query Job($id: ID!) { job(id: $id) { id status poster price budget workerAddress } }`,
        variables: { id: String(id) },
      });
    const lookup = () => lookupBody(1 + Math.floor(Math.random() * jobs));
    const page = () =>
      JSON.stringify({
        query: `{ jobs(first: 50, filter: { status: Completed }) { edges { node { id status price worker { address staked reputation { score } } } } pageInfo { endCursor } } }`,
      });
    type Figures = { lookup: Awaited<ReturnType<typeof load>>; page: Awaited<ReturnType<typeof load>> };
    const graphql: Record<string, { uncached: Figures; cached: Figures & { hitRatio: number } }> = {};
    const env = (driver: string, extra: Record<string, string> = {}) => ({
      INDEXER_RPC_URL: `replay:${file}`,
      DATABASE_URL: url,
      INDEXER_MARKET: CONTRACTS.market,
      INDEXER_REGISTRY: CONTRACTS.registry,
      INDEXER_REPUTATION: CONTRACTS.reputation,
      INDEXER_START_BLOCK: '0',
      INDEXER_GRAPHQL_DRIVER: driver,
      INDEXER_HTTP_PROCESSES: String(PROCESSES),
      ...extra,
    });
    const stop = async (server: { child: ChildProcess }) => {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    };
    for (const driver of CROWD_ONLY ? [] : DRIVERS) {
      progress(`GraphQL over ${driver}, query cache off`);
      // Raw throughput from one address: the per-IP rate limit would measure itself.
      let server = await startServer(
        env(driver, { INDEXER_RATE_LIMIT_PER_MINUTE: '0', INDEXER_QUERY_CACHE_BYTES: '0' }),
      );
      let uncached: Figures;
      try {
        uncached = {
          lookup: await load(server.port, lookup, SECONDS),
          page: await load(server.port, page, SECONDS),
        };
      } finally {
        await stop(server);
      }
      progress(`${driver} uncached: ${JSON.stringify(uncached)}`);
      progress(`GraphQL over ${driver}, query cache on`);
      server = await startServer(env(driver, { INDEXER_RATE_LIMIT_PER_MINUTE: '0' }));
      try {
        // The steady state of a quiet chain: every id asked once since the last block.
        const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
        let next = 1;
        await Promise.all(
          Array.from({ length: CLIENTS }, async () => {
            while (next <= jobs) await post(agent, server.port, lookupBody(next++));
          }),
        );
        agent.destroy();
        const before = await cacheCounters(server.port);
        const cached = {
          lookup: await load(server.port, lookup, SECONDS),
          page: await load(server.port, page, SECONDS),
        };
        const after = await cacheCounters(server.port);
        const hits = after.hits - before.hits;
        const asked = hits + after.misses - before.misses;
        graphql[driver] = { uncached, cached: { ...cached, hitRatio: round(asked ? hits / asked : 0, 4) } };
      } finally {
        await stop(server);
      }
      progress(`${driver} cached: ${JSON.stringify(graphql[driver]!.cached)}`);
    }
    progress(
      `a crowd of 200 clients of the most expensive allowed queries for ${CROWD_SECONDS} s, limits as configured by default`,
    );
    const crowdServer = await startServer(env('mercurius'));
    let crowdResult: LoadResult;
    try {
      crowdResult = await crowd(crowdServer.port, crowdServer.child.pid!, {
        clients: 200,
        seconds: CROWD_SECONDS,
        probeMs: 100,
        rssBoundMiB: RSS_BOUND_MIB,
      });
    } finally {
      await stop(crowdServer);
    }
    progress(`crowd: ${JSON.stringify(crowdResult)}`);
    const result = {
      machine: { cores: availableParallelism(), loadavg1m: round(loadavg()[0]!, 2) },
      ingest: { ...ingest, target: '>= 5000 events/s' },
      graphql: {
        clients: CLIENTS,
        seconds: SECONDS,
        httpProcesses: PROCESSES,
        ...graphql,
        targets: {
          uncached: { lookupP99Ms: '< 25', pageRequestsPerSecond: '>= 1000' },
          cached: { lookupP99Ms: '< 10', pageRequestsPerSecond: '>= 3000' },
        },
      },
      crowd: crowdResult,
    };
    if (JSON_OUT) process.stdout.write(JSON.stringify(result) + '\n');
    else {
      const lines = [
        `machine: ${result.machine.cores} cores, load ${result.machine.loadavg1m}; GraphQL served by ${PROCESSES} process(es)`,
        `ingest: ${ingest.events} events in ${ingest.seconds} s (${ingest.chunks} chunks) = ${ingest.eventsPerSecond} events/s   (target >= 5,000)`,
        ...Object.entries(graphql).flatMap(([d, { uncached: u, cached: c }]) => [
          `${d} lookup job(id)       uncached: ${u.lookup.requestsPerSecond} req/s, p50 ${u.lookup.p50Ms} ms, p99 ${u.lookup.p99Ms} ms, one client p50 ${u.lookup.oneClientP50Ms} ms   (target p99 < 25 ms)`,
          `${d} lookup job(id)         cached: ${c.lookup.requestsPerSecond} req/s, p50 ${c.lookup.p50Ms} ms, p99 ${c.lookup.p99Ms} ms, one client p50 ${c.lookup.oneClientP50Ms} ms   (target p99 < 10 ms)`,
          `${d} 50-job page+workers  uncached: ${u.page.requestsPerSecond} req/s, p50 ${u.page.p50Ms} ms, p99 ${u.page.p99Ms} ms, one client p50 ${u.page.oneClientP50Ms} ms   (target >= 1,000 req/s)`,
          `${d} 50-job page+workers    cached: ${c.page.requestsPerSecond} req/s, p50 ${c.page.p50Ms} ms, p99 ${c.page.p99Ms} ms, one client p50 ${c.page.oneClientP50Ms} ms   (target >= 3,000 req/s)`,
          `${d} cache hit ratio over the cached runs: ${(c.hitRatio * 100).toFixed(2)}%`,
        ]),
        `crowd (mercurius, default limits): ${crowdResult.clients} clients x ${crowdResult.seconds} s of the most expensive allowed queries (costs ${Object.values(crowdResult.costs).join(', ')}): ${crowdResult.requests} requests, ${crowdResult.requestsPerSecond} req/s, p50 ${crowdResult.p50Ms} ms, p99 ${crowdResult.p99Ms} ms, max ${crowdResult.maxMs} ms; answered ${crowdResult.answered} (p50 ${crowdResult.answeredP50Ms} ms, p99 ${crowdResult.answeredP99Ms} ms), busy (503, retried after 1 s) ${crowdResult.busy}, rate-limited ${crowdResult.rateLimited}, errors ${crowdResult.errors}`,
        `crowd /health: ${crowdResult.health.answered} of ${crowdResult.health.probes} probes answered (p99 ${crowdResult.health.p99Ms} ms, max ${crowdResult.health.maxMs} ms); server peak RSS ${crowdResult.serverPeakRssMiB} MiB (bound ${crowdResult.rssBoundMiB} MiB: ${crowdResult.serverPeakRssMiB <= crowdResult.rssBoundMiB ? 'held' : 'EXCEEDED'})`,
        ...crowdResult.errorSamples.map((e) => `  error sample: ${e}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    }
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
