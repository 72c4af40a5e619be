/**
 * One node of the NAT suite, run as its own process inside a network namespace
 * (`ip netns exec <ns> node --import tsx nat-node.ts '<json>'`). It starts a node from the same
 * assembly `src/main.ts` runs (bid-only: workers bid and serve data but run no sandbox) and
 * takes commands as JSON lines on stdin, answering each with one JSON line on stdout:
 *   {"id":1,"cmd":"status"}            -> peer id, addresses, NAT status, connections
 *   {"id":2,"cmd":"trust", ...}        -> (poster) stakes a worker address and binds its peer
 *   {"id":3,"cmd":"post", ...}         -> (poster) announces a job, awaits the award, grants the data
 *   {"id":4,"cmd":"fetch", ...}        -> (worker) awaits the won outcome, fetches the data
 *   {"id":5,"cmd":"forget", ...}       -> closes every connection to a peer and forgets its addresses
 * Logs go to stderr. The chain is not reachable from the namespaces, so awards here are the
 * market's p2p awards (bid, outcome) and the blob transfer protocol, without escrow.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { parseConfig, type NodeConfigInput } from '../../../src/config/config.schema';
import { InMemoryReputation, InMemoryStakeRegistry } from '../../../src/market/stake';
import type { JobSpec } from '../../../src/market/types';
import type { BidOutcome } from '../../../src/market/worker';
import { startNode, type CairnNode } from '../../../src/node/start-node';
import { loadEsm } from '../../../src/p2p/esm';
import { HONEST_WORKER, SMALL_JOB } from './cluster';

export interface NatNodeSpec {
  role: 'relay' | 'poster' | 'worker';
  network: string;
  listen: string[];
  bootstrap?: string[];
  /** The p2p.nat section. */
  nat: NonNullable<NodeConfigInput['p2p']>['nat'];
}

export type NatCommand =
  | { id: number; cmd: 'status' }
  | { id: number; cmd: 'trust'; address: string; peerId: string }
  | { id: number; cmd: 'post'; jobId: string; bytes: number; bidWindowMs: number }
  | { id: number; cmd: 'fetch'; poster: string; jobId: string; hash: string; timeoutMs: number }
  | { id: number; cmd: 'forget'; peer: string };

export interface ConnInfo {
  remoteAddr: string;
  direction: 'inbound' | 'outbound';
  relayed: boolean;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] as string) as NatNodeSpec;
  const m = await loadEsm();
  const privateKey = await m.keys.generateKeyPair('Ed25519');
  const dataDir = mkdtempSync(join(tmpdir(), `cairn-nat-${spec.role}-`));
  const config = parseConfig({
    network: spec.network,
    dataDir,
    logLevel: 'warn',
    role: spec.role === 'worker' ? 'worker' : 'poster',
    p2p: {
      listen: spec.listen,
      bootstrap: spec.bootstrap ?? [],
      // Each node has its own address here: no simulation relaxations.
      nat: spec.nat,
    },
    // The relay forwards announcements between the NATed poster and worker.
    market: {
      relayAnnouncements: spec.role === 'relay',
      ...(spec.role === 'worker'
        ? {
            worker: {
              address: `0x${HONEST_WORKER.workerAddress.toString(16)}`,
              cores: HONEST_WORKER.cores,
              memoryMb: HONEST_WORKER.memoryMb,
              fuelPerSecond: Number(HONEST_WORKER.fuelPerSecond),
              pricePerFuel: HONEST_WORKER.pricePerFuel,
            },
          }
        : {}),
    },
    discovery: { advertEpsilon: 10 },
    control: { enabled: false },
  });
  const log = pino({ level: process.env.CAIRN_NAT_LOG ?? 'warn' }, pino.destination(2));
  const stake = new InMemoryStakeRegistry(100n);
  const node: CairnNode = await startNode({
    bidOnly: true,
    config,
    log,
    stake,
    reputation: new InMemoryReputation(),
    privateKey,
    provide: false,
  });
  const outcomes = new Map<string, BidOutcome>();
  const waiters = new Map<string, (o: BidOutcome) => void>();
  node.market.worker?.on('outcome', (o) => {
    const key = o.jobId.toString();
    outcomes.set(key, o);
    waiters.get(key)?.(o);
  });

  const conns = (peer?: string): ConnInfo[] =>
    node.host.libp2p
      .getConnections(peer ? node.host.peerIdOf(peer) : undefined)
      .filter((c) => c.status === 'open')
      .map((c) => ({
        remoteAddr: c.remoteAddr.toString(),
        direction: c.direction,
        relayed: c.remoteAddr.toString().includes('/p2p-circuit'),
      }));

  const handle = async (c: NatCommand): Promise<unknown> => {
    switch (c.cmd) {
      case 'status':
        return {
          peerId: node.peerId,
          addrs: node.host.libp2p.getMultiaddrs().map((a) => a.toString()),
          announced: node.host.multiaddrs(),
          nat: node.host.natStatus(),
          policyRefusals: node.host.relayPolicy?.refusals,
          // Peers this node disconnected for an offence (rate limits among them), by peer id.
          offenceDisconnects: Object.fromEntries(node.host.peers.disconnects),
          conns: conns(),
          subscribers: node.host.gossip.subscribers('job_announcement'),
          meshPeers: node.host.gossip.meshPeers('job_announcement'),
        };
      case 'trust':
        stake.stake(c.address, 1000n).bindPeer(c.address, c.peerId);
        return true;
      case 'post': {
        const data = randomBytes(c.bytes);
        const hash = node.blobs.put(data);
        const job: JobSpec = {
          jobId: BigInt(c.jobId),
          posterAddress: 0xabcn,
          manifestHash: BigInt(`0x${hash.slice(0, 16)}`),
          requirements: SMALL_JOB,
          budget: 20_000n,
          collateralBps: 100,
          execDurationS: 3600n,
          attempt: 1,
          maxAttempts: 1,
          bidWindowMs: c.bidWindowMs,
          maxBids: 1,
        };
        const started = Date.now();
        const announced = node.host.multiaddrs();
        const r = await node.market.poster.announce(job);
        if (r.status !== 'awarded') return { status: r.status, reason: r.reason, announced };
        node.transfer.grants.allow(r.winner.worker, job.jobId, [hash]);
        return { status: r.status, winner: r.winner.worker, hash, announced, awardMs: Date.now() - started };
      }
      case 'fetch': {
        const started = Date.now();
        const outcome =
          outcomes.get(c.jobId) ??
          (await new Promise<BidOutcome | undefined>((resolve) => {
            const t = setTimeout(() => resolve(undefined), c.timeoutMs);
            waiters.set(c.jobId, (o) => {
              clearTimeout(t);
              resolve(o);
            });
          }));
        waiters.delete(c.jobId);
        if (!outcome) return { won: false, reason: 'no outcome heard' };
        if (!outcome.won) return { won: false, reason: `lost to ${outcome.winner}` };
        const got = await node.transfer.fetchBlobs(c.poster, BigInt(c.jobId), [c.hash], {
          maxBytes: 64 * 1024 * 1024,
          timeoutMs: c.timeoutMs,
        });
        const bytes = got.get(c.hash) as Uint8Array;
        const ok = createHash('sha256').update(bytes).digest('hex') === c.hash;
        return { won: true, bytes: bytes.length, ok, fetchMs: Date.now() - started };
      }
      case 'forget': {
        const peer = node.host.peerIdOf(c.peer);
        await node.host.libp2p.hangUp(peer);
        await node.host.libp2p.peerStore.delete(peer);
        return true;
      }
    }
  };

  const out = (o: unknown): void => {
    process.stdout.write(
      `${JSON.stringify(o, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`,
    );
  };
  createInterface({ input: process.stdin }).on('line', (line) => {
    let c: NatCommand;
    try {
      c = JSON.parse(line) as NatCommand;
    } catch {
      out({ error: `not JSON: ${line.slice(0, 80)}` });
      return;
    }
    handle(c).then(
      (result) => out({ id: c.id, result }),
      (err: unknown) => out({ id: c.id, error: err instanceof Error ? err.message : String(err) }),
    );
  });
  const stop = (): void => {
    void node.stop().finally(() => process.exit(0));
  };
  process.stdin.on('end', stop);
  process.on('SIGTERM', stop);
  out({ event: 'ready', peerId: node.peerId });
}

main().catch((err: unknown) => {
  process.stderr.write(`nat-node failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
