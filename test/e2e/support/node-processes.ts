/**
 * Node processes of an end-to-end market, by name: start one (`src/main.ts`, waited for until
 * its control socket answers), kill or signal it, post jobs through the poster's control
 * channel as `cairn job post` does, and wait for a job's status on chain.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ControlClient } from '../../../src/control/client';
import type { JobStatus } from '../../../src/chain/job';
import { controlAnswers } from '../../support/processes';
import { statusOf } from './jobs';
import {
  type MarketNet,
  type NodeProcess,
  type NodeSetup,
  spawnNode,
  startMarketNet,
  until,
} from './market-net';

export interface PostOptions {
  budget?: bigint;
  execDurationS: number;
  maxAttempts?: number;
}

export class NodeProcesses {
  readonly setups = new Map<string, NodeSetup>();
  readonly procs = new Map<string, NodeProcess>();
  private control?: ControlClient;
  private posts = 0;

  constructor(
    readonly net: MarketNet,
    /** Where job blobs are written for the poster to read. */
    private readonly blobDir: string,
  ) {}

  /**
   * The process suites' market: a devnet with the contracts and `accounts` accounts, in a new
   * temporary dir (`cairn-e2e-<name>-…`, `net.dir`) that `close` removes. Nodes come by `add`.
   */
  static async startMarket(name: string, accounts: number): Promise<NodeProcesses> {
    const dir = await mkdtemp(join(tmpdir(), `cairn-e2e-${name}-`));
    const blobDir = join(dir, 'blobs-in');
    mkdirSync(blobDir);
    const net = await startMarketNet(dir, accounts).catch(async (err: unknown) => {
      await rm(dir, { recursive: true, force: true });
      throw err;
    });
    return new NodeProcesses(net, blobDir);
  }

  add(setup: NodeSetup): NodeSetup {
    this.setups.set(setup.name, setup);
    return setup;
  }

  setup(name: string): NodeSetup {
    const s = this.setups.get(name);
    if (!s) throw new Error(`no node named ${name}`);
    return s;
  }

  /** Starts a node process and waits until its control socket answers (it is then fully up). */
  async start(name: string): Promise<NodeProcess> {
    const p = spawnNode(this.setup(name));
    this.procs.set(name, p);
    const socketPath = join(this.setup(name).config.dataDir, 'control.sock');
    await until(() => controlAnswers(socketPath, p.child, name), `${name} to start`, 120_000).catch(
      (err: unknown) => {
        throw new Error(`${(err as Error).message}\n${p.lines.slice(-30).join('\n')}`);
      },
    );
    if (name === 'poster') await this.reconnectPoster();
    return p;
  }

  async kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const p = this.procs.get(name)!;
    p.child.kill(signal);
    await p.exited;
  }

  signal(name: string, sig: NodeJS.Signals): void {
    this.procs.get(name)!.child.kill(sig);
  }

  connect(name: string): Promise<ControlClient> {
    return ControlClient.connect({ socketPath: join(this.setup(name).config.dataDir, 'control.sock') });
  }

  /** The poster's control channel (reopened after each restart of the poster). */
  get poster(): ControlClient {
    if (!this.control) throw new Error('the poster is not started');
    return this.control;
  }

  private async reconnectPoster(): Promise<void> {
    this.control?.close();
    this.control = await this.connect('poster');
  }

  /** Blobs written to files for the poster to read, as the CLI sends them. */
  private blobFiles(blobs: Uint8Array[]): string[] {
    const n = ++this.posts;
    return blobs.map((b, i) => {
      const f = join(this.blobDir, `post-${n}-${i}`);
      writeFileSync(f, b);
      return f;
    });
  }

  /** Posts a job through the poster's control channel, as `cairn job post` does. */
  async post(job: { manifest: string; blobs: Uint8Array[] }, o: PostOptions): Promise<bigint> {
    const { jobId } = await this.poster.call<{ jobId: string }>('job.post', {
      manifest: job.manifest,
      blobFiles: this.blobFiles(job.blobs),
      budget: (o.budget ?? 10n ** 18n).toString(),
      execDurationS: o.execDurationS,
      maxAttempts: o.maxAttempts ?? 3,
    });
    return BigInt(jobId);
  }

  /** Posts a tasklet graph through the poster's control channel, as `cairn graph post` does. */
  async postGraph(job: { manifest: string; blobs: Uint8Array[] }, budget: bigint): Promise<string> {
    const { graphId } = await this.poster.call<{ graphId: string }>('graph.post', {
      manifest: job.manifest,
      blobFiles: this.blobFiles(job.blobs),
      budget: budget.toString(),
    });
    return graphId;
  }

  /** One call on a node's control channel, on a connection of its own. */
  async call<T>(name: string, method: string, params?: Record<string, unknown>): Promise<T> {
    const c = await this.connect(name);
    try {
      return await c.call<T>(method, params);
    } finally {
      c.close();
    }
  }

  /** Until exactly `n` peers hear the poster's job announcements (started ones in, stopped ones out). */
  listening(n: number): Promise<true> {
    return until(async () => {
      const s = await this.poster.call<{ announcementListeners: number }>('node.status');
      return s.announcementListeners === n ? true : undefined;
    }, `${n} workers hearing the poster's announcements`);
  }

  statusIs(id: bigint, s: JobStatus, timeoutMs = 180_000): Promise<true> {
    return until(
      async () => ((await statusOf(this.net, id)) === s ? true : undefined),
      `job ${id} ${s}`,
      timeoutMs,
    );
  }

  /** The name of the node whose account is `address`. */
  nameOf(address: bigint): string {
    return [...this.setups.values()].find((s) => BigInt(s.account) === address)!.name;
  }

  async stopAll(): Promise<void> {
    this.control?.close();
    for (const p of this.procs.values())
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all([...this.procs.values()].map((p) => p.exited));
  }

  /** Stops every node process and the devnet, and removes the market's dir. */
  async close(): Promise<void> {
    await this.stopAll();
    await this.net.devnet.stop();
    await rm(this.net.dir, { recursive: true, force: true });
  }
}
