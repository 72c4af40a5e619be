/**
 * StakingRegistry on a real devnet: stake, cooldown unstake, withdraw, peer binding, the
 * market-only collateral entry points, owner parameters, and the eligibility reasons the
 * market and the node's bid check read.
 */
import { shortString } from 'starknet';
import { STRK } from '../../src/chain/params';
import { ChainFixture, DEFAULT_STAKE, expectStampedBy, revertReason } from './support/chain';
import { toBigInt } from '../../src/chain/values';

let chain: ChainFixture;
beforeAll(async () => {
  chain = await ChainFixture.start();
});
afterAll(async () => {
  await chain?.stop();
});

const eligibility = async (address: string, collateral = 0n) =>
  shortString.decodeShortString(
    '0x' + toBigInt(await chain.read.registry.read.eligibility(address, collateral)).toString(16),
  );

describe('stake', () => {
  it('pulls the tokens, records the stake and emits Staked', async () => {
    const [w] = chain.actors.workers;
    const before = await chain.balance(w!.address);
    const c = chain.as(w!);
    await c.token.invoke('approve', chain.deployment.registry, 150n * STRK);
    const { txHash } = await c.registry.invoke('stake', 150n * STRK);
    expect(await chain.balance(w!.address)).toBeLessThan(before - 150n * STRK + 1n); // minus fees
    expect((await chain.stakeInfo(w!)).staked).toBe(150n * STRK);
    expect(toBigInt(await chain.read.registry.read.total_staked())).toBe(150n * STRK);
    const events = await chain.events(txHash);
    expect(events.map((e) => e.name)).toEqual(['Staked']);
    expect(events[0]!.fields).toMatchObject({ worker: BigInt(w!.address), amount: 150n * STRK, staked: 150n * STRK });
  });

  it('refuses a zero amount', async () => {
    expect(await revertReason(chain.as(chain.actors.workers[0]!).registry.invoke('stake', 0n))).toBe(
      'Amount must be positive',
    );
  });

  it('refuses more than the allowance and changes nothing', async () => {
    const w = chain.actors.workers[0]!;
    const before = await chain.stakeInfo(w);
    const reason = await revertReason(chain.as(w).registry.invoke('stake', 10n ** 30n));
    expect(reason).toMatch(/allowance|balance/i);
    expect(await chain.stakeInfo(w)).toEqual(before);
  });
});

describe('bind_peer', () => {
  it('binds the caller to a peer id and emits PeerBound', async () => {
    const w = chain.actors.workers[0]!;
    const peer = '12D3KooWLzHtQ5o3XBSyM6zjGKH1pRzQn5JXg6kJbT3z3Zx8pJ9Z';
    const { txHash } = await chain.as(w).registry.invoke('bind_peer', peer);
    expect(await chain.read.registry.read.peer_id_of(w.address)).toBe(peer);
    const [ev] = await chain.events(txHash);
    expect(ev).toMatchObject({ name: 'PeerBound', fields: { worker: BigInt(w.address), peer_id: peer } });
  });

  it('refuses an empty peer id and one longer than a libp2p peer id can be', async () => {
    const c = chain.as(chain.actors.workers[0]!).registry;
    expect(await revertReason(c.invoke('bind_peer', ''))).toBe('Peer id must not be empty');
    expect(await revertReason(c.invoke('bind_peer', 'x'.repeat(200)))).toBe('Peer id too long');
  });
});

describe('eligibility', () => {
  it('names why a worker cannot be awarded', async () => {
    const [, w2] = chain.actors.workers;
    expect(await eligibility(w2!.address)).toBe('Worker has no stake');
    const c = chain.as(w2!);
    await c.token.invoke('approve', chain.deployment.registry, 10n * STRK);
    await c.registry.invoke('stake', 10n * STRK);
    expect(await eligibility(w2!.address)).toBe('Worker stake below minimum');
    await c.token.invoke('approve', chain.deployment.registry, DEFAULT_STAKE);
    await c.registry.invoke('stake', DEFAULT_STAKE);
    expect(await eligibility(w2!.address)).toBe('Worker has no peer id');
    await c.registry.invoke('bind_peer', '12D3KooWw2');
    expect(toBigInt(await chain.read.registry.read.eligibility(w2!.address, 0n))).toBe(0n);
    expect(await eligibility(w2!.address, 10n ** 24n)).toBe('Insufficient free stake');
  });
});

describe('unstake with a cooldown', () => {
  it('request, refuse withdraw before the cooldown, withdraw after it', async () => {
    const w = chain.actors.workers[2]!;
    await chain.stake(w, 300n * STRK);
    const c = chain.as(w).registry;
    const { txHash } = await c.invoke('request_unstake', 100n * STRK);
    const info = await chain.stakeInfo(w);
    expect(info.pending_unstake).toBe(100n * STRK);
    const cooldown = toBigInt((await chain.read.registry.read.params()).cooldown);
    await expectStampedBy(chain, txHash, info.unstake_available_at, cooldown);
    expect((await chain.events(txHash))[0]).toMatchObject({ name: 'UnstakeRequested', fields: { amount: 100n * STRK } });
    // An unstaking worker cannot be awarded new work.
    expect(await eligibility(w.address)).toBe('Worker is unstaking');
    expect(await revertReason(c.invoke('withdraw'))).toBe('Unstake cooldown not over');
    await chain.advance(cooldown);
    const before = await chain.balance(chain.deployment.registry);
    const wd = await c.invoke('withdraw');
    expect(await chain.balance(chain.deployment.registry)).toBe(before - 100n * STRK);
    expect(await chain.stakeInfo(w)).toMatchObject({ staked: 200n * STRK, pending_unstake: 0n });
    expect((await chain.events(wd.txHash))[0]).toMatchObject({ name: 'Withdrawn', fields: { amount: 100n * STRK, staked: 200n * STRK } });
  });

  it('cancel_unstake makes the stake free again', async () => {
    const w = chain.actors.workers[2]!;
    const c = chain.as(w).registry;
    await c.invoke('request_unstake', 50n * STRK);
    const { txHash } = await c.invoke('cancel_unstake');
    expect((await chain.stakeInfo(w)).pending_unstake).toBe(0n);
    expect((await chain.events(txHash))[0]).toMatchObject({ name: 'UnstakeCancelled', fields: { amount: 50n * STRK } });
    expect(await revertReason(c.invoke('cancel_unstake'))).toBe('No pending unstake');
    expect(await revertReason(c.invoke('withdraw'))).toBe('No pending unstake');
  });

  it('refuses a zero or an excessive unstake', async () => {
    const c = chain.as(chain.actors.workers[2]!).registry;
    expect(await revertReason(c.invoke('request_unstake', 0n))).toBe('Amount must be positive');
    expect(await revertReason(c.invoke('request_unstake', 10n ** 24n))).toBe('Insufficient free stake');
  });
});

describe('market-only and owner-only entry points', () => {
  it('lock, release and slash refuse any caller but the market', async () => {
    const w = chain.actors.workers[0]!;
    for (const caller of [chain.actors.owner, w, chain.actors.outsider]) {
      const c = chain.as(caller).registry;
      expect(await revertReason(c.invoke('lock', w.address, 1n, 1n))).toBe('Caller is not the market');
      expect(await revertReason(c.invoke('release', w.address, 1n, 1n))).toBe('Caller is not the market');
      expect(await revertReason(c.invoke('slash', w.address, 1n, 1n))).toBe('Caller is not the market');
    }
  });

  it('set_market is once only', async () => {
    const c = chain.as(chain.actors.owner).registry;
    expect(await revertReason(c.invoke('set_market', chain.actors.outsider.address))).toBe('Market already set');
    expect(toBigInt(await chain.read.registry.read.market())).toBe(BigInt(chain.deployment.market));
  });

  it('set_params: owner only, bounded, emits ParamsUpdated', async () => {
    const params = { min_stake: 100n * STRK, cooldown: 86_400n, suspension: 86_400n };
    expect(await revertReason(chain.as(chain.actors.outsider).registry.invoke('set_params', params))).toBe(
      'Caller is not the owner',
    );
    const owner = chain.as(chain.actors.owner).registry;
    expect(await revertReason(owner.invoke('set_params', { ...params, cooldown: 10n ** 9n }))).toBe('Cooldown too long');
    expect(await revertReason(owner.invoke('set_params', { ...params, suspension: 10n ** 9n }))).toBe(
      'Suspension too long',
    );
    const { txHash } = await owner.invoke('set_params', { ...params, cooldown: 3_600n });
    expect(toBigInt((await chain.read.registry.read.params()).cooldown)).toBe(3_600n);
    expect((await chain.events(txHash))[0]).toMatchObject({ name: 'ParamsUpdated', fields: { cooldown: 3_600n } });
    await owner.invoke('set_params', params);
  });
});
