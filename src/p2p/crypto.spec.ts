/** @jest-environment ./test/support/esm-environment.cjs */
import { LocalSigner, PEER_ID_BYTES, SignatureVerifier, ed25519KeyOf } from './crypto';
import { loadEsm } from './esm';

/**
 * The signer and verifier run on libsodium; every other libp2p node signs with @libp2p/crypto
 * (and node:crypto underneath). These pin that the two agree in both directions, so a message
 * from a node built on another Ed25519 implementation verifies here and ours verify there.
 */
describe('Ed25519 on libsodium', () => {
  const data = new TextEncoder().encode('cairn/envelope/v1 test payload');

  it('signs what @libp2p/crypto verifies, and verifies what it signs', async () => {
    const { keys } = await loadEsm();
    const key = await keys.generateKeyPair('Ed25519');
    const signer = new LocalSigner(key.raw);
    const ours = signer.sign(data);
    expect(await key.publicKey.verify(data, ours)).toBe(true);
    const theirs = await key.sign(data);
    expect(new SignatureVerifier().verify(signer.peerIdBytes, data, theirs)).toBe(true);
    // Ed25519 is deterministic: the same key and message give the same signature anywhere.
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
  });

  it('refuses a wrong signature, a wrong message, a wrong key and malformed inputs', async () => {
    const { keys } = await loadEsm();
    const alice = new LocalSigner((await keys.generateKeyPair('Ed25519')).raw);
    const bob = new LocalSigner((await keys.generateKeyPair('Ed25519')).raw);
    const verifier = new SignatureVerifier();
    const sig = alice.sign(data);
    expect(verifier.verify(alice.peerIdBytes, data, sig)).toBe(true);
    const flipped = Uint8Array.from(sig);
    flipped[10] = (flipped[10] as number) ^ 1;
    expect(verifier.verify(alice.peerIdBytes, data, flipped)).toBe(false);
    expect(verifier.verify(alice.peerIdBytes, Uint8Array.from([...data, 0]), sig)).toBe(false);
    expect(verifier.verify(bob.peerIdBytes, data, sig)).toBe(false);
    expect(verifier.verify(alice.peerIdBytes, data, sig.subarray(0, 63))).toBe(false);
    expect(verifier.verify(alice.peerIdBytes.subarray(0, PEER_ID_BYTES - 1), data, sig)).toBe(false);
    expect(verifier.verify(new Uint8Array(PEER_ID_BYTES), data, sig)).toBe(false);
  });

  it('refuses a small-order public key, which would accept a forged signature elsewhere', () => {
    // The identity point (encoded as 1 followed by zeros) has order 1: with R = identity and
    // S = 0 the verification equation holds for every message under a lax verifier.
    const signer = new Uint8Array(PEER_ID_BYTES);
    signer.set([0x00, 0x24, 0x08, 0x01, 0x12, 0x20], 0);
    signer[6] = 1;
    expect(ed25519KeyOf(signer)).toBeDefined();
    const forged = new Uint8Array(64);
    forged[0] = 1;
    expect(new SignatureVerifier().verify(signer, data, forged)).toBe(false);
  });

  it('rejects a private key of the wrong length', () => {
    expect(() => new LocalSigner(new Uint8Array(32))).toThrow(/64-byte/);
  });
});
