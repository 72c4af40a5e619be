use starknet::ContractAddress;

#[derive(Drop, Copy, Serde, PartialEq, Debug, Default, starknet::Store)]
pub struct ReputationRecord {
    /// Jobs paid out: confirmed, claimed after the review window, or won in a dispute.
    pub completed: u32,
    /// Awards not accepted in time: no collateral was at stake, so no slash.
    pub failed: u32,
    /// Collateral slashed: a missed execution deadline or a lost dispute.
    pub slashed: u32,
    /// Distinct posters who have paid this worker for a job: each can vouch for at most
    /// `POSTER_CREDIT` credits in the score, so completions bought from one's own second
    /// account stop counting after a few.
    pub posters: u32,
    /// The completions weighted by the fee each paid (`credit_of` in reputation.cairo): one
    /// for a job at the minimum price, up to `JOB_CREDIT` for a large one.
    pub credits: u32,
}

/// One completion in `record_completions`: what `record_completed` takes besides the worker
/// and the minimum price.
#[derive(Drop, Copy, Serde, PartialEq, Debug)]
pub struct Completion {
    pub job_id: u64,
    pub poster: ContractAddress,
    pub fee: u256,
}

/// What happened to a worker; carried in `ReputationUpdated` so that every score can be traced
/// to the job that moved it.
pub mod Outcome {
    pub const COMPLETED: felt252 = 'completed';
    pub const FAILED: felt252 = 'failed';
    pub const SLASHED: felt252 = 'slashed';
}

#[starknet::interface]
pub trait IReputation<TState> {
    /// Market only: `poster` paid `worker` for `job_id`, of which `fee` went to the protocol
    /// while the market's minimum price was `min_price`; the completion is credited
    /// `credit_of(fee, min_price)`. Emits `ReputationUpdated` with outcome 'completed'.
    fn record_completed(
        ref self: TState,
        worker: ContractAddress,
        job_id: u64,
        poster: ContractAddress,
        fee: u256,
        min_price: u256,
    );
    /// Market only: `record_completed` for several jobs of one worker, its record read and
    /// written once. Requires at least one. Emits `ReputationUpdated` with outcome 'completed'
    /// for each, in order, each carrying the counts after it.
    fn record_completions(
        ref self: TState, worker: ContractAddress, completions: Array<Completion>, min_price: u256,
    );
    /// Market only. Emits `ReputationUpdated` with outcome 'failed'.
    fn record_failed(ref self: TState, worker: ContractAddress, job_id: u64);
    /// Market only. Emits `ReputationUpdated` with outcome 'slashed'.
    fn record_slashed(ref self: TState, worker: ContractAddress, job_id: u64);
    /// Owner only, once. Emits `MarketSet`.
    fn set_market(ref self: TState, market: ContractAddress);

    fn reputation_of(self: @TState, worker: ContractAddress) -> ReputationRecord;
    /// Score in basis points (0..=10000); see `score` in reputation.cairo.
    fn score_of(self: @TState, worker: ContractAddress) -> u16;
    fn market(self: @TState) -> ContractAddress;
}
