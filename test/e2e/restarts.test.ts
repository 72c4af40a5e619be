/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * Restarts at each step of a job's life, with node processes on a real devnet: the poster, and
 * then the worker, is SIGKILLed while the job is Awarded, Accepted (running) and Submitted, and
 * restarted with the same data dir. Each step is held still while the kill happens by stopping
 * (SIGSTOP) the other side, so the test does not race the nodes. Every job must still end
 * Completed by the worker it was awarded to, on its first attempt, paid exactly once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { JobStatus } from '../../src/chain/job';
import { readJob } from '../../src/jobs/chain-view';
import type { JobRecord } from '../../src/jobs/journal';
import { marketEvents, reputationOf, slowJob, statusOf } from './support/jobs';
import { type MarketNet, nodeSetup, until } from './support/market-net';
import { NodeProcesses } from './support/node-processes';

jest.setTimeout(600_000);

/** About two seconds of sandbox time: long enough to be killed while running. */
const ROUNDS = 3_000_000;
/** The market's default accept window (src/chain/params.ts). */
const ACCEPT_WINDOW_S = 600;

describe('restarts at each step of a job (node processes)', () => {
  let net: MarketNet;
  let nodes: NodeProcesses;
  let posted = 0;

  beforeAll(async () => {
    nodes = await NodeProcesses.startMarket('restart', 3);
    net = nodes.net;
    // The poster waits out each bid window (3 s) although its one worker has bid at once, so the
    // worker is seen 'bidding' and stopped there before the award, however slow the polling.
    const poster = nodes.add(
      await nodeSetup(net, 'poster', { account: 1, jobs: { timings: { bidWindowMs: 3_000, fullBidWindow: true } } }),
    );
    nodes.add(await nodeSetup(net, 'worker', { account: 2, worker: true, bootstrap: [poster] }));
    await nodes.start('poster');
    await nodes.start('worker');
  });

  afterAll(() => nodes?.close());

  const post = async () => nodes.post(await slowJob(ROUNDS, `restart-${++posted}`), { execDurationS: 600 });

  /** The job as one node's journal has it (undefined until it has a record). */
  const recordOn = async (name: string, id: bigint): Promise<JobRecord | undefined> => {
    const c = await nodes.connect(name);
    try {
      return await c.call<JobRecord>('job.status', { id: id.toString() });
    } catch {
      return undefined;
    } finally {
      c.close();
    }
  };
  /** Stops `name` (SIGSTOP) as soon as its record of the job reaches one of `steps`. */
  const holdAt = async (name: string, id: bigint, steps: string[]) => {
    await until(
      async () => (steps.includes((await recordOn(name, id))?.step ?? '') ? true : undefined),
      `${name} to reach ${steps.join(' or ')}`,
    );
    nodes.signal(name, 'SIGSTOP');
  };
  /**
   * Stops the worker once its bid went out (not merely decided: its consent may still be being
   * signed), and before the poster's window closes, so the job is awarded to a stopped worker.
   */
  const holdBidSent = async (id: bigint) => {
    await until(async () => {
      const r = await recordOn('worker', id);
      return r?.step === 'bidding' && r.history.some((h) => h.what === 'bid sent') ? true : undefined;
    }, 'the worker to send its bid');
    nodes.signal('worker', 'SIGSTOP');
  };
  /** Stops the poster once the worker has fetched the job's data from it (it runs it next). */
  const holdPosterOnceFetched = async (id: bigint) => {
    await until(async () => {
      const r = await recordOn('worker', id);
      return r?.history.some((h) => h.what.startsWith('fetched the job')) ? true : undefined;
    }, 'the worker to fetch the job');
    nodes.signal('poster', 'SIGSTOP');
  };
  const restart = async (name: string) => {
    await nodes.kill(name);
    await nodes.start(name);
  };

  /** Completed by our worker on its first attempt, paid once, nothing expired; confirmed, not claimed. */
  const completedOnce = async (id: bigint, completedBefore: bigint) => {
    await nodes.statusIs(id, 'Completed');
    const job = await readJob(net.clients, id);
    expect(nodes.nameOf(job.worker)).toBe('worker');
    expect(job.attempts).toBe(1);
    const paid = await marketEvents(net, 'JobCompleted', id);
    expect(paid).toHaveLength(1);
    expect(paid[0]!.fields.claimed).toBe(false);
    expect(await marketEvents(net, 'JobExpired', id)).toHaveLength(0);
    expect((await reputationOf(net, nodes.setup('worker').account)).completed).toBe(completedBefore + 1n);
    // Both nodes see the job over, and neither has anything left to do for it.
    for (const name of ['poster', 'worker'])
      await until(
        async () => ((await recordOn(name, id))?.step === 'done' ? true : undefined),
        `${name} done`,
      );
  };
  const completions = async () => (await reputationOf(net, nodes.setup('worker').account)).completed;

  /**
   * The points a node is killed at: the job held there (the node that would move it on stopped),
   * the chain state it is in, which node is killed and restarted, and which held node goes on.
   */
  const killPoints: {
    title: string;
    hold: (id: bigint) => Promise<void>;
    status?: JobStatus;
    victim: 'poster' | 'worker';
    resume?: 'poster' | 'worker';
  }[] = [
    {
      title: 'the poster killed while the job is Awarded',
      // The award cannot be accepted while the worker is stopped.
      hold: holdBidSent,
      status: 'Awarded',
      victim: 'poster',
      resume: 'worker',
    },
    {
      title: 'the poster killed while the job is Accepted and running',
      hold: (id) => holdAt('worker', id, ['running']),
      status: 'Accepted',
      victim: 'poster',
      resume: 'worker',
    },
    {
      title: 'the poster killed while the job is Submitted, before it checked the result',
      hold: holdPosterOnceFetched,
      status: 'Submitted',
      victim: 'poster',
    },
    {
      title: 'the worker killed while the job is Awarded to it',
      hold: holdBidSent,
      status: 'Awarded',
      victim: 'worker',
    },
    {
      title: 'the worker killed while it runs the job',
      hold: (id) => holdAt('worker', id, ['running']),
      victim: 'worker',
    },
    {
      title: 'the worker killed after it submitted, before the poster fetched the result',
      hold: holdPosterOnceFetched,
      status: 'Submitted',
      victim: 'worker',
      resume: 'poster',
    },
  ];

  it.each(killPoints)('$title', async ({ hold, status, victim, resume }) => {
    const before = await completions();
    const id = await post();
    await hold(id);
    if (status) await nodes.statusIs(id, status);
    await restart(victim);
    if (resume) nodes.signal(resume, 'SIGCONT');
    await completedOnce(id, before);
  });

  it('the poster silent after the award: the worker never accepts without the data, the award lapses unslashed, the next attempt completes', async () => {
    const before = await reputationOf(net, nodes.setup('worker').account);
    const id = await post();
    await holdBidSent(id);
    try {
      await nodes.statusIs(id, 'Awarded');
      nodes.signal('poster', 'SIGSTOP');
      nodes.signal('worker', 'SIGCONT');
      await until(async () => {
        const r = await recordOn('worker', id);
        return r?.history.some((h) => h.what.startsWith('step failed')) ? r : undefined;
      }, 'the worker to fail to fetch the job from the stopped poster');
      // It holds no data, so it has not accepted (and locked no collateral).
      expect(await statusOf(net, id)).toBe('Awarded');
      await net.devnet.increaseTime(ACCEPT_WINDOW_S + 5);
    } finally {
      nodes.signal('poster', 'SIGCONT');
      nodes.signal('worker', 'SIGCONT');
    }
    await nodes.statusIs(id, 'Completed');
    const job = await readJob(net.clients, id);
    expect(job.attempts).toBe(2);
    expect(nodes.nameOf(job.worker)).toBe('worker');
    const lapsed = await marketEvents(net, 'JobExpired', id);
    expect(lapsed).toHaveLength(1);
    const after = await reputationOf(net, nodes.setup('worker').account);
    expect(after.slashed).toBe(before.slashed);
    expect(after.completed).toBe(before.completed + 1n);
  });

  it('a worker offline when the job was announced finds it on chain and asks the poster for it', async () => {
    const before = await completions();
    await nodes.kill('worker');
    // The poster restarted to announce again only after ten minutes: a worker that missed the
    // first announcement can find the job only by asking for it.
    const file = nodes.setup('poster').configFile;
    const config = JSON.parse(readFileSync(file, 'utf8')) as { jobs: { timings: Record<string, number> } };
    config.jobs.timings.reannounceMs = 600_000;
    writeFileSync(file, JSON.stringify(config));
    await restart('poster');
    const id = await post();
    const notAwarded = async () =>
      (await recordOn('poster', id))?.history.some((h) => h.what.includes('not awarded')) ? true : undefined;
    await until(notAwarded, 'the first bid window to close with no bid');
    await nodes.start('worker');
    await completedOnce(id, before);
  });
});
