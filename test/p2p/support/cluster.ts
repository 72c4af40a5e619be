/**
 * Helpers for suites that run real nodes: a logger that keeps its lines for assertions, node
 * construction on loopback TCP with throwaway identities, and polling waits (no fixed sleeps:
 * the machine may be slow, so every wait is for a condition, with a generous timeout).
 */
import pino from 'pino';
import { parseConfig, type NodeConfigInput } from '../../../src/config/config.schema';
import type { Capabilities, JobRequirements } from '../../../src/discovery/capabilities';
import {
  InMemoryReputation,
  InMemoryStakeRegistry,
  type ReputationSource,
  type StakeRegistry,
} from '../../../src/market/stake';
import type { ChooseStrategy } from '../../../src/market/strategy';
import { type CairnNode, startNode as startAssembledNode } from '../../../src/node/start-node';
import { loadEsm } from '../../../src/p2p/esm';
import type { Logger } from '../../../src/shared/logging';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export function memoryLogger(level = 'info'): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const log = pino({ level }, { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) });
  return { log, lines };
}

export async function waitFor(cond: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const NETWORK = 'test';

export function testConfig(overrides: Partial<NodeConfigInput> = {}) {
  return parseConfig({
    network: NETWORK,
    logLevel: 'info',
    ...overrides,
    p2p: { lan: true, simulation: true, listen: ['/ip4/127.0.0.1/tcp/0'], ...(overrides.p2p ?? {}) },
    // A dozen nodes share one process and, unless a suite gives each its own, one data dir: one
    // control socket per data dir would refuse the second node. These suites test the network.
    control: { enabled: false, ...(overrides.control ?? {}) },
  });
}

export interface StartOptions {
  worker?: Capabilities;
  stake?: StakeRegistry;
  reputation?: ReputationSource;
  strategy?: ChooseStrategy;
  log?: Logger;
  config?: Partial<NodeConfigInput>;
  provide?: boolean;
  /** Publish the worker's advert on gossip (default true). */
  advertise?: boolean;
}

/**
 * A node from the same assembly `src/main.ts` runs, on loopback with a throwaway key. Workers
 * here bid but run nothing (no sandbox threads or prover per node): these suites test the
 * network, and a dozen nodes share one process.
 */
export async function startNode(opts: StartOptions = {}): Promise<CairnNode> {
  const m = await loadEsm();
  return startAssembledNode({
    bidOnly: true,
    config: testConfig(opts.config),
    log: opts.log ?? memoryLogger('warn').log,
    stake: opts.stake ?? new InMemoryStakeRegistry(0n),
    reputation: opts.reputation ?? new InMemoryReputation(),
    strategy: opts.strategy,
    worker: opts.worker,
    privateKey: await m.keys.generateKeyPair('Ed25519'),
    provide: opts.provide ?? false,
    advertise: opts.advertise,
  });
}

export async function connect(a: CairnNode, b: CairnNode): Promise<void> {
  await a.host.dial(b.host.multiaddrs()[0] as string);
}

/** Waits until every node sees at least `min` peers subscribed to the announcement topic. */
export async function waitForMesh(nodes: CairnNode[], min = 1): Promise<void> {
  await waitFor(
    () => nodes.every((n) => n.host.gossip.subscribers('job_announcement') >= min),
    'gossip subscriptions to propagate',
  );
}

export async function stopAll(nodes: Array<CairnNode | undefined>): Promise<void> {
  await Promise.all(nodes.map((n) => n?.stop().catch(() => undefined)));
}

/** A small job any worker below can bid on, and that worker: what the attack suites announce and defend. */
export const SMALL_JOB: JobRequirements = {
  minCores: 1,
  minMemoryMb: 512,
  wasmFeatures: [],
  minFuelPerSecond: 1n,
  fuelLimit: 100n,
};
export const HONEST_WORKER: Capabilities = {
  workerAddress: 0x777n,
  cores: 2,
  memoryMb: 2048,
  wasmFeatures: [],
  fuelPerSecond: 1000n,
  pricePerFuel: 5n,
};
