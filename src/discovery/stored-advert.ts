/**
 * Checks an advert passed on by another node (advert book sync) rather than heard from its
 * worker: the same envelope, signature and payload checks as gossip, but the age limit is the
 * book's time to live instead of the freshness window (a synced advert may be minutes old), and
 * no replay cache (the book keeps only the highest sequence per worker, so an old advert passed on
 * again changes nothing).
 */
import { peerIdToString, ed25519KeyOf, type SignatureVerifier } from '../p2p/crypto';
import { ENVELOPE_VERSION, Kind, signingBytes } from '../p2p/envelope';
import { ignore, reject } from '../p2p/errors';
import { Envelope } from '../p2p/proto/generated/cairn';
import { decodeAdvert, type Advert } from './advert-codec';

export interface StoredAdvert {
  signerId: string;
  advert: Advert;
  timestampMs: number;
}

export interface StoredAdvertChecks {
  verifier: SignatureVerifier;
  maxBytes: number;
  /** Older than this: dropped without blame (the worker may simply have gone). */
  ttlMs: number;
  /** How far ahead of our clock a timestamp may be. */
  freshnessMs: number;
  nowMs?: number;
}

/** Throws MessageValidationError; `ignore` for an expired advert, `reject` for a bad one. */
export function verifyStoredAdvert(bytes: Uint8Array, checks: StoredAdvertChecks): StoredAdvert {
  if (bytes.length > checks.maxBytes) throw reject('OVERSIZED', `synced advert of ${bytes.length} bytes`);
  let env: Envelope;
  try {
    env = Envelope.decode(bytes);
  } catch (err) {
    throw reject('MALFORMED', `synced advert: ${(err as Error).message}`);
  }
  if (env.version !== ENVELOPE_VERSION) throw reject('BAD_VERSION', `synced advert version ${env.version}`);
  if (env.kind !== Kind.KIND_WORKER_ADVERT) throw reject('WRONG_KIND', `synced advert of kind ${env.kind}`);
  if (!ed25519KeyOf(env.signer)) throw reject('BAD_SIGNER', 'synced advert');
  const now = checks.nowMs ?? Date.now();
  const ts = Number(env.timestampMs);
  if (ts > now + checks.freshnessMs) throw reject('FROM_FUTURE', `synced advert ${ts - now} ms ahead`);
  if (ts < now - checks.ttlMs) throw ignore('STALE', `synced advert ${now - ts} ms old`);
  const data = signingBytes(env.kind, env.timestampMs, env.nonce, env.payload);
  if (!checks.verifier.verify(env.signer, data, env.signature))
    throw reject('FORGED_SIGNATURE', 'synced advert');
  return { signerId: peerIdToString(env.signer), advert: decodeAdvert(env.payload), timestampMs: ts };
}
