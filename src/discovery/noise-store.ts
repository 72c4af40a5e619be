/**
 * Keeps a worker's advert noise across restarts. The noise is drawn once and repeated by every
 * advert (advert-noise.ts); a restart that drew afresh would hand a listener a new sample each
 * time, and over enough restarts the average gives the true bucket away. So a node with an
 * identity of its own stores its draw in <dataDir>/advert-noise.json (mode 0600) and reuses it
 * while its capabilities and epsilon are unchanged; a change draws again (and spends the budget
 * again, which cannot be helped: the figures it protects changed).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Capabilities } from './capabilities';
import {
  checkPublicCapabilities,
  publicCapabilities,
  type PublicCapabilities,
  type Uniform,
} from './advert-noise';

interface StoredNoise {
  version: 1;
  /** SHA-256 of the exact capabilities and epsilon the draw was for. */
  key: string;
  coresBucket: number;
  memoryBucket: number;
  fuelBucket: number;
  priceBucket: number;
}

function keyOf(caps: Capabilities, epsilon: number): string {
  const text = JSON.stringify([
    caps.workerAddress.toString(),
    caps.cores,
    caps.memoryMb,
    [...caps.wasmFeatures].sort(),
    caps.fuelPerSecond.toString(),
    caps.pricePerFuel.toString(),
    epsilon,
  ]);
  return createHash('sha256').update(text).digest('hex');
}

export type NoiseSource = 'stored' | 'drawn';

/** The public capabilities for `caps`: the stored draw when it is for the same figures, else a new one (stored). */
export function loadOrDrawNoise(
  file: string,
  caps: Capabilities,
  epsilon: number,
  uniform?: Uniform,
): { caps: PublicCapabilities; source: NoiseSource; error?: string } {
  const drawn = publicCapabilities(caps, epsilon, uniform);
  const key = keyOf(caps, drawn.epsilon);
  let error: string | undefined;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredNoise;
    if (stored.version === 1 && stored.key === key) {
      const pub = checkPublicCapabilities({
        ...drawn,
        coresBucket: stored.coresBucket,
        memoryBucket: stored.memoryBucket,
        fuelBucket: stored.fuelBucket,
        priceBucket: stored.priceBucket,
      });
      return { caps: pub, source: 'stored' };
    }
  } catch (err) {
    // A missing file is the first start; anything else (corrupt, hostile buckets) is redrawn.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') error = (err as Error).message;
  }
  const record: StoredNoise = {
    version: 1,
    key,
    coresBucket: drawn.coresBucket,
    memoryBucket: drawn.memoryBucket,
    fuelBucket: drawn.fuelBucket,
    priceBucket: drawn.priceBucket,
  };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(record), { mode: 0o600 });
  renameSync(tmp, file);
  return { caps: drawn, source: 'drawn', ...(error ? { error } : {}) };
}
