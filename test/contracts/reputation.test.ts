/**
 * Reputation on a real devnet (writes only from the market; the score and its inputs as the
 * market's outcomes leave them), and the ownership entry point every contract embeds.
 */
import type { Account } from 'starknet';
import { executeCalls } from '../../src/chain/contract-client';
import { toBigInt } from '../../src/chain/values';
import { ChainFixture, revertReason } from './support/chain';

let chain: ChainFixture;
beforeAll(async () => {
  chain = await ChainFixture.start();
});
afterAll(async () => {
  await chain?.stop();
});

/** The contract's formula, restated: Laplace-smoothed, a slash weighing two failures. */
const expectedScore = (c: bigint, f: bigint, s: bigint) => ((c + 1n) * 10_000n) / (c + f + 2n * s + 2n);

describe('Reputation', () => {
  it('an unknown worker has the neutral score', async () => {
    expect(await chain.reputation(chain.actors.outsider)).toEqual({ completed: 0n, failed: 0n, slashed: 0n, score: 5_000n });
  });

  it('record_* and set_market refuse everyone but the market (and set_market is once only)', async () => {
    const w = chain.actors.workers[0]!;
    for (const caller of [chain.actors.owner, w, chain.actors.outsider]) {
      const rep = chain.as(caller).reputation;
      for (const fn of ['record_completed', 'record_failed', 'record_slashed'] as const) {
        expect(await revertReason(rep.invoke(fn, w.address, 1n))).toBe('Caller is not the market');
      }
    }
    expect(await revertReason(chain.as(chain.actors.outsider).reputation.invoke('set_market', chain.actors.outsider.address))).toBe('Caller is not the owner');
    expect(await revertReason(chain.as(chain.actors.owner).reputation.invoke('set_market', chain.actors.outsider.address))).toBe('Market already set');
    expect(await chain.reputation(w)).toMatchObject({ completed: 0n, failed: 0n, slashed: 0n });
  });

  it('follows the market: a completion, a missed accept window, a lost dispute', async () => {
    const [poster] = chain.actors.posters as [Account];
    const w = chain.actors.workers[1]!;
    await chain.stake(w);
    const done = await chain.submittedJob(poster, w);
    const { txHash } = await chain.as(poster).market.invoke('confirm', done);
    const updated = (await chain.events(txHash)).find((e) => e.name === 'ReputationUpdated')!;
    expect(updated.fields).toMatchObject({ worker: toBigInt(w.address), job_id: done, score: expectedScore(1n, 0n, 0n) });

    const missed = await chain.awardedJob(poster, w);
    await chain.advance(toBigInt((await chain.read.market.read.params()).accept_window) + 1n);
    await chain.as(chain.actors.outsider).market.invoke('expire', missed);

    const disputed = await chain.submittedJob(poster, w);
    await chain.as(poster).market.invoke('dispute', disputed, 1n);
    await chain.as(chain.actors.arbiter).market.invoke('resolve', disputed, false);

    expect(await chain.reputation(w)).toEqual({ completed: 1n, failed: 1n, slashed: 1n, score: expectedScore(1n, 1n, 1n) });
  });
});

describe('transfer_ownership (every contract)', () => {
  it('only the owner transfers, never to zero, and the new owner takes over', async () => {
    const { owner, outsider } = chain.actors;
    const { market, registry, reputation } = chain.deployment;
    const transfer = (from: Account, contract: string, to: string) =>
      executeCalls(from, [{ contractAddress: contract, entrypoint: 'transfer_ownership', calldata: [to] }]);
    for (const contract of [market, registry, reputation]) {
      expect(await revertReason(transfer(outsider, contract, outsider.address))).toBe('Caller is not the owner');
      expect(await revertReason(transfer(owner, contract, '0x0'))).toBe('Address must not be zero');
      const { txHash } = await transfer(owner, contract, outsider.address);
      expect((await chain.events(txHash)).map((e) => e.name)).toEqual(['OwnershipTransferred']);
      // The old owner is out, the new one is in: it can hand ownership back.
      expect(await revertReason(transfer(owner, contract, owner.address))).toBe('Caller is not the owner');
      await transfer(outsider, contract, owner.address);
    }
  });
});
