/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * `cairn graph …` as a user runs it, against real nodes (`cairn node start`, one process each:
 * a poster and two workers) on a real devnet with the contracts deployed: a word-count graph
 * (two map steps and the aggregate, each a job of its own) posted with `--wait` and followed to
 * its output, one with `--json --wait` streamed as events while `graph list` and `graph
 * result` look at it running, its status, the list, the result; one posted from a remote caller
 * with its files inline; and each error a user meets, with its message and exit code. One
 * devnet and one set of nodes for the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { config as starknetConfig } from 'starknet';
import { parse, stringify } from 'yaml';
import { STRK } from '../../src/chain/params';
import type { GraphRecord } from '../../src/graph/types';
import { AGGREGATE } from '../../src/graph/types';
import { sha256Hex } from '../../src/executor/blob-store';
import { statusOf } from '../e2e/support/jobs';
import { unitJobs, wordCountGraph } from '../e2e/support/graphs';
import { type MarketNet, type NodeSetup, nodeSetup, startMarketNet, until } from '../e2e/support/market-net';
import { cairn, expectFailure, json, openRemoteControl, postArgs, startCairnNode, stopAll } from './support';

starknetConfig.set('logLevel', 'ERROR');
jest.setTimeout(300_000);

interface GraphFiles {
  manifest: string;
  blobs: string[];
  expected: string;
}

/** The word count as a graph of `shards` map steps and an aggregate, written as a user's files. */
async function writeGraph(dir: string, seed: number, shards = 2): Promise<GraphFiles> {
  const g = await wordCountGraph(seed, shards);
  const manifest = join(dir, `graph-${seed}.yaml`);
  writeFileSync(manifest, g.manifest);
  const blobs = g.blobs.map((b, i) => {
    const f = join(dir, `graph-${seed}-blob-${i}`);
    writeFileSync(f, b);
    return f;
  });
  return { manifest, blobs, expected: g.expected };
}

describe('cairn graph against live nodes', () => {
  let dir: string;
  let net: MarketNet;
  let posterSetup: NodeSetup;
  let workerSetup: NodeSetup;
  let remote: string[];
  let first: GraphFiles;
  let firstId: string;

  const P = () => ['--data-dir', posterSetup.config.dataDir];
  const post = (g: GraphFiles, extra: string[]) => postArgs(posterSetup.config.dataDir, 'graph', g, extra);

  beforeAll(async () => {
    // /tmp keeps the nodes' socket paths under the 107-byte limit.
    dir = await mkdtemp('/tmp/cairn-cli-graph-');
    await chmod(dir, 0o755);
    net = await startMarketNet(dir, 4);
    posterSetup = await nodeSetup(net, 'poster', { account: 1 });
    // Remote callers on TCP with a token, for a post whose files travel inline.
    remote = await openRemoteControl(dir, posterSetup);
    const workers = await Promise.all(
      [2, 3].map((account) =>
        nodeSetup(net, `worker-${account - 1}`, {
          account,
          worker: true,
          bootstrap: [posterSetup],
          // Several units of one graph at once.
          jobs: { capacity: 4 },
        }),
      ),
    );
    workerSetup = workers[0]!;
    [first] = await Promise.all([writeGraph(dir, 1), startCairnNode(posterSetup)]);
    await Promise.all(workers.map(startCairnNode));
  }, 600_000);

  afterAll(async () => {
    await stopAll();
    await net?.devnet.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("post --wait follows each unit and step to the graph's output, and saves it", async () => {
    const out = join(dir, 'graph-out.txt');
    const r = await cairn(post(first, ['--budget', '0.1', '--wait', '-o', out]));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    firstId = /posted graph (g[a-z0-9]+-[0-9a-f]{8}): 0\.1 STRK escrowed per unit/.exec(r.stdout)![1]!;
    expect(r.stdout).toContain(`following graph ${firstId}`);
    for (const step of ['map-0', 'map-1', AGGREGATE]) {
      expect(r.stdout).toMatch(new RegExp(`${step}: unit job \\d+ posted`));
      expect(r.stdout).toMatch(new RegExp(`${step}: job \\d+ awarded to 0x[0-9a-f]+ \\(12D3KooW\\w+\\)`));
      expect(r.stdout).toMatch(
        new RegExp(`${step}: job \\d+ result sha256 [0-9a-f]{16}… matches the commitment on chain`),
      );
      expect(r.stdout).toMatch(new RegExp(`${step}: agreed on output [0-9a-f]{12}`));
    }
    // Steps in the order they ran: the aggregate is posted only once both maps agreed.
    expect(r.stdout.indexOf(`${AGGREGATE}: unit job`)).toBeGreaterThan(r.stdout.indexOf('map-0: agreed'));
    expect(r.stdout.indexOf(`${AGGREGATE}: unit job`)).toBeGreaterThan(r.stdout.indexOf('map-1: agreed'));
    expect(r.stdout).toContain(`graph ${firstId} done.`);
    expect(r.stdout).toMatch(/result\s+\d+ bytes, sha256 [0-9a-f]{16}…, written to .*graph-out\.txt/);
    expect(r.stdout).toMatch(/units\s+3 jobs on [12] workers?/);
    expect(await readFile(out, 'utf8')).toBe(first.expected);
  });

  it("status shows each step's units and agreement; list shows the node's graphs", async () => {
    const g = json<GraphRecord>(await cairn(['--json', ...P(), 'graph', 'status', firstId]));
    expect(g).toMatchObject({ graphId: firstId, status: 'done', k: 1, budget: (STRK / 10n).toString() });
    expect(g.outputSha256).toBe(sha256Hex(Buffer.from(first.expected)));
    // Each unit is a job of its own on chain, completed.
    const ids = unitJobs(g);
    expect(ids).toHaveLength(3);
    await until(
      async () =>
        (await Promise.all(ids.map((id) => statusOf(net, id)))).every((s) => s === 'Completed')
          ? true
          : undefined,
      'every unit Completed',
    );

    const r = await cairn([...P(), 'graph', 'status', firstId]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`graph ${firstId}: done`);
    expect(r.stdout).toMatch(/steps\s+3 of 3 agreed; 1 unit per step/);
    expect(r.stdout).toMatch(/units\s+0\.1 STRK escrowed each, 3 attempts, 600 s to run/);
    for (const step of ['map-0', 'map-1', AGGREGATE])
      expect(r.stdout).toMatch(
        new RegExp(`${step}\\s+agreed\\s+[0-9a-f]{14}…\\s+job \\d+ 0x[0-9a-f]{10}… match`),
      );
    expect(r.stdout).toMatch(/\d\d:\d\d:\d\d {2}done: output [0-9a-f]{12}/);

    const l = await cairn([...P(), 'graph', 'list']);
    expect(l.code).toBe(0);
    expect(l.stdout).toMatch(/^ID\s+STATUS\s+STEPS\s+UNITS\s+UNIT BUDGET\s+LAST/);
    expect(l.stdout).toMatch(new RegExp(`${firstId}\\s+done\\s+3/3\\s+3\\s+0\\.1 STRK\\s+done: output`));
    const done = json<GraphRecord[]>(await cairn(['--json', ...P(), 'graph', 'list', '--state', 'DONE']));
    expect(done.map((x) => x.graphId)).toEqual([firstId]);
    expect((await cairn([...P(), 'graph', 'list', '--state', 'failed'])).stdout.trim()).toBe('no graphs');
    // A worker's node posted no graph.
    const onWorker = json<GraphRecord[]>(
      await cairn(['--json', '--data-dir', workerSetup.config.dataDir, 'graph', 'list']),
    );
    expect(onWorker).toEqual([]);
  });

  it('result prints the output, or writes it with -o', async () => {
    const r = await cairn([...P(), 'graph', 'result', firstId]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(first.expected);
    const file = join(dir, 'again.txt');
    const w = await cairn([...P(), 'graph', 'result', firstId, '-o', file]);
    expect(w.stdout).toMatch(/^wrote \d+ bytes to .*again\.txt/);
    expect(await readFile(file, 'utf8')).toBe(first.expected);
    const j = json<{ graphId: string; base64: string }>(
      await cairn(['--json', ...P(), 'graph', 'result', firstId]),
    );
    expect(Buffer.from(j.base64, 'base64').toString()).toBe(first.expected);
  });

  it('post --wait --json streams one JSON event a line; a running graph is listed and has no result yet', async () => {
    const second = await writeGraph(dir, 2);
    const following = cairn(['--json', ...post(second, ['--budget', '0.1', '--wait'])]);
    // While it runs: listed as running, and its result is not there yet.
    const running = await until(async () => {
      const l = json<GraphRecord[]>(await cairn(['--json', ...P(), 'graph', 'list', '--state', 'running']));
      return l[0];
    }, 'the second graph to be listed as running');
    const early = await cairn(['--json', ...P(), 'graph', 'result', running.graphId]);
    // It may have finished between the two calls on a fast machine; then there is a result.
    if (early.code !== 0)
      expect(JSON.parse(early.stderr)).toMatchObject({
        error: {
          code: 'NO_RESULT',
          exitCode: 5,
          message: expect.stringMatching(`graph ${running.graphId} has no output yet \\(it is running\\)`),
        },
      });
    else expect(Buffer.from(JSON.parse(early.stdout).base64, 'base64').toString()).toBe(second.expected);

    const r = await following;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; record?: GraphRecord; result?: { base64: string } });
    expect(events[0]).toEqual({ event: 'posted', graphId: running.graphId, budget: (STRK / 10n).toString() });
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(3);
    expect(progress[0]!.record!.status).toBe('running');
    const end = events.at(-1)!;
    expect(end.event).toBe('end');
    expect(end.record!.status).toBe('done');
    expect(Buffer.from(end.result!.base64, 'base64').toString()).toBe(second.expected);
  });

  it('posts from a remote caller, the manifest and blobs sent inline', async () => {
    // Below the market's minimum price: no worker bids, so it stays running and costs no run.
    const third = await writeGraph(dir, 3);
    const r = await cairn([
      ...remote,
      'graph',
      'post',
      third.manifest,
      '--blob',
      ...third.blobs,
      '--budget',
      '0.001',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const id = /posted graph (g[a-z0-9]+-[0-9a-f]{8}): 0\.001 STRK escrowed per unit/.exec(r.stdout)![1]!;
    const g = await until(async () => {
      const s = json<GraphRecord>(await cairn(['--json', ...remote, 'graph', 'status', id]));
      return s.nodes['map-0']!.units.length > 0 ? s : undefined;
    }, 'the remote graph to post its maps');
    expect(g.status).toBe('running');
    expect(await statusOf(net, unitJobs(g)[0]!)).toBe('Open');
  });

  it('post --wait exits 9 when the graph fails: a step whose units all end without a result', async () => {
    // One map step and no aggregate, below the market's minimum price: no worker bids, so each
    // unit stays open until the poster's user cancels it. The scheduler replaces a unit that
    // ended without a result, and fails the graph once a step has lost more than three.
    const fourth = await writeGraph(dir, 4, 1);
    const following = cairn(post(fourth, ['--budget', '0.001', '--wait']));
    const cancelled = new Set<string>();
    const failed = await until(
      async () => {
        const running = json<GraphRecord[]>(await cairn(['--json', ...P(), 'graph', 'list']));
        const g = running.find((x) => x.nodes[AGGREGATE] === undefined && x.nodes['map-0']);
        if (!g || g.status === 'failed') return g;
        for (const u of g.nodes['map-0']!.units) {
          if (cancelled.has(u.jobId) || (await statusOf(net, BigInt(u.jobId))) !== 'Open') continue;
          const c = await cairn([...P(), 'job', 'cancel', u.jobId]);
          expect([c.code, c.stderr]).toEqual([0, '']);
          cancelled.add(u.jobId);
        }
        return undefined;
      },
      'the one-step graph to fail',
      240_000,
    );
    expect(failed.failure).toBe('map-0: 4 units ended without a usable result');
    expect(failed.nodes['map-0']!.units.map((u) => u.jobId).sort()).toEqual([...cancelled].sort());
    const r = await following;
    expect(r.code).toBe(9);
    expect(r.stdout).toContain(`posted graph ${failed.graphId}`);
    expect(r.stderr).toContain(
      `graph ${failed.graphId} failed: map-0: 4 units ended without a usable result`,
    );
  });

  it('says what is wrong, with an exit code, for each error a user meets', async () => {
    // Checked before anything is sent, even with no node there.
    const nobody = ['--data-dir', join(dir, 'nobody')];
    expectFailure(
      await cairn([...nobody, 'graph', 'status', '12']),
      2,
      /graph id "12": expected a graph id as `cairn graph post` prints it/,
    );
    expectFailure(await cairn([...nobody, 'graph', 'result', 'g1-zz']), 2, /graph id "g1-zz"/);
    expectFailure(
      await cairn([...P(), 'graph', 'list', '--state', 'finished']),
      2,
      /--state "finished": expected one of running, done, failed/,
    );
    expectFailure(await cairn(post(first, ['--budget', '-3'])), 2, /--budget "-3": expected STRK/);
    expectFailure(
      await cairn(post(first, ['--budget', '1', '-o', join(dir, 'x')])),
      2,
      /-o\/--output goes with --wait/,
    );
    expectFailure(
      await cairn(post(first, ['--budget', '1', '--max-attempts', '11'])),
      2,
      /--max-attempts 11: expected a whole number from 1 to 10/,
    );
    expectFailure(
      await cairn([...P(), 'graph', 'post', join(dir, 'no-such.yaml'), '--budget', '1']),
      2,
      /manifest .*no-such\.yaml: ENOENT/,
    );
    expectFailure(
      await cairn([...P(), 'graph', 'post', first.manifest]),
      2,
      /required option '--budget <amount>'/,
    );
    // A manifest the node would refuse is refused here: not YAML, then a graph with a cycle.
    const junk = join(dir, 'junk.yaml');
    writeFileSync(junk, 'tasklets: [\n');
    expectFailure(
      await cairn([...nobody, 'graph', 'post', junk, '--budget', '1']),
      2,
      /manifest .*junk\.yaml: invalid manifest \(parse\)/,
    );
    const loop = join(dir, 'loop.yaml');
    const m = parse(readFileSync(first.manifest, 'utf8')) as { tasklets: Array<{ input: unknown }> };
    m.tasklets[0]!.input = { from: ['map-1'] };
    m.tasklets[1]!.input = { from: ['map-0'] };
    writeFileSync(loop, stringify(m));
    const cyc = await cairn(['--json', ...nobody, 'graph', 'post', loop, '--budget', '1']);
    expect(cyc.code).toBe(2);
    expect(JSON.parse(cyc.stderr)).toMatchObject({ error: { code: 'BAD_MANIFEST', exitCode: 2 } });
    // No node.
    expectFailure(
      await cairn([...nobody, 'graph', 'list']),
      3,
      /no node is running with this data dir .*`cairn node start`/,
    );
    // Unknown graph: well formed, not this node's (a worker's node posted none).
    expectFailure(
      await cairn([...P(), 'graph', 'status', 'gzzzzzz-00000000']),
      5,
      /graph gzzzzzz-00000000 is not one of this node's graphs; `cairn graph list` shows/,
    );
    const unknown = await cairn([
      '--json',
      '--data-dir',
      workerSetup.config.dataDir,
      'graph',
      'result',
      'gzzzzzz-00000000',
    ]);
    expect(JSON.parse(unknown.stderr)).toMatchObject({ error: { code: 'UNKNOWN_GRAPH', exitCode: 5 } });
    // Blobs the node does not hold, not passed.
    const fresh = await writeGraph(dir, 4);
    expectFailure(
      await cairn([...P(), 'graph', 'post', fresh.manifest, '--budget', '1']),
      5,
      /the manifest names blobs this node does not hold: [0-9a-f]{64}.*; pass the modules and inputs it names with --blob/,
    );
  });
});
