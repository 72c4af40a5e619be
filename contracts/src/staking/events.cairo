//! Events of the StakingRegistry, outside the contract module so tests can build expected
//! values (wasm-cairo 2.8.2 crashes when a test names an item inside a contract module).
use starknet::ContractAddress;

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct Staked {
    #[key]
    pub worker: ContractAddress,
    pub amount: u256,
    pub staked: u256,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct UnstakeRequested {
    #[key]
    pub worker: ContractAddress,
    pub amount: u256,
    pub pending: u256,
    pub available_at: u64,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct UnstakeCancelled {
    #[key]
    pub worker: ContractAddress,
    pub amount: u256,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct Withdrawn {
    #[key]
    pub worker: ContractAddress,
    pub amount: u256,
    pub staked: u256,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct PeerBound {
    #[key]
    pub worker: ContractAddress,
    pub peer_id: ByteArray,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct CollateralLocked {
    #[key]
    pub worker: ContractAddress,
    #[key]
    pub job_id: u64,
    pub amount: u256,
    pub locked: u256,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct CollateralReleased {
    #[key]
    pub worker: ContractAddress,
    #[key]
    pub job_id: u64,
    pub amount: u256,
    pub locked: u256,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct Slashed {
    #[key]
    pub worker: ContractAddress,
    #[key]
    pub job_id: u64,
    pub amount: u256,
    pub staked: u256,
    pub suspended_until: u64,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct MarketSet {
    pub market: ContractAddress,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct ParamsUpdated {
    pub min_stake: u256,
    pub cooldown: u64,
    pub suspension: u64,
}
