/**
 * A worker's consent to an award, as SNIP-12 (revision 1) typed data: the worker signs it with
 * its account (`account.signMessage`), the poster passes the signature to `award_job`, and the
 * market checks it with the worker account's `is_valid_signature`. The Cairo side is
 * contracts/src/common/snip12.cairo; both must hash the same fields the same way.
 *
 * starknet.js hashes typed data from scratch each time (the domain, every type string, the
 * u256 struct: a dozen Poseidon permutations in JavaScript, several milliseconds). A worker
 * signs one consent per bid and a poster hashes one per award, so `awardConsentHash` computes
 * the constant parts once, through starknet.js's own functions, and hashes only the message;
 * the spec checks it equals starknet.js's hash and the Cairo test's vector.
 */
import {
  hash,
  shortString,
  stark,
  typedData as snip12,
  TypedDataRevision,
  type Account,
  type BigNumberish,
  type TypedData,
} from 'starknet';
import { NodeSigner } from './node-signer';

/** The SNIP-12 domain every cairn message is signed in. */
export const CAIRN_DOMAIN_NAME = 'cairn';
export const CAIRN_DOMAIN_VERSION = 'v1';

export interface AwardConsent {
  /** The JobMarket's address: a consent is for one deployment only. */
  market: BigNumberish;
  jobId: bigint;
  /** The price the worker agrees to, in the token's smallest unit. */
  price: bigint;
  /** Unix seconds after which the award may no longer be made. */
  expiry: bigint;
  /** The attempt being awarded: the job's `attempts` + 1 at award time. */
  attempt: number | bigint;
}

const U128_MAX = (1n << 128n) - 1n;

/** Splits into the u256 preset type's `{ low, high }`. */
function u256(value: bigint): { low: string; high: string } {
  return { low: `0x${(value & U128_MAX).toString(16)}`, high: `0x${(value >> 128n).toString(16)}` };
}

/** The typed data for `consent` on the chain `chainId` (the hex felt `provider.getChainId()` gives). */
export function awardConsentTypedData(chainId: BigNumberish, consent: AwardConsent): TypedData {
  if (consent.price <= 0n)
    throw new RangeError(`award consent: price must be positive, got ${consent.price}`);
  if (consent.jobId <= 0n)
    throw new RangeError(`award consent: job id must be positive, got ${consent.jobId}`);
  return {
    types: {
      StarknetDomain: [
        { name: 'name', type: 'shortstring' },
        { name: 'version', type: 'shortstring' },
        { name: 'chainId', type: 'shortstring' },
        { name: 'revision', type: 'shortstring' },
      ],
      AwardConsent: [
        { name: 'market', type: 'ContractAddress' },
        { name: 'job_id', type: 'u128' },
        { name: 'price', type: 'u256' },
        { name: 'expiry', type: 'timestamp' },
        { name: 'attempt', type: 'u128' },
      ],
    },
    primaryType: 'AwardConsent',
    domain: {
      name: CAIRN_DOMAIN_NAME,
      version: CAIRN_DOMAIN_VERSION,
      chainId: `0x${BigInt(chainId).toString(16)}`,
      revision: '1',
    },
    message: {
      market: `0x${BigInt(consent.market).toString(16)}`,
      job_id: `0x${consent.jobId.toString(16)}`,
      price: u256(consent.price),
      expiry: `0x${consent.expiry.toString(16)}`,
      attempt: `0x${BigInt(consent.attempt).toString(16)}`,
    },
  };
}

/** The felt the worker's account signs, the same as the market's `award_consent_hash`. */
export function awardConsentHash(chainId: BigNumberish, worker: BigNumberish, consent: AwardConsent): bigint {
  const data = awardConsentTypedData(chainId, consent); // validates the fields
  const c = constants();
  const m = data.message as { price: { low: string; high: string } };
  const price = priceHash(c.u256Type, m.price);
  const message = poseidon([
    c.consentType,
    BigInt(consent.market),
    consent.jobId,
    price,
    consent.expiry,
    BigInt(consent.attempt),
  ]);
  return poseidon([c.prefix, domainHash(data), BigInt(worker), message]);
}

/**
 * Signs `consent` with the worker's account; the result is `award_job`'s signature argument. A
 * node's own signer (node-signer.ts) signs the hash computed here; any other signer is handed
 * the typed data.
 */
export async function signAwardConsent(worker: Account, consent: AwardConsent): Promise<bigint[]> {
  const chainId = await worker.provider.getChainId();
  const signature =
    worker.signer instanceof NodeSigner
      ? await worker.signer.signHash(awardConsentHash(chainId, worker.address, consent))
      : await worker.signMessage(awardConsentTypedData(chainId, consent));
  return stark.formatSignature(signature).map((s) => BigInt(s));
}

const poseidon = (xs: bigint[]): bigint => BigInt(hash.computePoseidonHashOnElements(xs));

let cached: { prefix: bigint; consentType: bigint; u256Type: bigint } | undefined;

/** The type hashes and the message prefix, from starknet.js, once. */
function constants() {
  if (cached) return cached;
  const { types } = awardConsentTypedData(1n, { market: 1n, jobId: 1n, price: 1n, expiry: 0n, attempt: 1 });
  const rev = TypedDataRevision.ACTIVE;
  cached = {
    prefix: BigInt(shortString.encodeShortString('StarkNet Message')),
    consentType: BigInt(snip12.getTypeHash(types, 'AwardConsent', rev)),
    u256Type: BigInt(snip12.getTypeHash(types, 'u256', rev)),
  };
  return cached;
}

/** u256 struct hashes by price: a worker bids the same price on job after job. */
const prices = new Map<string, bigint>();

function priceHash(u256Type: bigint, price: { low: string; high: string }): bigint {
  const key = `${price.low}/${price.high}`;
  let h = prices.get(key);
  if (h === undefined) {
    if (prices.size >= 256) prices.clear();
    h = poseidon([u256Type, BigInt(price.low), BigInt(price.high)]);
    prices.set(key, h);
  }
  return h;
}

/** Domain hashes by chain id (a node talks to one chain; a few entries at most). */
const domains = new Map<string, bigint>();

function domainHash(data: TypedData): bigint {
  const key = String(data.domain.chainId);
  let h = domains.get(key);
  if (h === undefined) {
    if (domains.size >= 16) domains.clear();
    h = BigInt(snip12.getStructHash(data.types, 'StarknetDomain', data.domain, TypedDataRevision.ACTIVE));
    domains.set(key, h);
  }
  return h;
}
