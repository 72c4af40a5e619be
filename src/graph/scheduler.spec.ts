import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { BlobStore } from '../executor/blob-store';
import { ManifestError } from '../manifest/errors';
import { createLogger } from '../shared/logging';
import { GraphError } from './errors';
import { GraphJournal } from './graph-journal';
import { PostRecorder } from './post-recorder.spec-support';
import { GraphScheduler, type UnitJobs } from './scheduler';
import { AGGREGATE } from './types';

const log = createLogger('silent', 'test');

describe('GraphScheduler', () => {
  let dir: string;
  let blobs: BlobStore;
  let module: string;
  const shards: string[] = [];
  let manifest: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'graphs-'));
    blobs = new BlobStore(join(dir, 'blobs'));
    module = blobs.put(new TextEncoder().encode('\0asm not really'));
    shards.length = 0;
    for (const s of ['one two', 'two three']) shards.push(blobs.put(new TextEncoder().encode(s)));
    manifest = stringify({
      version: 1,
      name: 'wc',
      tasklets: shards.map((blob, i) => ({ id: `map-${i}`, module, args: ['map'], input: { blob } })),
      aggregate: { module, args: ['reduce'] },
      resources: { memoryPages: 16, fuel: 1000, wallTimeMs: 1000 },
      output: { format: 'text', maxBytes: 1024 },
      priceCeiling: '100',
      verification: { mode: 'none' },
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const scheduler = (jobs: UnitJobs) => {
    const s = new GraphScheduler(jobs, blobs, dir, log, { tickMs: 60_000 });
    s.start();
    return s;
  };

  test('posts the ready units together, then the aggregate over their outputs, concatenated in order', async () => {
    const jobs = new PostRecorder();
    const s = scheduler(jobs);
    const id = await s.post({ manifest, budget: 10n });
    expect(jobs.posted).toHaveLength(1);
    expect(jobs.posted[0]!.map((p) => p.graph!.node)).toEqual(['map-0', 'map-1']);
    const out = ['map 0 out\n', 'map 1 out\n'].map((t) => blobs.put(new TextEncoder().encode(t)));
    jobs.deliver(jobs.records[1]!, out[1]!);
    jobs.deliver(jobs.records[0]!, out[0]!);
    await s['pump'](id);
    expect(jobs.posted).toHaveLength(2);
    const [agg] = jobs.posted[1]!;
    expect(agg!.graph).toEqual({ graphId: id, node: AGGREGATE, replica: 0 });
    const input = s.status(id).nodes[AGGREGATE]!.inputSha256!;
    expect(new TextDecoder().decode(blobs.get(input))).toBe('map 0 out\nmap 1 out\n');
    expect(String(agg!.manifest)).toContain(input);
    const result = blobs.put(new TextEncoder().encode('counts'));
    jobs.deliver(jobs.records[2]!, result);
    expect(s.status(id).status).toBe('done');
    expect(new TextDecoder().decode(s.result(id)!)).toBe('counts');
    // A unit of a graph is confirmed once its node agreed.
    expect(jobs.poster.hooks).toHaveProperty('settle');
    s.stop();
  });

  test('a restarted poster resumes from its journal and posts only what is unfinished', async () => {
    const jobs = new PostRecorder();
    const first = scheduler(jobs);
    const id = await first.post({ manifest, budget: 10n });
    jobs.deliver(jobs.records[0]!, blobs.put(new TextEncoder().encode('a\n')));
    first.stop();
    // map-1's job ended without a result while the poster was down (its last attempt expired).
    jobs.records[1]!.step = 'done';
    jobs.records[1]!.chainStatus = 'Expired';
    const again = scheduler(jobs);
    await again['pump'](id);
    const g = again.status(id);
    expect(g.nodes['map-0']!.agreed).toBeDefined();
    expect(jobs.posted.map((batch) => batch.map((p) => `${p.graph!.node}#${p.graph!.replica}`))).toEqual([
      ['map-0#0', 'map-1#0'],
      ['map-1#1'],
    ]);
    again.stop();
  });

  test('hostile input: a bad manifest, missing blobs, a zero budget, an unknown or malformed graph id', async () => {
    const s = scheduler(new PostRecorder());
    await expect(s.post({ manifest: 'version: 2', budget: 1n })).rejects.toBeInstanceOf(ManifestError);
    await expect(
      s.post({ manifest: manifest.replace(shards[0]!, 'b'.repeat(64)), budget: 1n }),
    ).rejects.toMatchObject({ code: 'MISSING_BLOBS' });
    await expect(s.post({ manifest, budget: 0n })).rejects.toMatchObject({ code: 'BAD_BUDGET' });
    expect(() => s.status('g-nope')).toThrow(GraphError);
    expect(() => new GraphJournal(dir).load('../../etc/passwd')).toThrow(/is not a graph id/);
    s.stop();
  });

  test('a graph record of another version is refused on start, not misread', () => {
    const journal = new GraphJournal(dir);
    writeFileSync(
      join(dir, 'graphs', 'g1-00000000.json'),
      JSON.stringify({ version: 99, graphId: 'g1-00000000' }),
    );
    expect(() => journal.all()).toThrow(/version 99 is not 1/);
  });
});
