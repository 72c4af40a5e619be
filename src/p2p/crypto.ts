/**
 * Ed25519 signing and verification through libsodium (sodium-native, prebuilt for each platform in
 * its npm package). Measured on this machine with Node 24: libsodium signs in ~23 µs and verifies
 * in ~50 µs, against ~50 µs and ~137 µs for node:crypto (OpenSSL, with cached KeyObjects) and
 * more for @libp2p/crypto, which builds a KeyObject on every call. A poster verifies every bid
 * that enters a window and every worker verifies every announcement, so this is the largest
 * single cost per message. libsodium is also the strict verifier: it refuses non-canonical
 * signatures and small-order public keys, which OpenSSL accepts.
 *
 * The signer's public key is read out of its peer id: an Ed25519 peer id is the identity
 * multihash of the protobuf PublicKey {Type: Ed25519, Data: key}, so the 32 key bytes sit at a
 * fixed offset and no key needs to travel with a message.
 */
import sodium from 'sodium-native';
import { esm } from './esm';

/** identity multihash (0x00), length 36, protobuf field 1 = KeyType.Ed25519, field 2 = 32 bytes. */
const PEER_ID_PREFIX = Uint8Array.of(0x00, 0x24, 0x08, 0x01, 0x12, 0x20);
export const PEER_ID_BYTES = 38;

/** The raw Ed25519 public key inside a peer id, or undefined if it is not an Ed25519 peer id. */
export function ed25519KeyOf(peerId: Uint8Array): Uint8Array | undefined {
  if (peerId.length !== PEER_ID_BYTES) return undefined;
  for (let i = 0; i < PEER_ID_PREFIX.length; i++) if (peerId[i] !== PEER_ID_PREFIX[i]) return undefined;
  return peerId.subarray(PEER_ID_PREFIX.length);
}

/** Peer id bytes for a raw Ed25519 public key. */
export function peerIdBytesOf(publicKey: Uint8Array): Uint8Array {
  const out = new Uint8Array(PEER_ID_BYTES);
  out.set(PEER_ID_PREFIX, 0);
  out.set(publicKey, PEER_ID_PREFIX.length);
  return out;
}

/** The base58btc text form libp2p uses (`12D3KooW...`), as bound on chain by `bind_peer`. */
export function peerIdToString(peerId: Uint8Array): string {
  return esm().base58.base58btc.baseEncode(peerId);
}

export function peerIdFromText(text: string): Uint8Array {
  return esm().base58.base58btc.baseDecode(text);
}

export class LocalSigner {
  /** libsodium's secret key layout is libp2p's raw one: 32-byte seed, then the public key. */
  private readonly secretKey: Uint8Array;
  readonly peerIdBytes: Uint8Array;
  readonly peerId: string;

  /** `raw` is libp2p's Ed25519 private key encoding: 32-byte seed then 32-byte public key. */
  constructor(raw: Uint8Array) {
    if (raw.length !== 64) throw new Error('expected a 64-byte Ed25519 private key');
    this.secretKey = Uint8Array.from(raw);
    this.peerIdBytes = peerIdBytesOf(raw.subarray(32));
    this.peerId = peerIdToString(this.peerIdBytes);
  }

  /** Signatures made, for the bench's per-job accounting. */
  signatures = 0;

  sign(data: Uint8Array): Uint8Array {
    this.signatures++;
    const signature = Buffer.allocUnsafe(64);
    sodium.crypto_sign_detached(signature, data, this.secretKey);
    return signature;
  }
}

/** Verifies signatures by peer id: the key is in the id, so there is nothing to cache. */
export class SignatureVerifier {
  /** Verifications attempted, for the bench's per-job accounting. */
  verifications = 0;

  /** False for a bad signature or a signer that is not an Ed25519 peer id. */
  verify(signer: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
    if (signature.length !== 64) return false;
    const key = ed25519KeyOf(signer);
    if (!key) return false;
    this.verifications++;
    try {
      return sodium.crypto_sign_verify_detached(signature, data, key);
    } catch {
      return false;
    }
  }
}
