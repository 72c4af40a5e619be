/**
 * The node's transaction queue against a real devnet and the deployed contracts: calls queued
 * together go out as one multicall, a batch holding a call the contract refuses is split so only
 * that call fails (with the contract's reason), a fee above the cap is refused before signing,
 * and an unreachable RPC is retried, then reported.
 */
import { Account } from 'starknet';
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
