use starknet::testing::{set_block_timestamp, set_contract_address};
use crate::common::erc20::IERC20DispatcherTrait;
use crate::staking::interface::{IStakingRegistryDispatcherTrait, JobCollateral};
use crate::staking::interface::RegistryParams;
use crate::testing::setup::{START, STRK, owner, setup, stake_worker};

#[test]
fn stake_then_withdraw_after_cooldown() {
    let s = setup();
    stake_worker(s, 300 * STRK);
    assert_eq!(s.registry.stake_of(s.worker).staked, 300 * STRK);
    assert_eq!(s.registry.total_staked(), 300 * STRK);
    s.registry.request_unstake(100 * STRK);
    assert_eq!(s.registry.stake_of(s.worker).unstake_available_at, START + 86400);
    assert_eq!(s.registry.free_stake_of(s.worker), 200 * STRK);
    set_block_timestamp(START + 86400);
    assert_eq!(s.registry.withdraw(), 100 * STRK);
    assert_eq!(s.registry.stake_of(s.worker).staked, 200 * STRK);
    assert_eq!(s.token.balance_of(s.registry.contract_address), 200 * STRK);
    assert_eq!(s.token.balance_of(s.worker), 9_800 * STRK);
}

#[test]
#[should_panic(expected: ('Unstake cooldown not over', 'ENTRYPOINT_FAILED'))]
fn withdraw_before_cooldown_fails() {
    let s = setup();
    stake_worker(s, 300 * STRK);
    s.registry.request_unstake(100 * STRK);
    set_block_timestamp(START + 86399);
    s.registry.withdraw();
}

#[test]
#[should_panic(expected: ('Insufficient free stake', 'ENTRYPOINT_FAILED'))]
fn cannot_unstake_more_than_free() {
    let s = setup();
    stake_worker(s, 300 * STRK);
    s.registry.request_unstake(301 * STRK);
}

#[test]
fn eligibility_names_the_reason() {
    let s = setup();
    assert_eq!(s.registry.eligibility(s.worker, 0), 'Worker has no stake');
    set_contract_address(s.worker);
    s.token.approve(s.registry.contract_address, 1000 * STRK);
    s.registry.stake(50 * STRK);
    assert_eq!(s.registry.eligibility(s.worker, 0), 'Worker stake below minimum');
    s.registry.stake(250 * STRK);
    assert_eq!(s.registry.eligibility(s.worker, 0), 'Worker has no peer id');
    s.registry.bind_peer("12D3KooWTestPeer");
    assert_eq!(s.registry.eligibility(s.worker, 0), 0);
    assert_eq!(s.registry.eligibility(s.worker, 301 * STRK), 'Insufficient free stake');
    s.registry.request_unstake(10 * STRK);
    assert_eq!(s.registry.eligibility(s.worker, 0), 'Worker is unstaking');
    s.registry.cancel_unstake();
    assert_eq!(s.registry.eligibility(s.worker, 0), 0);
}

/// A later slash extends a suspension but never shortens it, even after the owner lowered
/// the suspension parameter.
#[test]
fn a_later_slash_never_shortens_a_suspension() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    set_contract_address(s.market.contract_address);
    s.registry.lock(s.worker, 10 * STRK, 1);
    s.registry.slash(s.worker, 5 * STRK, 1);
    assert_eq!(s.registry.stake_of(s.worker).suspended_until, START + 86400);
    set_contract_address(owner());
    s.registry.set_params(RegistryParams { min_stake: 100 * STRK, cooldown: 86400, suspension: 3600 });
    set_block_timestamp(START + 100);
    set_contract_address(s.market.contract_address);
    s.registry.slash(s.worker, 5 * STRK, 1);
    assert_eq!(s.registry.stake_of(s.worker).suspended_until, START + 86400);
    assert_eq!(s.registry.stake_of(s.worker).staked, 490 * STRK);
}

/// Locks and releases for several jobs move the worker's locked stake by their sum, as the
/// single calls would.
#[test]
fn lock_and_release_jobs_move_the_sum() {
    let s = setup();
    stake_worker(s, 300 * STRK);
    set_contract_address(s.market.contract_address);
    s
        .registry
        .lock_jobs(
            s.worker,
            array![
                JobCollateral { job_id: 1, amount: 100 * STRK },
                JobCollateral { job_id: 2, amount: 50 * STRK },
            ],
        );
    assert_eq!(s.registry.stake_of(s.worker).locked, 150 * STRK);
    assert_eq!(s.registry.free_stake_of(s.worker), 150 * STRK);
    s.registry.release_jobs(s.worker, array![JobCollateral { job_id: 2, amount: 50 * STRK }]);
    assert_eq!(s.registry.stake_of(s.worker).locked, 100 * STRK);
}

#[test]
#[should_panic(expected: ('Insufficient free stake', 'ENTRYPOINT_FAILED'))]
fn lock_jobs_refuses_more_than_free_stake_in_sum() {
    let s = setup();
    stake_worker(s, 300 * STRK);
    set_contract_address(s.market.contract_address);
    s
        .registry
        .lock_jobs(
            s.worker,
            array![
                JobCollateral { job_id: 1, amount: 200 * STRK },
                JobCollateral { job_id: 2, amount: 200 * STRK },
            ],
        );
}

#[test]
#[should_panic(expected: ('Insufficient locked collateral', 'ENTRYPOINT_FAILED'))]
fn release_jobs_refuses_more_than_locked() {
    let s = setup();
    stake_worker(s, 300 * STRK);
    set_contract_address(s.market.contract_address);
    s.registry.lock(s.worker, 100 * STRK, 1);
    s
        .registry
        .release_jobs(
            s.worker,
            array![
                JobCollateral { job_id: 1, amount: 100 * STRK },
                JobCollateral { job_id: 2, amount: 1 },
            ],
        );
}

#[test]
#[should_panic(expected: ('Caller is not the market', 'ENTRYPOINT_FAILED'))]
fn only_market_can_lock_jobs() {
    let s = setup();
    stake_worker(s, 300 * STRK);
    set_contract_address(s.worker);
    s.registry.lock_jobs(s.worker, array![JobCollateral { job_id: 1, amount: STRK }]);
}

#[test]
#[should_panic(expected: ('Caller is not the market', 'ENTRYPOINT_FAILED'))]
fn only_market_can_release_jobs() {
    let s = setup();
    set_contract_address(s.worker);
    s.registry.release_jobs(s.worker, array![JobCollateral { job_id: 1, amount: STRK }]);
}

#[test]
#[should_panic(expected: ('Amount must be positive', 'ENTRYPOINT_FAILED'))]
fn lock_jobs_refuses_a_zero_amount() {
    let s = setup();
    stake_worker(s, 300 * STRK);
    set_contract_address(s.market.contract_address);
    s.registry.lock_jobs(s.worker, array![JobCollateral { job_id: 1, amount: 0 }]);
}

#[test]
#[should_panic(expected: ('Batch is empty', 'ENTRYPOINT_FAILED'))]
fn lock_jobs_refuses_an_empty_batch() {
    let s = setup();
    set_contract_address(s.market.contract_address);
    s.registry.lock_jobs(s.worker, array![]);
}
