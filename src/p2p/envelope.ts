/**
 * The signed envelope every message travels in, and the one validation pipeline every inbound
 * message goes through before it may touch state, cheapest check first:
 * size → decode → version → kind → signer → freshness → replay → signature.
 *
 * Validation is split in two so a caller can answer a message without paying for its signature
 * when the content will not be used (a bid for a job that already closed): `admit` runs every
 * check but the signature, `authenticate` verifies it and records the nonce. Whatever reaches
 * state has passed both.
 */
import { randomFillSync } from 'node:crypto';
import { ed25519KeyOf, peerIdToString, type LocalSigner, type SignatureVerifier } from './crypto';
import { ignore, reject } from './errors';
import { Envelope, Kind } from './proto/generated/cairn';

export { Kind };

export const ENVELOPE_VERSION = 1;
const DOMAIN = Buffer.from('cairn/envelope/v1', 'ascii');

/** The bytes an envelope's signature covers; fixed layout, so nothing is ever re-encoded. */
export function signingBytes(
  kind: Kind,
  timestampMs: bigint,
  nonce: bigint,
  payload: Uint8Array,
): Uint8Array {
  const out = Buffer.allocUnsafe(DOMAIN.length + 17 + payload.length);
  DOMAIN.copy(out, 0);
  let o = DOMAIN.length;
  out[o++] = kind;
  out.writeBigUInt64BE(timestampMs, o);
  out.writeBigUInt64BE(nonce, o + 8);
  out.set(payload, o + 16);
  return out;
}

const view = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/**
 * Nonces come from a pool of CSPRNG bytes refilled 4 KiB at a time: one randomBytes(8) call per
 * message cost ~15 µs of CPU on the bench poster, the pool a fraction of that.
 */
const noncePool = Buffer.alloc(4096);
let noncePos = noncePool.length;

function randomNonce(): bigint {
  if (noncePos + 8 > noncePool.length) {
    randomFillSync(noncePool);
    noncePos = 0;
  }
  const nonce = noncePool.readBigUInt64BE(noncePos);
  noncePos += 8;
  return nonce;
}

/** Signs `payload` as `kind` and returns the encoded envelope. */
export function seal(signer: LocalSigner, kind: Kind, payload: Uint8Array, nowMs = Date.now()): Uint8Array {
  const timestampMs = BigInt(nowMs);
  const nonce = randomNonce();
  const signature = signer.sign(signingBytes(kind, timestampMs, nonce, payload));
  return Envelope.encode({
    version: ENVELOPE_VERSION,
    kind,
    signer: signer.peerIdBytes,
    timestampMs,
    nonce,
    payload,
    signature,
  }).finish();
}

/**
 * Remembers (signer, nonce) for messages inside the freshness window. Bounded: when full it drops
 * its oldest entries and raises a floor; any message stamped at or before the floor is refused
 * as a possible replay, so eviction never reopens a replay window (it costs honest late messages
 * instead, and only under a flood).
 */
export class ReplayCache {
  private readonly seen = new Map<string, number>();
  private floorMs = 0;

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries = 500_000,
  ) {}

  get size(): number {
    return this.seen.size;
  }

  check(key: string, timestampMs: number): 'fresh' | 'replayed' | 'below-floor' {
    if (timestampMs <= this.floorMs) return 'below-floor';
    return this.seen.has(key) ? 'replayed' : 'fresh';
  }

  add(key: string, timestampMs: number, nowMs: number): void {
    if (this.seen.size >= this.maxEntries) this.prune(nowMs);
    while (this.seen.size >= this.maxEntries) {
      const [oldestKey, oldestTs] = this.seen.entries().next().value as [string, number];
      this.seen.delete(oldestKey);
      if (oldestTs > this.floorMs) this.floorMs = oldestTs;
    }
    this.seen.set(key, timestampMs);
  }

  /** Drops entries that fell out of the window; insertion order is close to timestamp order. */
  prune(nowMs: number): void {
    const cutoff = nowMs - this.windowMs;
    for (const [key, ts] of this.seen) {
      if (ts >= cutoff) break;
      this.seen.delete(key);
    }
  }
}

export interface OpenOptions {
  maxBytes: number;
  kinds: ReadonlySet<Kind>;
  freshnessMs: number;
  replay: ReplayCache;
  verifier: SignatureVerifier;
  nowMs?: number;
  /** On a direct stream: the remote peer's id bytes, which must be the signer. */
  expectedSigner?: Uint8Array;
}

/** An envelope that passed every check but the signature. */
export class AdmittedEnvelope {
  private signerText?: string;
  private authenticated = false;

  constructor(
    readonly bytes: Uint8Array,
    readonly kind: Kind,
    readonly signer: Uint8Array,
    readonly timestampMs: number,
    readonly nonce: bigint,
    readonly payload: Uint8Array,
    private readonly signature: Uint8Array,
    private readonly replayKey: string,
    private readonly opts: OpenOptions,
  ) {}

  /** The signer's peer id in text form; computed on first use (base58 is not free). */
  get signerId(): string {
    this.signerText ??= peerIdToString(this.signer);
    return this.signerText;
  }

  /** Verifies the signature and records the nonce; throws FORGED_SIGNATURE or REPLAYED. */
  authenticate(): this {
    if (this.authenticated) return this;
    const now = this.opts.nowMs ?? Date.now();
    // Checked again: another copy may have been authenticated since this one was admitted.
    if (this.opts.replay.check(this.replayKey, this.timestampMs) !== 'fresh') throw reject('REPLAYED');
    const data = signingBytes(this.kind, BigInt(this.timestampMs), this.nonce, this.payload);
    if (!this.opts.verifier.verify(this.signer, data, this.signature)) throw reject('FORGED_SIGNATURE');
    this.opts.replay.add(this.replayKey, this.timestampMs, now);
    this.authenticated = true;
    return this;
  }
}

/** Every check but the signature; throws MessageValidationError. */
export function admit(bytes: Uint8Array, opts: OpenOptions): AdmittedEnvelope {
  if (bytes.length > opts.maxBytes) throw reject('OVERSIZED', `${bytes.length} > ${opts.maxBytes} bytes`);
  let env: Envelope;
  try {
    env = Envelope.decode(bytes);
  } catch (err) {
    throw reject('MALFORMED', (err as Error).message);
  }
  if (env.version !== ENVELOPE_VERSION) throw reject('BAD_VERSION', `version ${env.version}`);
  if (!opts.kinds.has(env.kind)) throw reject('WRONG_KIND', `kind ${env.kind}`);
  if (env.signer.length === 0 || env.signature.length === 0) throw reject('UNSIGNED');
  if (!ed25519KeyOf(env.signer)) throw reject('BAD_SIGNER');
  if (opts.expectedSigner && !view(env.signer).equals(opts.expectedSigner)) throw reject('SIGNER_MISMATCH');
  const now = opts.nowMs ?? Date.now();
  const ts = Number(env.timestampMs);
  // Timing failures are ignored rather than rejected on gossip: an honest relay can be late.
  if (ts < now - opts.freshnessMs) throw ignore('STALE', `${now - ts} ms old`);
  if (ts > now + opts.freshnessMs) throw ignore('FROM_FUTURE', `${ts - now} ms ahead`);
  const replayKey = `${view(env.signer).toString('latin1')}:${env.nonce}`;
  const seen = opts.replay.check(replayKey, ts);
  if (seen === 'replayed') throw reject('REPLAYED');
  if (seen === 'below-floor') throw ignore('REPLAYED', 'older than the replay cache floor');
  return new AdmittedEnvelope(
    bytes,
    env.kind,
    env.signer,
    ts,
    env.nonce,
    env.payload,
    env.signature,
    replayKey,
    opts,
  );
}

/** `admit` and `authenticate` together: the full check. */
export function open(bytes: Uint8Array, opts: OpenOptions): AdmittedEnvelope {
  return admit(bytes, opts).authenticate();
}
