use starknet::ContractAddress;

/// The life of a job. Open -> Awarded -> Accepted -> Submitted -> Completed, or
/// Submitted -> Disputed -> Resolved; Open -> Cancelled; Awarded/Accepted -> Open again on
/// expiry while attempts remain, else Expired.
#[derive(Drop, Copy, Serde, PartialEq, Debug, Default, starknet::Store)]
pub enum JobStatus {
    #[default]
    None,
    Open,
    Awarded,
    Accepted,
    Submitted,
    Completed,
    Disputed,
    Resolved,
    Cancelled,
    Expired,
}

#[derive(Drop, Copy, Serde, PartialEq, Debug, starknet::Store)]
pub struct Job {
    pub poster: ContractAddress,
    pub status: JobStatus,
    /// Escrowed by the poster; the agreed price is paid from it and the rest refunded.
    pub budget: u256,
    /// Content hash of the job manifest (sha256 truncated to 250 bits).
    pub manifest_hash: felt252,
    /// Seconds the worker has from accepting to submitting.
    pub exec_duration: u64,
    pub max_attempts: u8,
    pub attempts: u8,
    pub worker: ContractAddress,
    pub price: u256,
    pub collateral: u256,
    pub accept_by: u64,
    pub deadline: u64,
    pub commitment: felt252,
    pub review_until: u64,
    pub created_at: u64,
}

#[derive(Drop, Copy, Serde, PartialEq, Debug, starknet::Store)]
pub struct MarketParams {
    /// Protocol fee taken from the price, in basis points.
    pub fee_bps: u16,
    /// Collateral a worker locks on accept, in basis points of the price.
    pub collateral_bps: u16,
    /// Share of that collateral slashed on a missed deadline or a lost dispute.
    pub slash_bps: u16,
    /// Seconds a worker has to accept an award.
    pub accept_window: u64,
    /// Seconds a poster has to confirm or dispute a submitted result.
    pub review_window: u64,
    /// Upper bound on a job's execution duration.
    pub max_exec_duration: u64,
}

#[starknet::interface]
pub trait IJobMarket<TState> {
    /// Escrows `budget` from the caller (needs an allowance) and opens a job.
    /// Requires budget > 0, manifest_hash != 0, 0 < exec_duration <= max_exec_duration,
    /// 1 <= max_attempts <= 10. Emits `JobCreated`. Returns the new job id (from 1).
    fn create_job(
        ref self: TState, budget: u256, manifest_hash: felt252, exec_duration: u64, max_attempts: u8,
    ) -> u64;
    /// Poster only, while Open. Refunds the budget. Emits `JobCancelled`.
    fn cancel_job(ref self: TState, job_id: u64);
    /// Poster only, while Open. Requires 0 < price <= budget and a worker the registry finds
    /// eligible for the collateral the price implies. Uses one attempt. Emits `JobAwarded`.
    fn award_job(ref self: TState, job_id: u64, worker: ContractAddress, price: u256);
    /// Awarded worker only, within the accept window. Locks collateral and starts the
    /// execution deadline. Emits `JobAccepted`.
    fn accept_job(ref self: TState, job_id: u64);
    /// Worker only, before the deadline. Records the result commitment and opens the poster's
    /// review window. Emits `ResultSubmitted`.
    fn submit_result(ref self: TState, job_id: u64, commitment: felt252);
    /// Poster only, while Submitted. Pays the worker (price less fee), refunds budget - price,
    /// releases collateral, records a completion. Emits `JobCompleted`.
    fn confirm(ref self: TState, job_id: u64);
    /// Poster only, while Submitted and within the review window. Emits `JobDisputed`.
    fn dispute(ref self: TState, job_id: u64, reason: felt252);
    /// Arbiter only, while Disputed. Either settles as `confirm` would, or refunds the poster
    /// in full and slashes the worker's collateral. Emits `JobResolved`.
    fn resolve(ref self: TState, job_id: u64, worker_wins: bool);
    /// Anyone, once an award's accept window or an accepted job's deadline has passed. Slashes
    /// an accepted worker's collateral; reopens the job while attempts remain, else refunds the
    /// poster. Emits `JobExpired` and then `JobReopened` or `JobRefunded`.
    fn expire(ref self: TState, job_id: u64);
    /// Worker only, while Submitted and after the review window: the poster's silence counts as
    /// a confirmation. Emits `JobCompleted`.
    fn claim(ref self: TState, job_id: u64);
    /// Treasury or owner. Sends accrued fees and slashed collateral to the treasury.
    /// Emits `FeesCollected`.
    fn collect_fees(ref self: TState) -> u256;

    /// Owner only. Emits `ParamsUpdated`.
    fn set_params(ref self: TState, params: MarketParams);
    /// Owner only. Emits `ArbiterSet`.
    fn set_arbiter(ref self: TState, arbiter: ContractAddress);
    /// Owner only. Emits `TreasurySet`.
    fn set_treasury(ref self: TState, treasury: ContractAddress);

    fn job(self: @TState, job_id: u64) -> Job;
    fn job_count(self: @TState) -> u64;
    fn params(self: @TState) -> MarketParams;
    fn arbiter(self: @TState) -> ContractAddress;
    fn treasury(self: @TState) -> ContractAddress;
    fn token(self: @TState) -> ContractAddress;
    fn registry(self: @TState) -> ContractAddress;
    fn reputation(self: @TState) -> ContractAddress;
    /// Budgets of jobs not yet settled: with `fees_accrued`, what the token balance must equal.
    fn escrowed(self: @TState) -> u256;
    fn fees_accrued(self: @TState) -> u256;
}
