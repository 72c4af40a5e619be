/**
 * Noise's ChaCha20-Poly1305 and X25519 through libsodium (sodium-native, already the node's Ed25519).
 *
 * js-libp2p-noise's default seals messages under 1200 bytes with an AssemblyScript build of the
 * cipher and larger ones with node:crypto, which builds a cipher object and a key object for every
 * message. Measured on this machine (Node 24, one message, encrypt / decrypt):
 *
 *   |            | 100 B     | 400 B     | 1500 B      | 8000 B      |
 *   | default    | 3.0 / 3.5 | 5.7 / 6.5 | 20.4 / 19.6 | 22.9 / 21.4 µs |
 *   | libsodium  | 1.7 / 1.8 | 2.4 / 2.1 |  3.1 /  3.2 |  7.7 /  7.3 µs |
 *
 * Every frame between two nodes passes through here once at each end, and batched frames (see
 * wire-batching.ts) are usually above 1200 bytes, so this is paid on every bid, outcome and
 * announcement. The cipher is the IETF variant (96-bit nonce) that the Noise spec names.
 *
 * The handshake's X25519 goes through libsodium too, and its HKDF through node:crypto's. The
 * default builds a node:crypto KeyObject from DER for both keys of every Diffie-Hellman (three per
 * handshake) and for every ephemeral key pair, and derives keys with a JavaScript HMAC: a CPU
 * profile of a poster flooded by fresh identities (`npm run bench:p2p -- --only=junk`) put the
 * responder's handshake at ~5 ms a connection on a loaded machine, most of it there. Measured on
 * that machine (µs, loaded, so only the ratios count): X25519 shared key 976 → 72, key pair 115 →
 * 50, HKDF 63 → 46. Every connection, honest or not, pays this once at each end. The
 * hash stays the default's (node:crypto already).
 */
import { hkdfSync } from 'node:crypto';
import type { ICryptoInterface } from '@chainsafe/libp2p-noise' with { 'resolution-mode': 'import' };
import sodium from 'sodium-native';

const X25519_BYTES = 32;
const NO_INFO = new Uint8Array(0);

const TAG_BYTES = 16;

/** Raised to Noise, which aborts the connection: a frame that fails authentication is never read. */
export class NoiseDecryptError extends Error {
  override readonly name = 'NoiseDecryptError';
}

/** A Uint8Array, or Noise's Uint8ArrayList (copied into one buffer only when it spans several). */
function flat(data: Uint8Array | { subarray(): Uint8Array }): Uint8Array {
  return data instanceof Uint8Array ? data : data.subarray();
}

/** Raised to Noise, which aborts the handshake: a public key that yields the all-zero shared secret. */
export class NoiseKeyError extends Error {
  override readonly name = 'NoiseKeyError';
}

export function sodiumNoiseCrypto(base: ICryptoInterface): ICryptoInterface {
  return {
    ...base,
    generateX25519KeyPair() {
      const privateKey = Buffer.allocUnsafe(X25519_BYTES);
      sodium.randombytes_buf(privateKey);
      const publicKey = Buffer.allocUnsafe(X25519_BYTES);
      sodium.crypto_scalarmult_base(publicKey, privateKey);
      return { publicKey, privateKey };
    },
    generateX25519KeyPairFromSeed(seed) {
      const publicKey = Buffer.allocUnsafe(X25519_BYTES);
      sodium.crypto_scalarmult_base(publicKey, seed);
      return { publicKey, privateKey: seed };
    },
    generateX25519SharedKey(privateKey, publicKey) {
      const shared = Buffer.allocUnsafe(X25519_BYTES);
      const sk = flat(privateKey);
      const pk = flat(publicKey);
      if (sk.byteLength !== X25519_BYTES || pk.byteLength !== X25519_BYTES)
        throw new NoiseKeyError('an X25519 key is not 32 bytes');
      try {
        // libsodium refuses a small-order public key (the all-zero result), as node:crypto does.
        sodium.crypto_scalarmult(shared, sk, pk);
      } catch {
        throw new NoiseKeyError('X25519 with a small-order public key');
      }
      return shared;
    },
    getHKDF(ck, ikm) {
      // Noise's HKDF is RFC 5869's with the chaining key as salt and no info, 3 outputs.
      const okm = new Uint8Array(hkdfSync('sha256', flat(ikm), ck, NO_INFO, 96));
      return [okm.subarray(0, 32), okm.subarray(32, 64), okm.subarray(64, 96)];
    },
    chaCha20Poly1305Encrypt(plaintext, nonce, ad, k) {
      const m = flat(plaintext);
      const c = Buffer.allocUnsafe(m.byteLength + TAG_BYTES);
      sodium.crypto_aead_chacha20poly1305_ietf_encrypt(c, m, ad, null, nonce, k);
      return c;
    },
    chaCha20Poly1305Decrypt(ciphertext, nonce, ad, k, dst) {
      const c = flat(ciphertext);
      if (c.byteLength < TAG_BYTES) throw new NoiseDecryptError('noise frame shorter than its tag');
      const length = c.byteLength - TAG_BYTES;
      // js-libp2p-noise offers the ciphertext's own bytes as dst; libsodium decrypts in place.
      const m = dst && dst.byteLength >= length ? dst.subarray(0, length) : Buffer.allocUnsafe(length);
      try {
        sodium.crypto_aead_chacha20poly1305_ietf_decrypt(m, null, c, ad, nonce, k);
      } catch {
        throw new NoiseDecryptError('noise frame failed authentication');
      }
      return m;
    },
  };
}
