/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * `cairn` as a user runs it, against real nodes (`cairn node start`, one process each), a real
 * devnet with the contracts deployed and the real indexer: post a job and follow it to
 * Completed, its status, the node's list, the result, a cancel; the worker's stake, unstake
 * and withdraw across a cooldown passed with devnet time travel; the market through GraphQL; a
 * cheating worker's job disputed by the poster's node and resolved by the arbiter. Each error a
 * user meets is checked for its message and its exit code. One devnet for the file.
 */
import { writeFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { STRK } from '../../src/chain/params';
import type { PosterRecord, WorkerRecord } from '../../src/jobs/journal';
import type { WorkerStatus } from '../../src/jobs/worker-methods';
import { ControlClient } from '../../src/control/client';
import { normalizeAddress } from '../../src/shared/felt';
import { slowJob, statusOf } from '../e2e/support/jobs';
import {
  type MarketNet,
  type NodeSetup,
  balanceOf,
  nodeSetup,
  startMarketNet,
  until,
} from '../e2e/support/market-net';
import {
  type ExampleJob,
  type Indexer,
  type RunningNode,
  cairn,
  expectFailure,
  json,
  openRemoteControl,
  postArgs,
  startCairnNode,
  startIndexer,
  stopAll,
  writeWordCount,
} from './support';

jest.setTimeout(300_000);

describe('cairn against a live market', () => {
  let dir: string;
  let net: MarketNet;
  let posterSetup: NodeSetup;
  let honestSetup: NodeSetup;
  let cheatSetup: NodeSetup;
  let honest: RunningNode;
  let poster: RunningNode;
  let cheat: RunningNode;
  /** The arbiter's account, for `cairn arbiter resolve`. */
  let arbiterEnv: Record<string, string>;
  let indexer: Indexer;
  let job: ExampleJob;
  let firstJob: string;

  let remote: string[];
  const P = () => ['--data-dir', posterSetup.config.dataDir];
  const W = () => ['--data-dir', honestSetup.config.dataDir];
  const post = (extra: string[], example = job) =>
    postArgs(posterSetup.config.dataDir, 'job', example, extra);

  beforeAll(async () => {
    // /tmp keeps the nodes' socket paths under the 107-byte limit.
    dir = await mkdtemp('/tmp/cairn-cli-e2e-');
    await chmod(dir, 0o755); // the indexer's PostgreSQL runs as its own user
    net = await startMarketNet(dir, 5);
    posterSetup = await nodeSetup(net, 'poster', { account: 1 });
    // The poster also takes remote callers on TCP, with a token (control.tcp).
    remote = await openRemoteControl(dir, posterSetup);
    honestSetup = await nodeSetup(net, 'worker-1', { account: 2, worker: true, bootstrap: [posterSetup] });
    cheatSetup = await nodeSetup(net, 'worker-2', {
      account: 3,
      worker: true,
      bootstrap: [posterSetup],
      jobs: { faults: { cheat: true } },
    });
    [poster, indexer, job] = await Promise.all([
      startCairnNode(posterSetup),
      startIndexer(net, dir),
      writeWordCount(dir),
    ]);
    honest = await startCairnNode(honestSetup);
  }, 600_000);

  afterAll(async () => {
    await stopAll();
    await net?.devnet.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('post --wait follows the job through bids, award, run and payment to Completed, and saves the result', async () => {
    const out = join(dir, 'result.txt');
    const r = await cairn(post(['--budget', '2', '--wait', '-o', out]));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    firstJob = /posted job (\d+): 2 STRK escrowed \(tx 0x[0-9a-f]+\)/.exec(r.stdout)![1]!;
    expect(r.stdout).toMatch(/\d+ bids? received so far/);
    expect(r.stdout).toMatch(/attempt 1 awarded to 0x[0-9a-f]+ \(12D3KooW\w+\) at 0\.01 STRK\s+tx 0x/);
    expect(r.stdout).toMatch(/chain: Submitted/);
    expect(r.stdout).toMatch(/matches the commitment on chain/);
    expect(r.stdout).toMatch(/confirmed: worker paid\s+tx 0x/);
    expect(r.stdout).toContain(`job ${firstJob} Completed.`);
    expect(r.stdout).toMatch(/result\s+\d+ bytes, sha256 [0-9a-f]{16}…, written to .*result\.txt/);
    const paidTo = /paid\s+0\.01 STRK to worker (0x[0-9a-f]+) \(less the market's fee\)/.exec(r.stdout);
    expect(BigInt(paidTo![1]!)).toBe(BigInt(honestSetup.account));
    expect(r.stdout).toMatch(/1\.99 STRK of the 2 STRK budget refunded/);
    const text = await readFile(out, 'utf8');
    for (const w of job.expected.split(',')) expect(text).toContain(w);
    expect(await statusOf(net, BigInt(firstJob))).toBe('Completed');
  });

  it('post --wait --json streams one JSON event a line, ending with the result', async () => {
    const second = await writeWordCount(dir, 2);
    const r = await cairn(['--json', ...post(['--budget', '1.5', '--wait'], second)]);
    expect(r.code).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events[0]).toMatchObject({ event: 'posted', budget: ((15n * STRK) / 10n).toString() });
    expect(events.filter((e) => e.event === 'progress').length).toBeGreaterThan(3);
    const end = events[events.length - 1] as {
      event: string;
      record: PosterRecord;
      result: { base64: string };
    };
    expect(end.event).toBe('end');
    expect(end.record.chainStatus).toBe('Completed');
    expect(Buffer.from(end.result.base64, 'base64').toString()).toContain('cairn');
  });

  it('status shows what the node knows, on the poster and on the worker', async () => {
    const r = await cairn([...P(), 'job', 'status', firstJob]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`job ${firstJob}, posted by this node: done: Completed`);
    expect(r.stdout).toMatch(/budget\s+2 STRK escrowed, 3 attempts/);
    expect(r.stdout).toMatch(/worker\s+0x[0-9a-f]+ \(peer 12D3KooW\w+\), attempt 1, price 0\.01 STRK/);
    const rec = json<PosterRecord>(await cairn(['--json', ...P(), 'job', 'status', firstJob]));
    expect(rec).toMatchObject({
      role: 'poster',
      step: 'done',
      chainStatus: 'Completed',
      budget: (2n * STRK).toString(),
    });
    // The worker's node knows the fuel it used.
    await until(async () => {
      const w = await cairn(['--json', ...W(), 'job', 'status', firstJob]);
      return w.code === 0 && (JSON.parse(w.stdout) as WorkerRecord).step === 'done' ? true : undefined;
    }, 'the worker to finish the job');
    const w = await cairn([...W(), 'job', 'status', firstJob]);
    expect(w.stdout).toContain(`job ${firstJob}, worked by this node: done`);
    expect(w.stdout).toMatch(/fuel used\s+\d+ in \d+ ms/);
  });

  it("list shows the node's jobs, filtered by --mine and --state", async () => {
    const r = await cairn([...P(), 'job', 'list', '--mine', '--state', 'completed']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ID\s+ROLE\s+STAGE\s+AMOUNT/);
    expect(r.stdout).toMatch(new RegExp(`\\b${firstJob}\\s+poster\\s+done: Completed\\s+0\\.01 STRK`));
    const all = json<PosterRecord[]>(await cairn(['--json', ...P(), 'job', 'list']));
    expect(all.map((j) => j.chainStatus)).toEqual(['Completed', 'Completed']);
    const none = await cairn([...P(), 'job', 'list', '--state', 'Disputed']);
    expect(none.stdout.trim()).toBe('no jobs');
    const onWorker = json<WorkerRecord[]>(await cairn(['--json', ...W(), 'job', 'list', '--mine']));
    expect(onWorker).toEqual([]);
  });

  it('result prints the checked result, or writes it with -o', async () => {
    const r = await cairn([...P(), 'job', 'result', firstJob]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await readFile(join(dir, 'result.txt'), 'utf8'));
    const file = join(dir, 'again.txt');
    const w = await cairn([...P(), 'job', 'result', firstJob, '-o', file]);
    expect(w.stdout).toMatch(/^wrote \d+ bytes to .*again\.txt/);
    expect(await readFile(file, 'utf8')).toBe(r.stdout);
  });

  it('cancel refunds a job nobody was awarded (posted from a remote caller, files sent inline)', async () => {
    const before = await balanceOf(net, posterSetup.account);
    // Below the market's minimum price: no worker can bid, so it stays open.
    const p = await cairn([...remote, ...post(['--budget', '0.001']).slice(2)]);
    expect(p.stderr).toBe('');
    expect(p.code).toBe(0);
    const id = /posted job (\d+): 0\.001 STRK escrowed/.exec(p.stdout)![1]!;
    expect(await statusOf(net, BigInt(id))).toBe('Open');
    const c = await cairn([...P(), 'job', 'cancel', id]);
    expect(c.stderr).toBe('');
    expect(c.stdout).toMatch(new RegExp(`cancelled job ${id}; its budget is refunded \\(tx 0x[0-9a-f]+\\)`));
    expect(await statusOf(net, BigInt(id))).toBe('Cancelled');
    // Only gas is gone.
    expect(before - (await balanceOf(net, posterSetup.account))).toBeLessThan(STRK / 10n);
    await until(async () => {
      const l = json<PosterRecord[]>(await cairn(['--json', ...P(), 'job', 'list', '--state', 'Cancelled']));
      return l.some((j) => j.jobId === id) ? true : undefined;
    }, 'the node to see the cancel');
  });

  it('says what is wrong, with an exit code, for each error a user meets', async () => {
    // Checked before anything is sent: a bad id is a usage error even with no node there.
    expectFailure(
      await cairn(['--data-dir', join(dir, 'nobody'), 'job', 'status', '12x']),
      2,
      /job id "12x": expected a positive integer/,
    );
    expectFailure(
      await cairn([...P(), 'job', 'list', '--state', 'finished']),
      2,
      /--state "finished": expected one of Open, /,
    );
    expectFailure(await cairn(post(['--budget', '-3'])), 2, /--budget "-3": expected STRK/);
    expectFailure(
      await cairn([...P(), 'market', 'worker', '0xnothex']),
      2,
      /address "0xnothex": expected a Starknet address/,
    );
    // No node.
    expectFailure(
      await cairn(['--data-dir', join(dir, 'nobody'), 'job', 'list']),
      3,
      /no node is running with this data dir .*`cairn node start`/,
    );
    // The socket of another user.
    if (process.getuid?.() === 0) {
      expectFailure(
        await cairn([...P(), 'job', 'list'], { uid: 65534, gid: 65534 }),
        4,
        /permission denied on .*control\.sock: .*belongs to root \(uid 0\)/,
      );
    }
    // Unknown job.
    expectFailure(
      await cairn([...P(), 'job', 'status', '999']),
      5,
      /job 999 is not one of this node's jobs; `cairn job list` shows/,
    );
    const unknown = await cairn(['--json', ...P(), 'job', 'status', '999']);
    expect(JSON.parse(unknown.stderr)).toMatchObject({ error: { code: 'UNKNOWN_JOB', exitCode: 5 } });
    // Not enough balance: in STRK, with what the account holds.
    expectFailure(
      await cairn(post(['--budget', '5000000'])),
      8,
      /balance 99\d,\d{3}(\.\d+)? STRK is below the budget 5,000,000 STRK; fund the node's account/,
    );
    // A contract's refusal, in words.
    expectFailure(
      await cairn([...P(), 'job', 'cancel', firstJob]),
      7,
      /the chain refused: the job is no longer open .*\(the contract said: Job is not open\)/,
    );
    const revert = await cairn(['--json', ...P(), 'job', 'cancel', firstJob]);
    expect(JSON.parse(revert.stderr)).toMatchObject({
      error: { code: 'CHAIN_REJECTED', exitCode: 7, data: { reason: 'Job is not open' } },
    });
    expectFailure(
      await cairn([...P(), 'job', 'dispute', firstJob, '--reason', 'wrong counts']),
      7,
      new RegExp(`job ${firstJob} is Completed: only a job whose result is submitted`),
    );
    expectFailure(
      await cairn([...P(), 'job', 'dispute', firstJob, '--reason', 'x'.repeat(32)]),
      2,
      /--reason: at most 31 printable ASCII characters/,
    );
    // Not staked: the poster's account never staked.
    expectFailure(
      await cairn([...P(), 'worker', 'unstake', '1']),
      8,
      /has no stake to unstake; stake first with `cairn worker stake AMOUNT`/,
    );
    const ps = await cairn([...P(), 'worker', 'status']);
    expect(ps.stdout).toMatch(/\(this node only posts\)/);
    expect(ps.stdout).toMatch(/awardable\s+no: it has no stake: stake at least the minimum/);
  });

  it('market: jobs, workers, one worker and the daily figures, from the indexer', async () => {
    const I = ['market', '--indexer', indexer.url];
    await until(async () => {
      const j = await cairn(['--json', ...I, 'jobs', '--status', 'completed']);
      return j.code === 0 && (JSON.parse(j.stdout) as { totalCount: number }).totalCount === 2
        ? true
        : undefined;
    }, 'the indexer to see both completed jobs');
    const jobs = await cairn([...I, 'jobs']);
    expect(jobs.code).toBe(0);
    expect(jobs.stdout).toMatch(/ID\s+STATUS\s+BUDGET\s+PRICE\s+WORKER\s+ATTEMPTS/);
    expect(jobs.stdout).toMatch(new RegExp(`\\b${firstJob}\\s+Completed\\s+2 STRK\\s+0\\.01 STRK\\s+0x`));
    expect(jobs.stdout).toMatch(/Cancelled\s+0\.001 STRK\s+-/);
    const mine = json<{ jobs: { poster: string }[] }>(
      await cairn(['--json', ...I, 'jobs', '--poster', posterSetup.account]),
    );
    expect(mine.jobs).toHaveLength(3);

    const workers = await cairn([...I, 'workers']);
    expect(workers.stdout).toMatch(/ADDRESS\s+STAKED\s+LOCKED\s+UNSTAKING\s+SCORE\s+DONE/);
    expect(workers.stdout).toMatch(/500 STRK\s+0 STRK\s+0 STRK\s+\d+\.\d\d%\s+2\s+0\s+0\s+2/);

    const one = await cairn([...I, 'worker', honestSetup.account]);
    expect(one.stdout).toContain(`worker ${normalizeAddress(honestSetup.account)}`);
    expect(one.stdout).toMatch(/reputation\s+score \d+\.\d\d%: 2 completed, 0 failed, 0 slashed/);
    expect(one.stdout).toMatch(/reputation evidence\nJOB\s+OUTCOME/);
    expect(one.stdout).toMatch(new RegExp(`\\b${firstJob}\\s+completed`));
    expect(one.stdout).toMatch(/collateral_locked/);
    expectFailure(await cairn([...I, 'worker', '0x1234']), 5, /the indexer knows no worker 0x0+1234/);

    const stats = await cairn([...I, 'stats', '--days', '2']);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/3 jobs posted, 2 completed, 0\.0\d+ STRK paid to workers/);
    expect(stats.stdout).toMatch(/indexer at block \d+ of \d+/);

    expectFailure(
      await cairn(['market', '--indexer', 'http://127.0.0.1:9/graphql', 'jobs']),
      3,
      /no indexer answers at http:\/\/127\.0\.0\.1:9\/graphql/,
    );
  });

  it('worker: stake, unstake, a withdraw refused in the cooldown, then done after time travel', async () => {
    const status = async () => json<WorkerStatus>(await cairn(['--json', ...W(), 'worker', 'status']));
    const text = await cairn([...W(), 'worker', 'status']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\(this node bids and runs jobs\)/);
    expect(text.stdout).toMatch(/staked\s+500 STRK \(the registry asks at least 100 STRK\)/);
    expect(text.stdout).toMatch(/reputation\s+2 completed, 0 failed, 0 slashed/);
    expect(text.stdout).toMatch(/peer id\s+12D3KooW\w+ \(this node's\)/);
    expect(text.stdout).toMatch(/awardable\s+yes/);

    const s = await cairn([...W(), 'worker', 'stake', '10']);
    expect(s.stdout).toMatch(/staked 10 STRK; stake now 510 STRK \(tx 0x/);
    expectFailure(
      await cairn([...W(), 'worker', 'unstake', '600']),
      8,
      /only 510 STRK of the stake is free .*cannot unstake 600 STRK/,
    );
    expectFailure(
      await cairn([...W(), 'worker', 'withdraw']),
      7,
      /nothing is being unstaked: request it first/,
    );

    const u = await cairn([...W(), 'worker', 'unstake', '510']);
    expect(u.stdout).toMatch(/unstaking 510 STRK: withdraw it in (1d|23h \d+m) with `cairn worker withdraw`/);
    const during = await cairn([...W(), 'worker', 'status']);
    expect(during.stdout).toMatch(/unstaking\s+510 STRK, cooldown ends in (1d|23h)/);
    expect(during.stdout).toMatch(/awardable\s+no: it is unstaking/);
    const cooling = await cairn(['--json', ...W(), 'worker', 'withdraw']);
    expect(cooling.code).toBe(8);
    expect(JSON.parse(cooling.stderr)).toMatchObject({
      error: { code: 'STAKE_IN_COOLDOWN', data: { pendingUnstake: (510n * STRK).toString() } },
    });
    expectFailure(
      await cairn([...W(), 'worker', 'withdraw']),
      8,
      /the unstaked 510 STRK is in its cooldown for \d+ s more/,
    );

    const balance = await balanceOf(net, honestSetup.account);
    await net.devnet.increaseTime(86_400 + 60);
    expect((await status()).cooldownLeftS).toBe(0);
    const w = await cairn([...W(), 'worker', 'withdraw']);
    expect(w.stderr).toBe('');
    expect(w.stdout).toMatch(/withdrew 510 STRK; stake now 0 STRK \(tx 0x/);
    expect((await balanceOf(net, honestSetup.account)) - balance).toBeGreaterThan(509n * STRK);
    const after = await status();
    expect(after).toMatchObject({ staked: '0', eligible: false, reason: 'Worker has no stake' });
  });

  it("arbiter: a cheat's job, disputed by the poster's node, resolved for the poster", async () => {
    // The honest worker has no stake left; the cheat stakes on start and is the only one eligible.
    await honest.stop();
    cheat = await startCairnNode(cheatSetup);
    const p = await cairn(post(['--budget', '1']));
    const id = /posted job (\d+)/.exec(p.stdout)![1]!;
    await until(
      async () => ((await statusOf(net, BigInt(id))) === 'Disputed' ? true : undefined),
      "the poster's node to dispute the cheat's result",
      180_000,
    );
    const st = await cairn([...P(), 'job', 'status', id]);
    expect(st.stdout).toMatch(/does NOT match the commitment on chain/);
    expect(st.stdout).toMatch(/disputed: output does not match the commitment \(bond 0\.001 STRK\)/);

    const keyFile = join(dir, 'arbiter.key');
    writeFileSync(keyFile, `${net.accounts[0]!.key}\n`, { mode: 0o600 });
    const env = { CAIRN_DEPLOYMENT: net.deploymentFile, CAIRN_ACCOUNT_KEY_FILE: keyFile };
    const arbiter = { ...env, CAIRN_ACCOUNT_ADDRESS: net.accounts[0]!.address };
    arbiterEnv = arbiter;
    expectFailure(
      await cairn(['arbiter', 'resolve', id, '--for', 'poster'], { env }),
      2,
      /CAIRN_ACCOUNT_ADDRESS must name the arbiter account/,
    );
    expectFailure(
      await cairn(['arbiter', 'resolve', id, '--for', 'nobody'], { env: arbiter }),
      2,
      /--for "nobody": expected one of poster, worker/,
    );
    expectFailure(
      await cairn(['arbiter', 'resolve', id, '--for', 'poster'], {
        env: { ...env, CAIRN_ACCOUNT_ADDRESS: posterSetup.account },
      }),
      7,
      /is not the arbiter of job \d+/,
    );
    expectFailure(
      await cairn(['arbiter', 'resolve', firstJob, '--for', 'poster'], { env: arbiter }),
      7,
      /is Completed, not Disputed: nothing to rule on/,
    );

    const r = await cairn(['arbiter', 'resolve', id, '--for', 'poster'], { env: arbiter });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      new RegExp(`job ${id} resolved for the poster: now Resolved \\(tx 0x[0-9a-f]+\\)`),
    );
    expect(await statusOf(net, BigInt(id))).toBe('Resolved');
    await until(async () => {
      const rec = json<PosterRecord>(await cairn(['--json', ...P(), 'job', 'status', id]));
      return rec.step === 'done' ? rec : undefined;
    }, 'the poster to finish the resolved job');
  });

  it('job dispute by hand: a submitted job the node could not check, disputed with a bond, resolved for the worker', async () => {
    // The slash above suspended the cheat for a day; a day later it can be awarded again.
    await net.devnet.increaseTime(86_400 + 60);
    const slow = await slowJob(8_000_000, 'by hand');
    const manifest = join(dir, 'slow.yaml');
    writeFileSync(manifest, slow.manifest);
    const module = join(dir, 'kernel.wasm');
    writeFileSync(module, slow.blobs[0]!);
    const p = await cairn([...P(), 'job', 'post', manifest, '--blob', module, '--budget', '1']);
    expect(p.stderr).toBe('');
    const id = /posted job (\d+)/.exec(p.stdout)![1]!;
    // While the job runs (its data fetched from the poster), freeze the poster; once it is
    // submitted, the worker goes away, so the poster's node can never fetch the result to check
    // it: the job waits in review.
    const cheatSocket = join(cheatSetup.config.dataDir, 'control.sock');
    await until(
      async () => {
        const c = await ControlClient.connect({ socketPath: cheatSocket });
        try {
          const rec = await c.call<WorkerRecord>('job.status', { id });
          return rec.history.some((h) => h.what.startsWith('fetched the job')) && !rec.outputSha256
            ? true
            : undefined;
        } finally {
          c.close();
        }
      },
      'the worker to fetch the job and start running it',
      120_000,
    );
    poster.child.kill('SIGSTOP');
    try {
      await until(
        async () => ((await statusOf(net, BigInt(id))) === 'Submitted' ? true : undefined),
        'submit',
        120_000,
      );
      cheat.child.kill('SIGKILL');
    } finally {
      poster.child.kill('SIGCONT');
    }
    const d = await cairn([...P(), 'job', 'dispute', id, '--reason', 'counts look wrong']);
    expect(d.stderr).toBe('');
    expect(d.stdout).toMatch(
      new RegExp(
        `disputed job ${id} \\(bond 0\\.001 STRK; tx 0x[0-9a-f]+\\); it is Disputed until the arbiter rules`,
      ),
    );
    const again = await cairn([...P(), 'job', 'dispute', id, '--reason', 'twice']);
    expectFailure(again, 7, new RegExp(`job ${id} is Disputed: only a job whose result is submitted`));

    const r = await cairn(['arbiter', 'resolve', id, '--for', 'worker'], { env: arbiterEnv });
    expect(r.stdout).toMatch(new RegExp(`job ${id} resolved for the worker: now Resolved`));
    expect(await statusOf(net, BigInt(id))).toBe('Resolved');
  });
});
