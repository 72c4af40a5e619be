/**
 * `npm run bench:adverts [-- --json] [-- --only=noise,sync,alerts]`
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
 * - alerts: priority alerts against ordinary gossip on 100 hosts over TCP in this one process (a
 *   random connected graph of average degree ~4, test/p2p/support/alert-peers.ts). Each of 10
 *   rounds, one random host publishes an ordinary gossip message and raises an alert in the same
 *   tick (the gossip call first); per round, the time until the last of the other 99 hosts had
 *   each, and at how many hosts the alert came first. Every host shares one event loop, so the
 *   times are this process's, not a network's; the order is the point.
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
import { alertNetwork, stopAlertPeers } from '../../test/p2p/support/alert-peers';
import { mulberry32 } from '../../src/shared/seeded-random';
import { AlertType } from '../../src/alerts/alert-codec';
import { Kind, seal } from '../../src/p2p/envelope';

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

const ALERT_HOSTS = 100;
const ALERT_ROUNDS = 10;

interface AlertsFigures {
  hosts: number;
  rounds: number;
  /** Per round, ms from the send until the last other host had the alert / the ordinary message. */
  alertAllMs: number[];
  gossipAllMs: number[];
  /** Over all rounds and hosts: how often the alert arrived first. */
  alertFirst: number;
  arrivals: number;
}

async function alertsBench(progress: (line: string) => void): Promise<AlertsFigures> {
  const t0 = performance.now();
  const net = await alertNetwork(ALERT_HOSTS, 16);
  progress(`  (${ALERT_HOSTS} hosts up and meshed in ${Math.round((performance.now() - t0) / 1000)} s)`);
  const rand = mulberry32(7);
  const figures: AlertsFigures = {
    hosts: ALERT_HOSTS,
    rounds: ALERT_ROUNDS,
    alertAllMs: [],
    gossipAllMs: [],
    alertFirst: 0,
    arrivals: 0,
  };
  try {
    for (let r = 0; r < ALERT_ROUNDS; r++) {
      const source = net[Math.floor(rand() * net.length)]!;
      const tag = `bench-${r}`;
      const ordinary = seal(source.host.signer, Kind.KIND_JOB_ANNOUNCEMENT, new TextEncoder().encode(tag));
      const sentAt = performance.now();
      const published = source.host.gossip.publish('job_announcement', ordinary);
      source.alerts.raise({
        type: AlertType.ALERT_TYPE_HOSTILE_MODULE,
        subject: BigInt(0x1000 + r),
        evidence: tag,
      });
      await published;
      const others = net.filter((p) => p !== source);
      const deadline = Date.now() + 60_000;
      while (!others.every((p) => p.alertAt.has(tag) && p.gossipAt.has(tag))) {
        if (Date.now() > deadline) throw new Error(`round ${r}: not every host got both`);
        await new Promise((res) => setTimeout(res, 10));
      }
      figures.alertAllMs.push(Math.round(Math.max(...others.map((p) => p.alertAt.get(tag)!.atMs - sentAt))));
      figures.gossipAllMs.push(
        Math.round(Math.max(...others.map((p) => p.gossipAt.get(tag)!.atMs - sentAt))),
      );
      figures.alertFirst += others.filter(
        (p) => p.alertAt.get(tag)!.order < p.gossipAt.get(tag)!.order,
      ).length;
      figures.arrivals += others.length;
      // Let the gossip heartbeats and IHAVE echoes of this round die down before the next.
      await new Promise((res) => setTimeout(res, 1500));
    }
  } finally {
    await stopAlertPeers(net);
  }
  return figures;
}

function printAlerts(a: AlertsFigures): void {
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  console.log(
    `  alert against ordinary gossip sent in the same tick, ${a.hosts} hosts over TCP in one process, ${a.rounds} rounds:`,
  );
  console.log(
    `    reached every host: alert median ${med(a.alertAllMs)} ms (max ${Math.max(...a.alertAllMs)}), gossip median ${med(a.gossipAllMs)} ms (max ${Math.max(...a.gossipAllMs)})`,
  );
  console.log(`    alert first at ${a.alertFirst} of ${a.arrivals} host arrivals`);
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = new Set((onlyArg?.slice('--only='.length) ?? 'noise,sync,alerts').split(','));
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
  if (only.has('alerts')) {
    const figures = await alertsBench((line) => (json ? console.error(line) : console.log(line)));
    out.alerts = figures;
    if (!json) printAlerts(figures);
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
