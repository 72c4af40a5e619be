import { ResultNotice as Pb } from '../p2p/proto/generated/cairn';
import {
  decodeAnnouncementRequest,
  decodeResultNotice,
  encodeAnnouncementRequest,
  encodeResultNotice,
} from './result-notice';
import { validationCode } from '../../test/support/thrown';

describe('result notice', () => {
  const notice = { jobId: 2n ** 64n - 1n, attempt: 3, outputSha256: 'ab'.repeat(32) };

  test('round-trips, with and without a proof', () => {
    expect(decodeResultNotice(encodeResultNotice(notice))).toEqual(notice);
    const proved = { ...notice, proofSha256: 'cd'.repeat(32) };
    expect(decodeResultNotice(encodeResultNotice(proved))).toEqual(proved);
  });

  test.each<[string, Partial<Pb>, string]>([
    ['job 0', { jobId: 0n }, 'INVALID_PAYLOAD'],
    ['attempt 0', { attempt: 0 }, 'INVALID_PAYLOAD'],
    ['attempt 11', { attempt: 11 }, 'INVALID_PAYLOAD'],
    ['a short output hash', { outputSha256: new Uint8Array(31) }, 'INVALID_PAYLOAD'],
    ['a short proof hash', { proofSha256: new Uint8Array(5) }, 'INVALID_PAYLOAD'],
  ])('refuses %s', (_, over, expected) => {
    const pb = { ...Pb.decode(encodeResultNotice(notice)), ...over };
    expect(validationCode(() => decodeResultNotice(Pb.encode(pb).finish()))).toBe(expected);
  });

  test('refuses bytes that are not a notice', () => {
    expect(validationCode(() => decodeResultNotice(Uint8Array.of(0xff, 0xff, 0xff)))).toBe('MALFORMED');
  });
});

describe('announcement request', () => {
  test('round-trips the largest job id', () => {
    expect(decodeAnnouncementRequest(encodeAnnouncementRequest(2n ** 64n - 1n))).toBe(2n ** 64n - 1n);
  });

  test('refuses job 0 and bytes that are not a request', () => {
    expect(validationCode(() => decodeAnnouncementRequest(encodeAnnouncementRequest(0n)))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(validationCode(() => decodeAnnouncementRequest(Uint8Array.of(0xff, 0xff, 0xff)))).toBe(
      'MALFORMED',
    );
  });
});
