import { createLogger } from '../shared/logging';
import { holdsCircuit, RelayKeeper, type KeptRelay } from './relay-keeper';

const RELAY = 'QmRelay';
const relay = { addr: {}, peerId: { toString: () => RELAY } } as unknown as KeptRelay;
const circuit = `/ip4/1.2.3.4/tcp/4001/p2p/${RELAY}/p2p-circuit/p2p/QmMe`;

/** A keeper on a hand-moved clock whose reserve fails while `down` and restores the circuit otherwise. */
function keeper() {
  let now = 0;
  const world = { addrs: [] as string[], down: true, reserves: 0 };
  const k = new RelayKeeper(
    {
      relays: [relay],
      addresses: () => world.addrs,
      reserve: async () => {
        world.reserves++;
        if (world.down) throw new Error('connection refused');
        world.addrs = [circuit];
      },
    },
    { checkMs: 1000, maxBackoffMs: 8000, now: () => now },
    createLogger('silent'),
  );
  const pass = async (at: number) => {
    now = at;
    await Promise.all(k.check());
  };
  return { k, world, pass };
}

describe('RelayKeeper', () => {
  it('finds its circuit by the relay peer id in our addresses', () => {
    expect(holdsCircuit([circuit], RELAY)).toBe(true);
    expect(holdsCircuit([`/ip4/1.2.3.4/tcp/4001/p2p/${RELAY}`], RELAY)).toBe(false);
    expect(holdsCircuit([], RELAY)).toBe(false);
  });

  it('leaves a held reservation alone', async () => {
    const { k, world, pass } = keeper();
    world.addrs = [circuit];
    await pass(0);
    await pass(60_000);
    expect(world.reserves).toBe(0);
    expect(k.stats).toEqual({ restored: 0, failed: 0 });
  });

  it('tries a lost relay at once, then doubles its wait to the cap while it stays down', async () => {
    const { k, world, pass } = keeper();
    const triedAt: number[] = [];
    for (let t = 0; t <= 40_000; t += 500) {
      const before = world.reserves;
      await pass(t);
      if (world.reserves > before) triedAt.push(t);
    }
    // Waits of 1, 2, 4, 8, 8, 8 s after each failure (the checks fall every 500 ms).
    expect(triedAt.slice(0, 7)).toEqual([0, 1000, 3000, 7000, 15000, 23000, 31000]);
    expect(k.stats.failed).toBe(triedAt.length);
  });

  it('takes the reservation again when the relay is back, and starts over after the next loss', async () => {
    const { k, world, pass } = keeper();
    await pass(0);
    await pass(1000);
    world.down = false;
    await pass(3000);
    expect(world.addrs).toEqual([circuit]);
    expect(k.stats).toEqual({ restored: 1, failed: 2 });
    world.addrs = [];
    await pass(3500);
    expect(k.stats.restored).toBe(2);
  });
});
