/**
 * The node's bid check against the real StakingRegistry: the same reasons the in-memory
 * registry gives in the p2p suites, read from the contract, plus the peer-binding check.
 */
import { ChainStakeRegistry } from '../../src/market/chain-stake-registry';
import { STRK } from '../../src/chain/params';
import { RegistryStakeVerifier, STAKE_REASONS } from '../../src/market/stake';
import { ChainFixture } from './support/chain';

let chain: ChainFixture;
beforeAll(async () => {
  chain = await ChainFixture.start();
});
afterAll(async () => {
  await chain?.stop();
});

it('answers a poster with the contract reasons and checks the signing peer', async () => {
  const registry = new ChainStakeRegistry(chain.read);
  const verifier = new RegistryStakeVerifier(registry);
  const [w, other] = chain.actors.workers as [typeof chain.actors.owner, typeof chain.actors.owner];
  const peer = '12D3KooWQYhTNQdmr3ArTeUHRYzFg94BKyTkoWBDWez9kSCVe2Xo';

  expect(await verifier.verify(w.address, peer, 0n)).toEqual({ ok: false, reason: STAKE_REASONS.NOT_STAKED });
  await chain.stake(w, 200n * STRK, peer);
  expect(await registry.peerIdOf(w.address)).toBe(peer);
  expect(await registry.freeStakeOf(w.address)).toBe(200n * STRK);
  expect(await verifier.verify(w.address, peer, 10n * STRK)).toEqual({ ok: true });
  // Another peer claiming this worker's address is refused even though the stake is fine.
  expect(await verifier.verify(w.address, '12D3KooWother', 0n)).toMatchObject({ ok: false, reason: STAKE_REASONS.PEER_MISMATCH });
  const short = await verifier.verify(w.address, peer, 1_000n * STRK);
  expect(short).toMatchObject({ ok: false, reason: STAKE_REASONS.INSUFFICIENT_FREE_STAKE });
  expect(short.ok === false && short.detail).toContain(`${200n * STRK} fri free`);

  await chain.as(w).registry.invoke('request_unstake', STRK);
  expect(await verifier.verify(w.address, peer, 0n)).toEqual({ ok: false, reason: STAKE_REASONS.UNSTAKING });

  const c = chain.as(other);
  await c.token.invoke('approve', chain.deployment.registry, STRK);
  await c.registry.invoke('stake', STRK);
  expect(await registry.eligibility(other.address, 0n)).toBe(STAKE_REASONS.BELOW_MIN_STAKE);
  expect(await registry.scoreOf(other.address)).toBe(5_000);
});
