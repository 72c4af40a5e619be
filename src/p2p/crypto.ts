/**
 * Ed25519 signing and verification on node:crypto with cached KeyObjects. @libp2p/crypto builds
 * a KeyObject from raw bytes on every call (measured here: sign 110-130 µs, verify 140-180 µs);
 * with the KeyObject kept, sign is ~35 µs and verify ~100 µs, which matters when a poster checks
 * every bid.
 *
 * The signer's public key is read out of its peer id: an Ed25519 peer id is the identity
 * multihash of the protobuf PublicKey {Type: Ed25519, Data: key}, so the 32 key bytes sit at a
 * fixed offset and no key needs to travel with a message.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { esm } from './esm';

/** identity multihash (0x00), length 36, protobuf field 1 = KeyType.Ed25519, field 2 = 32 bytes. */
const PEER_ID_PREFIX = Uint8Array.of(0x00, 0x24, 0x08, 0x01, 0x12, 0x20);
export const PEER_ID_BYTES = 38;
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

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
  private readonly key: KeyObject;
  readonly peerIdBytes: Uint8Array;
  readonly peerId: string;

  /** `raw` is libp2p's Ed25519 private key encoding: 32-byte seed then 32-byte public key. */
  constructor(raw: Uint8Array) {
    if (raw.length !== 64) throw new Error('expected a 64-byte Ed25519 private key');
    this.key = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519, raw.subarray(0, 32)]),
      format: 'der',
      type: 'pkcs8',
    });
    this.peerIdBytes = peerIdBytesOf(raw.subarray(32));
    this.peerId = peerIdToString(this.peerIdBytes);
  }

  /** Signatures made, for the bench's per-job accounting. */
  signatures = 0;

  sign(data: Uint8Array): Uint8Array {
    this.signatures++;
    return sign(null, data, this.key);
  }
}

/**
 * Verifies signatures by peer id. KeyObjects are cached per signer; the cache is bounded and
 * drops its oldest entry when full (a cold signer costs one key import, ~20 µs, not a failure).
 */
export class SignatureVerifier {
  private readonly keys = new Map<string, KeyObject>();

  constructor(private readonly maxKeys = 4096) {}

  /** Verifications attempted, for the bench's per-job accounting. */
  verifications = 0;

  /** False for a bad signature or a signer that is not an Ed25519 peer id. */
  verify(signer: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
    if (signature.length !== 64) return false;
    this.verifications++;
    const id = Buffer.from(signer.buffer, signer.byteOffset, signer.byteLength).toString('latin1');
    let key = this.keys.get(id);
    if (!key) {
      const raw = ed25519KeyOf(signer);
      if (!raw) return false;
      key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
      if (this.keys.size >= this.maxKeys) this.keys.delete(this.keys.keys().next().value as string);
      this.keys.set(id, key);
    }
    try {
      return verify(null, data, key, signature);
    } catch {
      return false;
    }
  }
}
