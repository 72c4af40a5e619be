/**
 * Noise's ChaCha20-Poly1305 through libsodium (sodium-native, already the node's Ed25519).
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
 * announcement. The cipher is the IETF variant (96-bit nonce) that the Noise spec names; the
 * handshake's hashing, HKDF and X25519 stay js-libp2p-noise's own.
 */
import type { ICryptoInterface } from '@chainsafe/libp2p-noise' with { 'resolution-mode': 'import' };
import sodium from 'sodium-native';

const TAG_BYTES = 16;

/** Raised to Noise, which aborts the connection: a frame that fails authentication is never read. */
export class NoiseDecryptError extends Error {
  override readonly name = 'NoiseDecryptError';
}

/** A Uint8Array, or Noise's Uint8ArrayList (copied into one buffer only when it spans several). */
function flat(data: Uint8Array | { subarray(): Uint8Array }): Uint8Array {
  return data instanceof Uint8Array ? data : data.subarray();
}

export function sodiumChaChaPoly(base: ICryptoInterface): ICryptoInterface {
  return {
    ...base,
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
