/** @jest-environment ./test/support/esm-environment.cjs */
import { InputRoute as InputRoutePb } from '../p2p/proto/generated/cairn';
import { LocalSigner, peerIdFromText } from '../p2p/crypto';
import { loadEsm } from '../p2p/esm';
import { validationCode } from '../../test/support/thrown';
import { MAX_ROUTE_PARTS, decodeInputRoute, encodeInputRoute, type InputRoute } from './input-route-wire';

const peer = (seed: number) => new LocalSigner(new Uint8Array(64).fill(seed)).peerId;

function route(): InputRoute {
  return {
    jobId: 12n,
    attempt: 1,
    consumer: peer(1),
    inputSha256: 'aa'.repeat(32),
    parts: [
      { jobId: 10n, sha256: 'bb'.repeat(32), producer: peer(2), addrs: ['/ip4/127.0.0.1/tcp/4001'] },
      { jobId: 11n, sha256: 'cc'.repeat(32), producer: peer(3), addrs: [] },
    ],
    untilMs: 1_800_000_000_000,
  };
}

/** The route re-encoded with `change` applied to its protobuf form. */
function tampered(change: (pb: ReturnType<typeof InputRoutePb.decode>) => void): Uint8Array {
  const pb = InputRoutePb.decode(encodeInputRoute(route()));
  change(pb);
  return InputRoutePb.encode(pb).finish();
}

describe('input route wire form', () => {
  beforeAll(async () => {
    await loadEsm();
  });

  it('round-trips ids, hashes, parts and addresses', () => {
    expect(decodeInputRoute(encodeInputRoute(route()))).toEqual(route());
  });

  it('refuses hostile routes with a typed reason', () => {
    expect(validationCode(() => decodeInputRoute(Uint8Array.of(0xff, 0xff, 0xff)))).toBe('MALFORMED');
    expect(validationCode(() => decodeInputRoute(tampered((pb) => (pb.jobId = 0n))))).toBe('INVALID_PAYLOAD');
    expect(validationCode(() => decodeInputRoute(tampered((pb) => (pb.attempt = 11))))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(validationCode(() => decodeInputRoute(tampered((pb) => (pb.parts = []))))).toBe('INVALID_PAYLOAD');
    expect(
      validationCode(() =>
        decodeInputRoute(tampered((pb) => (pb.parts = Array(MAX_ROUTE_PARTS + 1).fill(pb.parts[0])))),
      ),
    ).toBe('INVALID_PAYLOAD');
    expect(
      validationCode(() => decodeInputRoute(tampered((pb) => (pb.inputSha256 = new Uint8Array(31))))),
    ).toBe('INVALID_PAYLOAD');
    expect(validationCode(() => decodeInputRoute(tampered((pb) => (pb.consumer = new Uint8Array(38)))))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(
      validationCode(() =>
        decodeInputRoute(tampered((pb) => (pb.parts[1]!.producer = peerIdFromText(peer(4)).slice(1)))),
      ),
    ).toBe('INVALID_PAYLOAD');
    expect(validationCode(() => decodeInputRoute(tampered((pb) => (pb.parts[0]!.jobId = 0n))))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(
      validationCode(() =>
        decodeInputRoute(tampered((pb) => (pb.parts[0]!.addrs = Array(9).fill('/ip4/1.2.3.4')))),
      ),
    ).toBe('INVALID_PAYLOAD');
    expect(
      validationCode(() => decodeInputRoute(tampered((pb) => (pb.parts[0]!.addrs = ['x'.repeat(257)])))),
    ).toBe('INVALID_PAYLOAD');
    expect(validationCode(() => decodeInputRoute(tampered((pb) => (pb.untilMs = 2n ** 60n))))).toBe(
      'INVALID_PAYLOAD',
    );
  });
});
