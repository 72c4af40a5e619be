/** @jest-environment ./test/support/esm-environment.cjs */
import { LocalSigner, SignatureVerifier } from './crypto';
import {
  ENVELOPE_VERSION,
  Kind,
  ReplayCache,
  admit,
  open,
  seal,
  signingBytes,
  type OpenOptions,
} from './envelope';
import { loadEsm } from './esm';
import { MessageValidationError, type WireErrorCode } from './errors';
import { Envelope } from './proto/generated/cairn';

describe('envelope', () => {
  let alice: LocalSigner;
  let mallory: LocalSigner;
  const now = 1_800_000_000_000;

  beforeAll(async () => {
    const { keys } = await loadEsm();
    alice = new LocalSigner((await keys.generateKeyPair('Ed25519')).raw);
    mallory = new LocalSigner((await keys.generateKeyPair('Ed25519')).raw);
  });

  const opts = (over: Partial<OpenOptions> = {}): OpenOptions => ({
    maxBytes: 4096,
    kinds: new Set([Kind.KIND_BID]),
    freshnessMs: 30_000,
    replay: new ReplayCache(60_000),
    verifier: new SignatureVerifier(),
    nowMs: now,
    ...over,
  });

  const codeOf = (fn: () => unknown): WireErrorCode | undefined => {
    try {
      fn();
    } catch (err) {
      if (err instanceof MessageValidationError) return err.code;
      throw err;
    }
    return undefined;
  };

  const raw = (fields: Partial<Envelope>, signer = alice): Uint8Array => {
    const kind = fields.kind ?? Kind.KIND_BID;
    const payload = fields.payload ?? Uint8Array.of(1, 2, 3);
    const timestampMs = fields.timestampMs ?? BigInt(now);
    const nonce = fields.nonce ?? 7n;
    return Envelope.encode({
      version: ENVELOPE_VERSION,
      kind,
      signer: alice.peerIdBytes,
      timestampMs,
      nonce,
      payload,
      signature: signer.sign(signingBytes(kind, timestampMs, nonce, payload)),
      ...fields,
    }).finish();
  };

  test('a sealed envelope opens with its signer, kind and payload', () => {
    const env = open(seal(alice, Kind.KIND_BID, Uint8Array.of(9, 9), now), opts());
    expect(env.signerId).toBe(alice.peerId);
    expect(env.kind).toBe(Kind.KIND_BID);
    expect([...env.payload]).toEqual([9, 9]);
  });

  test.each<[string, () => Uint8Array, Partial<OpenOptions>, WireErrorCode]>([
    ['oversized', () => seal(alice, Kind.KIND_BID, new Uint8Array(5000), now), {}, 'OVERSIZED'],
    ['not protobuf', () => Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f), {}, 'MALFORMED'],
    ['unknown version', () => raw({ version: 2 }), {}, 'BAD_VERSION'],
    ['kind not allowed here', () => raw({ kind: Kind.KIND_OUTCOME }), {}, 'WRONG_KIND'],
    ['no signature', () => raw({ signature: new Uint8Array(0) }), {}, 'UNSIGNED'],
    ['signer not an Ed25519 peer id', () => raw({ signer: new Uint8Array(38) }), {}, 'BAD_SIGNER'],
    ['signed by someone else', () => raw({}, mallory), {}, 'FORGED_SIGNATURE'],
    [
      'payload changed after signing',
      () => raw({ signature: raw({ payload: Uint8Array.of(1) }).slice(-64) }),
      {},
      'FORGED_SIGNATURE',
    ],
    ['stale', () => raw({ timestampMs: BigInt(now - 31_000) }), {}, 'STALE'],
    ['from the future', () => raw({ timestampMs: BigInt(now + 31_000) }), {}, 'FROM_FUTURE'],
  ])('rejects %s', (_name, make, over, code) => {
    expect(codeOf(() => open(make(), opts(over)))).toBe(code);
  });

  test('on a direct stream the signer must be the remote peer', () => {
    const bytes = seal(alice, Kind.KIND_BID, Uint8Array.of(1), now);
    expect(codeOf(() => admit(bytes, opts({ expectedSigner: mallory.peerIdBytes })))).toBe('SIGNER_MISMATCH');
    expect(codeOf(() => admit(bytes, opts({ expectedSigner: alice.peerIdBytes })))).toBeUndefined();
  });

  test('every sealed envelope gets a fresh nonce, across refills of the nonce pool', () => {
    const nonces = new Set<bigint>();
    // 4 KiB of pool is 512 nonces; 1500 seals cross two refills.
    for (let i = 0; i < 1500; i++) nonces.add(Envelope.decode(seal(alice, Kind.KIND_BID, Uint8Array.of(1), now)).nonce);
    expect(nonces.size).toBe(1500);
  });

  test('the same (signer, nonce) is accepted once; re-wrapping does not help', () => {
    const o = opts();
    const bytes = seal(alice, Kind.KIND_BID, Uint8Array.of(1), now);
    open(bytes, o);
    expect(codeOf(() => open(bytes, o))).toBe('REPLAYED');
    // An unknown field appended: different bytes, same signed content.
    expect(codeOf(() => open(Uint8Array.from([...bytes, 0x78, 0x01]), o))).toBe('REPLAYED');
  });

  test('admit skips the signature; authenticate checks it and records the nonce', () => {
    const o = opts();
    const forged = raw({}, mallory);
    const admitted = admit(forged, o);
    expect(admitted.signerId).toBe(alice.peerId);
    expect(codeOf(() => admitted.authenticate())).toBe('FORGED_SIGNATURE');
    const good = admit(raw({ nonce: 8n }), o);
    good.authenticate();
    expect(o.replay.size).toBe(1);
  });

  test('a full replay cache raises a floor instead of forgetting', () => {
    const cache = new ReplayCache(60_000, 2);
    cache.add('a', 100, 200);
    cache.add('b', 150, 200);
    cache.add('c', 160, 200);
    expect(cache.size).toBe(2);
    // 'a' was evicted; anything stamped at or before it is refused rather than forgotten.
    expect(cache.check('a', 100)).toBe('below-floor');
    expect(cache.check('b', 150)).toBe('replayed');
    expect(cache.check('d', 170)).toBe('fresh');
  });
});
