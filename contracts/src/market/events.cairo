//! JobMarket's events. Every job event is keyed by job id, so a client can follow one job with
//! a key filter; the short-string fields (`stage`, `reason`, outcomes) are listed in the README.
use starknet::ContractAddress;
use crate::market::interface::MarketParams;

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct JobCreated {
    #[key]
    pub job_id: u64,
    pub poster: ContractAddress,
    pub budget: u256,
    pub manifest_hash: felt252,
    pub exec_duration: u64,
    pub max_attempts: u8,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct JobCancelled {
    #[key]
    pub job_id: u64,
    pub refund: u256,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct JobAwarded {
    #[key]
    pub job_id: u64,
    pub worker: ContractAddress,
    pub price: u256,
    pub collateral: u256,
    pub accept_by: u64,
    pub attempt: u8,
    /// The terms fixed for this award: settlement and slashing use these, whatever
    /// `set_params` does later.
    pub fee_bps: u16,
    pub slash_bps: u16,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct JobAccepted {
    #[key]
    pub job_id: u64,
    pub worker: ContractAddress,
    pub deadline: u64,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct ResultSubmitted {
    #[key]
    pub job_id: u64,
    pub worker: ContractAddress,
    pub commitment: felt252,
    pub review_until: u64,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct JobCompleted {
    #[key]
    pub job_id: u64,
    pub worker: ContractAddress,
    pub payout: u256,
    pub fee: u256,
    pub refund: u256,
    /// True when the worker claimed after the review window, false when the poster
    /// confirmed. (A dispute won by the worker emits `JobResolved` instead.)
    pub claimed: bool,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct JobDisputed {
    #[key]
    pub job_id: u64,
    pub poster: ContractAddress,
    pub worker: ContractAddress,
    /// The arbiter who alone may rule on this dispute.
    pub arbiter: ContractAddress,
    pub reason: felt252,
    /// The evidence: what the worker committed to, and the hash of the output disputed.
    pub commitment: felt252,
    pub disputed_output_hash: felt252,
    pub bond: u256,
    pub resolve_by: u64,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct JobResolved {
    #[key]
    pub job_id: u64,
    pub poster: ContractAddress,
    pub worker: ContractAddress,
    pub arbiter: ContractAddress,
    pub worker_wins: bool,
    /// True when nobody ruled in time and `finalize_dispute` settled it for the worker.
    pub by_default: bool,
    pub payout: u256,
    pub fee: u256,
    pub refund: u256,
    pub slashed: u256,
    /// The poster's dispute bond: paid to the worker when it wins, else returned.
    pub bond: u256,
    /// The rates the job was awarded with, which this settlement used.
    pub fee_bps: u16,
    pub slash_bps: u16,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct JobExpired {
    #[key]
    pub job_id: u64,
    pub worker: ContractAddress,
    pub stage: felt252,
    pub slashed: u256,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct JobReopened {
    #[key]
    pub job_id: u64,
    pub attempts_left: u8,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct JobRefunded {
    #[key]
    pub job_id: u64,
    pub refund: u256,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct FeesCollected {
    pub treasury: ContractAddress,
    pub amount: u256,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct ParamsUpdated {
    pub params: MarketParams,
    /// When the new parameters take effect (the deploy time for the constructor's).
    pub effective_at: u64,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct ArbiterSet {
    pub arbiter: ContractAddress,
    pub effective_at: u64,
}

#[derive(Drop, PartialEq, Debug, starknet::Event)]
pub struct TreasurySet {
    pub treasury: ContractAddress,
}
