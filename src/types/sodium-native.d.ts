/** The part of sodium-native (libsodium bindings, MIT) the node uses; the package ships no types. */
declare module 'sodium-native' {
  export const crypto_sign_BYTES: number;
  export const crypto_sign_PUBLICKEYBYTES: number;
  export const crypto_sign_SECRETKEYBYTES: number;
  /** Writes the detached signature of `message` into `signature` (crypto_sign_BYTES long). */
  export function crypto_sign_detached(signature: Uint8Array, message: Uint8Array, secretKey: Uint8Array): void;
  /** Throws on wrong buffer lengths; false for a bad signature. */
  export function crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}
