/**
 * @jest-environment ./test/support/esm-environment.cjs
 */
import { generateKeyPairSync } from 'node:crypto';
import { LocalSigner, SignatureVerifier } from '../p2p/crypto';
import { Kind, seal } from '../p2p/envelope';
import { loadEsm } from '../p2p/esm';
import { Envelope } from '../p2p/proto/generated/cairn';
import { encodeAdvert } from './advert-codec';
import { publicCapabilities } from './advert-noise';
import { randomWorker, seededUniform } from './match-quality';
import { verifyStoredAdvert } from './stored-advert';

function newSigner(): LocalSigner {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return new LocalSigner(
    Buffer.concat([Buffer.from(jwk.d as string, 'base64url'), Buffer.from(jwk.x as string, 'base64url')]),
  );
}

const caps = publicCapabilities(randomWorker(seededUniform(1), 1), 2, seededUniform(2));

describe('adverts passed on by a sync are checked like gossip', () => {
  const verifier = new SignatureVerifier();
  const checks = (nowMs: number) => ({
    verifier,
    maxBytes: 4096,
    ttlMs: 300_000,
    freshnessMs: 30_000,
    nowMs,
  });
  beforeAll(async () => {
    await loadEsm();
  });

  test('a signed advert within the book life passes, minutes old or not', () => {
    const signer = newSigner();
    const now = Date.now();
    const bytes = seal(signer, Kind.KIND_WORKER_ADVERT, encodeAdvert({ caps, sequence: 7n }), now - 120_000);
    const stored = verifyStoredAdvert(bytes, checks(now));
    expect(stored).toMatchObject({ signerId: signer.peerId, advert: { caps, sequence: 7n } });
  });

  test.each([
    ['forged', 'FORGED_SIGNATURE'],
    ['another kind', 'WRONG_KIND'],
    ['from the future', 'FROM_FUTURE'],
    ['expired', 'STALE'],
    ['another envelope version', 'BAD_VERSION'],
    ['not an envelope', 'MALFORMED'],
    ['oversized', 'OVERSIZED'],
  ])('%s: refused as %s', (what, code) => {
    const signer = newSigner();
    const now = Date.now();
    const payload = encodeAdvert({ caps, sequence: 1n });
    let bytes: Uint8Array = seal(signer, Kind.KIND_WORKER_ADVERT, payload, now);
    if (what === 'forged') {
      bytes = Uint8Array.from(bytes);
      bytes[bytes.length - 1]! ^= 1;
    }
    if (what === 'another kind') bytes = seal(signer, Kind.KIND_BID, payload, now);
    if (what === 'from the future') bytes = seal(signer, Kind.KIND_WORKER_ADVERT, payload, now + 60_000);
    if (what === 'expired') bytes = seal(signer, Kind.KIND_WORKER_ADVERT, payload, now - 301_000);
    if (what === 'another envelope version')
      bytes = Envelope.encode({ ...Envelope.decode(bytes), version: 2 }).finish();
    if (what === 'not an envelope') bytes = Uint8Array.of(0xff, 0xff, 0xff);
    if (what === 'oversized') bytes = new Uint8Array(5000);
    expect(() => verifyStoredAdvert(bytes, checks(now))).toThrow(expect.objectContaining({ code }));
  });
});
