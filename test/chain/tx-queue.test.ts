/**
 * The node's transaction queue against a real devnet and the deployed contracts: calls queued
 * together go out as one multicall, a batch holding a call the contract refuses is split so only
 * that call fails (with the contract's reason), a fee above the cap is refused before signing,
 * and an unreachable RPC is retried, then reported. A call waiting for companions waits from its
 * submit, even behind a transaction in flight. With the market's combiner, the same step
 * for several jobs goes out as one call of its batch entry point, and a refused batch still
 * fails only the unit at fault.
 */
import { Account } from 'starknet';
import { combineCalls } from '../../src/chain/combine-calls';
import { ChainError } from '../../src/chain/errors';
import { STRK } from '../../src/chain/params';
import { TxQueue } from '../../src/chain/tx-queue';
import { ChainFixture } from '../contracts/support/chain';

let chain: ChainFixture;
beforeAll(async () => {
  chain = await ChainFixture.start();
}, 300_000);
afterAll(async () => {
  await chain?.stop();
});

test('calls submitted while a transaction is in flight go out together as one multicall', async () => {
  const worker = chain.actors.workers[0]!;
  const q = new TxQueue(worker);
  const c = chain.as(worker);
  const before = await chain.stakeInfo(worker);
  const first = q.submit(c.token.populate('approve', chain.deployment.registry, 30n * STRK), 'approve');
  // Queued while the approve is in flight: these two share the next transaction.
  const stakes = [1, 2].map((i) => q.submit(c.registry.populate('stake', 10n * STRK), `stake ${i}`));
  const [a, s1, s2] = await Promise.all([first, ...stakes]);
  expect(s1?.txHash).toBe(s2?.txHash);
  expect(s1?.txHash).not.toBe(a?.txHash);
  expect(q.stats).toMatchObject({ transactions: 2, calls: 3 });
  expect((await chain.stakeInfo(worker)).staked - before.staked).toBe(20n * STRK);
});

test('a call waiting for companions shares the next transaction with one queued after the one in flight landed', async () => {
  const worker = chain.actors.workers[0]!;
  const q = new TxQueue(worker);
  const c = chain.as(worker);
  const approve = (amount: bigint, label: string, waitForCompanionsMs = 0) =>
    q.submit(c.token.populate('approve', chain.deployment.registry, amount), label, { waitForCompanionsMs });
  const blocker = approve(1n, 'blocker');
  // Queued behind the blocker, waiting up to 2 s from its submit for a companion.
  const waiting = approve(2n, 'waiting', 2_000);
  const b = await blocker;
  await new Promise((r) => setTimeout(r, 50));
  const companion = approve(3n, 'companion');
  const [w, k] = await Promise.all([waiting, companion]);
  expect(w.txHash).toBe(k.txHash);
  expect(w.txHash).not.toBe(b.txHash);
});

test('a batch with a refused call is split: the good calls land, the bad one fails with its reason', async () => {
  const worker = chain.actors.workers[1]!;
  const q = new TxQueue(worker);
  const c = chain.as(worker);
  const blocker = q.submit(c.token.populate('approve', chain.deployment.registry, 5n * STRK), 'approve');
  const good = q.submit(c.registry.populate('stake', 5n * STRK), 'stake');
  // More than was approved: the registry's transfer_from refuses it.
  const bad = q.submit(c.registry.populate('stake', 10_000n * STRK), 'stake too much');
  await blocker;
  await expect(good).resolves.toHaveProperty('txHash');
  const err = await bad.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ChainError);
  expect((err as ChainError).code).toBe('REJECTED');
  expect((err as ChainError).message).toMatch(/insufficient|allowance|ERC20/i);
});

describe('with the market combiner', () => {
  const combining = (account: Account) =>
    new TxQueue(account, {
      combine: (units) => combineCalls(units, { market: chain.deployment.market, token: chain.deployment.token }),
    });
  const post = (account: Account, budget: bigint) => {
    const c = chain.as(account);
    return [
      c.token.populate('approve', chain.deployment.market, budget),
      c.market.populate('create_job', budget, 0xabcn, 600n, 1n),
    ];
  };

  test('posts queued together go out as one approve and one create_jobs', async () => {
    const poster = chain.actors.posters[0]!;
    const q = combining(poster);
    const blocker = q.submit(post(poster, 1n), 'post 0');
    const posts = [2n, 3n].map((b) => q.submit(post(poster, b), `post ${b}`));
    const [first, p2, p3] = await Promise.all([blocker, ...posts]);
    expect(p2!.txHash).toBe(p3!.txHash);
    // The lone first post went as it came (2 calls); the two after it as 2 calls, not 4.
    expect(q.stats).toMatchObject({ transactions: 2, calls: 4 });
    const created = (await chain.events(p2!.txHash)).filter((e) => e.name === 'JobCreated');
    expect(created.map((e) => e.fields.budget)).toEqual([2n, 3n]);
    expect((await chain.events(first!.txHash)).map((e) => e.name)).toEqual(['JobCreated']);
  });

  test('a refused combined call is split back into its units: only the bad one fails', async () => {
    const poster = chain.actors.posters[1]!;
    const q = combining(poster);
    const blocker = q.submit(post(poster, 1n), 'post 0');
    const good = q.submit(post(poster, 5n), 'good post');
    const bad = q.submit(post(poster, 0n), 'zero budget');
    await blocker;
    const { txHash } = await good;
    expect((await chain.events(txHash)).map((e) => e.fields.budget)).toEqual([5n]);
    const err = await bad.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChainError);
    expect((err as ChainError).reason).toBe('Budget must be positive');
  });
});

test('a fee above the cap is refused before anything is signed', async () => {
  const worker = chain.actors.workers[2]!;
  const q = new TxQueue(worker, { maxFee: 1n });
  const c = chain.as(worker);
  const nonce = await worker.getNonce();
  const err = await q.submit(c.token.populate('approve', chain.deployment.registry, 1n), 'approve').catch((e: unknown) => e);
  expect((err as ChainError).message).toMatch(/estimated fee \d+ fri is above the cap of 1 fri/);
  expect(await worker.getNonce()).toBe(nonce);
  expect(q.stats.transactions).toBe(0);
});

test('an unreachable RPC is retried with backoff, then reported as RPC', async () => {
  const w = chain.actors.workers[0]!;
  const offline = new Account({
    provider: { nodeUrl: 'http://127.0.0.1:9/rpc' },
    address: w.address,
    signer: (w.signer as unknown as { pk: string }).pk,
  });
  const q = new TxQueue(offline, { attempts: 3, retryDelayMs: 10 });
  const err = await q
    .submit(chain.as(w).token.populate('approve', chain.deployment.registry, 1n), 'approve')
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ChainError);
  expect((err as ChainError).code).toBe('RPC');
  expect(q.stats.retries).toBe(2);
});
