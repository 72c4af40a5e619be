/**
 * A market whose nodes all run in this process: a devnet with the contracts, a poster on account
 * 1, and workers bootstrapped to it, started and stopped by name. The in-process suites (job-life,
 * graph, graph-input-routes) begin and end alike; this is that beginning and end, so a change to
 * how a market comes up or goes down is made once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CairnNode } from '../../../src/node/start-node';
import { waitFor } from '../../p2p/support/cluster';
import { type MarketNet, type NodeSetup, nodeSetup, startInProcess, startMarketNet } from './market-net';

/** The poster's account; account 0 is the owner and arbiter. */
const POSTER_ACCOUNT = 1;

export interface WorkerSpec {
  name: string;
  /** Index into net.accounts. */
  account: number;
  /** Extra `jobs` configuration (capacity, faults, ...). */
  jobs?: Record<string, unknown>;
}

export interface InProcessMarketOptions {
  /** Names the temporary data dir, `cairn-e2e-<name>-…`. */
  name: string;
  workers: WorkerSpec[];
  /** The workers started at once, by name: all of them unless given. */
  running?: string[];
  /** Extra `jobs` configuration for the poster (timings, ...). */
  posterJobs?: Record<string, unknown>;
}

export class InProcessMarket {
  /** Every worker's setup, running or not, in the order given. */
  readonly setups = new Map<string, NodeSetup>();
  /** The workers running now. */
  readonly nodes = new Map<string, CairnNode>();

  private constructor(
    readonly dir: string,
    readonly net: MarketNet,
    readonly posterSetup: NodeSetup,
    readonly poster: CairnNode,
  ) {}

  /** The devnet with the contracts, the poster running, and the `running` workers subscribed to it. */
  static async start(o: InProcessMarketOptions): Promise<InProcessMarket> {
    const dir = await mkdtemp(join(tmpdir(), `cairn-e2e-${o.name}-`));
    const accounts = Math.max(POSTER_ACCOUNT, ...o.workers.map((w) => w.account)) + 1;
    const net = await startMarketNet(dir, accounts).catch(async (err: unknown) => {
      await rm(dir, { recursive: true, force: true });
      throw err;
    });
    const started: CairnNode[] = [];
    try {
      const posterSetup = await nodeSetup(net, 'poster', {
        account: POSTER_ACCOUNT,
        ...(o.posterJobs ? { jobs: o.posterJobs } : {}),
      });
      const setups = await Promise.all(
        o.workers.map((w) =>
          nodeSetup(net, w.name, {
            account: w.account,
            worker: true,
            bootstrap: [posterSetup],
            ...(w.jobs ? { jobs: w.jobs } : {}),
          }),
        ),
      );
      const poster = await startInProcess(posterSetup);
      started.push(poster);
      const market = new InProcessMarket(dir, net, posterSetup, poster);
      for (const s of setups) market.setups.set(s.name, s);
      for (const name of o.running ?? o.workers.map((w) => w.name))
        started.push(await market.startWorker(name));
      await market.subscribed(market.nodes.size);
      return market;
    } catch (err) {
      // The suite's afterAll has no market to close: what came up so far goes down here.
      await Promise.all(started.map((n) => n.stop().catch(() => undefined)));
      await net.devnet.stop();
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  setup(name: string): NodeSetup {
    const s = this.setups.get(name);
    if (!s) throw new Error(`no worker ${name} in this market`);
    return s;
  }

  async startWorker(name: string): Promise<CairnNode> {
    const node = await startInProcess(this.setup(name));
    this.nodes.set(name, node);
    return node;
  }

  async stopWorker(name: string): Promise<void> {
    await this.nodes.get(name)?.stop();
    this.nodes.delete(name);
  }

  /** Until `n` workers are subscribed to the poster's job announcements. */
  subscribed(n: number): Promise<void> {
    return waitFor(
      () => this.poster.host.gossip.subscribers('job_announcement') >= n,
      `${n} workers to subscribe`,
      30_000,
    );
  }

  /**
   * Lets transactions in flight land first (30 s at most): a step finishing after its node
   * stopped would write to a removed data dir. Then stops every node, the devnet, and removes
   * the data dir.
   */
  async close(): Promise<void> {
    const all = [this.poster, ...this.nodes.values()];
    await Promise.race([
      Promise.all(all.map((n) => n.jobs?.txq.idle())),
      new Promise((r) => setTimeout(r, 30_000).unref()),
    ]);
    await Promise.all(all.map((n) => n.stop().catch(() => undefined)));
    await this.net.devnet.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}
