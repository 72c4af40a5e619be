/** The part of sodium-native (libsodium bindings, MIT) the node uses; the package ships no types. */
declare module 'sodium-native' {
  export const crypto_sign_BYTES: number;
  export const crypto_sign_PUBLICKEYBYTES: number;
  export const crypto_sign_SECRETKEYBYTES: number;
  /** Writes the detached signature of `message` into `signature` (crypto_sign_BYTES long). */
  export function crypto_sign_detached(signature: Uint8Array, message: Uint8Array, secretKey: Uint8Array): void;
  /** Throws on wrong buffer lengths; false for a bad signature. */
  export function crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
  /** IETF ChaCha20-Poly1305 (96-bit nonce); `ciphertext` is `message` plus a 16-byte tag. Returns its length. */
  export function crypto_aead_chacha20poly1305_ietf_encrypt(
    ciphertext: Uint8Array,
    message: Uint8Array,
    additionalData: Uint8Array | null,
    nsec: null,
    nonce: Uint8Array,
    key: Uint8Array,
  ): number;
  /** Throws when the tag does not authenticate; `message` may be the ciphertext's own bytes. */
  export function crypto_aead_chacha20poly1305_ietf_decrypt(
    message: Uint8Array,
    nsec: null,
    ciphertext: Uint8Array,
    additionalData: Uint8Array | null,
    nonce: Uint8Array,
    key: Uint8Array,
  ): number;
  /** Fills `buffer` with random bytes. */
  export function randombytes_buf(buffer: Uint8Array): void;
  /** X25519 public key of `secretKey` (32 bytes each). */
  export function crypto_scalarmult_base(publicKey: Uint8Array, secretKey: Uint8Array): void;
  /** X25519 shared secret; throws on wrong lengths and when the result is all zeros (a small-order key). */
  export function crypto_scalarmult(shared: Uint8Array, secretKey: Uint8Array, publicKey: Uint8Array): void;
}
