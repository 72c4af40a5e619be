import { WorkerAdvert } from '../p2p/proto/generated/cairn';
import { decodeAdvert, encodeAdvert } from './advert-codec';
import {
  advertUnmet,
  bucketOf,
  bucketRange,
  DEFAULT_EPSILON,
  DEFAULT_MISS_RATE,
  geometricNoise,
  publicCapabilities,
  slackFor,
  tailProbability,
} from './advert-noise';
import type { Capabilities } from './capabilities';
import { measureMatchQuality, randomWorker, seededUniform } from './match-quality';

/** Field numbers present in an encoded message (protobuf tags: field << 3 | wire type). */
function fieldNumbers(bytes: Uint8Array): Set<number> {
  const fields = new Set<number>();
  let i = 0;
  const varint = (): bigint => {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      const b = bytes[i++] as number;
      v |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if ((b & 0x80) === 0) return v;
    }
  };
  while (i < bytes.length) {
    const tag = Number(varint());
    fields.add(tag >> 3);
    if ((tag & 7) === 0) varint();
    else if ((tag & 7) === 2) {
      const len = Number(varint());
      i += len;
    } else throw new Error(`unexpected wire type ${tag & 7}`);
  }
  return fields;
}

const worker: Capabilities = {
  workerAddress: 0xabcn,
  cores: 6,
  memoryMb: 12_288,
  wasmFeatures: ['multi-value'],
  fuelPerSecond: 1_500_000n,
  pricePerFuel: 37n,
};

describe('advert noise', () => {
  test('buckets are bit lengths, each standing for a power-of-two range', () => {
    expect([0, 1, 2, 3, 4, 7, 8].map((v) => bucketOf(v))).toEqual([0, 1, 2, 2, 3, 3, 4]);
    expect(bucketOf(2n ** 200n)).toBe(201);
    expect(bucketRange(4)).toEqual({ lo: 8n, hi: 15n });
    expect(bucketRange(0)).toEqual({ lo: 0n, hi: 0n });
  });

  test('the noise follows the two-sided geometric distribution it is documented as', () => {
    const u = seededUniform(1);
    const n = 200_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = geometricNoise(1, u);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const a = Math.exp(-1);
    for (const k of [-2, -1, 0, 1, 2]) {
      const expected = ((1 - a) / (1 + a)) * a ** Math.abs(k);
      expect(Math.abs((counts.get(k) ?? 0) / n - expected)).toBeLessThan(0.005);
    }
    // And the tail the slack is computed from.
    let below = 0;
    for (const [k, c] of counts) if (k < -2) below += c;
    expect(Math.abs(below / n - tailProbability(1, 2))).toBeLessThan(0.003);
  });

  test('no advert reveals an exact figure: the exact fields are gone from the wire, and the bytes depend only on the buckets', () => {
    for (let i = 0; i < 200; i++) {
      const caps = randomWorker(seededUniform(i), i);
      const bytes = encodeAdvert({ caps: publicCapabilities(caps), sequence: 1n });
      // Fields 2, 3, 5 and 6 carried exact cores, memory, fuel rate and price in version 1.
      const fields = fieldNumbers(bytes);
      for (const exact of [2, 3, 5, 6]) expect(fields.has(exact)).toBe(false);
      const pb = WorkerAdvert.decode(bytes);
      expect(Object.keys(pb).sort()).toEqual(
        [
          'coresBucket',
          'epsilonMilli',
          'fuelBucket',
          'memoryBucket',
          'priceBucket',
          'sequence',
          'wasmFeatures',
          'workerAddress',
        ].sort(),
      );
    }
    // Two workers whose figures differ but share every bucket publish the same bytes from the
    // same noise draws: nothing in the advert depends on where in its bucket a capacity lies.
    const other: Capabilities = {
      ...worker,
      cores: 7,
      memoryMb: 16_000,
      fuelPerSecond: 2_000_000n,
      pricePerFuel: 63n,
    };
    for (let seed = 0; seed < 50; seed++) {
      const a = encodeAdvert({
        caps: publicCapabilities(worker, DEFAULT_EPSILON, seededUniform(seed)),
        sequence: 9n,
      });
      const b = encodeAdvert({
        caps: publicCapabilities(other, DEFAULT_EPSILON, seededUniform(seed)),
        sequence: 9n,
      });
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    }
  });

  test('an advert round-trips through the codec; hostile buckets and budgets are refused', () => {
    const pub = publicCapabilities(worker, 1.5);
    expect(decodeAdvert(encodeAdvert({ caps: pub, sequence: 3n }))).toEqual({ caps: pub, sequence: 3n });
    const base = WorkerAdvert.decode(encodeAdvert({ caps: pub, sequence: 3n }));
    const bad = (over: Partial<WorkerAdvert>) => () =>
      decodeAdvert(WorkerAdvert.encode({ ...base, ...over }).finish());
    expect(bad({ coresBucket: 257 })).toThrow(/out of range/);
    expect(bad({ epsilonMilli: 0 })).toThrow(/epsilon/);
    expect(bad({ epsilonMilli: 50 })).toThrow(/epsilon/);
    expect(bad({ epsilonMilli: 10_001 })).toThrow(/epsilon/);
    expect(bad({ coresBucket: 0, memoryBucket: 0 })).toThrow(/no capacity/);
    expect(() => decodeAdvert(Uint8Array.from([0xff, 0xff, 0xff]))).toThrow();
  });

  test('the slack is the least that keeps each field under its share of the miss rate', () => {
    for (const eps of [0.5, 1, 2, 4]) {
      const s = slackFor(eps, 0.01);
      expect(tailProbability(eps, s)).toBeLessThanOrEqual(0.01 / 4);
      if (s > 0) expect(tailProbability(eps, s - 1)).toBeGreaterThan(0.01 / 4);
    }
  });

  test('a worker exactly at the requirement matches unless the noise pushes it below the slack', () => {
    const req = {
      minCores: 6,
      minMemoryMb: 12_288,
      wasmFeatures: ['multi-value'],
      minFuelPerSecond: 1_500_000n,
      fuelLimit: 10n,
    };
    const exact = {
      ...publicCapabilities(worker, 2),
      coresBucket: 3,
      memoryBucket: 14,
      fuelBucket: 21,
      priceBucket: 6,
    };
    expect(advertUnmet(exact, req, 370n)).toEqual([]);
    const s = slackFor(2);
    const low = { ...exact, memoryBucket: 14 - s - 1, priceBucket: 6 + 50 };
    expect(advertUnmet(low, req, 370n)).toEqual(['memory', 'price']);
    expect(advertUnmet(exact, { ...req, wasmFeatures: ['tail-call'] }, 370n)).toEqual(['features']);
  });

  test('at the default strength, the false-miss rate the bench reports holds (seeded, so the same figures)', () => {
    const q = measureMatchQuality({ epsilon: DEFAULT_EPSILON, missRate: DEFAULT_MISS_RATE });
    expect(q.capable).toBeGreaterThan(1000);
    expect(q.falseMissRate).toBeLessThanOrEqual(DEFAULT_MISS_RATE);
    // Matching still narrows: most unable workers are not matched.
    expect(q.falseBidRate).toBeLessThan(0.5);
    // And over other seeds too, not just the one the bench prints.
    for (const seed of [1, 2, 3]) {
      const r = measureMatchQuality({
        epsilon: DEFAULT_EPSILON,
        missRate: DEFAULT_MISS_RATE,
        seed,
        workers: 300,
        jobs: 100,
      });
      expect(r.falseMissRate).toBeLessThanOrEqual(DEFAULT_MISS_RATE);
    }
  });
});
