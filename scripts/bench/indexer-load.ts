/**
 * The indexer's GraphQL under a crowd (for `npm run bench:indexer`): CLIENTS clients, each from
 * its own loopback address (127.0.1.x, so the per-IP rate limit sees 200 clients, as it would
 * in production), send the most expensive queries the limits allow, back to back, for SECONDS;
 * one more client probes /health every PROBE_MS. A client told 503 (the cost budget is taken)
 * or 429 waits Retry-After, as a well-behaved client does. Reported: latency p50/p99 of every
 * request (refusals included) and of the answered ones, answers, errors, busy and rate-limited
 * answers, /health probes answered, and the server's peak RSS against a bound.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** Near the cost cap (10,000), each: checked against the server's own figure before the run. */
export const EXPENSIVE_QUERIES: Record<string, string> = {
  // 18 COUNTs over a filter no index serves (and 18 page queries): 18 × 552 = 9,936.
  counts: `{ ${Array.from({ length: 18 }, (_, i) => `c${i}: jobs(first: 1, filter: { minPrice: "${i}000" }) { totalCount }`).join(' ')} }`,
  // 100 jobs with their workers and reputation, plus a COUNT.
  pageWithWorkers: `{ jobs(first: 100, orderBy: PRICE_DESC) { totalCount edges { cursor node { id status poster budget price collateral payout fee createdAt worker { address staked locked jobsAwarded reputation { score completed failed slashed } } } } pageInfo { hasNextPage endCursor } } }`,
  // 20 workers with up to 100 evidence rows each, and a year of daily stats.
  evidenceAndStats: `{ workers(first: 20) { edges { node { address reputation { score evidence { jobId outcome score } } } } } marketStats(from: "2025-06-01", to: "2026-06-01") { day jobsCreated volume } }`,
};

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  answeredP50Ms: number;
  answeredP99Ms: number;
  answered: number;
  errors: number;
  /** 503 BUSY: the process's cost budget was taken; the client waited Retry-After and went on. */
  busy: number;
  rateLimited: number;
  errorSamples: string[];
  health: { probes: number; answered: number; p99Ms: number; maxMs: number };
  serverPeakRssMiB: number;
  rssBoundMiB: number;
  costs: Record<string, number>;
}

const round = (x: number, d = 1) => Number(x.toFixed(d));

export function post(agent: Agent, port: number, localAddress: string | undefined, body: string) {
  return new Promise<{ status: number; text: string; work: string | undefined; retryAfter?: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          localAddress,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString(),
              work: res.headers['cairn-graphql-work'] as string | undefined,
              retryAfter: res.headers['retry-after'],
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

export async function crowd(
  port: number,
  serverPid: number,
  opts: { clients: number; seconds: number; probeMs: number; rssBoundMiB: number },
): Promise<LoadResult> {
  // The queries must be allowed, and near the cap: the server's own figure says so.
  const costs: Record<string, number> = {};
  for (const [name, query] of Object.entries(EXPENSIVE_QUERIES)) {
    const r = await post(new Agent(), port, '127.0.0.1', JSON.stringify({ query }));
    if (r.status !== 200 || r.text.includes('"errors"'))
      throw new Error(`${name} is not an allowed query: HTTP ${r.status} ${r.text.slice(0, 300)}`);
    costs[name] = (JSON.parse(r.work ?? '{}') as { cost: number }).cost;
  }
  const bodies = Object.values(EXPENSIVE_QUERIES).map((query) => JSON.stringify({ query }));
  const lat: number[] = [];
  const answeredLat: number[] = [];
  let answered = 0;
  let errors = 0;
  let rateLimited = 0;
  let busy = 0;
  const errorSamples = new Set<string>();
  const end = performance.now() + opts.seconds * 1000;

  let peakRss = rssMiB(serverPid);
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(serverPid))), 250);
  const health = { probes: 0, answered: 0, lat: [] as number[] };
  const prober = (async () => {
    while (performance.now() < end) {
      const t = performance.now();
      health.probes++;
      const ok = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(5_000) }).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) health.answered++;
      health.lat.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, opts.probeMs));
    }
  })();

  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: opts.clients }, async (_, i) => {
      const localAddress = `127.0.1.${1 + i}`;
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      let n = i;
      while (performance.now() < end) {
        const t = performance.now();
        const r = await post(agent, port, localAddress, bodies[n++ % bodies.length]!).catch((e: Error) => ({
          status: 0,
          text: e.message,
          work: undefined,
          retryAfter: undefined,
        }));
        const ms = performance.now() - t;
        lat.push(ms);
        if (r.status === 200 && !r.text.includes('"errors"')) {
          answered++;
          answeredLat.push(ms);
        } else if (r.status === 429 || r.status === 503) {
          if (r.status === 429) rateLimited++;
          else busy++;
          // As a well-behaved client does: wait what the server asks before the next request.
          await new Promise((res) => setTimeout(res, Number(r.retryAfter ?? 1) * 1000));
        } else {
          errors++;
          if (errorSamples.size < 5) errorSamples.add(`HTTP ${r.status}: ${r.text.slice(0, 200)}`);
        }
      }
      agent.destroy();
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  await prober;
  clearInterval(rssTimer);
  peakRss = Math.max(peakRss, rssMiB(serverPid));
  lat.sort((a, b) => a - b);
  answeredLat.sort((a, b) => a - b);
  health.lat.sort((a, b) => a - b);
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
  return {
    clients: opts.clients,
    seconds: opts.seconds,
    requests: lat.length,
    requestsPerSecond: Math.round(lat.length / wall),
    p50Ms: round(q(lat, 0.5)),
    p99Ms: round(q(lat, 0.99)),
    maxMs: round(lat.at(-1) ?? 0),
    answeredP50Ms: round(q(answeredLat, 0.5)),
    answeredP99Ms: round(q(answeredLat, 0.99)),
    answered,
    errors,
    busy,
    rateLimited,
    errorSamples: [...errorSamples],
    health: {
      probes: health.probes,
      answered: health.answered,
      p99Ms: round(q(health.lat, 0.99)),
      maxMs: round(health.lat.at(-1) ?? 0),
    },
    serverPeakRssMiB: Math.round(peakRss),
    rssBoundMiB: opts.rssBoundMiB,
    costs,
  };
}
