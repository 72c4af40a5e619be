import { MessageValidationError } from '../p2p/errors';
import { FIELD_PRIME, feltFromBytes, feltToBytes, u256FromBytes, u256ToBytes } from '../p2p/felt-codec';
import type { AnnouncementFields } from './types';
import { decodeAnnouncement, encodeAnnouncement } from './wire';

const code = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as MessageValidationError).code;
  }
};

describe('market wire formats', () => {
  test('felts are 32 bytes below the field prime', () => {
    expect(feltFromBytes(feltToBytes(FIELD_PRIME - 1n), 'x')).toBe(FIELD_PRIME - 1n);
    expect(() => feltToBytes(FIELD_PRIME)).toThrow(RangeError);
    expect(code(() => feltFromBytes(new Uint8Array(32).fill(0xff), 'x'))).toBe('INVALID_PAYLOAD');
    expect(code(() => feltFromBytes(new Uint8Array(31), 'x'))).toBe('INVALID_PAYLOAD');
  });

  test('u256 amounts have exactly one encoding', () => {
    for (const v of [0n, 1n, 255n, 256n, 10n ** 20n, (1n << 256n) - 1n])
      expect(u256FromBytes(u256ToBytes(v), 'x')).toBe(v);
    expect(code(() => u256FromBytes(Uint8Array.of(0, 1), 'x'))).toBe('INVALID_PAYLOAD');
    expect(code(() => u256FromBytes(new Uint8Array(33).fill(1), 'x'))).toBe('INVALID_PAYLOAD');
  });

  const now = 1_800_000_000_000;
  const fields: AnnouncementFields = {
    jobId: 2n ** 64n - 1n,
    posterAddress: 0x123n,
    manifestHash: FIELD_PRIME - 1n,
    requirements: {
      minCores: 2,
      minMemoryMb: 4096,
      wasmFeatures: ['simd'],
      minFuelPerSecond: 10n,
      fuelLimit: 1000n,
    },
    budget: 10n ** 21n,
    collateral: 5n,
    bidDeadlineMs: now + 2000,
    maxBids: 3,
    executionDeadlineS: 1_900_000_000n,
    posterAddrs: ['/ip4/127.0.0.1/tcp/4001'],
  };

  test('an announcement round-trips, u64 job ids and u256 budgets included', () => {
    expect(decodeAnnouncement(encodeAnnouncement(fields), now)).toEqual(fields);
  });

  test.each<[string, Partial<AnnouncementFields>]>([
    ['a passed deadline', { bidDeadlineMs: now }],
    ['an overlong window', { bidDeadlineMs: now + 11 * 60_000 }],
    ['too many bids', { maxBids: 1000 }],
    ['zero fuel', { requirements: { ...fields.requirements, fuelLimit: 0n } }],
    ['a bad feature name', { requirements: { ...fields.requirements, wasmFeatures: ['SIMD!'] } }],
  ])('refuses %s', (_name, over) => {
    expect(code(() => decodeAnnouncement(encodeAnnouncement({ ...fields, ...over }), now))).toBe(
      'INVALID_PAYLOAD',
    );
  });
});
