import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal, note, type PosterRecord, type WorkerRecord } from './journal';

describe('Journal', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'journal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const poster = (id: string): PosterRecord => ({
    role: 'poster',
    jobId: id,
    step: 'announcing',
    manifestSha256: 'aa',
    blobs: ['aa'],
    requirements: {
      minCores: 1,
      minMemoryMb: 1,
      wasmFeatures: [],
      minFuelPerSecond: 1n.toString() as never,
      fuelLimit: 1n.toString() as never,
    },
    budget: '10',
    execDurationS: '60',
    maxAttempts: 2,
    history: [],
  });

  test('a saved record survives a new journal on the same dir (a restart), private to the node', () => {
    const j = new Journal(dir);
    const r = poster('12');
    note(r, 'created', '0x1');
    j.save(r);
    const again = new Journal(dir);
    expect(again.load('poster', '12')).toEqual(r);
    expect(statSync(join(dir, 'jobs', 'poster-12.json')).mode & 0o077).toBe(0);
    expect(readdirSync(join(dir, 'jobs')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('lists every record in job order and forgets removed ones', () => {
    const j = new Journal(dir);
    j.save(poster('10'));
    j.save(poster('9'));
    const w: WorkerRecord = {
      role: 'worker',
      jobId: '3',
      step: 'bidding',
      attempt: 1,
      poster: 'p',
      posterAddrs: [],
      manifestSha256: 'bb',
      price: '1',
      history: [],
    };
    j.save(w);
    expect(j.all().map((r) => `${r.role}-${r.jobId}`)).toEqual(['worker-3', 'poster-9', 'poster-10']);
    j.remove('worker', '3');
    expect(j.load('worker', '3')).toBeUndefined();
  });
});
