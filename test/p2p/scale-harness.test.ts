/**
 * The harness behind `npm run bench:p2p -- --only=scale` (scripts/bench/p2p/scale.ts), at a size
 * that runs in the suite: 30 nodes over TCP in three child processes, with churn, junk peers,
 * jobs, lookups and usage figures. It checks that the harness counts what it claims to count, not
 * how fast anything is (the bench prints that): deliveries are judged against who was present,
 * churned nodes come back as themselves and rejoin the announcement mesh, the junk peers ran.
 */
import { SCALE_DEFAULTS, ScaleSettingsError, runScale, scaleSettings } from '../../scripts/bench/p2p/scale';
import { Timeline, delivery } from '../../scripts/bench/p2p/timeline';

describe('scale harness: who was present, and what was owed to them', () => {
  it('owes an announcement only to matching workers present from its announcement through the window', () => {
    const t = new Timeline();
    t.joined(1, 0);
    t.joined(2, 0);
    t.joined(3, 0);
    t.left(2, 1500); // leaves inside the first job's window: owed nothing for it
    t.left(3, 500); // away for the first job...
    t.joined(3, 2000); // ...back before the second
    const announced: Array<[string, number]> = [
      ['a', 1000],
      ['b', 3000],
    ];
    const bids: Array<[string, number, number]> = [
      ['a', 1, 1010],
      ['b', 1, 6000], // after the window: not delivered
      ['b', 3, 3020],
      ['a', 4, 1005], // not a matching worker: ignored
    ];
    const d = delivery(announced, bids, [1, 2, 3], t, 2000);
    // a: owed to 1 only (2 leaves inside the window, 3 is away), delivered. b: owed to 1 (its bid
    // is too late) and 3 (back by then, delivered); 2 is gone.
    expect(d).toMatchObject({ jobs: 2, owed: 3, delivered: 2, missed: [['b', 1]] });
    expect(d.ratio).toBeCloseTo(2 / 3);
  });

  it('a node that leaves twice is absent both times and present between', () => {
    const t = new Timeline();
    t.joined(7, 0);
    t.left(7, 100);
    t.joined(7, 200);
    t.left(7, 300);
    expect(t.presentThrough(7, 10, 90)).toBe(true);
    expect(t.presentThrough(7, 90, 210)).toBe(false);
    expect(t.presentThrough(7, 210, 290)).toBe(true);
    expect(t.presentThrough(7, 310, 320)).toBe(false);
    expect(t.present(7)).toBe(false);
  });
});

describe('scale harness: settings from the environment', () => {
  it('takes whole numbers in range and the defaults otherwise', () => {
    expect(scaleSettings({})).toEqual({ nodes: 1000, workerProcesses: 8, measureS: 180 });
    expect(scaleSettings({ CAIRN_BENCH_SCALE_NODES: '300', CAIRN_BENCH_SCALE_PROCESSES: '3' })).toMatchObject({
      nodes: 300,
      workerProcesses: 3,
    });
  });

  it.each([
    ['CAIRN_BENCH_SCALE_NODES', 'abc'],
    ['CAIRN_BENCH_SCALE_NODES', '5'],
    ['CAIRN_BENCH_SCALE_NODES', '1e3'],
    ['CAIRN_BENCH_SCALE_NODES', '-1000'],
    ['CAIRN_BENCH_SCALE_PROCESSES', '0'],
    ['CAIRN_BENCH_SCALE_SECONDS', '99999999999999999999'],
    ['CAIRN_BENCH_SCALE_SECONDS', ''],
  ])('refuses %s=%j, naming it', (variable, value) => {
    expect(() => scaleSettings({ [variable]: value })).toThrow(ScaleSettingsError);
    expect(() => scaleSettings({ [variable]: value })).toThrow(variable);
  });

  it('names every bad setting at once', () => {
    expect(() => scaleSettings({ CAIRN_BENCH_SCALE_NODES: 'x', CAIRN_BENCH_SCALE_SECONDS: '0' })).toThrow(
      /CAIRN_BENCH_SCALE_NODES, CAIRN_BENCH_SCALE_SECONDS/,
    );
  });
});

describe('scale harness: a 30-node network with churn and junk peers', () => {
  it('counts delivery to matching workers, brings churned nodes back, and reports usage', async () => {
    const s = await runScale({
      ...SCALE_DEFAULTS,
      nodes: 30,
      workerProcesses: 2,
      measureS: 20,
      // 30% a minute over 20 s: a few nodes leave and come back while jobs are announced.
      churnPerMinute: 0.3,
      downMs: 3000,
      settleMaxS: 20,
      quiesceMaxS: 10,
      progress: () => undefined,
    });
    expect(s).toMatchObject({ nodes: 30, honest: 28, junkPeers: 2, posters: 1, workers: 27, capable: 3 });
    // Delivery is counted, against capable workers present for whole windows.
    expect(s.delivery.jobs).toBeGreaterThan(0);
    expect(s.delivery.owed).toBeGreaterThan(0);
    expect(s.delivery.owed).toBeLessThanOrEqual(s.delivery.jobs * s.capable);
    expect(s.delivery.delivered).toBeLessThanOrEqual(s.delivery.owed);
    expect(s.delivery.delivered).toBeGreaterThan(0);
    expect(s.firstBidMs.n).toBeGreaterThan(0);
    // Churned nodes left and every one of them came back into the announcement mesh.
    expect(s.churn.left).toBeGreaterThan(0);
    expect(s.churn.rejoined).toBe(s.churn.left);
    expect(s.churn.notRejoinedWithin30s).toBe(0);
    expect(s.churn.rejoinToMeshMs.n).toBe(s.churn.left);
    // The junk peers ran against the network.
    expect(s.flood?.identities).toBeGreaterThan(0);
    // ...and got past the handshake: they speak the network's encrypter (how many frames they
    // then write before being cut off depends on the machine's speed, so it is not asserted).
    expect(s.flood?.connected).toBeGreaterThan(0);
    // Usage figures are there for every process.
    expect(s.perNode.workerRssMb.mean).toBeGreaterThan(0);
    expect(s.perNode.workerCpuMsPerS.mean).toBeGreaterThan(0);
    expect(s.eventLoops).toHaveLength(3);
    expect(s.discoverMs.n + s.lookupFailures).toBeGreaterThan(0);
  }, 600_000);
});
