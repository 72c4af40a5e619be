/**
 * JobMarket on a real devnet, entry point by entry point: the happy path with its exact token
 * movements and events, a wrong caller, a wrong state, bad amounts, and the deadlines driven
 * by devnet time travel. Each test uses fresh jobs so the order of tests does not matter,
 * except where a test says it moves the clock.
 */
import { STRK } from '../../src/chain/params';
import { ChainFixture, DEFAULT_BUDGET, DEFAULT_PRICE, expectStampedBy, revertReason } from './support/chain';
import { toBigInt } from '../../src/chain/values';

let chain: ChainFixture;
let poster: ChainFixture['actors']['owner'];
let other: ChainFixture['actors']['owner'];
let worker: ChainFixture['actors']['owner'];
let worker2: ChainFixture['actors']['owner'];

beforeAll(async () => {
  chain = await ChainFixture.start({ accounts: 14 });
  [poster, other] = chain.actors.posters as [typeof poster, typeof poster];
  [worker, worker2] = chain.actors.workers as [typeof poster, typeof poster];
  for (const w of chain.actors.workers) await chain.stake(w);
});
afterAll(async () => {
  await chain?.stop();
});

const fresh = () => chain.actors.workers.slice(5); // workers no test slashes (1, 3 and 4 are slashed)
const market = () => chain.read.market.read;
const BPS = 10_000n;
/** JobMarket's TIMELOCK: seconds before set_params / set_arbiter take effect. */
const TIMELOCK = 2n * 86_400n;
async function params() {
  const p = await market().params();
  return {
    bond: toBigInt(p.dispute_bond_bps),
    resolution: toBigInt(p.resolution_window),
    fee: toBigInt(p.fee_bps),
    collateral: toBigInt(p.collateral_bps),
    slash: toBigInt(p.slash_bps),
    accept: toBigInt(p.accept_window),
    review: toBigInt(p.review_window),
  };
}

describe('create_job', () => {
  it('escrows the budget and emits JobCreated keyed by job id', async () => {
    const escrowBefore = toBigInt(await market().escrowed());
    const marketBefore = await chain.balance(chain.deployment.market);
    const c = chain.as(poster);
    await c.token.invoke('approve', chain.deployment.market, DEFAULT_BUDGET);
    const { txHash } = await c.market.invoke('create_job', DEFAULT_BUDGET, 0x1234n, 600n, 3n);
    const id = toBigInt(await market().job_count());
    expect(await chain.balance(chain.deployment.market)).toBe(marketBefore + DEFAULT_BUDGET);
    expect(toBigInt(await market().escrowed())).toBe(escrowBefore + DEFAULT_BUDGET);
    const job = await chain.job(id);
    expect(job).toMatchObject({ status: 'Open', budget: DEFAULT_BUDGET, poster: BigInt(poster.address), max_attempts: 3, attempts: 0 });
    const events = await chain.events(txHash);
    expect(events.map((e) => e.name)).toEqual(['JobCreated']);
    expect(events[0]!.fields).toEqual({
      job_id: id,
      poster: BigInt(poster.address),
      budget: DEFAULT_BUDGET,
      manifest_hash: 0x1234n,
      exec_duration: 600n,
      max_attempts: 3n,
    });
  });

  it('refuses a zero or too large budget, a zero manifest, bad durations and bad attempt counts', async () => {
    const c = chain.as(poster).market;
    expect(await revertReason(c.invoke('create_job', 0n, 1n, 600n, 1n))).toBe('Budget must be positive');
    // A budget and its price share a storage slot, 123 bits each: a larger budget is refused, not
    // truncated, and so is one with a u256 high word.
    expect(await revertReason(c.invoke('create_job', 1n << 123n, 1n, 600n, 1n))).toBe('Budget too large');
    expect(await revertReason(c.invoke('create_job', (1n << 128n) + STRK, 1n, 600n, 1n))).toBe('Budget too large');
    expect(await revertReason(c.invoke('create_job', STRK, 0n, 600n, 1n))).toBe('Manifest hash must not be zero');
    expect(await revertReason(c.invoke('create_job', STRK, 1n, 0n, 1n))).toBe('Execution duration out of range');
    expect(await revertReason(c.invoke('create_job', STRK, 1n, 10n ** 9n, 1n))).toBe('Execution duration out of range');
    expect(await revertReason(c.invoke('create_job', STRK, 1n, 600n, 0n))).toBe('Max attempts out of range');
    expect(await revertReason(c.invoke('create_job', STRK, 1n, 600n, 11n))).toBe('Max attempts out of range');
  });

  it('refuses a budget beyond the allowance and changes nothing', async () => {
    const count = toBigInt(await market().job_count());
    const escrow = toBigInt(await market().escrowed());
    const reason = await revertReason(chain.as(other).market.invoke('create_job', 10n ** 30n, 1n, 600n, 1n));
    expect(reason).toMatch(/allowance|balance/i);
    expect(toBigInt(await market().job_count())).toBe(count);
    expect(toBigInt(await market().escrowed())).toBe(escrow);
  });
});

describe('cancel_job', () => {
  it('refunds the poster in full', async () => {
    const id = await chain.createJob(poster);
    const before = await chain.balance(chain.deployment.market);
    const { txHash } = await chain.as(poster).market.invoke('cancel_job', id);
    expect(await chain.balance(chain.deployment.market)).toBe(before - DEFAULT_BUDGET);
    expect((await chain.job(id)).status).toBe('Cancelled');
    expect(await chain.events(txHash)).toEqual([{ name: 'JobCancelled', from: expect.any(String), fields: { job_id: id, refund: DEFAULT_BUDGET } }]);
  });

  it('refuses another caller, a job not open, an unknown job', async () => {
    const id = await chain.createJob(poster);
    expect(await revertReason(chain.as(other).market.invoke('cancel_job', id))).toBe('Caller is not the poster');
    const awarded = await chain.awardedJob(poster, fresh()[0]!);
    expect(await revertReason(chain.as(poster).market.invoke('cancel_job', awarded))).toBe('Job is not open');
    expect(await revertReason(chain.as(poster).market.invoke('cancel_job', 999_999n))).toBe('Unknown job');
  });
});

describe('award_job', () => {
  it('records worker, price and collateral share, opens the accept window', async () => {
    const p = await params();
    const id = await chain.createJob(poster);
    const { txHash } = await chain.award(poster, worker, id, DEFAULT_PRICE);
    const job = await chain.job(id);
    const collateral = (DEFAULT_PRICE * p.collateral) / BPS;
    expect(job).toMatchObject({ status: 'Awarded', worker: BigInt(worker.address), price: DEFAULT_PRICE, collateral, attempts: 1 });
    await expectStampedBy(chain, txHash, job.accept_by, p.accept);
    expect((await chain.events(txHash))[0]).toMatchObject({
      name: 'JobAwarded',
      fields: { job_id: id, worker: BigInt(worker.address), price: DEFAULT_PRICE, collateral, attempt: 1n },
    });
  });

  it('refuses another caller, a job not open, zero and over-budget prices, the poster, address zero', async () => {
    const id = await chain.createJob(poster);
    const c = chain.as(poster).market;
    expect(await revertReason(chain.award(worker, worker, id, STRK))).toBe('Caller is not the poster');
    const later = (await chain.now()) + 3_600n;
    expect(await revertReason(c.invoke('award_job', id, worker.address, 0n, later, []))).toBe('Price must be positive');
    expect(await revertReason(chain.award(poster, worker, id, DEFAULT_BUDGET + 1n))).toBe('Price exceeds budget');
    expect(await revertReason(chain.award(poster, poster, id, STRK))).toBe('Poster cannot be the worker');
    expect(await revertReason(c.invoke('award_job', id, '0x0', STRK, later, []))).toBe('Address must not be zero');
    await chain.award(poster, worker, id, STRK);
    expect(await revertReason(chain.award(poster, worker2, id, STRK))).toBe('Job is not open');
  });

  it('refuses a worker without enough free stake for the collateral, or not staked at all', async () => {
    const id = await chain.createJob(poster, { budget: 10_000n * STRK });
    expect(await revertReason(chain.award(poster, chain.actors.outsider, id, STRK))).toBe('Worker has no stake');
    // collateral = half of 5,000 STRK > the 500 STRK staked
    expect(await revertReason(chain.award(poster, worker, id, 5_000n * STRK))).toBe('Insufficient free stake');
  });

  it('refuses an unstaking worker', async () => {
    const w = fresh()[1]!;
    await chain.as(w).registry.invoke('request_unstake', STRK);
    const id = await chain.createJob(poster);
    expect(await revertReason(chain.award(poster, w, id, STRK))).toBe('Worker is unstaking');
    await chain.as(w).registry.invoke('cancel_unstake');
    await chain.award(poster, w, id, STRK);
    expect((await chain.job(id)).status).toBe('Awarded');
  });
});

describe('accept_job', () => {
  it('starts the deadline and locks the collateral', async () => {
    const w = fresh()[2]!;
    const id = await chain.awardedJob(poster, w, { execDuration: 900n });
    const locked = (await chain.stakeInfo(w)).locked;
    const { txHash } = await chain.as(w).market.invoke('accept_job', id);
    const job = await chain.job(id);
    expect(job.status).toBe('Accepted');
    await expectStampedBy(chain, txHash, job.deadline, 900n);
    expect((await chain.stakeInfo(w)).locked).toBe(locked + job.collateral);
    expect((await chain.events(txHash)).map((e) => e.name)).toEqual(['JobAccepted', 'CollateralLocked']);
  });

  it('refuses another caller and a job not awarded', async () => {
    const id = await chain.awardedJob(poster, worker);
    expect(await revertReason(chain.as(worker2).market.invoke('accept_job', id))).toBe('Caller is not the worker');
    const open = await chain.createJob(poster);
    expect(await revertReason(chain.as(worker).market.invoke('accept_job', open))).toBe('Caller is not the worker');
    await chain.as(worker).market.invoke('accept_job', id);
    expect(await revertReason(chain.as(worker).market.invoke('accept_job', id))).toBe('Job is not awarded');
  });
});

describe('submit_result', () => {
  it('stores the commitment and opens the review window', async () => {
    const p = await params();
    const id = await chain.acceptedJob(poster, worker);
    const { txHash } = await chain.as(worker).market.invoke('submit_result', id, 0x5eedn);
    const job = await chain.job(id);
    expect(job).toMatchObject({ status: 'Submitted', commitment: 0x5eedn });
    await expectStampedBy(chain, txHash, job.review_until, p.review);
    expect((await chain.events(txHash))[0]).toMatchObject({ name: 'ResultSubmitted', fields: { job_id: id, commitment: 0x5eedn } });
  });

  it('refuses another caller, a zero commitment, a job not accepted', async () => {
    const id = await chain.acceptedJob(poster, worker);
    expect(await revertReason(chain.as(worker2).market.invoke('submit_result', id, 1n))).toBe('Caller is not the worker');
    expect(await revertReason(chain.as(worker).market.invoke('submit_result', id, 0n))).toBe('Commitment must not be zero');
    const awarded = await chain.awardedJob(poster, worker);
    expect(await revertReason(chain.as(worker).market.invoke('submit_result', awarded, 1n))).toBe('Job is not accepted');
  });
});

describe('confirm', () => {
  it('pays the price less the fee, refunds the unspent budget, releases collateral, counts a completion', async () => {
    const p = await params();
    const w = fresh()[0]!;
    const id = await chain.submittedJob(poster, w);
    const fee = (DEFAULT_PRICE * p.fee) / BPS;
    const [wBefore, mBefore, feesBefore, repBefore] = [
      await chain.balance(w.address),
      await chain.balance(chain.deployment.market),
      toBigInt(await market().fees_accrued()),
      await chain.reputation(w),
    ];
    const { txHash } = await chain.as(poster).market.invoke('confirm', id);
    expect(await chain.balance(w.address)).toBe(wBefore + DEFAULT_PRICE - fee);
    expect(await chain.balance(chain.deployment.market)).toBe(mBefore - DEFAULT_BUDGET + fee);
    expect(toBigInt(await market().fees_accrued())).toBe(feesBefore + fee);
    expect((await chain.stakeInfo(w)).locked).toBe(0n);
    expect((await chain.reputation(w)).completed).toBe(repBefore.completed + 1n);
    const events = await chain.events(txHash);
    expect(events.map((e) => e.name)).toEqual(['CollateralReleased', 'ReputationUpdated', 'JobCompleted']);
    expect(events[2]!.fields).toEqual({
      job_id: id,
      worker: BigInt(w.address),
      payout: DEFAULT_PRICE - fee,
      fee,
      refund: DEFAULT_BUDGET - DEFAULT_PRICE,
      claimed: false,
    });
    expect((await chain.job(id)).status).toBe('Completed');
  });

  it('refuses another caller and a job not submitted', async () => {
    const id = await chain.submittedJob(poster, worker);
    expect(await revertReason(chain.as(worker).market.invoke('confirm', id))).toBe('Caller is not the poster');
    const accepted = await chain.acceptedJob(poster, worker);
    expect(await revertReason(chain.as(poster).market.invoke('confirm', accepted))).toBe('Job is not submitted');
  });
});

describe('dispute and resolve', () => {
  it('the arbiter decides for the worker: paid as on confirm, plus the poster\'s bond', async () => {
    const w = fresh()[0]!;
    const id = await chain.submittedJob(poster, w);
    const p = await params();
    const bond = (DEFAULT_PRICE * p.bond) / BPS;
    const [marketBefore, escrowBefore] = [await chain.balance(chain.deployment.market), toBigInt(await market().escrowed())];
    const { txHash } = await chain.dispute(poster, id, 0x626164n, 0x0badn);
    // The bond is held with the escrow; the event names the parties, the arbiter and the evidence.
    expect(toBigInt(await market().escrowed())).toBe(escrowBefore + bond);
    expect(await chain.balance(chain.deployment.market)).toBe(marketBefore + bond);
    const disputed = await chain.job(id);
    expect((await chain.events(txHash)).find((e) => e.name === 'JobDisputed')).toMatchObject({
      fields: {
        job_id: id,
        poster: BigInt(poster.address),
        worker: BigInt(w.address),
        arbiter: BigInt(chain.actors.arbiter.address),
        reason: 0x626164n,
        commitment: 0xabcdefn,
        disputed_output_hash: 0x0badn,
        bond,
        resolve_by: disputed.resolve_by,
      },
    });
    await expectStampedBy(chain, txHash, disputed.resolve_by, p.resolution);
    expect(disputed).toMatchObject({ status: 'Disputed', dispute_bond: bond, arbiter: BigInt(chain.actors.arbiter.address) });
    const before = await chain.balance(w.address);
    const res = await chain.as(chain.actors.arbiter).market.invoke('resolve', id, true);
    const fee = (DEFAULT_PRICE * p.fee) / BPS;
    expect(await chain.balance(w.address)).toBe(before + DEFAULT_PRICE - fee + bond);
    expect((await chain.events(res.txHash)).at(-1)).toMatchObject({
      name: 'JobResolved',
      fields: { worker_wins: true, by_default: false, payout: DEFAULT_PRICE - fee, slashed: 0n, bond, fee_bps: p.fee, slash_bps: p.slash, poster: BigInt(poster.address), worker: BigInt(w.address) },
    });
    expect((await chain.job(id)).status).toBe('Resolved');
  });

  it('the arbiter decides for the poster: full refund, the configured share of collateral slashed', async () => {
    const p = await params();
    const w = chain.actors.workers[1]!; // slashed here: suspended afterwards
    const id = await chain.submittedJob(poster, w);
    await chain.dispute(poster, id, 1n);
    const bond = (DEFAULT_PRICE * p.bond) / BPS;
    const collateral = (DEFAULT_PRICE * p.collateral) / BPS;
    const slashed = (collateral * p.slash) / BPS;
    const [stakeBefore, feesBefore, posterBefore] = [await chain.stakeInfo(w), toBigInt(await market().fees_accrued()), await chain.balance(poster.address)];
    const { txHash } = await chain.as(chain.actors.arbiter).market.invoke('resolve', id, false);
    // Budget and bond back.
    expect(await chain.balance(poster.address)).toBe(posterBefore + DEFAULT_BUDGET + bond);
    const after = await chain.stakeInfo(w);
    expect(after.staked).toBe(stakeBefore.staked - slashed);
    expect(after.locked).toBe(stakeBefore.locked - collateral);
    expect(toBigInt(await market().fees_accrued())).toBe(feesBefore + slashed);
    expect((await chain.reputation(w)).slashed).toBe(1n);
    const names = (await chain.events(txHash)).map((e) => e.name);
    // Every state change is written before the market calls out, so its own event comes first.
    expect(names).toEqual(['JobResolved', 'CollateralReleased', 'Slashed', 'ReputationUpdated']);
    // A slashed worker is suspended: it cannot be awarded.
    const next = await chain.createJob(poster);
    expect(await revertReason(chain.award(poster, w, next, STRK))).toBe('Worker is suspended');
  });

  it('refuses a dispute by another caller or of a job not submitted, and resolve by anyone but the arbiter', async () => {
    const id = await chain.submittedJob(poster, worker);
    expect(await revertReason(chain.dispute(worker, id, 1n))).toBe('Caller is not the poster');
    const accepted = await chain.acceptedJob(poster, worker);
    expect(await revertReason(chain.dispute(poster, accepted, 1n))).toBe('Job is not submitted');
    // Without an allowance for the bond, the dispute is refused and nothing moves.
    await chain.as(poster).token.invoke('approve', chain.deployment.market, 0n);
    expect(await revertReason(chain.as(poster).market.invoke('dispute', id, 1n, 2n))).toMatch(/allowance|balance/i);
    expect((await chain.job(id)).status).toBe('Submitted');
    await chain.dispute(poster, id, 1n);
    expect(await revertReason(chain.as(poster).market.invoke('resolve', id, false))).toBe('Caller is not the arbiter');
    expect(await revertReason(chain.as(chain.actors.arbiter).market.invoke('resolve', accepted, false))).toBe('Job is not disputed');
  });
});

describe('deadlines (moves the devnet clock)', () => {
  it('expire before the accept window closes is refused; after, the job reopens with its escrow and no slash', async () => {
    const p = await params();
    const w = fresh()[1]!;
    const id = await chain.awardedJob(poster, w, { maxAttempts: 2 });
    expect(await revertReason(chain.as(chain.actors.outsider).market.invoke('expire', id))).toBe('Deadline not passed yet');
    await chain.advance(p.accept + 1n);
    expect(await revertReason(chain.as(w).market.invoke('accept_job', id))).toBe('Accept window is over');
    const escrow = toBigInt(await market().escrowed());
    const stake = await chain.stakeInfo(w);
    const { txHash } = await chain.as(chain.actors.outsider).market.invoke('expire', id);
    const job = await chain.job(id);
    expect(job).toMatchObject({ status: 'Open', worker: 0n, attempts: 1, budget: DEFAULT_BUDGET });
    expect(toBigInt(await market().escrowed())).toBe(escrow);
    expect(await chain.stakeInfo(w)).toEqual(stake);
    expect((await chain.reputation(w)).failed).toBeGreaterThanOrEqual(1n);
    expect((await chain.events(txHash)).map((e) => e.name)).toEqual(['JobExpired', 'JobReopened', 'ReputationUpdated']);
  });

  it('a missed execution deadline slashes exactly the configured share and reopens; the last attempt refunds', async () => {
    const p = await params();
    const [w1, w2] = [chain.actors.workers[3]!, chain.actors.workers[4]!];
    const id = await chain.acceptedJob(poster, w1, { maxAttempts: 2, execDuration: 60n });
    const collateral = (DEFAULT_PRICE * p.collateral) / BPS;
    const slashed = (collateral * p.slash) / BPS;
    expect(await revertReason(chain.as(chain.actors.outsider).market.invoke('expire', id))).toBe('Deadline not passed yet');
    await chain.advance(61);
    expect(await revertReason(chain.as(w1).market.invoke('submit_result', id, 1n))).toBe('Execution deadline passed');
    const [stake, fees, escrow] = [await chain.stakeInfo(w1), toBigInt(await market().fees_accrued()), toBigInt(await market().escrowed())];
    const first = await chain.as(chain.actors.outsider).market.invoke('expire', id);
    const after = await chain.stakeInfo(w1);
    expect(after.staked).toBe(stake.staked - slashed);
    expect(after.locked).toBe(stake.locked - collateral);
    await expectStampedBy(chain, first.txHash, after.suspended_until, toBigInt((await chain.read.registry.read.params()).suspension));
    expect(toBigInt(await market().fees_accrued())).toBe(fees + slashed);
    expect(toBigInt(await market().escrowed())).toBe(escrow);
    expect((await chain.job(id)).status).toBe('Open');
    const ev = await chain.events(first.txHash);
    expect(ev.find((e) => e.name === 'JobExpired')!.fields).toMatchObject({ slashed, stage: BigInt('0x' + Buffer.from('execution').toString('hex')) });
    expect(ev.find((e) => e.name === 'JobReopened')!.fields).toMatchObject({ attempts_left: 1n });

    // Second and last attempt, missed too: Expired and the poster refunded in full.
    await chain.award(poster, w2, id, DEFAULT_PRICE);
    await chain.as(w2).market.invoke('accept_job', id);
    await chain.advance(61);
    const posterBefore = await chain.balance(poster.address);
    const last = await chain.as(chain.actors.outsider).market.invoke('expire', id);
    expect(await chain.balance(poster.address)).toBe(posterBefore + DEFAULT_BUDGET);
    expect((await chain.job(id)).status).toBe('Expired');
    expect((await chain.events(last.txHash)).map((e) => e.name)).toContain('JobRefunded');
    expect(await revertReason(chain.as(chain.actors.outsider).market.invoke('expire', id))).toBe('Job cannot expire in its state');
  });

  it('claim pays the worker once the review window has passed, not before', async () => {
    const p = await params();
    const w = fresh()[2]!;
    const id = await chain.submittedJob(poster, w);
    expect(await revertReason(chain.as(w).market.invoke('claim', id))).toBe('Review window still open');
    expect(await revertReason(chain.as(poster).market.invoke('claim', id))).toBe('Caller is not the worker');
    await chain.advance(p.review + 1n);
    expect(await revertReason(chain.dispute(poster, id, 1n))).toBe('Review window is over');
    const before = await chain.balance(w.address);
    const { txHash } = await chain.as(w).market.invoke('claim', id);
    const fee = (DEFAULT_PRICE * p.fee) / BPS;
    // The worker sent the claim, so it also paid that transaction's fee (in STRK, on devnet).
    expect(await chain.balance(w.address)).toBe(before + DEFAULT_PRICE - fee - (await chain.feePaid(txHash)));
    expect((await chain.events(txHash)).at(-1)).toMatchObject({ name: 'JobCompleted', fields: { claimed: true } });
    expect(await revertReason(chain.as(w).market.invoke('claim', id))).toBe('Job is not submitted');
  });
});

describe('fees and owner parameters', () => {
  it('collect_fees pays the treasury; refuses outsiders; refuses when nothing is owed', async () => {
    expect(await revertReason(chain.as(chain.actors.outsider).market.invoke('collect_fees'))).toBe('Caller is not the treasury');
    const fees = toBigInt(await market().fees_accrued());
    expect(fees).toBeGreaterThan(0n);
    const marketBefore = await chain.balance(chain.deployment.market);
    const { txHash } = await chain.as(chain.actors.owner).market.invoke('collect_fees');
    expect(await chain.balance(chain.deployment.market)).toBe(marketBefore - fees);
    expect((await chain.events(txHash))[0]).toMatchObject({ name: 'FeesCollected', fields: { amount: fees } });
    expect(await revertReason(chain.as(chain.actors.owner).market.invoke('collect_fees'))).toBe('No fees to collect');
  });

  it('set_params, set_arbiter, set_treasury: owner only, bounded, with events', async () => {
    const p = await market().params();
    const out = chain.as(chain.actors.outsider).market;
    const own = chain.as(chain.actors.owner).market;
    expect(await revertReason(out.invoke('set_params', p))).toBe('Caller is not the owner');
    expect(await revertReason(out.invoke('set_arbiter', chain.actors.outsider.address))).toBe('Caller is not the owner');
    expect(await revertReason(out.invoke('set_treasury', chain.actors.outsider.address))).toBe('Caller is not the owner');
    expect(await revertReason(own.invoke('set_params', { ...p, fee_bps: 2_001n }))).toBe('Fee too high');
    expect(await revertReason(own.invoke('set_params', { ...p, slash_bps: 10_001n }))).toBe('Slash share too high');
    expect(await revertReason(own.invoke('set_params', { ...p, review_window: 0n }))).toBe('Window out of range');
    expect(await revertReason(own.invoke('set_arbiter', '0x0'))).toBe('Address must not be zero');
    expect(await revertReason(own.invoke('set_params', { ...p, dispute_bond_bps: 10_001n }))).toBe('Dispute bond share too high');
    expect(await revertReason(own.invoke('set_params', { ...p, resolution_window: 0n }))).toBe('Window out of range');
    // Scheduled, not applied: the change takes effect after the timelock (see 'terms fixed
    // per job' below for what it does and does not touch).
    const { txHash } = await own.invoke('set_params', { ...p, fee_bps: 100n });
    expect(toBigInt((await market().params()).fee_bps)).toBe(toBigInt(p.fee_bps));
    const { params: next, at } = await chain.pendingParams();
    expect(next.fee_bps).toBe(100n);
    await expectStampedBy(chain, txHash, at, TIMELOCK);
    expect((await chain.events(txHash))[0]).toMatchObject({ name: 'ParamsUpdated', fields: { effective_at: toBigInt(at) } });
    await own.invoke('set_params', p);
    const arb = await own.invoke('set_arbiter', chain.actors.arbiter.address);
    expect((await chain.events(arb.txHash))[0]).toMatchObject({ name: 'ArbiterSet', fields: { arbiter: BigInt(chain.actors.arbiter.address) } });
    const tr = await own.invoke('set_treasury', chain.actors.owner.address);
    expect((await chain.events(tr.txHash))[0]).toMatchObject({ name: 'TreasurySet' });
  });
});
