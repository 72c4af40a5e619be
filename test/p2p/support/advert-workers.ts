/**
 * Worker identities that exist only as signed adverts: each has its own Ed25519 key and noised
 * capabilities, and seals the advert it would gossip, afresh for each sequence. Suites and benches
 * fill advert books with thousands of them without starting thousands of nodes. Call loadEsm()
 * first (peer ids are base58 text from an ESM package).
 */
import { generateKeyPairSync } from 'node:crypto';
import type { AdvertBook } from '../../../src/discovery/advert-book';
import { encodeAdvert } from '../../../src/discovery/advert-codec';
import { publicCapabilities, type PublicCapabilities } from '../../../src/discovery/advert-noise';
import { randomWorker, seededUniform } from '../../../src/discovery/match-quality';
import { LocalSigner } from '../../../src/p2p/crypto';
import { Kind, seal } from '../../../src/p2p/envelope';

export function newSigner(): LocalSigner {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  // libp2p's raw Ed25519 private key: the 32-byte seed, then the public key.
  return new LocalSigner(
    Buffer.concat([Buffer.from(jwk.d as string, 'base64url'), Buffer.from(jwk.x as string, 'base64url')]),
  );
}

export class AdvertOnlyWorker {
  readonly signer = newSigner();
  readonly caps: PublicCapabilities;

  constructor(i: number) {
    this.caps = publicCapabilities(randomWorker(seededUniform(i), i), 2, seededUniform(10_000 + i));
  }

  get peerId(): string {
    return this.signer.peerId;
  }

  advert(sequence: bigint): Uint8Array {
    return seal(this.signer, Kind.KIND_WORKER_ADVERT, encodeAdvert({ caps: this.caps, sequence }));
  }

  /** Puts this worker's advert into `book` as if it had arrived on gossip. */
  learn(book: AdvertBook, sequence: bigint): void {
    book.upsert(this.peerId, this.caps, sequence, Date.now(), this.advert(sequence));
  }
}
