/**
 * Randomized invariant test: many random actions by several accounts against the real
 * contracts, valid and invalid alike. Every call is sent with fixed resource bounds (no fee
 * estimation), so a call the contract refuses is still included, reverted, and its effect (none
 * but the sender's fee) is checked. After every step:
 *   - conservation: the market holds exactly the open budgets plus the bonds of open disputes
 *     plus the fees, and the registry holds exactly the sum of every worker's stake (free,
 *     locked and pending);
 *   - every settlement or slash took exactly the rates its job was awarded with, whatever
 *     set_params scheduled since;
 *   - the acted-on job moved along a legal edge of the state machine for that action, or not
 *     at all; a finished job never moves again;
 *   - a failed call changed nothing but the sender's balance, by exactly its fee.
 *   - no award goes through without the worker's valid consent (unsigned, wrong price, wrong
 *     attempt and expired consents are sent among the valid ones);
 *   - a third of the job steps go through the market's batch entry point as a batch of one
 *     (create_jobs, award_jobs, accept_jobs, submit_results, confirm_jobs, claim_jobs), under
 *     the same checks: a batch settles, locks and pays as the single call does.
 * The run prints its counts per action and outcome, and why each refused call was refused.
 * CAIRN_INVARIANT_SEED replays a run; CAIRN_INVARIANT_STEPS changes its length.
 */
import { randomInt } from 'node:crypto';
import type { Account, Call, ResourceBoundsBN } from 'starknet';
import type { JobStatus } from '../../src/chain/job';
import { executeCalls } from '../../src/chain/contract-client';
import { ChainError } from '../../src/chain/errors';
import { STRK } from '../../src/chain/params';
import { signAwardConsent } from '../../src/chain/award-consent';
import { ChainFixture } from './support/chain';
import { toBigInt } from '../../src/chain/values';
import { mulberry32 } from '../../src/shared/seeded-random';

/** The market's single-job entry points and the batch entry point taking an array of their arguments. */
const BATCH_OF: Record<string, string> = {
  create_job: 'create_jobs',
  award_job: 'award_jobs',
  accept_job: 'accept_jobs',
  submit_result: 'submit_results',
  confirm: 'confirm_jobs',
  claim: 'claim_jobs',
};

const SEED = Number(process.env.CAIRN_INVARIANT_SEED ?? randomInt(2 ** 31));
const STEPS = Number(process.env.CAIRN_INVARIANT_STEPS ?? 1000);

/** Seeded, so a failing walk replays: whole numbers in a range and picks. */
function rng(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

const TERMINAL: JobStatus[] = ['Completed', 'Resolved', 'Cancelled', 'Expired'];
const LIVE: JobStatus[] = ['Open', 'Awarded', 'Accepted', 'Submitted', 'Disputed'];
/** The edges each action may take; anything else is a broken state machine. */
const EDGES: Record<string, [JobStatus, JobStatus[]][]> = {
  cancel_job: [['Open', ['Cancelled']]],
  award_job: [['Open', ['Awarded']]],
  accept_job: [['Awarded', ['Accepted']]],
  submit_result: [['Accepted', ['Submitted']]],
  confirm: [['Submitted', ['Completed']]],
  claim: [['Submitted', ['Completed']]],
  dispute: [['Submitted', ['Disputed']]],
  resolve: [['Disputed', ['Resolved']]],
  finalize_dispute: [['Disputed', ['Resolved']]],
  expire: [
    ['Awarded', ['Open', 'Expired']],
    ['Accepted', ['Open', 'Expired']],
  ],
};

/** What a job's state invites next (the random walk prefers these). */
const NEXT: Record<JobStatus, string[]> = {
  None: [],
  Open: ['award_job', 'award_job', 'award_job', 'cancel_job'],
  Awarded: ['accept_job', 'accept_job', 'accept_job', 'expire'],
  Accepted: ['submit_result', 'submit_result', 'submit_result', 'expire'],
  Submitted: ['confirm', 'dispute', 'dispute', 'claim'],
  // finalize_dispute as often as resolve: refused until the resolution window is over, it
  // would otherwise rarely outlive the arbiter's ruling.
  Disputed: ['resolve', 'finalize_dispute', 'finalize_dispute'],
  Completed: [],
  Resolved: [],
  Cancelled: [],
  Expired: [],
};

interface Snapshot {
  marketBalance: bigint;
  registryBalance: bigint;
  escrowed: bigint;
  fees: bigint;
  totalStaked: bigint;
  stakes: string[];
  job?: string;
  sender: bigint;
}

/** Short windows so random time jumps reach every deadline within a run. */
const walkParams = {
  fee_bps: 250n,
  collateral_bps: 5_000n,
  slash_bps: 5_000n,
  accept_window: 300n,
  review_window: 600n,
  max_exec_duration: 900n,
  dispute_bond_bps: 1_000n,
  resolution_window: 900n,
  min_price: STRK / 100n,
  min_collateral: STRK / 200n,
};

let chain: ChainFixture;
beforeAll(async () => {
  chain = await ChainFixture.start({
    accounts: 10,
    marketParams: walkParams,
    registryParams: { min_stake: 50n * STRK, cooldown: 600n, suspension: 900n },
  });
  // Workers start staked and bound to a peer, so awards can succeed from the first steps; the
  // random walk stakes and unstakes on top of that.
  for (const w of chain.actors.workers) await chain.stake(w, 200n * STRK, `12D3KooW${w.address.slice(-8)}`);
});
afterAll(async () => {
  await chain?.stop();
});

it(`keeps every invariant over ${STEPS} random actions (seed ${SEED})`, async () => {
  const r = rng(SEED);
  const { posters, workers, arbiter, outsider, owner } = chain.actors;
  const everyone = [...posters, ...workers, arbiter, outsider, owner];
  const read = chain.read;
  const jobs: { id: bigint; budget: bigint; poster: Account; status: JobStatus; worker?: Account; bond: bigint }[] = [];
  const counts = { ok: 0, failed: 0, timeJumps: 0, batched: 0 } as Record<string, number>;
  /** Why refused calls were refused, to see what a run exercised: '<action>: <reason>' -> n. */
  const reasons: Record<string, number> = {};
  const block = await chain.provider.getBlockWithTxHashes('latest');
  const price = (p: { price_in_fri: string }) => toBigInt(p.price_in_fri) * 4n + 1n;
  const bounds: ResourceBoundsBN = {
    l1_gas: { max_amount: 0n, max_price_per_unit: price(block.l1_gas_price) },
    l1_data_gas: { max_amount: 4_000n, max_price_per_unit: price(block.l1_data_gas_price) },
    l2_gas: { max_amount: 60_000_000n, max_price_per_unit: price(block.l2_gas_price) },
  };

  const json = (v: unknown) =>
    JSON.stringify(v, (_, x: unknown) =>
      typeof x === 'bigint' ? x.toString() : (x as { activeVariant?: () => string })?.activeVariant ? (x as { activeVariant: () => string }).activeVariant() : x,
    );
  // Reads go out together: one step's snapshot is a dozen calls, a run is thousands of steps.
  const snapshot = async (sender: Account, jobId?: bigint): Promise<Snapshot> => {
    const [marketBalance, registryBalance, escrowed, fees, totalStaked, stakes, job, senderBalance] = await Promise.all([
      chain.balance(chain.deployment.market),
      chain.balance(chain.deployment.registry),
      read.market.read.escrowed().then(toBigInt),
      read.market.read.fees_accrued().then(toBigInt),
      read.registry.read.total_staked().then(toBigInt),
      Promise.all(workers.map(async (w) => json(await chain.stakeInfo(w)))),
      jobId === undefined ? undefined : read.market.read.job(jobId).then(json),
      chain.balance(sender.address),
    ]);
    return { marketBalance, registryBalance, escrowed, fees, totalStaked, stakes, job, sender: senderBalance };
  };

  const populate = (account: Account) => chain.as(account);
  const approve = (account: Account, spender: string, amount: bigint): Call =>
    populate(account).token.populate('approve', spender, amount);

  /** One random action: who sends which calls, and which job it touches. */
  const choose = async (): Promise<{ name: string; sender: Account; calls: Call[]; job?: (typeof jobs)[number]; workerWins?: boolean }> => {
    // Mostly live jobs and the actions their state allows, so runs go deep into the machine;
    // the rest is anything at all, so every refusal path is exercised too. With no live job,
    // mostly an action that is not about a job (creating one among them): poking finished jobs
    // over and over would only repeat the same refusals.
    const live = jobs.filter((j) => LIVE.includes(j.status));
    const job =
      live.length === 0
        ? jobs.length > 0 && r.chance(0.1)
          ? r.pick(jobs)
          : undefined
        : r.chance(0.25)
          ? undefined
          : r.chance(0.9)
            ? r.pick(live)
            : r.pick(jobs);
    const rightful = (who: Account | undefined) => (who && r.chance(0.9) ? who : r.pick(everyone));
    const kind = job
      ? r.chance(0.8) && NEXT[job.status].length > 0
        ? r.pick(NEXT[job.status])
        : r.pick(['cancel_job', 'award_job', 'accept_job', 'submit_result', 'confirm', 'dispute', 'resolve', 'finalize_dispute', 'expire', 'claim'])
      : r.pick(['create_job', 'create_job', 'create_job', 'stake', 'stake', 'request_unstake', 'cancel_unstake', 'withdraw', 'set_params', 'set_arbiter']);
    if (kind === 'create_job') {
      const poster = r.pick(posters);
      const budget = r.chance(0.05) ? 0n : BigInt(r.int(1, 40)) * STRK;
      return {
        name: kind,
        sender: poster,
        calls: [
          approve(poster, chain.deployment.market, budget),
          populate(poster).market.populate('create_job', budget, r.chance(0.05) ? 0n : BigInt(r.int(1, 3)), BigInt(r.int(30, 1000)), BigInt(r.int(0, 3))),
        ],
      };
    }
    if (kind === 'stake') {
      const w = r.pick(workers);
      const amount = r.chance(0.05) ? 0n : BigInt(r.int(10, 200)) * STRK;
      return { name: kind, sender: w, calls: [approve(w, chain.deployment.registry, amount), populate(w).registry.populate('stake', amount)] };
    }
    if (kind === 'request_unstake') {
      const w = r.pick(workers);
      return { name: kind, sender: w, calls: [populate(w).registry.populate('request_unstake', BigInt(r.int(0, 150)) * STRK)] };
    }
    if (kind === 'set_params') {
      // Mostly the owner with rates inside the bounds (they take effect after the timelock and
      // must never touch a live job's terms); sometimes a fee over the bound, or a stranger.
      const s = rightful(owner);
      const params = {
        ...walkParams,
        fee_bps: BigInt(r.chance(0.1) ? 2_001 : r.int(0, 2_000)),
        slash_bps: BigInt(r.int(0, 10_000)),
        dispute_bond_bps: BigInt(r.int(0, 10_000)),
      };
      return { name: kind, sender: s, calls: [populate(s).market.populate('set_params', params)] };
    }
    if (kind === 'set_arbiter') {
      const s = rightful(owner);
      return { name: kind, sender: s, calls: [populate(s).market.populate('set_arbiter', r.pick([arbiter, owner, outsider]).address)] };
    }
    if (kind === 'cancel_unstake' || kind === 'withdraw') {
      const w = r.pick(workers);
      return { name: kind, sender: w, calls: [populate(w).registry.populate(kind, ...([] as []))] };
    }
    const j = job!;
    const m = (a: Account) => populate(a).market;
    switch (kind) {
      case 'cancel_job':
      case 'confirm': {
        const s = rightful(j.poster);
        return { name: kind, sender: s, calls: [m(s).populate(kind, j.id)], job: j };
      }
      case 'dispute': {
        // The bond needs an allowance: usually enough, sometimes none (refused, nothing moves).
        const s = rightful(j.poster);
        const now = await chain.job(j.id);
        const bond = (now.price * now.dispute_bond_bps) / 10_000n;
        return {
          name: kind,
          sender: s,
          calls: [approve(s, chain.deployment.market, r.chance(0.9) ? bond : 0n), m(s).populate('dispute', j.id, 0xbadn, BigInt(r.int(1, 2 ** 30)))],
          job: j,
        };
      }
      case 'finalize_dispute': {
        // Half the time the arbiter has stayed silent: the clock goes past the dispute's
        // resolve_by, so the default settlement (worker paid, bond moved) runs, not only its
        // refusal.
        if (j.status === 'Disputed' && r.chance(0.5)) {
          const gap = (await chain.job(j.id)).resolve_by - (await chain.now()) + 1n;
          if (gap > 0n) await chain.advance(gap);
          counts.timeJumps!++;
        }
        const s = r.pick(everyone);
        return { name: kind, sender: s, calls: [m(s).populate('finalize_dispute', j.id)], job: j };
      }
      case 'award_job': {
        const s = rightful(j.poster);
        const w = r.chance(0.9) ? r.pick(workers) : r.pick(everyone);
        const p = r.chance(0.9) ? (j.budget * BigInt(r.int(1, 100))) / 100n : j.budget + STRK;
        // Mostly the worker's real consent; else one of the ways a consent can be wrong: none
        // at all, for another price, for another attempt, or expired.
        const flaw = r.chance(0.8) ? 'none' : r.pick(['unsigned', 'price', 'attempt', 'expired'] as const);
        const now = await chain.now();
        const expiry = flaw === 'expired' ? now - 1n : now + 3_600n;
        const attempt = (await chain.job(j.id)).attempts + (flaw === 'attempt' ? 2 : 1);
        const signed = flaw === 'price' ? p + 1n : p;
        const signature =
          flaw === 'unsigned' || signed <= 0n
            ? []
            : await signAwardConsent(w, { market: chain.deployment.market, jobId: j.id, price: signed, expiry, attempt });
        return { name: `${kind}${flaw === 'none' ? '' : `:${flaw}`}`, sender: s, calls: [m(s).populate('award_job', j.id, w.address, p, expiry, signature)], job: j };
      }
      case 'accept_job':
      case 'claim': {
        const s = rightful(j.worker);
        return { name: kind, sender: s, calls: [m(s).populate(kind, j.id)], job: j };
      }
      case 'submit_result': {
        const s = rightful(j.worker);
        return { name: kind, sender: s, calls: [m(s).populate('submit_result', j.id, r.chance(0.05) ? 0n : BigInt(r.int(1, 2 ** 30)))], job: j };
      }
      case 'resolve': {
        // The dispute's own arbiter, fixed when it was opened, whoever is arbiter now.
        const fixed = (await chain.job(j.id)).arbiter;
        const s = rightful(everyone.find((a) => BigInt(a.address) === fixed));
        const workerWins = r.chance(0.5);
        return { name: kind, sender: s, calls: [m(s).populate('resolve', j.id, workerWins)], job: j, workerWins };
      }
      default: {
        const s = r.pick(everyone); // expire: anyone
        return { name: kind, sender: s, calls: [m(s).populate('expire', j.id)], job: j };
      }
    }
  };

  /** The same calls, a single-job market call sent as its batch entry point's batch of one. */
  const asBatchOfOne = (calls: Call[]): Call[] =>
    calls.map((c) =>
      BigInt(c.contractAddress) === BigInt(chain.deployment.market) && c.entrypoint in BATCH_OF
        ? { ...c, entrypoint: BATCH_OF[c.entrypoint]!, calldata: ['0x1', ...(c.calldata as string[])] }
        : c,
    );

  const check = (cond: boolean, what: string) => {
    if (!cond) throw new Error(what);
  };

  let step = 0;
  try {
    for (step = 1; step <= STEPS; step++) {
      if (r.chance(0.08)) {
        // Now and then past the params timelock, so scheduled rates come into force mid-walk.
        await chain.advance(r.chance(0.1) ? 2 * 86_400 : r.int(30, 1200));
        counts.timeJumps!++;
      }
      const action = await choose();
      if (action.calls.some((c) => c.entrypoint in BATCH_OF) && r.chance(0.33)) {
        action.calls = asBatchOfOne(action.calls);
        counts.batched!++;
      }
      const prev = action.job ? await chain.job(action.job.id) : undefined;
      const before = await snapshot(action.sender, action.job?.id);
      let txHash: string;
      let ok = true;
      try {
        txHash = (await executeCalls(action.sender, action.calls, { resourceBounds: bounds })).txHash;
      } catch (err) {
        if (!(err instanceof ChainError) || err.code !== 'REVERTED' || !err.txHash) throw err;
        txHash = err.txHash;
        ok = false;
        const why = `${action.name}: ${err.reason ?? '?'}`;
        reasons[why] = (reasons[why] ?? 0) + 1;
      }
      counts[ok ? 'ok' : 'failed']!++;
      counts[`${action.name}:${ok ? 'ok' : 'failed'}`] = (counts[`${action.name}:${ok ? 'ok' : 'failed'}`] ?? 0) + 1;
      const fee = await chain.feePaid(txHash);
      const after = await snapshot(action.sender, action.job?.id);

      check(!(ok && action.name.startsWith('award_job:')), `${action.name}: an award without a valid consent went through`);
      if (!ok) {
        check(json({ ...after, sender: 0n }) === json({ ...before, sender: 0n }), `failed ${action.name} changed state`);
        check(after.sender === before.sender - fee, `failed ${action.name}: sender lost more than the fee`);
      } else if (action.name === 'create_job') {
        const id = toBigInt(await read.market.read.job_count());
        const j = await chain.job(id);
        check(j.status === 'Open', 'a new job is Open');
        jobs.push({ id, budget: j.budget, poster: action.sender, status: 'Open', bond: 0n });
      } else if (action.job) {
        const j = await chain.job(action.job.id);
        const from = action.job.status;
        const edge = EDGES[action.name.split(':')[0]!]!.find(([f]) => f === from);
        check(!!edge && edge[1].includes(j.status), `${action.name} moved job ${action.job.id} ${from} -> ${j.status}`);
        check(j.attempts <= j.max_attempts, 'attempts within max_attempts');
        action.job.status = j.status;
        action.job.bond = j.dispute_bond;
        // A settlement takes exactly the rates the job was awarded with, whatever set_params
        // scheduled since: the fees grow by the job's fee on the price, or its slash on the
        // collateral, and by nothing else.
        const fee = (prev!.price * prev!.fee_bps) / 10_000n;
        const slash = (prev!.collateral * prev!.slash_bps) / 10_000n;
        const expected: Record<string, bigint> = {
          confirm: fee,
          claim: fee,
          finalize_dispute: fee,
          resolve: action.workerWins ? fee : slash,
          expire: from === 'Accepted' ? slash : 0n,
        };
        if (action.name in expected) {
          check(after.fees - before.fees === expected[action.name], `${action.name} on job ${action.job.id}: fees grew by ${after.fees - before.fees}, expected ${expected[action.name]} at the awarded rates`);
        }
        action.job.worker = j.worker === 0n ? undefined : everyone.find((a) => BigInt(a.address) === j.worker);
      }

      // Conservation, after every step.
      const openBudgets = jobs.filter((j) => LIVE.includes(j.status)).reduce((s, j) => s + j.budget, 0n);
      const bonds = jobs.filter((j) => j.status === 'Disputed').reduce((s, j) => s + j.bond, 0n);
      check(after.escrowed === openBudgets + bonds, `escrowed ${after.escrowed} != open budgets ${openBudgets} + bonds ${bonds}`);
      check(after.marketBalance === after.escrowed + after.fees, `market holds ${after.marketBalance} != escrow ${after.escrowed} + fees ${after.fees}`);
      const stakeSum = after.stakes.map((s) => BigInt((JSON.parse(s) as { staked: string }).staked)).reduce((a, b) => a + b, 0n);
      check(after.registryBalance === after.totalStaked && after.totalStaked === stakeSum, `registry holds ${after.registryBalance}, total_staked ${after.totalStaked}, stakes sum ${stakeSum}`);
      for (const info of after.stakes.map((s) => JSON.parse(s) as Record<string, string>)) {
        check(BigInt(info.locked!) + BigInt(info.pending_unstake!) <= BigInt(info.staked!), 'locked + pending <= staked');
      }
    }
    // Every job's cached status still matches the chain: no action moved a job it did not name.
    for (const j of jobs) {
      const status = (await chain.job(j.id)).status;
      check(status === j.status, `job ${j.id} is ${status}, last seen ${j.status}`);
      if (TERMINAL.includes(j.status)) check(!LIVE.includes(status), 'finished jobs stay finished');
    }
  } catch (err) {
    throw new Error(`invariant broken at step ${step}; replay with CAIRN_INVARIANT_SEED=${SEED}: ${(err as Error).message}`, { cause: err });
  }
  process.stdout.write(`invariants: seed ${SEED}, ${STEPS} steps, ${JSON.stringify(counts)}\nrefused: ${JSON.stringify(reasons)}\n`);
  // The run must have exercised the machine, not only bounced off it.
  for (const name of ['create_job', 'award_job', 'accept_job', 'submit_result', 'confirm', 'expire', 'stake', 'dispute', 'resolve', 'finalize_dispute', 'set_params', 'set_arbiter']) {
    expect(counts[`${name}:ok`] ?? 0).toBeGreaterThan(0);
  }
  expect(counts.failed).toBeGreaterThan(0);
  expect(counts.batched).toBeGreaterThan(0);
  expect(counts.ok! + counts.failed!).toBe(STEPS);
}, 3_600_000);
