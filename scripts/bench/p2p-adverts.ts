/**
 * `npm run bench:adverts [-- --json] [-- --only=noise,sync]`
 *
 * Measurements of the advert layer (src/discovery/):
 *
 * - noise: how well posters match jobs on noised adverts, against the noise strength (epsilon per
 *   field) and the miss rate the poster allows. 1,000 synthetic workers and 200 jobs, capacities
 *   log-uniform over several orders of magnitude (src/discovery/match-quality.ts), every pair
 *   judged on the exact figures and on the advert. Seeded: the test in
 *   src/discovery/advert-noise.spec.ts holds the default row to its promise with the same seed.
 *   false miss = could do the job, not matched; false bid = matched, cannot do it (of the unable
 *   pairs); false share = of the matched pairs, how many cannot do it.
 * - sync: advert book sync between two nodes over TCP on loopback (Noise, Yamux): a node syncs a
 *   book of 1,000 adverts (1,000 worker identities) in full, disconnects, a share of the adverts
 *   change, and it reconnects; the delta sync is measured against the full one. Bytes are the
 *   frames on the sync stream both ways (signed envelopes with their length prefixes; the Yamux
 *   and Noise framing under them is not counted).
 *
 * Prints figures for people, or with --json one JSON object on stdout.
 */
import { DEFAULT_EPSILON, DEFAULT_MISS_RATE } from '../../src/config/discovery';
import { AdvertSync, type SyncResult } from '../../src/discovery/advert-sync';
import { measureMatchQuality, type MatchQuality } from '../../src/discovery/match-quality';
import { parseConfig } from '../../src/config/config.schema';
import { InMemoryReputation, InMemoryStakeRegistry } from '../../src/market/stake';
import { type CairnNode, startNode } from '../../src/node/start-node';
import { loadEsm } from '../../src/p2p/esm';
import { createLogger } from '../../src/shared/logging';
import { AdvertOnlyWorker } from '../../test/p2p/support/advert-workers';

const EPSILONS = [0.25, 0.5, 1, 2, 4, 8];
const MISS_RATES = [0.01, 0.05];

function noiseBench(): MatchQuality[] {
  const rows: MatchQuality[] = [];
  for (const epsilon of EPSILONS)
    for (const missRate of MISS_RATES) rows.push(measureMatchQuality({ epsilon, missRate }));
  return rows;
}

const pct = (x: number, digits = 2): string => `${(x * 100).toFixed(digits)}%`;

function printNoise(rows: MatchQuality[]): void {
  const first = rows[0];
  if (!first) return;
  console.log(
    `  matching on noised adverts: ${first.pairs} worker/job pairs, default epsilon ${DEFAULT_EPSILON}, miss rate ${DEFAULT_MISS_RATE}`,
  );
  console.log('    epsilon  miss-rate  slack  false miss  false bid  false share');
  for (const r of rows) {
    const mark = r.epsilon === DEFAULT_EPSILON && r.missRate === DEFAULT_MISS_RATE ? ' (default)' : '';
    console.log(
      `    ${String(r.epsilon).padStart(7)}  ${String(r.missRate).padStart(9)}  ${String(r.slack).padStart(5)}  ${pct(r.falseMissRate, 3).padStart(10)}  ${pct(r.falseBidRate).padStart(9)}  ${pct(r.falseMatchShare, 1).padStart(11)}${mark}`,
    );
  }
}

const BOOK = 1000;
const CHANGE_SHARES = [0.001, 0.01, 0.1];

interface SyncRow {
  changed: number;
  full: { bytes: number; ms: number };
  delta: { bytes: number; ms: number; adverts: number };
  ratio: number;
}

async function benchNode(): Promise<CairnNode> {
  const m = await loadEsm();
  return startNode({
    bidOnly: true,
    config: parseConfig({
      network: 'bench',
      logLevel: 'warn',
      p2p: { lan: true, simulation: true, listen: ['/ip4/127.0.0.1/tcp/0'] },
      control: { enabled: false },
      discovery: { sync: { onConnect: false, minIntervalMs: 0 } },
    }),
    log: createLogger(process.env.CAIRN_BENCH_LOG ?? 'error', 'bench-adverts'),
    stake: new InMemoryStakeRegistry(0n),
    reputation: new InMemoryReputation(),
    privateKey: await m.keys.generateKeyPair('Ed25519'),
    provide: false,
  });
}

async function syncBench(): Promise<SyncRow[]> {
  await loadEsm();
  const workers = Array.from({ length: BOOK }, (_, i) => new AdvertOnlyWorker(i));
  const rows: SyncRow[] = [];
  let sequence = 1n;
  for (const share of CHANGE_SHARES) {
    const [S, C] = [await benchNode(), await benchNode()];
    try {
      for (const w of workers) w.learn(S.book, sequence);
      const sync = C.app.get(AdvertSync);
      const peer = S.host.libp2p.peerId;
      const timed = async (): Promise<{ r: SyncResult; ms: number }> => {
        await C.host.dial(S.host.multiaddrs()[0] as string);
        const t0 = performance.now();
        const r = await sync.sync(peer);
        const ms = performance.now() - t0;
        await C.host.libp2p.hangUp(peer);
        return { r, ms };
      };
      const full = await timed();
      sequence++;
      const changed = Math.round(BOOK * share);
      for (let i = 0; i < changed; i++) workers[Math.floor((i * BOOK) / changed)]?.learn(S.book, sequence);
      const delta = await timed();
      const bytes = (r: SyncResult) => r.bytesSent + r.bytesReceived;
      rows.push({
        changed,
        full: { bytes: bytes(full.r), ms: Math.round(full.ms) },
        delta: { bytes: bytes(delta.r), ms: Math.round(delta.ms), adverts: delta.r.adverts },
        ratio: Math.round((bytes(full.r) / bytes(delta.r)) * 10) / 10,
      });
    } finally {
      await Promise.all([S.stop(), C.stop()]);
    }
  }
  return rows;
}

function printSync(rows: SyncRow[]): void {
  console.log(`  advert book sync on reconnect, ${BOOK} adverts, 2 nodes over TCP:`);
  for (const r of rows)
    console.log(
      `    ${String(r.changed).padStart(4)} changed: delta ${r.delta.bytes} bytes in ${r.delta.ms} ms (${r.delta.adverts} adverts) vs full ${r.full.bytes} bytes in ${r.full.ms} ms: ${r.ratio}x fewer bytes`,
    );
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = new Set((onlyArg?.slice('--only='.length) ?? 'noise,sync').split(','));
  const out: Record<string, unknown> = {};
  if (only.has('noise')) {
    const rows = noiseBench();
    out.noise = rows;
    if (!json) printNoise(rows);
  }
  if (only.has('sync')) {
    const rows = await syncBench();
    out.sync = rows;
    if (!json) printSync(rows);
  }
  if (json) console.log(JSON.stringify(out, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
