/** @jest-environment ./test/support/esm-environment.cjs */
import { loadEsm } from './esm';
import { NoiseDecryptError, NoiseKeyError, sodiumNoiseCrypto } from './noise-crypto';

/**
 * Noise peers on other implementations seal with their own ChaCha20-Poly1305: these pin that
 * libsodium's frames open with js-libp2p-noise's default cipher and the other way round, at
 * sizes on both sides of the default's 1200-byte switch between its two implementations.
 */
describe('Noise ChaCha20-Poly1305 on libsodium', () => {
  const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
  const nonce = Uint8Array.of(0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0);
  const ad = new TextEncoder().encode('handshake hash');

  it('seals what the default cipher opens, and opens what it seals', async () => {
    const { noiseCrypto } = await loadEsm();
    const base = noiseCrypto.defaultCrypto;
    const ours = sodiumNoiseCrypto(base);
    for (const size of [0, 1, 100, 1199, 1200, 5000]) {
      const plain = Uint8Array.from({ length: size }, (_, i) => (i * 31) & 0xff);
      const sealed = ours.chaCha20Poly1305Encrypt(plain, nonce, ad, key).subarray();
      expect(Buffer.from(sealed).equals(Buffer.from(base.chaCha20Poly1305Encrypt(plain, nonce, ad, key).subarray()))).toBe(true);
      expect(Buffer.from(base.chaCha20Poly1305Decrypt(sealed.slice(), nonce, ad, key).subarray()).equals(Buffer.from(plain))).toBe(true);
      expect(Buffer.from(ours.chaCha20Poly1305Decrypt(sealed.slice(), nonce, ad, key).subarray()).equals(Buffer.from(plain))).toBe(true);
    }
  });

  it('decrypts in place into the dst Noise offers, and from a list of chunks', async () => {
    const { noiseCrypto } = await loadEsm();
    const ours = sodiumNoiseCrypto(noiseCrypto.defaultCrypto);
    const plain = new TextEncoder().encode('a bid, over a noise session');
    const sealed = Uint8Array.from(ours.chaCha20Poly1305Encrypt(plain, nonce, ad, key).subarray());
    const dst = sealed.subarray(0, plain.length);
    const opened = ours.chaCha20Poly1305Decrypt(sealed, nonce, ad, key, dst) as Uint8Array;
    expect(opened.buffer).toBe(sealed.buffer);
    expect(new TextDecoder().decode(opened)).toBe('a bid, over a noise session');

    const again = ours.chaCha20Poly1305Encrypt(plain, nonce, ad, key).subarray();
    const chunks = { subarray: () => Uint8Array.from([...again.subarray(0, 5), ...again.subarray(5)]) };
    expect(new TextDecoder().decode(ours.chaCha20Poly1305Decrypt(chunks as never, nonce, ad, key).subarray())).toBe(
      'a bid, over a noise session',
    );
  });

  it('refuses a tampered frame, a wrong nonce, wrong associated data and a frame shorter than its tag', async () => {
    const { noiseCrypto } = await loadEsm();
    const ours = sodiumNoiseCrypto(noiseCrypto.defaultCrypto);
    const plain = new TextEncoder().encode('award: worker 3');
    const sealed = ours.chaCha20Poly1305Encrypt(plain, nonce, ad, key).subarray();
    const flipped = Uint8Array.from(sealed);
    flipped[2] = (flipped[2] as number) ^ 1;
    expect(() => ours.chaCha20Poly1305Decrypt(flipped, nonce, ad, key)).toThrow(NoiseDecryptError);
    const otherNonce = Uint8Array.from(nonce);
    otherNonce[4] = 10;
    expect(() => ours.chaCha20Poly1305Decrypt(Uint8Array.from(sealed), otherNonce, ad, key)).toThrow(
      'noise frame failed authentication',
    );
    expect(() => ours.chaCha20Poly1305Decrypt(Uint8Array.from(sealed), nonce, new Uint8Array(0), key)).toThrow(
      NoiseDecryptError,
    );
    expect(() => ours.chaCha20Poly1305Decrypt(new Uint8Array(15), nonce, ad, key)).toThrow('shorter than its tag');
  });
});

/**
 * The handshake's X25519 and HKDF: RFC 7748's vector, and agreement with js-libp2p-noise's own
 * implementations (node:crypto's X25519, @noble's HKDF) on the same inputs.
 */
describe('Noise X25519 and HKDF', () => {
  const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
  const eq = (a: { subarray(): Uint8Array }, b: { subarray(): Uint8Array }) =>
    Buffer.from(a.subarray()).equals(Buffer.from(b.subarray()));

  it('matches RFC 7748 section 6.1 and the default implementation', async () => {
    const { noiseCrypto } = await loadEsm();
    const base = noiseCrypto.defaultCrypto;
    const ours = sodiumNoiseCrypto(base);
    const alice = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
    const bob = hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
    const alicePub = ours.generateX25519KeyPairFromSeed(alice).publicKey;
    const bobPub = ours.generateX25519KeyPairFromSeed(bob).publicKey;
    expect(Buffer.from(alicePub).toString('hex')).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
    expect(Buffer.from(bobPub).toString('hex')).toBe('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
    const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';
    expect(Buffer.from(ours.generateX25519SharedKey(alice, bobPub).subarray()).toString('hex')).toBe(shared);
    expect(Buffer.from(base.generateX25519SharedKey(bob, alicePub).subarray()).toString('hex')).toBe(shared);
    // A fresh pair of ours agrees with the default's pair over both implementations.
    const a = ours.generateX25519KeyPair();
    const b = base.generateX25519KeyPair();
    expect(eq(ours.generateX25519SharedKey(a.privateKey, b.publicKey), base.generateX25519SharedKey(b.privateKey, a.publicKey))).toBe(true);
  });

  it('derives the same three keys as the default HKDF', async () => {
    const { noiseCrypto } = await loadEsm();
    const base = noiseCrypto.defaultCrypto;
    const ours = sodiumNoiseCrypto(base);
    for (const len of [0, 32, 100]) {
      const ck = Uint8Array.from({ length: 32 }, (_, i) => i + len);
      const ikm = Uint8Array.from({ length: len }, (_, i) => (i * 13) & 0xff);
      const mine = ours.getHKDF(ck, ikm);
      const theirs = base.getHKDF(ck, ikm);
      for (let i = 0; i < 3; i++) expect(eq(mine[i] as Uint8Array, theirs[i] as Uint8Array)).toBe(true);
    }
  });

  it('refuses a small-order public key and a key of the wrong length', async () => {
    const { noiseCrypto } = await loadEsm();
    const ours = sodiumNoiseCrypto(noiseCrypto.defaultCrypto);
    const { privateKey } = ours.generateX25519KeyPair();
    expect(() => ours.generateX25519SharedKey(privateKey, new Uint8Array(32))).toThrow(NoiseKeyError);
    expect(() => ours.generateX25519SharedKey(privateKey, new Uint8Array(31))).toThrow('not 32 bytes');
  });
});
