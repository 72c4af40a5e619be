import { InMemoryStakeRegistry, RegistryStakeVerifier, STAKE_REASONS } from './stake';

const PEER = '12D3KooWR5dqwwd9AghvnB4Do13QEeRqSaY6DcAWZtd6CzL1bY7N';

describe('stake checks', () => {
  test('the in-memory registry gives the contract reasons in the contract order', async () => {
    let now = 0;
    const r = new InMemoryStakeRegistry(100n, () => now);
    expect(await r.eligibility('0x1', 0n)).toBe(STAKE_REASONS.NOT_STAKED);
    r.stake('0x1', 50n);
    expect(await r.eligibility('0x1', 0n)).toBe(STAKE_REASONS.BELOW_MIN_STAKE);
    r.stake('0x1', 250n).suspend('0x1', 10);
    expect(await r.eligibility('0x1', 0n)).toBe(STAKE_REASONS.SUSPENDED);
    now = 10;
    expect(await r.eligibility('0x1', 301n)).toBe(STAKE_REASONS.INSUFFICIENT_FREE_STAKE);
    expect(await r.eligibility('0x1', 300n)).toBe(STAKE_REASONS.NO_PEER_ID);
    r.bindPeer('0x1', PEER);
    expect(await r.eligibility('0x01', 300n)).toBeUndefined();
    expect(await r.peerIdOf('0x0001')).toBe(PEER);
    r.lock('0x1', 100n);
    expect(await r.freeStakeOf('0x1')).toBe(200n);
    r.requestUnstake('0x1', 50n);
    expect(await r.eligibility('0x1', 0n)).toBe(STAKE_REASONS.UNSTAKING);
    expect(await r.freeStakeOf('0x1')).toBe(150n);
  });

  test('the verifier adds the binding check and says how far free stake falls short', async () => {
    const r = new InMemoryStakeRegistry(0n).stake('0xa', 1000n).bindPeer('0xa', PEER);
    const v = new RegistryStakeVerifier(r);
    expect(await v.verify('0xa', PEER, 1000n)).toEqual({ ok: true });
    expect(await v.verify('0xa', 'someone-else', 0n)).toEqual({
      ok: false,
      reason: STAKE_REASONS.PEER_MISMATCH,
      detail: `address is bound to ${PEER}`,
    });
    expect(await v.verify('0xa', PEER, 1500n)).toEqual({
      ok: false,
      reason: STAKE_REASONS.INSUFFICIENT_FREE_STAKE,
      detail: `${STAKE_REASONS.INSUFFICIENT_FREE_STAKE}: 1000 fri free, job locks 1500`,
    });
    expect(await v.verify('0xb', PEER, 0n)).toEqual({ ok: false, reason: STAKE_REASONS.NOT_STAKED });
  });
});
