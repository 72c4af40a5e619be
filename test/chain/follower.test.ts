/**
 * The node's chain follower over scripted chains (the same MemoryChain the indexer replays):
 * events arrive decoded and in chain order, the cursor survives a restart, and a fork under the
 * cursor is stepped back over and the new branch delivered, so what a listener has seen last for
 * each job is the new branch's word.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainFollower, type Delivery, type FollowedEvent } from '../../src/chain/events/follower';
import { SwappableChain, scriptCodec } from '../indexer/support/harness';
import { MarketScript, address, scriptedHistory } from '../indexer/support/market-script';

const E = 10n ** 18n;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-follower-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function follow(chain: SwappableChain | MarketScript['chain'], cursorFile?: string, chunk = 4) {
  const follower = new ChainFollower(chain, scriptCodec(), { startBlock: 0, cursorFile, chunk, reorgDepth: 8 });
  const deliveries: Delivery[] = [];
  follower.on((d) => void deliveries.push(d));
  return { follower, deliveries, events: () => deliveries.flatMap((d) => d.events) };
}

/** Every event of a scripted chain, as the follower should deliver it. */
function expected(script: MarketScript): Array<Pick<FollowedEvent, 'name' | 'blockNumber'>> {
  const codec = scriptCodec();
  return script.chain.recorded().flatMap((b) =>
    b.events.map((e) => ({ name: codec.decode(e.fromAddress, e.keys, e.data)!.name, blockNumber: b.header.number })),
  );
}

test('delivers every event of the deployment, decoded, in chain order, in chunks', async () => {
  const script = new MarketScript(scriptCodec());
  scriptedHistory(script);
  const { follower, deliveries, events } = follow(script.chain);
  await follower.catchUp();
  expect(events().map((e) => ({ name: e.name, blockNumber: e.blockNumber }))).toEqual(expected(script));
  expect(events().length).toBeGreaterThan(20);
  expect(events().some((e) => e.name === 'JobCompleted')).toBe(true);
  // Chunks of 4 blocks, none rewound, ending at the head.
  expect(deliveries.every((d) => !d.rewound)).toBe(true);
  expect(follower.position).toBe(script.height - 1);
});

test('a restarted follower carries on from its cursor file and reads nothing twice', async () => {
  const script = new MarketScript(scriptCodec());
  scriptedHistory(script);
  const cursor = join(dir, 'restart.json');
  const first = follow(script.chain, cursor);
  await first.follower.catchUp();
  const seen = first.events().length;

  script.stake(address('carol'), 70n * E);
  script.mine();
  const second = follow(script.chain, cursor);
  await second.follower.catchUp();
  expect(second.events().map((e) => e.name)).toEqual(['Staked']);
  expect(seen + 1).toBe(expected(script).length);
});

test('a fork under the cursor is stepped back over and the new branch delivered', async () => {
  const base = new MarketScript(scriptCodec());
  scriptedHistory(base);
  const forkAt = base.height - 2;
  const chainA = new MarketScript(scriptCodec());
  scriptedHistory(chainA);
  const lost = chainA.createJob(address('poster'), 4n * E);
  chainA.award(lost, address('bob'), 3n * E);
  chainA.mine();
  const chainB = new MarketScript(scriptCodec(), { tag: 'fork', from: forkAt });
  scriptedHistory(chainB);
  chainB.stake(address('carol'), 70n * E);
  chainB.mine();

  const chain = new SwappableChain(chainA.chain);
  const cursor = join(dir, 'fork.json');
  const { follower, deliveries } = follow(chain, cursor);
  await follower.catchUp();
  expect(deliveries.at(-1)?.events.map((e) => e.name)).toContain('JobAwarded');

  chain.current = chainB.chain;
  const before = deliveries.length;
  await follower.catchUp();
  const after = deliveries.slice(before);
  expect(after[0]?.rewound).toBe(true);
  // What was delivered after the fork is exactly chain B from the step-back point on.
  const from = after[0]!.toBlock - 3; // the first rewound chunk starts at the step-back point
  const events = after.flatMap((d) => d.events);
  const replayed = events.map((e) => ({ name: e.name, blockNumber: e.blockNumber }));
  expect(replayed).toEqual(expected(chainB).filter((e) => e.blockNumber >= from));
  expect(replayed.map((e) => e.name)).toContain('Staked');
  // The job only branch A created and awarded is not in what came after the fork.
  expect(events.filter((e) => BigInt(e.fields.job_id as number | bigint | string ?? -1) === BigInt(lost))).toEqual([]);
  expect(follower.position).toBe(chainB.height - 1);
});

test('a poll with nothing new is one read of the newest block; a new block is then delivered', async () => {
  const script = new MarketScript(scriptCodec());
  scriptedHistory(script);
  const reads: string[] = [];
  const chain = new SwappableChain(script.chain);
  const counted = {
    head: () => (reads.push('head'), chain.head()),
    block: (n: number) => (reads.push('block'), chain.block(n)),
    latest: () => (reads.push('latest'), chain.latest()),
    events: (from: number, to: number, a: string[]) => (reads.push('events'), chain.events(from, to, a)),
    chainId: () => chain.chainId(),
  };
  const follower = new ChainFollower(counted, scriptCodec(), { startBlock: 0, chunk: 1000 });
  const seen: FollowedEvent[] = [];
  follower.on((d) => void seen.push(...d.events));
  await follower.catchUp();
  expect(seen.length).toBe(expected(script).length);
  reads.length = 0;
  await follower.catchUp();
  expect(reads).toEqual(['latest']);
  script.stake(address('dave'), 70n * E);
  script.mine();
  await follower.catchUp();
  expect(seen.map((e) => e.name).at(-1)).toBe('Staked');
  expect(seen.length).toBe(expected(script).length);
});

test('woken, a follower polls at once, and every hurryPollMs while news is due, not every pollMs', async () => {
  const script = new MarketScript(scriptCodec());
  scriptedHistory(script);
  let due = false;
  const follower = new ChainFollower(script.chain, scriptCodec(), {
    startBlock: 0,
    chunk: 1000,
    pollMs: 600_000,
    hurry: () => due,
    hurryPollMs: 5,
  });
  const seen: FollowedEvent[] = [];
  const arrived = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => (seen.length >= n ? resolve() : setTimeout(check, 5));
      check();
    });
  follower.on((d) => void seen.push(...d.events));
  follower.start();
  try {
    await arrived(expected(script).length);
    // Polls are 10 minutes apart now: only wake() or hurry() bring the next block this test.
    script.stake(address('erin'), 70n * E);
    script.mine();
    follower.wake();
    await arrived(expected(script).length);
    due = true;
    follower.wake();
    script.stake(address('frank'), 70n * E);
    script.mine();
    await arrived(expected(script).length);
    expect(seen.slice(-2).map((e) => e.name)).toEqual(['Staked', 'Staked']);
  } finally {
    await follower.stop();
  }
});
