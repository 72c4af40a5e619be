/**
 * The NAT trials, shared by test/p2p/nat.test.ts and `npm run bench:nat`: builds the namespaces
 * (netns.ts), starts a relay, a poster and a worker as separate processes in them (nat-node.ts),
 * and runs jobs one after another: the worker hears the announcement through the relay, bids over
 * a relayed connection, is awarded and fetches the job's data. Between trials both ends close
 * their connections to each other and forget each other's addresses, so every trial starts from
 * the relay again. After each, it records whether poster and worker ended on a direct connection
 * and how it came about.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { NatConfigInput } from '../../../src/config/p2p-nat';
import type { NatStatus } from '../../../src/p2p/nat';
import { HONEST_WORKER } from './cluster';
import type { ConnInfo, NatCommand, NatNodeSpec } from './nat-node';
import { buildNatNet, type NatNet } from './netns';

const ROOT = join(__dirname, '..', '..', '..');
const NODE_SCRIPT = join(__dirname, 'nat-node.ts');

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type Mechanism = 'upnp' | 'dcutr' | 'none';

export interface TrialResult {
  trial: number;
  awarded: boolean;
  /** The worker heard it won (the outcome reached it). */
  wonHeard: boolean;
  /** The data arrived and matched its hash. */
  transferred: boolean;
  /** The job's data did not cross the relay: fewer bytes passed the relay's port in the trial than the data holds. */
  fetchedDirect: boolean;
  direct: boolean;
  mechanism: Mechanism;
  relayBytes: number;
  awardMs: number;
  fetchMs: number;
  failure?: string;
}

export interface NatFigures {
  upnp: boolean;
  relayOnlyPoster: boolean;
  bytesPerJob: number;
  trials: TrialResult[];
  succeeded: number;
  direct: number;
  byMechanism: Record<Mechanism, number>;
  relay: {
    /** Bytes through the relay's port during the trials (both directions, all its peers). */
    trialBytes: number;
    /** Bytes through the relay's port from start until the first trial (reservations, identify, gossip). */
    setupBytes: number;
    limits: { durationMs: number; dataBytes: number };
    maxReservations: number;
    maxReservationsPerIp: number;
    reservations: number;
    /** Peers the relay disconnected for an offence, by peer id: honest nodes must earn none. */
    offenceDisconnects: Record<string, number>;
  };
  workerMapped: NatStatus['mappedAddrs'];
  posterAnnounced: string[];
}

/** The relay's policy in these trials: the defaults, written out so the figures can name them. */
export const TRIAL_RELAY = {
  enabled: true,
  maxReservations: 64,
  maxReservationsPerIp: 4,
  limits: { durationMs: 120_000, dataBytes: 1024 * 1024 },
};

class NodeProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly stderr: string[] = [];
  peerId = '';
  private readonly ready: Promise<void>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    let onReady: () => void = () => undefined;
    let onFail: (e: Error) => void = () => undefined;
    this.ready = new Promise<void>((resolve, reject) => {
      onReady = resolve;
      onFail = reject;
    });
    const file = process.env.CAIRN_NAT_STDERR_DIR ? createWriteStream(join(process.env.CAIRN_NAT_STDERR_DIR, `${name}.log`)) : undefined;
    child.stderr?.on('data', (b: Buffer) => {
      file?.write(b);
      this.stderr.push(b.toString());
      if (this.stderr.length > 200) this.stderr.shift();
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let msg: { id?: number; event?: string; peerId?: string; result?: unknown; error?: string };
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        this.stderr.push(`stdout: ${line}\n`);
        return;
      }
      if (msg.event === 'ready') {
        this.peerId = msg.peerId as string;
        onReady();
        return;
      }
      const p = msg.id !== undefined ? this.pending.get(msg.id) : undefined;
      if (!p) return;
      this.pending.delete(msg.id as number);
      if (msg.error !== undefined) p.reject(new Error(`${this.name}: ${msg.error}`));
      else p.resolve(msg.result);
    });
    child.on('exit', (code) => {
      const err = new Error(`${this.name} exited with ${code}: ${this.stderr.join('').slice(-2000)}`);
      onFail(err);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  started(timeoutMs = 90_000): Promise<void> {
    return Promise.race([
      this.ready,
      new Promise<void>((_, reject) =>
        setTimeout(() => reject(new Error(`${this.name} did not start: ${this.stderr.join('').slice(-2000)}`)), timeoutMs).unref(),
      ),
    ]);
  }

  call<T>(c: DistributiveOmit<NatCommand, 'id'>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.stdin?.write(`${JSON.stringify({ ...c, id })}\n`);
    });
  }

  stop(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

interface Status {
  peerId: string;
  addrs: string[];
  announced: string[];
  nat: NatStatus;
  conns: ConnInfo[];
  subscribers: number;
  meshPeers: number;
  offenceDisconnects: Record<string, number>;
}

function startNodeIn(net: NatNet, ns: string, name: string, spec: NatNodeSpec): NodeProcess {
  // Its own process group, so a kill reaches tsx's child too.
  const child = spawn('ip', ['netns', 'exec', ns, process.execPath, '--import', 'tsx', NODE_SCRIPT, JSON.stringify(spec)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  void net;
  return new NodeProcess(name, child);
}

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The error, with the tail of each node's log (warnings and worse): what a CI failure has to go on. */
function withNodeLogs(err: Error, nodes: NodeProcess[]): Error {
  const logs = nodes.map((n) => `--- ${n.name} log tail:\n${n.stderr.join('').slice(-1500) || '(empty)'}`).join('\n');
  return new Error(`${err.message}\n${logs}`);
}

export interface NatTrialsOptions {
  trials: number;
  /** miniupnpd on the worker's router, and UPnP on the worker. */
  upnp: boolean;
  /** The poster announces relay circuits only. */
  relayOnlyPoster?: boolean;
  bytesPerJob?: number;
  /** How long to give DCUtR to make a direct connection after each job. */
  settleMs?: number;
  progress?: (line: string) => void;
}

export interface NatRun {
  net: NatNet;
  nodes: NodeProcess[];
  figures?: NatFigures;
}

/** Runs the trials; `run.net`/`run.nodes` are filled as they start, so a caller can clean up after a throw. */
export async function runNatTrials(opts: NatTrialsOptions, run: Partial<NatRun> = {}): Promise<NatFigures> {
  const bytes = opts.bytesPerJob ?? 256 * 1024;
  const settleMs = opts.settleMs ?? 3000;
  const say = opts.progress ?? (() => undefined);
  const net = buildNatNet({ upnp: opts.upnp });
  run.net = net;
  run.nodes = [];
  const network = 'nat';
  const relay = startNodeIn(net, net.ns.pub, 'relay', {
    role: 'relay',
    network,
    listen: [`/ip4/${net.ip.relay}/tcp/${net.relayPort}`],
    nat: { autonat: true, relay: { server: TRIAL_RELAY } },
  });
  run.nodes.push(relay);
  await relay.started();
  const relayAddr = `/ip4/${net.ip.relay}/tcp/${net.relayPort}/p2p/${relay.peerId}`;
  const client = { enabled: true, relays: [relayAddr] };
  const posterNat: NatConfigInput = opts.relayOnlyPoster
    ? { relayOnly: true, relay: { client } }
    : { autonat: true, dcutr: true, relay: { client } };
  const poster = startNodeIn(net, net.ns.hp, 'poster', {
    role: 'poster',
    network,
    listen: [`/ip4/${net.ip.poster}/tcp/4001`],
    bootstrap: [relayAddr],
    nat: posterNat,
  });
  const worker = startNodeIn(net, net.ns.hw, 'worker', {
    role: 'worker',
    network,
    listen: [`/ip4/${net.ip.worker}/tcp/4001`],
    bootstrap: [relayAddr],
    nat: {
      autonat: true,
      dcutr: true,
      relay: { client },
      // Autoconfirmed: AutoNAT needs 4 peers to dial an address back, this network has 3 nodes.
      ...(opts.upnp ? { upnp: { enabled: true, autoConfirm: true } } : {}),
    },
  });
  run.nodes.push(poster, worker);
  await Promise.all([poster.started(), worker.started()]);
  say(`relay ${relay.peerId}, poster ${poster.peerId}, worker ${worker.peerId}`);

  const status = (n: NodeProcess): Promise<Status> => n.call<Status>({ cmd: 'status' });
  const nodes = [relay, poster, worker];
  const setupUntil = <T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean): Promise<T> =>
    until(what, get, ok, 60_000).catch((err: Error) => {
      throw withNodeLogs(err, nodes);
    });
  await setupUntil('reservations on the relay', () => status(relay), (s) => s.nat.reservations >= 2);
  const posterStatus = await setupUntil('the poster relay address', () => status(poster), (s) => s.nat.relayAddrs.length > 0);
  let workerStatus = await setupUntil('the worker relay address', () => status(worker), (s) => s.nat.relayAddrs.length > 0);
  if (opts.upnp)
    workerStatus = await setupUntil('a UPnP mapping', () => status(worker), (s) => s.nat.mappedAddrs.length > 0);
  await setupUntil('gossip through the relay', () => Promise.all([status(poster), status(worker)]), ([p, w]) => p.subscribers >= 1 && w.meshPeers >= 1);
  await poster.call({ cmd: 'trust', address: `0x${HONEST_WORKER.workerAddress.toString(16)}`, peerId: worker.peerId });
  const mapped = workerStatus.nat.mappedAddrs.map((m) => m.addr);
  const setup = net.relayBytes();
  say(`worker mapped: ${JSON.stringify(workerStatus.nat.mappedAddrs)}; poster announces ${JSON.stringify(posterStatus.announced)}`);

  const trials: TrialResult[] = [];
  for (let i = 1; i <= opts.trials; i++) {
    const before = net.relayBytes();
    const t: TrialResult = {
      trial: i,
      awarded: false,
      wonHeard: false,
      transferred: false,
      fetchedDirect: false,
      direct: false,
      mechanism: 'none',
      relayBytes: 0,
      awardMs: 0,
      fetchMs: 0,
    };
    try {
      const post = await poster.call<{ status: string; winner?: string; hash?: string; awardMs?: number; reason?: string }>({
        cmd: 'post',
        jobId: String(1000 + i),
        bytes,
        bidWindowMs: 1500,
      });
      t.awarded = post.status === 'awarded' && post.winner === worker.peerId;
      t.awardMs = post.awardMs ?? 0;
      if (!t.awarded) throw new Error(`not awarded: ${post.status} ${post.reason ?? ''}`);
      const fetch = await worker.call<{ won: boolean; ok?: boolean; bytes?: number; fetchMs?: number; reason?: string }>({
        cmd: 'fetch',
        poster: poster.peerId,
        jobId: String(1000 + i),
        hash: post.hash as string,
        timeoutMs: 30_000,
      });
      t.wonHeard = fetch.won;
      if (!fetch.won) throw new Error(`worker: ${fetch.reason ?? 'did not win'}`);
      t.transferred = fetch.ok === true && fetch.bytes === bytes;
      t.fetchMs = fetch.fetchMs ?? 0;
      // DCUtR runs as the relayed connection opens; give it a moment to finish.
      const settled = await until(
        'a direct connection',
        () => status(poster),
        (s) => s.conns.some((c) => c.remoteAddr.includes(`/p2p/${worker.peerId}`) ? !c.relayed : false) || false,
        settleMs,
      ).catch(() => status(poster));
      const toWorker = settled.conns.filter((c) => !c.relayed && (c.remoteAddr.includes(net.ip.rwWan) || c.remoteAddr.includes(net.ip.worker)));
      t.direct = toWorker.length > 0;
      // A direct connection the poster dialled to the router's mapped port came from the UPnP mapping
      // (DCUtR's unilateral upgrade); any other direct one would be a hole punch.
      if (t.direct)
        t.mechanism = toWorker.some((c) => c.direction === 'outbound' && mapped.some((m) => c.remoteAddr.startsWith(m)))
          ? 'upnp'
          : 'dcutr';
    } catch (err) {
      t.failure = err instanceof Error ? err.message.slice(0, 500) : String(err);
    }
    const after = net.relayBytes();
    t.relayBytes = after.in - before.in + (after.out - before.out);
    t.fetchedDirect = t.transferred && t.relayBytes < bytes;
    trials.push(t);
    say(`trial ${i}: ${t.transferred ? 'ok' : `FAILED (${t.failure})`} direct=${t.direct} via ${t.mechanism} relay ${t.relayBytes} B`);
    // Next trial starts from the relay again.
    await Promise.all([
      poster.call({ cmd: 'forget', peer: worker.peerId }),
      worker.call({ cmd: 'forget', peer: poster.peerId }),
    ]).catch(() => undefined);
  }
  const relayStatus = await status(relay);
  const end = net.relayBytes();
  const byMechanism: Record<Mechanism, number> = { upnp: 0, dcutr: 0, none: 0 };
  for (const t of trials) if (t.transferred) byMechanism[t.mechanism]++;
  const figures: NatFigures = {
    upnp: opts.upnp,
    relayOnlyPoster: opts.relayOnlyPoster ?? false,
    bytesPerJob: bytes,
    trials,
    succeeded: trials.filter((t) => t.awarded && t.wonHeard && t.transferred).length,
    direct: trials.filter((t) => t.direct).length,
    byMechanism,
    relay: {
      trialBytes: end.in - setup.in + (end.out - setup.out),
      setupBytes: setup.in + setup.out,
      limits: TRIAL_RELAY.limits,
      maxReservations: TRIAL_RELAY.maxReservations,
      maxReservationsPerIp: TRIAL_RELAY.maxReservationsPerIp,
      reservations: relayStatus.nat.reservations,
      offenceDisconnects: relayStatus.offenceDisconnects,
    },
    workerMapped: workerStatus.nat.mappedAddrs,
    posterAnnounced: posterStatus.announced,
  };
  run.figures = figures;
  return figures;
}

/** Stops every node and removes the namespaces; safe after a partial start. */
export function cleanupNatRun(run: Partial<NatRun>): void {
  for (const n of run.nodes ?? []) n.stop();
  run.net?.teardown();
}
