//! SNIP-12 revision 1 typed-data hashing (Poseidon), for the one message cairn asks an account
//! to sign: a worker's consent to an award. Wallets and starknet.js (`typedData.getMessageHash`,
//! `account.signMessage`) hash the same typed data to the same felt; src/chain/award-consent.ts
//! builds it, and the devnet tests check that both sides agree.
//!
//! message hash = poseidon('StarkNet Message', domain_hash, signer, struct_hash)
//! domain_hash  = poseidon(DOMAIN_TYPE_HASH, name, version, chain_id, revision = 1)
//! struct hash  = poseidon(type_hash, ...each field encoded), a u256 field as its own struct hash
use core::poseidon::poseidon_hash_span;
use starknet::ContractAddress;

pub const STARKNET_MESSAGE: felt252 = 'StarkNet Message';
pub const REVISION: felt252 = 1;
pub const DOMAIN_TYPE_HASH: felt252 = selector!(
    "\"StarknetDomain\"(\"name\":\"shortstring\",\"version\":\"shortstring\",\"chainId\":\"shortstring\",\"revision\":\"shortstring\")",
);
pub const U256_TYPE_HASH: felt252 = selector!("\"u256\"(\"low\":\"u128\",\"high\":\"u128\")");

/// The domain every cairn message is signed in; `version` changes when a message's meaning does.
pub const DOMAIN_NAME: felt252 = 'cairn';
pub const DOMAIN_VERSION: felt252 = 'v1';

/// A worker's consent to be awarded one attempt at one job, at one price, until `expiry`
/// (unix seconds). The market address keeps a consent from being replayed on another
/// deployment; the attempt keeps it from being replayed after the job reopens.
pub const AWARD_CONSENT_TYPE_HASH: felt252 = selector!(
    "\"AwardConsent\"(\"market\":\"ContractAddress\",\"job_id\":\"u128\",\"price\":\"u256\",\"expiry\":\"timestamp\",\"attempt\":\"u128\")\"u256\"(\"low\":\"u128\",\"high\":\"u128\")",
);

#[derive(Drop, Copy, Serde, PartialEq, Debug)]
pub struct AwardConsent {
    pub market: ContractAddress,
    pub job_id: u64,
    pub price: u256,
    pub expiry: u64,
    pub attempt: u8,
}

pub fn domain_hash(chain_id: felt252) -> felt252 {
    poseidon_hash_span(
        array![DOMAIN_TYPE_HASH, DOMAIN_NAME, DOMAIN_VERSION, chain_id, REVISION].span(),
    )
}

pub fn u256_hash(value: u256) -> felt252 {
    poseidon_hash_span(array![U256_TYPE_HASH, value.low.into(), value.high.into()].span())
}

pub fn award_consent_struct_hash(consent: AwardConsent) -> felt252 {
    poseidon_hash_span(
        array![
            AWARD_CONSENT_TYPE_HASH,
            consent.market.into(),
            consent.job_id.into(),
            u256_hash(consent.price),
            consent.expiry.into(),
            consent.attempt.into(),
        ]
            .span(),
    )
}

/// The hash `signer` signs (and its account's `is_valid_signature` checks) for `consent`.
pub fn award_consent_hash(
    chain_id: felt252, signer: ContractAddress, consent: AwardConsent,
) -> felt252 {
    poseidon_hash_span(
        array![
            STARKNET_MESSAGE, domain_hash(chain_id), signer.into(), award_consent_struct_hash(consent),
        ]
            .span(),
    )
}
