import type { ProviderInterface } from 'starknet';
import { chainNow, recentChainTime, sawChainTime } from './chain-view';

/** A provider whose latest block is read on demand: each read waits until `land` is called. */
function slowProvider() {
  const reads: Array<(ts: number) => void> = [];
  const provider = {
    getBlock: () =>
      new Promise<{ timestamp: number }>((resolve) => reads.push((timestamp) => resolve({ timestamp }))),
  } as unknown as ProviderInterface;
  return { provider, reads };
}

describe('chainNow', () => {
  test('callers while a read is in flight share it; a later caller reads again', async () => {
    const { provider, reads } = slowProvider();
    const a = chainNow(provider);
    const b = chainNow(provider);
    expect(reads).toHaveLength(1);
    reads[0]!(1_000);
    expect(await Promise.all([a, b])).toEqual([1_000n, 1_000n]);
    // Nothing is kept once the read landed: the clock is never older than the caller.
    const c = chainNow(provider);
    expect(reads).toHaveLength(2);
    reads[1]!(1_007);
    expect(await c).toBe(1_007n);
  });

  test('a failed read fails its sharers and is not kept', async () => {
    let calls = 0;
    const provider = {
      getBlock: () =>
        ++calls === 1 ? Promise.reject(new Error('rpc down')) : Promise.resolve({ timestamp: 5 }),
    } as unknown as ProviderInterface;
    const [a, b] = [chainNow(provider), chainNow(provider)];
    await expect(a).rejects.toThrow('rpc down');
    await expect(b).rejects.toThrow('rpc down');
    expect(await chainNow(provider)).toBe(5n);
    expect(calls).toBe(2);
  });
});

describe('recentChainTime', () => {
  test('answers from a block time seen within maxAgeMs, read or told; reads once it is older', async () => {
    const { provider, reads } = slowProvider();
    const first = recentChainTime(provider, 5_000);
    expect(reads).toHaveLength(1);
    reads[0]!(2_000);
    expect(await first).toBe(2_000n);
    // Seen just now: no read.
    expect(await recentChainTime(provider, 5_000)).toBe(2_000n);
    // A newer block told by the follower is taken; an older one does not move the clock back.
    sawChainTime(provider, 2_004n);
    sawChainTime(provider, 1_990n);
    expect(await recentChainTime(provider, 5_000)).toBe(2_004n);
    expect(reads).toHaveLength(1);
    // With no age allowed, it reads.
    const fresh = recentChainTime(provider, -1);
    expect(reads).toHaveLength(2);
    reads[1]!(2_010);
    expect(await fresh).toBe(2_010n);
  });
});
