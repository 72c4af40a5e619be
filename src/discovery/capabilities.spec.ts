import { publicCapabilities } from './advert-noise';
import { capabilityKeys, searchKeys } from './capability-index';
import { unmetRequirements, type Capabilities, type JobRequirements } from './capabilities';

const caps: Capabilities = {
  workerAddress: 1n,
  cores: 6,
  memoryMb: 12_288,
  wasmFeatures: ['multi-value'],
  fuelPerSecond: 500n,
  pricePerFuel: 3n,
};
const req: JobRequirements = {
  minCores: 4,
  minMemoryMb: 8192,
  wasmFeatures: ['multi-value'],
  minFuelPerSecond: 100n,
  fuelLimit: 10n,
};

describe('capabilities', () => {
  test('a worker meeting everything has nothing unmet', () => {
    expect(unmetRequirements(caps, req, 30n)).toEqual([]);
  });

  test('every failing requirement is named', () => {
    const hard = {
      minCores: 8,
      minMemoryMb: 16_384,
      wasmFeatures: ['tail-call'],
      minFuelPerSecond: 1000n,
      fuelLimit: 10n,
    };
    expect(unmetRequirements(caps, hard, 29n)).toEqual(['cores', 'memory', 'features', 'fuel', 'price']);
  });

  test('DHT keys: any, each feature, the noised memory and core buckets; searches use the most selective', () => {
    const pub = { ...publicCapabilities(caps, 2), memoryBucket: 14, coresBucket: 3 };
    expect(capabilityKeys('n', pub)).toEqual([
      '/cairn/n/cap/any',
      '/cairn/n/cap/feature/multi-value',
      '/cairn/n/cap/memory/b14',
      '/cairn/n/cap/cores/b3',
    ]);
    expect(searchKeys('n', req)).toEqual(['/cairn/n/cap/feature/multi-value']);
    // 8192 MB is bucket 14; with a slack of 2 the walk starts two buckets lower.
    expect(searchKeys('n', { ...req, wasmFeatures: [] }, 2).slice(0, 3)).toEqual([
      '/cairn/n/cap/memory/b12',
      '/cairn/n/cap/memory/b13',
      '/cairn/n/cap/memory/b14',
    ]);
    expect(searchKeys('n', { ...req, wasmFeatures: [], minMemoryMb: 256 })).toEqual(['/cairn/n/cap/any']);
  });
});
