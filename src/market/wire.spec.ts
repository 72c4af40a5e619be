import { FIELD_PRIME, feltFromBytes, feltToBytes, u256FromBytes, u256ToBytes } from '../p2p/felt-codec';
import { createHash } from 'node:crypto';
import { Bid as BidPb } from '../p2p/proto/generated/cairn';
import { manifestHash } from '../shared/commitment';
import type { AnnouncementFields, BidPayload } from './types';
import { checkBid, decodeAnnouncement, encodeAnnouncement, encodeBid, readBid } from './wire';
import { validationCode } from '../../test/support/thrown';

describe('market wire formats', () => {
  test('felts are 32 bytes below the field prime', () => {
    expect(feltFromBytes(feltToBytes(FIELD_PRIME - 1n), 'x')).toBe(FIELD_PRIME - 1n);
    expect(() => feltToBytes(FIELD_PRIME)).toThrow(RangeError);
    expect(validationCode(() => feltFromBytes(new Uint8Array(32).fill(0xff), 'x'))).toBe('INVALID_PAYLOAD');
    expect(validationCode(() => feltFromBytes(new Uint8Array(31), 'x'))).toBe('INVALID_PAYLOAD');
  });

  test('u256 amounts have exactly one encoding', () => {
    for (const v of [0n, 1n, 255n, 256n, 10n ** 20n, (1n << 256n) - 1n])
      expect(u256FromBytes(u256ToBytes(v), 'x')).toBe(v);
    expect(validationCode(() => u256FromBytes(Uint8Array.of(0, 1), 'x'))).toBe('INVALID_PAYLOAD');
    expect(validationCode(() => u256FromBytes(new Uint8Array(33).fill(1), 'x'))).toBe('INVALID_PAYLOAD');
  });

  const now = 1_800_000_000_000;
  const fields: AnnouncementFields = {
    jobId: 2n ** 64n - 1n,
    posterAddress: 0x123n,
    manifestHash: FIELD_PRIME - 1n,
    requirements: {
      minCores: 2,
      minMemoryMb: 4096,
      wasmFeatures: ['multi-value'],
      minFuelPerSecond: 10n,
      fuelLimit: 1000n,
    },
    budget: 10n ** 21n,
    bidDeadlineMs: now + 2000,
    maxBids: 3,
    posterAddrs: ['/ip4/127.0.0.1/tcp/4001'],
    collateralBps: 5000,
    execDurationS: 3600n,
    attempt: 2,
    maxAttempts: 3,
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
    // The contract's bounds: ids from 1, collateral at most 5x the price, 1..10 attempts.
    ['job id 0', { jobId: 0n }],
    ['a collateral rate above the contract maximum', { collateralBps: 50_001 }],
    ['no execution time', { execDurationS: 0n }],
    ['an attempt past the last', { attempt: 4 }],
    ['attempt 0', { attempt: 0 }],
    ['more attempts than the contract allows', { maxAttempts: 11, attempt: 1 }],
  ])('refuses %s', (_name, over) => {
    expect(validationCode(() => decodeAnnouncement(encodeAnnouncement({ ...fields, ...over }), now))).toBe(
      'INVALID_PAYLOAD',
    );
  });
});

describe('award consent and the manifest address on the wire', () => {
  const now = 1_800_000_000_000;
  const base: AnnouncementFields = {
    jobId: 7n,
    posterAddress: 0x1n,
    manifestHash: 0n,
    requirements: { minCores: 1, minMemoryMb: 1, wasmFeatures: [], minFuelPerSecond: 1n, fuelLimit: 1n },
    budget: 1n,
    bidDeadlineMs: now + 1000,
    maxBids: 1,
    posterAddrs: [],
    collateralBps: 0,
    execDurationS: 1n,
    attempt: 1,
    maxAttempts: 1,
  };
  const sha = createHash('sha256').update('manifest').digest('hex');

  test('an announcement carries the manifest sha256 whose 250-bit cut is its manifest hash', () => {
    const a = {
      ...base,
      manifestHash: manifestHash(new TextEncoder().encode('manifest')),
      manifestSha256: sha,
    };
    expect(decodeAnnouncement(encodeAnnouncement(a), now).manifestSha256).toBe(sha);
  });

  test('a manifest sha256 that names another manifest is refused', () => {
    const forged = { ...base, manifestHash: 0x1234n, manifestSha256: sha };
    expect(validationCode(() => decodeAnnouncement(encodeAnnouncement(forged), now))).toBe('INVALID_PAYLOAD');
  });

  const bid: BidPayload = {
    jobId: 7n,
    poster: new Uint8Array(38).fill(1),
    announcementDigest: new Uint8Array(32).fill(2),
    workerAddress: 0xabcn,
    price: 10n ** 16n,
  };

  test('a bid round-trips with and without consent', () => {
    expect(checkBid(readBid(encodeBid(bid)))).toEqual(bid);
    const consented = { ...bid, consent: { expiry: 1_900_000_000n, signature: [1n, FIELD_PRIME - 1n] } };
    expect(checkBid(readBid(encodeBid(consented)))).toEqual(consented);
  });

  test('half a consent, or an oversized signature, is refused', () => {
    const noSig = BidPb.encode({ ...BidPb.decode(encodeBid(bid)), consentExpiry: 5n }).finish();
    expect(validationCode(() => checkBid(readBid(noSig)))).toBe('INVALID_PAYLOAD');
    const long = encodeBid({
      ...bid,
      consent: { expiry: 5n, signature: Array.from({ length: 17 }, (_, i) => BigInt(i)) },
    });
    expect(validationCode(() => checkBid(readBid(long)))).toBe('INVALID_PAYLOAD');
    const notFelt = BidPb.encode({
      ...BidPb.decode(encodeBid(bid)),
      consentExpiry: 5n,
      consentSignature: [new Uint8Array(32).fill(0xff)],
    }).finish();
    expect(validationCode(() => checkBid(readBid(notFelt)))).toBe('INVALID_PAYLOAD');
  });
});
