/**
 * Reputation on a real devnet (writes only from the market; the score and its inputs as the
 * market's outcomes leave them), and the ownership entry point every contract embeds.
 */
import type { Account } from 'starknet';
import { executeCalls } from '../../src/chain/contract-client';
import { toBigInt } from '../../src/chain/values';
import { creditOf, scoreOf } from '../support/reputation-score';
import { ChainFixture, DEFAULT_PRICE, revertReason } from './support/chain';

let chain: ChainFixture;
beforeAll(async () => {
  chain = await ChainFixture.start();
});
afterAll(async () => {
  await chain?.stop();
});

const BPS = 10_000n;

describe('Reputation', () => {
  it('an unknown worker has the neutral score', async () => {
    expect(await chain.reputation(chain.actors.outsider)).toEqual({ completed: 0n, failed: 0n, slashed: 0n, posters: 0n, credits: 0n, score: 5_000n });
  });

  it('record_* and set_market refuse everyone but the market (and set_market is once only)', async () => {
    const w = chain.actors.workers[0]!;
    for (const caller of [chain.actors.owner, w, chain.actors.outsider]) {
      const rep = chain.as(caller).reputation;
      expect(await revertReason(rep.invoke('record_completed', w.address, 1n, caller.address, 10n ** 18n, 1n))).toBe(
        'Caller is not the market',
      );
      for (const fn of ['record_failed', 'record_slashed'] as const) {
        expect(await revertReason(rep.invoke(fn, w.address, 1n))).toBe('Caller is not the market');
      }
    }
    expect(await revertReason(chain.as(chain.actors.outsider).reputation.invoke('set_market', chain.actors.outsider.address))).toBe('Caller is not the owner');
    expect(await revertReason(chain.as(chain.actors.owner).reputation.invoke('set_market', chain.actors.outsider.address))).toBe('Market already set');
    expect(await chain.reputation(w)).toMatchObject({ completed: 0n, failed: 0n, slashed: 0n, credits: 0n });
  });

  it('follows the market: a completion, a missed accept window, a lost dispute', async () => {
    const [poster] = chain.actors.posters as [Account];
    const w = chain.actors.workers[1]!;
    await chain.stake(w);
    const params = await chain.read.market.read.params();
    // Credited by the fee it paid, in minimum prices (an 8 STRK job: more than one credit).
    const credit = creditOf((DEFAULT_PRICE * toBigInt(params.fee_bps)) / BPS, toBigInt(params.min_price));
    expect(credit).toBeGreaterThan(1n);
    const done = await chain.submittedJob(poster, w);
    const { txHash } = await chain.as(poster).market.invoke('confirm', done);
    const updated = (await chain.events(txHash)).find((e) => e.name === 'ReputationUpdated')!;
    expect(updated.fields).toMatchObject({
      worker: toBigInt(w.address),
      job_id: done,
      posters: 1n,
      credit,
      credits: credit,
      score: scoreOf({ credits: credit, failed: 0n, slashed: 0n, posters: 1n }),
    });

    const missed = await chain.awardedJob(poster, w);
    await chain.advance(toBigInt((await chain.read.market.read.params()).accept_window) + 1n);
    await chain.as(chain.actors.outsider).market.invoke('expire', missed);

    const disputed = await chain.submittedJob(poster, w);
    await chain.dispute(poster, disputed, 1n);
    await chain.as(chain.actors.arbiter).market.invoke('resolve', disputed, false);

    expect(await chain.reputation(w)).toEqual({
      completed: 1n,
      failed: 1n,
      slashed: 1n,
      posters: 1n,
      credits: credit,
      score: scoreOf({ credits: credit, failed: 1n, slashed: 1n, posters: 1n }),
    });
  });
});

describe('transfer_ownership (every contract)', () => {
  it('two steps: only the owner names a successor, never zero, and only that successor takes over', async () => {
    const { owner, outsider, arbiter } = chain.actors;
    const { market, registry, reputation } = chain.deployment;
    const call = (from: Account, contract: string, entrypoint: string, calldata: string[] = []) =>
      executeCalls(from, [{ contractAddress: contract, entrypoint, calldata }]);
    for (const contract of [market, registry, reputation]) {
      expect(await revertReason(call(outsider, contract, 'transfer_ownership', [outsider.address]))).toBe('Caller is not the owner');
      expect(await revertReason(call(owner, contract, 'transfer_ownership', ['0x0']))).toBe('Address must not be zero');
      const { txHash } = await call(owner, contract, 'transfer_ownership', [outsider.address]);
      expect((await chain.events(txHash)).map((e) => e.name)).toEqual(['OwnershipTransferStarted']);
      // Named, not yet in office: the owner still is, and nobody else can accept.
      expect(await revertReason(call(arbiter, contract, 'accept_ownership'))).toBe('Caller is not the pending owner');
      const accepted = await call(outsider, contract, 'accept_ownership');
      expect((await chain.events(accepted.txHash)).map((e) => e.name)).toEqual(['OwnershipTransferred']);
      // The old owner is out, the new one is in: it can hand ownership back.
      expect(await revertReason(call(owner, contract, 'transfer_ownership', [owner.address]))).toBe('Caller is not the owner');
      await call(outsider, contract, 'transfer_ownership', [owner.address]);
      await call(owner, contract, 'accept_ownership');
    }
  });
});
