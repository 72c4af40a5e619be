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
    /// The terms of the current award, fixed when it is made: the fee settlement takes, the
    /// share of collateral a slash takes, and the poster's review window. A later
    /// `set_params` never changes them.
    pub fee_bps: u16,
    pub slash_bps: u16,
    pub review_window: u64,
    /// The poster's dispute bond as a share of the price, and the arbiter's time to rule.
    pub dispute_bond_bps: u16,
    pub resolution_window: u64,
    pub accept_by: u64,
    pub deadline: u64,
    pub commitment: felt252,
    pub review_until: u64,
    pub created_at: u64,
    /// Set by `dispute`: the bond the poster paid, the arbiter in office then (who alone may
    /// rule on it), and the time after which anyone may settle it by default.
    pub dispute_bond: u256,
    pub arbiter: ContractAddress,
    pub resolve_by: u64,
}

/// One job for `create_jobs`: the arguments `create_job` takes, in the same order, so a
/// `create_job` call's calldata is one element of a `create_jobs` array.
#[derive(Drop, Copy, Serde, PartialEq, Debug)]
pub struct JobSpec {
    pub budget: u256,
    pub manifest_hash: felt252,
    pub exec_duration: u64,
    pub max_attempts: u8,
}

/// One award for `award_jobs`: the arguments `award_job` takes, in the same order.
#[derive(Drop, Serde, PartialEq, Debug)]
pub struct Award {
    pub job_id: u64,
    pub worker: ContractAddress,
    pub price: u256,
    pub consent_expiry: u64,
    pub consent_signature: Array<felt252>,
}

/// One result for `submit_results`: the arguments `submit_result` takes, in the same order.
#[derive(Drop, Copy, Serde, PartialEq, Debug)]
pub struct JobResult {
    pub job_id: u64,
    pub commitment: felt252,
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
    /// Bond a poster pays to dispute, in basis points of the price: returned if the arbiter
    /// rules for the poster, paid to the worker otherwise.
    pub dispute_bond_bps: u16,
    /// Seconds the arbiter has to rule; after that the dispute settles for the worker.
    pub resolution_window: u64,
    /// Smallest price an award may name, and smallest collateral it may lock: a completion
    /// costs at least this much, so reputation cannot be farmed with dust jobs.
    pub min_price: u256,
    pub min_collateral: u256,
}

#[starknet::interface]
pub trait IJobMarket<TState> {
    /// Escrows `budget` from the caller (needs an allowance) and opens a job.
    /// Requires budget > 0, manifest_hash != 0, 0 < exec_duration <= max_exec_duration,
    /// 1 <= max_attempts <= 10. Emits `JobCreated`. Returns the new job id (from 1).
    fn create_job(
        ref self: TState, budget: u256, manifest_hash: felt252, exec_duration: u64, max_attempts: u8,
    ) -> u64;
    /// `create_job` for several jobs, escrowing the sum of their budgets with one transfer
    /// (needs an allowance for the sum). Requires at least one job, each as `create_job`
    /// requires. Emits `JobCreated` for each, in order. Returns the new ids, consecutive.
    fn create_jobs(ref self: TState, jobs: Array<JobSpec>) -> Array<u64>;
    /// Poster only, while Open. Refunds the budget. Emits `JobCancelled`.
    fn cancel_job(ref self: TState, job_id: u64);
    /// Poster only, while Open, no later than `consent_expiry`. Requires 0 < price <= budget, a
    /// worker the registry finds eligible for the collateral the price implies, and the
    /// worker's consent: `consent_signature` over `award_consent_hash(job_id, worker, price,
    /// consent_expiry, attempts + 1)`, accepted by the worker account's SRC-6
    /// `is_valid_signature`. Uses one attempt. Emits `JobAwarded`.
    fn award_job(
        ref self: TState,
        job_id: u64,
        worker: ContractAddress,
        price: u256,
        consent_expiry: u64,
        consent_signature: Array<felt252>,
    );
    /// `award_job` for several jobs of the caller's: each as `award_job` requires (its own
    /// worker's consent among them), with the market's parameters read and each worker's
    /// eligibility checked once, for its largest collateral. Requires at least one. Emits
    /// `JobAwarded` for each, in order.
    fn award_jobs(ref self: TState, awards: Array<Award>);
    /// Awarded worker only, within the accept window. Locks collateral and starts the
    /// execution deadline. Emits `JobAccepted`.
    fn accept_job(ref self: TState, job_id: u64);
    /// `accept_job` for several jobs awarded to the caller: each as `accept_job` requires, and
    /// the worker eligible for the sum of their collaterals (what accepting them one after
    /// another needs), locked in one registry call. Requires at least one. Emits `JobAccepted`
    /// for each, in order.
    fn accept_jobs(ref self: TState, job_ids: Array<u64>);
    /// Worker only, before the deadline. Records the result commitment and opens the poster's
    /// review window. Emits `ResultSubmitted`.
    fn submit_result(ref self: TState, job_id: u64, commitment: felt252);
    /// `submit_result` for several jobs of the caller's, each as `submit_result` requires.
    /// Requires at least one. Emits `ResultSubmitted` for each, in order.
    fn submit_results(ref self: TState, results: Array<JobResult>);
    /// Poster only, while Submitted. Pays the worker (price less fee), refunds budget - price,
    /// releases collateral, records a completion. Emits `JobCompleted`.
    fn confirm(ref self: TState, job_id: u64);
    /// `confirm` for several jobs of the caller's: each as `confirm` requires. Each worker is
    /// paid, its collateral released and its reputation recorded once for all its jobs, and the
    /// poster refunded once. Requires at least one. Emits `JobCompleted` for each, in order.
    fn confirm_jobs(ref self: TState, job_ids: Array<u64>);
    /// Poster only, while Submitted and within the review window. Pulls the dispute bond
    /// (`dispute_bond_bps` of the price; needs an allowance), fixes the arbiter in office as
    /// this dispute's arbiter and starts its resolution window. `disputed_output_hash` is the
    /// hash of the output the poster received and disputes (its evidence, with the worker's
    /// commitment). Emits `JobDisputed`.
    fn dispute(ref self: TState, job_id: u64, reason: felt252, disputed_output_hash: felt252);
    /// The dispute's arbiter only, while Disputed and within its resolution window. Either
    /// settles as `confirm` would and pays the bond to the worker, or refunds the poster its
    /// budget and bond and slashes the worker's collateral. Emits `JobResolved`.
    fn resolve(ref self: TState, job_id: u64, worker_wins: bool);
    /// Anyone, once a dispute's resolution window has passed without a ruling: settles it for
    /// the worker (the submitted result stands, the bond goes to the worker). Emits
    /// `JobResolved` with `by_default`.
    fn finalize_dispute(ref self: TState, job_id: u64);
    /// Anyone, once an award's accept window or an accepted job's deadline has passed. Slashes
    /// an accepted worker's collateral; reopens the job while attempts remain, else refunds the
    /// poster. Emits `JobExpired` and then `JobReopened` or `JobRefunded`.
    fn expire(ref self: TState, job_id: u64);
    /// Worker only, while Submitted and after the review window: the poster's silence counts as
    /// a confirmation. Emits `JobCompleted`.
    fn claim(ref self: TState, job_id: u64);
    /// `claim` for several jobs of the caller's: each as `claim` requires; paid, released and
    /// recorded once, each poster refunded once. Requires at least one. Emits `JobCompleted`
    /// (claimed) for each, in order.
    fn claim_jobs(ref self: TState, job_ids: Array<u64>);
    /// Treasury or owner. Sends accrued fees and slashed collateral to the treasury.
    /// Emits `FeesCollected`.
    fn collect_fees(ref self: TState) -> u256;

    /// Owner only. Schedules `params` to take effect `TIMELOCK` seconds from now (replacing a
    /// change still pending); awards made before then keep the terms they were made with.
    /// Emits `ParamsUpdated` with the time it takes effect.
    fn set_params(ref self: TState, params: MarketParams);
    /// Owner only. Schedules a new arbiter after the same timelock; a dispute already opened
    /// stays with the arbiter it was opened under. Emits `ArbiterSet`.
    fn set_arbiter(ref self: TState, arbiter: ContractAddress);
    /// Owner only. Emits `TreasurySet`.
    fn set_treasury(ref self: TState, treasury: ContractAddress);

    /// The SNIP-12 (revision 1) message hash a worker signs to consent to an award: domain
    /// ('cairn', 'v1', this chain's id, 1), message AwardConsent(market, job_id, price,
    /// expiry, attempt), signer `worker`. See contracts/src/common/snip12.cairo.
    fn award_consent_hash(
        self: @TState, job_id: u64, worker: ContractAddress, price: u256, expiry: u64, attempt: u8,
    ) -> felt252;
    fn job(self: @TState, job_id: u64) -> Job;
    fn job_count(self: @TState) -> u64;
    /// The parameters in effect now.
    fn params(self: @TState) -> MarketParams;
    /// A scheduled change and when it takes effect; (current params, 0) when none is pending.
    fn pending_params(self: @TState) -> (MarketParams, u64);
    /// The arbiter in effect now.
    fn arbiter(self: @TState) -> ContractAddress;
    /// A scheduled arbiter and when it takes effect; (current arbiter, 0) when none is pending.
    fn pending_arbiter(self: @TState) -> (ContractAddress, u64);
    fn treasury(self: @TState) -> ContractAddress;
    fn token(self: @TState) -> ContractAddress;
    fn registry(self: @TState) -> ContractAddress;
    fn reputation(self: @TState) -> ContractAddress;
    /// Budgets of jobs not yet settled: with `fees_accrued`, what the token balance must equal.
    fn escrowed(self: @TState) -> u256;
    fn fees_accrued(self: @TState) -> u256;
}
