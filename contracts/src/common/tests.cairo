use crate::common::snip12::{AwardConsent, DOMAIN_TYPE_HASH, award_consent_hash};

/// The Cairo hash equals starknet.js's `typedData.getMessageHash` on the same typed data
/// (src/chain/award-consent.ts; vector computed with starknet.js 10.8.0), including a price
/// with a non-zero high word. The devnet test checks the same against a deployed market.
#[test]
fn award_consent_hash_matches_starknet_js() {
    // SNIP-12's published StarknetDomain type hash.
    assert_eq!(DOMAIN_TYPE_HASH, 0x1ff2f602e42168014d405a94f75e8a93d640751d71d16311266e140d8b0a210);
    let consent = AwardConsent {
        market: 0x123.try_into().unwrap(),
        job_id: 7,
        price: 8_000_000_000_000_000_000 + u256 { low: 0, high: 5 },
        expiry: 1_000_600,
        attempt: 2,
    };
    let hash = award_consent_hash('SN_SEPOLIA', 0x456.try_into().unwrap(), consent);
    assert_eq!(hash, 0x58c16deff297fd9dd2e0d87af8b540eae24941bb3f1b5df9e2c0a70b815587b);
}
