/**
 * JobMarket's batch entry points on a real devnet (create_jobs, award_jobs, accept_jobs,
 * submit_results, confirm_jobs, claim_jobs; the registry's lock_jobs and release_jobs and the reputation's
 * record_completions behind them): each leaves every party where the single calls one after
 * another would, emits the same per-job events, and refuses what they refuse, a wrong caller,
 * an empty batch and a job named twice. The last test moves the devnet clock.
 */
import type { Account } from 'starknet';
import { toBigInt } from '../../src/chain/values';
import { ChainFixture, DEFAULT_BUDGET, DEFAULT_PRICE, revertReason } from './support/chain';

let chain: ChainFixture;
let poster: Account;
let other: Account;
let worker: Account;
let worker2: Account;

beforeAll(async () => {
  chain = await ChainFixture.start({ accounts: 10 });
  [poster, other] = chain.actors.posters as [Account, Account];
  [worker, worker2] = chain.actors.workers as [Account, Account];
  for (const w of [worker, worker2]) await chain.stake(w);
});
afterAll(async () => {
  await chain?.stop();
});

const market = () => chain.read.market.read;
const spec = (budget: bigint) => ({ budget, manifest_hash: 0xbeefn, exec_duration: 600n, max_attempts: 2 });

async function createJobs(p: Account, budgets: bigint[]): Promise<bigint[]> {
  const c = chain.as(p);
  await c.token.invoke('approve', chain.deployment.market, budgets.reduce((s, b) => s + b, 0n));
  const { txHash } = await c.market.invoke('create_jobs', budgets.map(spec));
  return (await chain.events(txHash)).filter((e) => e.name === 'JobCreated').map((e) => e.fields.job_id as bigint);
}

async function submitted(p: Account, w: Account, n: number): Promise<bigint[]> {
  const ids = await createJobs(p, Array.from({ length: n }, () => DEFAULT_BUDGET));
  for (const id of ids) await chain.award(p, w, id);
  await chain.as(w).market.invoke('accept_jobs', ids);
  for (const id of ids) await chain.as(w).market.invoke('submit_result', id, 0xabcn);
  return ids;
}

describe('create_jobs', () => {
  it('escrows the sum with one transfer and opens each job with its own JobCreated', async () => {
    const escrowBefore = toBigInt(await market().escrowed());
    const count = toBigInt(await market().job_count());
    const c = chain.as(poster);
    await c.token.invoke('approve', chain.deployment.market, 30n);
    const posterBefore = await chain.balance(poster.address);
    const { txHash } = await c.market.invoke('create_jobs', [spec(10n), spec(20n)]);
    expect(toBigInt(await market().escrowed())).toBe(escrowBefore + 30n);
    expect(await chain.balance(poster.address)).toBe(posterBefore - 30n - (await chain.feePaid(txHash)));
    const events = await chain.events(txHash);
    expect(events.map((e) => e.name)).toEqual(['JobCreated', 'JobCreated']);
    expect(events.map((e) => e.fields)).toEqual([
      { job_id: count + 1n, poster: BigInt(poster.address), budget: 10n, manifest_hash: 0xbeefn, exec_duration: 600n, max_attempts: 2n },
      { job_id: count + 2n, poster: BigInt(poster.address), budget: 20n, manifest_hash: 0xbeefn, exec_duration: 600n, max_attempts: 2n },
    ]);
    expect(await chain.job(count + 2n)).toMatchObject({ status: 'Open', budget: 20n, poster: BigInt(poster.address) });
  });

  it('refuses an empty batch, any bad job in it, and an allowance short of the sum', async () => {
    const c = chain.as(poster);
    expect(await revertReason(c.market.invoke('create_jobs', []))).toBe('Batch is empty');
    await c.token.invoke('approve', chain.deployment.market, 100n);
    expect(await revertReason(c.market.invoke('create_jobs', [spec(10n), spec(0n)]))).toBe('Budget must be positive');
    expect(await revertReason(c.market.invoke('create_jobs', [{ ...spec(10n), max_attempts: 11 }]))).toBe(
      'Max attempts out of range',
    );
    expect(await revertReason(c.market.invoke('create_jobs', [spec(1n << 123n)]))).toBe('Budget too large');
    const count = toBigInt(await market().job_count());
    expect(await revertReason(c.market.invoke('create_jobs', [spec(60n), spec(60n)]))).toBeDefined();
    expect(toBigInt(await market().job_count())).toBe(count);
  });
});

async function awardOf(w: Account, id: bigint, price = DEFAULT_PRICE) {
  const { expiry, signature } = await chain.consent(w, id, price);
  return { job_id: id, worker: w.address, price, consent_expiry: expiry, consent_signature: signature };
}

describe('award_jobs', () => {
  it('awards each job to its own worker with that worker\'s consent', async () => {
    const [a, b] = await createJobs(poster, [DEFAULT_BUDGET, DEFAULT_BUDGET]);
    const awards = [await awardOf(worker, a!), await awardOf(worker2, b!, DEFAULT_PRICE / 2n)];
    const { txHash } = await chain.as(poster).market.invoke('award_jobs', awards);
    expect(await chain.job(a!)).toMatchObject({ status: 'Awarded', worker: BigInt(worker.address), price: DEFAULT_PRICE });
    expect(await chain.job(b!)).toMatchObject({ status: 'Awarded', worker: BigInt(worker2.address), price: DEFAULT_PRICE / 2n });
    expect((await chain.events(txHash)).map((e) => e.name)).toEqual(['JobAwarded', 'JobAwarded']);
  });

  it('refuses another caller, a consent to another price, a job twice, an empty batch', async () => {
    const [a, b] = await createJobs(poster, [DEFAULT_BUDGET, DEFAULT_BUDGET]);
    const ok = await awardOf(worker, a!);
    expect(await revertReason(chain.as(other).market.invoke('award_jobs', [ok]))).toBe('Caller is not the poster');
    const wrong = { ...(await awardOf(worker, b!)), price: DEFAULT_PRICE - 1n };
    expect(await revertReason(chain.as(poster).market.invoke('award_jobs', [ok, wrong]))).toBe('Award consent not valid');
    expect(await revertReason(chain.as(poster).market.invoke('award_jobs', [ok, ok]))).toBe('Job is not open');
    expect(await revertReason(chain.as(poster).market.invoke('award_jobs', []))).toBe('Batch is empty');
    expect((await chain.job(a!)).status).toBe('Open');
  });
});

describe('submit_results', () => {
  it('records each commitment; refuses another caller, a zero commitment, an empty batch', async () => {
    const ids = await createJobs(poster, [DEFAULT_BUDGET, DEFAULT_BUDGET]);
    for (const id of ids) await chain.award(poster, worker, id);
    await chain.as(worker).market.invoke('accept_jobs', ids);
    const results = ids.map((job_id, i) => ({ job_id, commitment: 0x100n + BigInt(i) }));
    expect(await revertReason(chain.as(worker2).market.invoke('submit_results', results))).toBe('Caller is not the worker');
    expect(await revertReason(chain.as(worker).market.invoke('submit_results', [{ job_id: ids[0]!, commitment: 0n }]))).toBe(
      'Commitment must not be zero',
    );
    expect(await revertReason(chain.as(worker).market.invoke('submit_results', []))).toBe('Batch is empty');
    const { txHash } = await chain.as(worker).market.invoke('submit_results', results);
    expect(await chain.job(ids[1]!)).toMatchObject({ status: 'Submitted', commitment: 0x101n });
    expect((await chain.events(txHash)).map((e) => e.name)).toEqual(['ResultSubmitted', 'ResultSubmitted']);
  });
});

describe('accept_jobs', () => {
  it('accepts each job and locks the sum of collaterals, one event per job', async () => {
    const ids = await createJobs(poster, [DEFAULT_BUDGET, DEFAULT_BUDGET]);
    for (const id of ids) await chain.award(poster, worker, id);
    const locked = (await chain.stakeInfo(worker)).locked;
    const { txHash } = await chain.as(worker).market.invoke('accept_jobs', ids);
    const jobs = await Promise.all(ids.map((id) => chain.job(id)));
    expect(jobs.map((j) => j.status)).toEqual(['Accepted', 'Accepted']);
    expect((await chain.stakeInfo(worker)).locked).toBe(locked + jobs[0]!.collateral + jobs[1]!.collateral);
    expect((await chain.events(txHash)).map((e) => e.name)).toEqual([
      'JobAccepted',
      'JobAccepted',
      'CollateralLocked',
      'CollateralLocked',
    ]);
  });

  it('refuses another caller, a job not awarded, a job twice, an empty batch', async () => {
    const [a, b] = await createJobs(poster, [DEFAULT_BUDGET, DEFAULT_BUDGET]);
    await chain.award(poster, worker, a!);
    expect(await revertReason(chain.as(worker2).market.invoke('accept_jobs', [a!]))).toBe('Caller is not the worker');
    expect(await revertReason(chain.as(worker).market.invoke('accept_jobs', [a!, b!]))).toBe('Caller is not the worker');
    expect(await revertReason(chain.as(worker).market.invoke('accept_jobs', [a!, a!]))).toBe('Job is not awarded');
    expect(await revertReason(chain.as(worker).market.invoke('accept_jobs', []))).toBe('Batch is empty');
    expect((await chain.job(a!)).status).toBe('Awarded');
  });
});

describe('confirm_jobs', () => {
  it('pays each worker once for all its jobs and refunds the poster once, as confirms one by one would', async () => {
    const mine = await submitted(poster, worker, 2);
    const theirs = await submitted(poster, worker2, 1);
    const jobs = await Promise.all([...mine, ...theirs].map((id) => chain.job(id)));
    const fee = (j: (typeof jobs)[number]) => (j.price * j.fee_bps) / 10_000n;
    const [w1Before, w2Before, feesBefore, rep1, rep2] = [
      await chain.balance(worker.address),
      await chain.balance(worker2.address),
      toBigInt(await market().fees_accrued()),
      await chain.reputation(worker),
      await chain.reputation(worker2),
    ];
    const posterBefore = await chain.balance(poster.address);
    const { txHash } = await chain.as(poster).market.invoke('confirm_jobs', [mine[0]!, theirs[0]!, mine[1]!]);
    expect(await chain.balance(worker.address)).toBe(w1Before + 2n * DEFAULT_PRICE - fee(jobs[0]!) - fee(jobs[1]!));
    expect(await chain.balance(worker2.address)).toBe(w2Before + DEFAULT_PRICE - fee(jobs[2]!));
    expect(await chain.balance(poster.address)).toBe(
      posterBefore + 3n * (DEFAULT_BUDGET - DEFAULT_PRICE) - (await chain.feePaid(txHash)),
    );
    expect(toBigInt(await market().fees_accrued())).toBe(feesBefore + jobs.reduce((s, j) => s + fee(j), 0n));
    expect((await chain.reputation(worker)).completed).toBe(rep1.completed + 2n);
    expect((await chain.reputation(worker2)).completed).toBe(rep2.completed + 1n);
    for (const id of [...mine, ...theirs]) expect((await chain.job(id)).status).toBe('Completed');
    const names = (await chain.events(txHash)).map((e) => e.name);
    expect(names.filter((n) => n === 'JobCompleted')).toHaveLength(3);
    expect(names.filter((n) => n === 'CollateralReleased')).toHaveLength(3);
    expect(names.filter((n) => n === 'ReputationUpdated')).toHaveLength(3);
  });

  it('refuses another caller, a job not submitted, a job twice, an empty batch', async () => {
    const [a] = await submitted(poster, worker, 1);
    expect(await revertReason(chain.as(other).market.invoke('confirm_jobs', [a!]))).toBe('Caller is not the poster');
    const open = await chain.createJob(poster);
    expect(await revertReason(chain.as(poster).market.invoke('confirm_jobs', [a!, open]))).toBe('Job is not submitted');
    expect(await revertReason(chain.as(poster).market.invoke('confirm_jobs', [a!, a!]))).toBe('Job is not submitted');
    expect(await revertReason(chain.as(poster).market.invoke('confirm_jobs', []))).toBe('Batch is empty');
    expect((await chain.job(a!)).status).toBe('Submitted');
  });
});

describe('the registry and reputation batch calls', () => {
  it('answer only the market', async () => {
    const job = { job_id: 1n, amount: 1n };
    expect(await revertReason(chain.as(worker).registry.invoke('lock_jobs', worker.address, [job]))).toBe(
      'Caller is not the market',
    );
    expect(await revertReason(chain.as(worker).registry.invoke('release_jobs', worker.address, [job]))).toBe(
      'Caller is not the market',
    );
    expect(
      await revertReason(
        chain
          .as(worker)
          .reputation.invoke('record_completions', worker.address, [{ job_id: 1n, poster: poster.address, fee: 0n }], 1n),
      ),
    ).toBe('Caller is not the market');
  });
});

describe('claim_jobs (moves the devnet clock)', () => {
  it('settles the worker\'s jobs after the review window, refusing before it and to anyone else', async () => {
    const ids = await submitted(poster, worker, 2);
    expect(await revertReason(chain.as(worker).market.invoke('claim_jobs', ids))).toBe('Review window still open');
    const review = toBigInt((await market().params()).review_window);
    await chain.advance(review + 1n);
    expect(await revertReason(chain.as(poster).market.invoke('claim_jobs', ids))).toBe('Caller is not the worker');
    expect(await revertReason(chain.as(worker).market.invoke('claim_jobs', []))).toBe('Batch is empty');
    const posterBefore = await chain.balance(poster.address);
    const { txHash } = await chain.as(worker).market.invoke('claim_jobs', ids);
    expect(await chain.balance(poster.address)).toBe(posterBefore + 2n * (DEFAULT_BUDGET - DEFAULT_PRICE));
    const completed = (await chain.events(txHash)).filter((e) => e.name === 'JobCompleted');
    expect(completed.map((e) => e.fields.claimed)).toEqual([true, true]);
    for (const id of ids) expect((await chain.job(id)).status).toBe('Completed');
  });
});
