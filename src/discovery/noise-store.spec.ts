import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Capabilities } from './capabilities';
import { seededUniform } from './match-quality';
import { loadOrDrawNoise } from './noise-store';

const caps: Capabilities = {
  workerAddress: 0x5n,
  cores: 12,
  memoryMb: 30_000,
  wasmFeatures: ['multi-value'],
  fuelPerSecond: 10n ** 8n,
  pricePerFuel: 40n,
};

describe('advert noise across restarts', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'cairn-noise-')), 'advert-noise.json');

  test('a restart with the same figures repeats the stored draw, whatever the new noise would be', () => {
    const f = file();
    const first = loadOrDrawNoise(f, caps, 1, seededUniform(1));
    expect(first.source).toBe('drawn');
    expect(statSync(f).mode & 0o777).toBe(0o600);
    for (let seed = 2; seed < 20; seed++) {
      const again = loadOrDrawNoise(f, caps, 1, seededUniform(seed));
      expect(again).toEqual({ caps: first.caps, source: 'stored' });
    }
  });

  test('changed figures or epsilon draw again; a corrupt or hostile file is redrawn, not trusted', () => {
    const f = file();
    loadOrDrawNoise(f, caps, 1, seededUniform(1));
    expect(loadOrDrawNoise(f, { ...caps, cores: 16 }, 1).source).toBe('drawn');
    expect(loadOrDrawNoise(f, { ...caps, cores: 16 }, 2).source).toBe('drawn');
    writeFileSync(f, '{not json');
    const corrupt = loadOrDrawNoise(f, caps, 1);
    expect(corrupt.source).toBe('drawn');
    expect(corrupt.error).toBeDefined();
    const stored = JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
    writeFileSync(f, JSON.stringify({ ...stored, memoryBucket: 10_000 }));
    const hostile = loadOrDrawNoise(f, caps, 1);
    expect(hostile.source).toBe('drawn');
    expect(hostile.error).toMatch(/out of range/);
    expect(hostile.caps.memoryBucket).toBeLessThanOrEqual(256);
  });
});
