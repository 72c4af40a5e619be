/** @jest-environment ./test/support/esm-environment.cjs */
import { loadEsm } from './esm';
import { NoiseDecryptError, sodiumChaChaPoly } from './noise-crypto';

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
    const ours = sodiumChaChaPoly(base);
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
    const ours = sodiumChaChaPoly(noiseCrypto.defaultCrypto);
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
    const ours = sodiumChaChaPoly(noiseCrypto.defaultCrypto);
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
