import { shortString, typedData } from 'starknet';
import { awardConsentHash, awardConsentTypedData } from './award-consent';

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
});
