/**
 * The node's own control methods: `node.ping` (is it there, how fast) and `node.status` (who it
 * is and what it does). What the job life adds (job.*, worker.*) is registered by its own room.
 */
import { z } from 'zod';
import type { NodeConfig } from '../config/config.schema';
import type { Market } from '../market/market';
import type { P2pHost } from '../p2p/host';
import { cairnVersion } from '../shared/version';
import type { ControlServer } from './server';

export interface NodeStatus {
  peerId: string;
  addrs: readonly string[];
  /** What this node does: `poster` (posts jobs) and/or `worker` (bids and runs them). */
  roles: ('poster' | 'worker')[];
  network: string;
  dataDir: string;
  /** Worker account, when the node is a worker. */
  workerAddress?: string;
  connections: number;
  /** Peers subscribed to the job announcement topic: who hears this node's jobs. */
  announcementListeners: number;
  uptimeMs: number;
  version: string;
  pid: number;
  control: { socket: string; tcp?: { host: string; port: number } };
}

export interface NodeParts {
  host: P2pHost;
  market: Market;
  config: NodeConfig;
}

const NoParams = z.object({}).strict();

export function registerNodeMethods(control: ControlServer, parts: NodeParts, startedAt = Date.now()): void {
  control.register('node.ping', NoParams, async () => ({ pong: true, time: Date.now() }));
  control.register('node.status', NoParams, async (): Promise<NodeStatus> => {
    const { host, market, config } = parts;
    const role = config.role ?? 'poster';
    const roles: NodeStatus['roles'] = role === 'both' ? ['poster', 'worker'] : [role];
    const worker = market.worker ? config.market.worker : undefined;
    return {
      peerId: host.peerId,
      addrs: host.multiaddrs(),
      roles,
      network: config.network,
      dataDir: config.dataDir,
      ...(worker ? { workerAddress: `0x${worker.address.toString(16)}` } : {}),
      connections: host.libp2p.getConnections().length,
      announcementListeners: host.gossip.subscribers('job_announcement'),
      uptimeMs: Date.now() - startedAt,
      version: cairnVersion(),
      pid: process.pid,
      control: { socket: control.socketPath, ...(control.tcpAddress() ? { tcp: control.tcpAddress() } : {}) },
    };
  });
}
