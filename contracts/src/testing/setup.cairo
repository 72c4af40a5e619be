//! Deploys a whole market on the Cairo test runner's chain, with named actors.
use starknet::ContractAddress;
use starknet::syscalls::deploy_syscall;
use starknet::testing::{set_block_timestamp, set_contract_address};
use crate::common::erc20::{IERC20Dispatcher, IERC20DispatcherTrait};
use crate::market::interface::{IJobMarketDispatcher, MarketParams};
use crate::reputation::interface::{IReputationDispatcher, IReputationDispatcherTrait};
use crate::staking::interface::{
    IStakingRegistryDispatcher, IStakingRegistryDispatcherTrait, RegistryParams,
};
use super::test_token::{ITestTokenDispatcher, ITestTokenDispatcherTrait};

pub const STRK: u256 = 1_000_000_000_000_000_000;
pub const START: u64 = 1_000_000;

pub fn owner() -> ContractAddress {
    'owner'.try_into().unwrap()
}
pub fn poster() -> ContractAddress {
    'poster'.try_into().unwrap()
}
pub fn worker() -> ContractAddress {
    'worker'.try_into().unwrap()
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
    }
}

#[derive(Drop, Copy)]
pub struct Setup {
    pub token: IERC20Dispatcher,
    pub registry: IStakingRegistryDispatcher,
    pub reputation: IReputationDispatcher,
    pub market: IJobMarketDispatcher,
}

fn deploy(class_hash: felt252, calldata: Array<felt252>) -> ContractAddress {
    let (address, _) = deploy_syscall(class_hash.try_into().unwrap(), 0, calldata.span(), false)
        .unwrap();
    address
}

/// Everything deployed and wired, the poster and the worker funded with 10,000 STRK each and
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
    let minter = ITestTokenDispatcher { contract_address: token_address };
    minter.mint(poster(), 10_000 * STRK);
    minter.mint(worker(), 10_000 * STRK);
    Setup {
        token: IERC20Dispatcher { contract_address: token_address },
        registry: IStakingRegistryDispatcher { contract_address: registry },
        reputation: IReputationDispatcher { contract_address: reputation },
        market: IJobMarketDispatcher { contract_address: market },
    }
}

/// The worker stakes `amount` and binds a peer id, so it is eligible for awards.
pub fn stake_worker(s: Setup, amount: u256) {
    set_contract_address(worker());
    s.token.approve(s.registry.contract_address, amount);
    s.registry.stake(amount);
    s.registry.bind_peer("12D3KooWTestPeer");
}

/// Discards the events a contract has emitted so far, so a test can assert exactly the next ones.
pub fn drain_events(address: ContractAddress) {
    loop {
        if starknet::testing::pop_log_raw(address).is_none() {
            break;
        }
    }
}

