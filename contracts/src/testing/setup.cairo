//! Deploys a whole market on the Cairo test runner's chain, with named actors.
use starknet::ContractAddress;
use starknet::syscalls::deploy_syscall;
use starknet::testing::{set_block_timestamp, set_contract_address};
use crate::common::erc20::{IERC20Dispatcher, IERC20DispatcherTrait};
use crate::market::interface::{IJobMarketDispatcher, IJobMarketDispatcherTrait, MarketParams};
use crate::reputation::interface::{IReputationDispatcher, IReputationDispatcherTrait};
use crate::staking::interface::{
    IStakingRegistryDispatcher, IStakingRegistryDispatcherTrait, RegistryParams,
};
use super::test_account::{ITestAccountDispatcher, ITestAccountDispatcherTrait};
use super::test_token::{ITestTokenDispatcher, ITestTokenDispatcherTrait};

pub const STRK: u256 = 1_000_000_000_000_000_000;
pub const START: u64 = 1_000_000;

pub fn owner() -> ContractAddress {
    'owner'.try_into().unwrap()
}
pub fn poster() -> ContractAddress {
    'poster'.try_into().unwrap()
}
pub fn stranger() -> ContractAddress {
    'stranger'.try_into().unwrap()
}
pub fn treasury() -> ContractAddress {
    'treasury'.try_into().unwrap()
}
pub fn arbiter() -> ContractAddress {
    'arbiter'.try_into().unwrap()
}

pub fn registry_params() -> RegistryParams {
    RegistryParams { min_stake: 100 * STRK, cooldown: 86400, suspension: 86400 }
}

pub fn market_params() -> MarketParams {
    MarketParams {
        fee_bps: 250,
        collateral_bps: 5000,
        slash_bps: 5000,
        accept_window: 600,
        review_window: 3600,
        max_exec_duration: 86400,
        dispute_bond_bps: 1000,
        resolution_window: 3 * 86400,
        min_price: STRK / 100,
        min_collateral: STRK / 200,
    }
}

#[derive(Drop, Copy)]
pub struct Setup {
    pub token: IERC20Dispatcher,
    pub registry: IStakingRegistryDispatcher,
    pub reputation: IReputationDispatcher,
    pub market: IJobMarketDispatcher,
    /// The worker: an SRC-6 account contract (testing/test_account.cairo), since the market
    /// asks the worker's account whether it consented to an award.
    pub worker: ContractAddress,
}

/// `TEST_CLASS_HASH` is a felt252 in Cairo 2.8 (wasm-cairo) and a ClassHash in later
/// compilers (the native test runner); both convert into a felt252.
fn deploy<C, +Into<C, felt252>>(class_hash: C, calldata: Array<felt252>) -> ContractAddress {
    deploy_salted(class_hash, 0, calldata)
}

/// `deploy` with a salt, for a second instance with the same constructor arguments.
fn deploy_salted<C, +Into<C, felt252>>(
    class_hash: C, salt: felt252, calldata: Array<felt252>,
) -> ContractAddress {
    let hash: felt252 = class_hash.into();
    let (address, _) = deploy_syscall(hash.try_into().unwrap(), salt, calldata.span(), false)
        .unwrap();
    address
}

/// Everything deployed and wired, the poster and the worker (an account contract) funded with 10,000 STRK each and
/// the clock at START.
pub fn setup() -> Setup {
    set_block_timestamp(START);
    let token_address = deploy(super::test_token::TestToken::TEST_CLASS_HASH, array![]);
    let mut args = array![];
    owner().serialize(ref args);
    token_address.serialize(ref args);
    registry_params().serialize(ref args);
    let registry = deploy(crate::staking::staking_registry::StakingRegistry::TEST_CLASS_HASH, args);
    let reputation = deploy(
        crate::reputation::reputation::Reputation::TEST_CLASS_HASH, array![owner().into()],
    );
    let mut args = array![];
    owner().serialize(ref args);
    token_address.serialize(ref args);
    registry.serialize(ref args);
    reputation.serialize(ref args);
    treasury().serialize(ref args);
    arbiter().serialize(ref args);
    market_params().serialize(ref args);
    let market = deploy(crate::market::job_market::JobMarket::TEST_CLASS_HASH, args);
    set_contract_address(owner());
    IStakingRegistryDispatcher { contract_address: registry }.set_market(market);
    IReputationDispatcher { contract_address: reputation }.set_market(market);
    let worker = deploy(super::test_account::TestAccount::TEST_CLASS_HASH, array![]);
    let minter = ITestTokenDispatcher { contract_address: token_address };
    minter.mint(poster(), 10_000 * STRK);
    minter.mint(worker, 10_000 * STRK);
    Setup {
        token: IERC20Dispatcher { contract_address: token_address },
        registry: IStakingRegistryDispatcher { contract_address: registry },
        reputation: IReputationDispatcher { contract_address: reputation },
        market: IJobMarketDispatcher { contract_address: market },
        worker,
    }
}

/// The same market with a second worker (another account contract, funded with 10,000 STRK)
/// as `worker`: for batches that pay several workers.
pub fn second_worker(s: Setup) -> Setup {
    let worker = deploy_salted(super::test_account::TestAccount::TEST_CLASS_HASH, 1, array![]);
    set_contract_address(owner());
    ITestTokenDispatcher { contract_address: s.token.contract_address }.mint(worker, 10_000 * STRK);
    Setup { token: s.token, registry: s.registry, reputation: s.reputation, market: s.market, worker }
}

/// The worker stakes `amount` and binds a peer id, so it is eligible for awards.
pub fn stake_worker(s: Setup, amount: u256) {
    set_contract_address(s.worker);
    s.token.approve(s.registry.contract_address, amount);
    s.registry.stake(amount);
    s.registry.bind_peer("12D3KooWTestPeer");
}

/// The worker's consent to be awarded the job's next attempt at `price` until `expiry`: the
/// signature `award_job` takes.
pub fn consent(s: Setup, job_id: u64, price: u256, expiry: u64) -> Array<felt252> {
    let attempt = s.market.job(job_id).attempts + 1;
    let hash = s.market.award_consent_hash(job_id, s.worker, price, expiry, attempt);
    ITestAccountDispatcher { contract_address: s.worker }.sign(hash)
}

/// Awards the job's next attempt to the worker at `price`, with the worker's consent, as the
/// poster.
pub fn award(s: Setup, job_id: u64, price: u256) {
    let expiry = starknet::get_block_timestamp() + 3600;
    let signature = consent(s, job_id, price, expiry);
    set_contract_address(poster());
    s.market.award_job(job_id, s.worker, price, expiry, signature);
}

/// Discards the events a contract has emitted so far, so a test can assert exactly the next ones.
pub fn drain_events(address: ContractAddress) {
    loop {
        if starknet::testing::pop_log_raw(address).is_none() {
            break;
        }
    }
}

