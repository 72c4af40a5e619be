/**
 * Hosts for alert suites and benches: a P2pHost with the node's AlertService and a gossip topic
 * for ordinary traffic, recording when each alert and each ordinary message arrived (a
 * process-wide counter for ordering, and performance.now() for the bench's times), and a random
 * connected network of them over TCP on loopback.
 */
import { AlertService } from '../../../src/alerts/alert-service';
import type { NodeConfigInput } from '../../../src/config/config.schema';
import { loadEsm } from '../../../src/p2p/esm';
import { P2pHost } from '../../../src/p2p/host';
import type { Logger } from '../../../src/shared/logging';
import { mulberry32 } from '../../../src/shared/seeded-random';
import { memoryLogger, testConfig, waitFor } from './cluster';

export interface Arrival {
  /** Position in the process-wide order of arrivals (a counter, not a clock). */
  order: number;
  atMs: number;
}

export interface AlertPeer {
  host: P2pHost;
  alerts: AlertService;
  /** By the alert's evidence text, and by the ordinary message's payload text. */
  alertAt: Map<string, Arrival>;
  gossipAt: Map<string, Arrival>;
}

let order = 0;
const arrival = (): Arrival => ({ order: ++order, atMs: performance.now() });

export async function startAlertPeer(
  config: Partial<NodeConfigInput> = {},
  log: Logger = memoryLogger('silent').log,
): Promise<AlertPeer> {
  const m = await loadEsm();
  const host = new P2pHost({
    config: testConfig({ ...config, p2p: { dhtBucketSize: 4, ...(config.p2p ?? {}) } }),
    log,
    privateKey: await m.keys.generateKeyPair('Ed25519'),
  });
  await host.start();
  const alerts = new AlertService(host, host.config.alerts);
  await alerts.start();
  const peer: AlertPeer = { host, alerts, alertAt: new Map(), gossipAt: new Map() };
  alerts.onAlert((a) => peer.alertAt.set(a.alert.evidence, arrival()));
  // Ordinary traffic: any signed envelope on the announcement topic, its payload a label.
  host.gossip.register('job_announcement', {
    check: (env) => new TextDecoder().decode(env.payload),
    deliver: (label) => peer.gossipAt.set(label as string, arrival()),
  });
  return peer;
}

export const dialPeer = (a: AlertPeer, b: AlertPeer) => a.host.dial(b.host.multiaddrs()[0] as string);

/** What keeps a network from being ready: links without an alert session, nodes without a mesh peer. */
export function unready(net: AlertPeer[]): string[] {
  return net.flatMap((p, i) => {
    const links = p.host.libp2p.getPeers().length;
    const problems = [
      links === 0 ? 'no links' : '',
      p.alerts.readyPeers() !== links ? `alert sessions ${p.alerts.readyPeers()}/${links}` : '',
      p.host.gossip.meshPeers('job_announcement') === 0 ? 'no mesh peer' : '',
    ].filter(Boolean);
    return problems.length > 0 ? [`node ${i}: ${problems.join(', ')}`] : [];
  });
}

/**
 * `n` hosts in a random tree (each dials one earlier host) plus a second random link per host:
 * connected, average degree ~4. Resolves once every link has its alert session and every host a
 * gossip mesh peer.
 */
export async function alertNetwork(n: number, seed: number, timeoutMs = 240_000): Promise<AlertPeer[]> {
  const net: AlertPeer[] = [];
  for (let i = 0; i < n; i++) net.push(await startAlertPeer());
  const rand = mulberry32(seed);
  for (let i = 1; i < n; i++) {
    await dialPeer(net[i]!, net[Math.floor(rand() * i)]!);
    if (i >= 2) await dialPeer(net[i]!, net[Math.floor(rand() * i)]!).catch(() => undefined);
  }
  try {
    await waitFor(() => unready(net).length === 0, 'alert sessions and gossip meshes', timeoutMs);
  } catch (err) {
    throw new Error(`${(err as Error).message}: ${unready(net).slice(0, 10).join('; ')}`, { cause: err });
  }
  return net;
}

export async function stopAlertPeers(peers: AlertPeer[]): Promise<void> {
  for (const p of peers) p.alerts.stop();
  await Promise.all(peers.map((p) => p.host.stop().catch(() => undefined)));
}
