use starknet::ContractAddress;

/// A worker's position. `staked` counts every token held for the worker; `locked` (collateral
/// of accepted jobs) and `pending_unstake` are parts of it, so free = staked - locked - pending.
#[derive(Drop, Copy, Serde, PartialEq, Debug, Default, starknet::Store)]
pub struct StakeInfo {
    pub staked: u256,
    pub locked: u256,
    pub pending_unstake: u256,
    pub unstake_available_at: u64,
    pub suspended_until: u64,
}

/// One job's collateral in `lock_jobs` and `release_jobs`: the arguments `lock` and `release`
/// take for one job.
#[derive(Drop, Copy, Serde, PartialEq, Debug)]
pub struct JobCollateral {
    pub job_id: u64,
    pub amount: u256,
}

#[derive(Drop, Copy, Serde, PartialEq, Debug, starknet::Store)]
pub struct RegistryParams {
    /// Stake (excluding what is being unstaked) a worker must keep to be awarded jobs.
    pub min_stake: u256,
    /// Seconds between `request_unstake` and `withdraw`: long enough that a worker cannot
    /// escape a slash for a job it is still running.
    pub cooldown: u64,
    /// Seconds a slashed worker cannot be awarded new jobs.
    pub suspension: u64,
}

#[starknet::interface]
pub trait IStakingRegistry<TState> {
    /// Pulls `amount` of the token from the caller (needs an allowance). Requires amount > 0.
    /// Emits `Staked`.
    fn stake(ref self: TState, amount: u256);
    /// Starts the cooldown for `amount` of free stake; a second request adds to the first and
    /// restarts the cooldown. While a request is pending the worker cannot be awarded.
    /// Requires 0 < amount <= free stake. Emits `UnstakeRequested`.
    fn request_unstake(ref self: TState, amount: u256);
    /// Returns the pending amount to free stake. Requires a pending request.
    /// Emits `UnstakeCancelled`.
    fn cancel_unstake(ref self: TState);
    /// Pays out the pending amount once the cooldown is over. Emits `Withdrawn`.
    fn withdraw(ref self: TState) -> u256;
    /// Binds the caller's address to its libp2p peer id (the base58 text form), so that a
    /// bid signed by that peer can be checked against this address's stake. Emits `PeerBound`.
    fn bind_peer(ref self: TState, peer_id: ByteArray);

    /// Market only. Moves `amount` of the worker's free stake into collateral for `job_id`.
    /// Emits `CollateralLocked`.
    fn lock(ref self: TState, worker: ContractAddress, amount: u256, job_id: u64);
    /// Market only. Returns collateral to free stake. Emits `CollateralReleased`.
    fn release(ref self: TState, worker: ContractAddress, amount: u256, job_id: u64);
    /// Market only. `lock` for several jobs of one worker, the worker's stake read and written
    /// once: requires at least one, each amount > 0 and their sum <= free stake. Emits
    /// `CollateralLocked` for each, in order.
    fn lock_jobs(ref self: TState, worker: ContractAddress, locks: Array<JobCollateral>);
    /// Market only. `release` for several jobs of one worker: requires at least one, each
    /// amount > 0 and their sum <= locked. Emits `CollateralReleased` for each, in order.
    fn release_jobs(ref self: TState, worker: ContractAddress, releases: Array<JobCollateral>);
    /// Market only. Takes `amount` of the worker's locked collateral, sends it to the market and
    /// suspends the worker. Emits `Slashed`.
    fn slash(ref self: TState, worker: ContractAddress, amount: u256, job_id: u64);

    /// Owner only, once: the market allowed to lock, release and slash. Emits `MarketSet`.
    fn set_market(ref self: TState, market: ContractAddress);
    /// Owner only. Emits `ParamsUpdated`.
    fn set_params(ref self: TState, params: RegistryParams);

    fn stake_of(self: @TState, worker: ContractAddress) -> StakeInfo;
    fn free_stake_of(self: @TState, worker: ContractAddress) -> u256;
    fn peer_id_of(self: @TState, worker: ContractAddress) -> ByteArray;
    /// 0 when the worker can be awarded a job needing `collateral`, else the reason (a short
    /// string such as 'Worker is suspended').
    fn eligibility(self: @TState, worker: ContractAddress, collateral: u256) -> felt252;
    fn params(self: @TState) -> RegistryParams;
    fn market(self: @TState) -> ContractAddress;
    fn token(self: @TState) -> ContractAddress;
    /// Sum of every worker's `staked`: what the registry's token balance must equal.
    fn total_staked(self: @TState) -> u256;
}
