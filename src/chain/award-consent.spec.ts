import { randomBytes } from 'node:crypto';
import { Account, ec, RpcProvider, shortString, stark, typedData } from 'starknet';
import { awardConsentHash, awardConsentTypedData, signAwardConsent } from './award-consent';
import { NodeSigner } from './node-signer';

const SN_SEPOLIA = shortString.encodeShortString('SN_SEPOLIA');
const consent = {
  market: 0x123n,
  jobId: 7n,
  price: 8n * 10n ** 18n + (5n << 128n),
  expiry: 1_000_600n,
  attempt: 2,
};

describe('award consent typed data', () => {
  it('hashes to the vector the Cairo unit test pins (contracts/src/common/tests.cairo)', () => {
    expect(awardConsentHash(SN_SEPOLIA, 0x456n, consent)).toBe(
      0x58c16deff297fd9dd2e0d87af8b540eae24941bb3f1b5df9e2c0a70b815587bn,
    );
  });

  it('is SNIP-12 revision 1 typed data that starknet.js validates', () => {
    const data = awardConsentTypedData(SN_SEPOLIA, consent);
    expect(typedData.validateTypedData(data)).toBe(true);
    expect(data.domain).toMatchObject({ name: 'cairn', version: 'v1', revision: '1' });
    // The u256 price is split into its two limbs.
    expect(data.message).toMatchObject({
      price: { low: `0x${(8n * 10n ** 18n).toString(16)}`, high: '0x5' },
    });
  });

  it('changes with every signed field', () => {
    const base = awardConsentHash(SN_SEPOLIA, 0x456n, consent);
    const variants = [
      awardConsentHash(SN_SEPOLIA, 0x457n, consent),
      awardConsentHash(shortString.encodeShortString('SN_MAIN'), 0x456n, consent),
      awardConsentHash(SN_SEPOLIA, 0x456n, { ...consent, market: 0x124n }),
      awardConsentHash(SN_SEPOLIA, 0x456n, { ...consent, jobId: 8n }),
      awardConsentHash(SN_SEPOLIA, 0x456n, { ...consent, price: consent.price + 1n }),
      awardConsentHash(SN_SEPOLIA, 0x456n, { ...consent, expiry: consent.expiry + 1n }),
      awardConsentHash(SN_SEPOLIA, 0x456n, { ...consent, attempt: 3 }),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it('refuses a zero price or job id with a clear error', () => {
    expect(() => awardConsentTypedData(SN_SEPOLIA, { ...consent, price: 0n })).toThrow(
      /price must be positive/,
    );
    expect(() => awardConsentTypedData(SN_SEPOLIA, { ...consent, jobId: 0n })).toThrow(
      /job id must be positive/,
    );
  });

  it('equals starknet.js hashing the typed data from scratch, on random consents and chains', () => {
    const felt = (bytes: number) => BigInt(`0x${randomBytes(bytes).toString('hex')}`) + 1n;
    for (let i = 0; i < 20; i++) {
      const chain = shortString.encodeShortString(i % 2 ? 'SN_MAIN' : `SN_TEST_${i}`);
      const worker = felt(31);
      const c = { market: felt(31), jobId: felt(15), price: felt(32), expiry: felt(8), attempt: 1 + (i % 10) };
      expect(awardConsentHash(chain, worker, c)).toBe(
        BigInt(typedData.getMessageHash(awardConsentTypedData(chain, c), worker)),
      );
    }
  });

  it("signs through the node's signer what starknet.js signs from the typed data, and it verifies", async () => {
    const key = stark.randomAddress();
    const provider = new RpcProvider({ nodeUrl: 'http://127.0.0.1:9' });
    provider.getChainId = () => Promise.resolve(SN_SEPOLIA as never);
    const address = '0x4567';
    const fast = new Account({ provider, address, signer: new NodeSigner(key) });
    const plain = new Account({ provider, address, signer: key });
    const [fastSig, plainSig] = await Promise.all([signAwardConsent(fast, consent), signAwardConsent(plain, consent)]);
    expect(fastSig).toEqual(plainSig);
    const hash = awardConsentHash(SN_SEPOLIA, address, consent);
    const [r, s] = fastSig as [bigint, bigint];
    const pub = ec.starkCurve.getPublicKey(key);
    expect(ec.starkCurve.verify(new ec.starkCurve.Signature(r, s), `0x${hash.toString(16)}`, pub)).toBe(true);
  });
});
