//! Plain `assert(a == b, '<file>:<line>')` rather than `assert_eq!`: a failure names the line
//! of the check (written when these tests ran on wasm-cairo, whose 4 GiB of memory the macro's
//! Debug formatting exhausted; the native runner has no such limit).
//!
//! Flow tests: each walks one branch of a job's life through the real contracts, and the
//! attacks the security review (issue 17) found, each now refused.
use starknet::testing::{set_block_timestamp, set_contract_address};
use crate::common::erc20::IERC20DispatcherTrait;
use crate::market::interface::{IJobMarketDispatcherTrait, JobStatus, MarketParams};
use crate::market::job_market::JobMarket::TIMELOCK;
use crate::market::packing::{JobAmounts, JobClock, JobTerms, MAX_BUDGET, ParamTerms};
use starknet::storage_access::StorePacking;
use crate::reputation::interface::IReputationDispatcherTrait;
use crate::staking::interface::IStakingRegistryDispatcherTrait;
use crate::testing::setup::{
    START, STRK, Setup, arbiter, award, consent, market_params, owner, poster, setup, stake_worker,
    stranger, treasury,
};

fn open_job(s: Setup, budget: u256, max_attempts: u8) -> u64 {
    set_contract_address(poster());
    s.token.approve(s.market.contract_address, budget);
    s.market.create_job(budget, 'manifest', 3600, max_attempts)
}

fn award_and_accept(s: Setup, job_id: u64, price: u256) {
    award(s, job_id, price);
    set_contract_address(s.worker);
    s.market.accept_job(job_id);
}

/// The poster disputes a submitted job, paying the 10% bond (8 STRK on a price of 80).
fn dispute(s: Setup, job_id: u64) {
    set_contract_address(poster());
    s.token.approve(s.market.contract_address, 8 * STRK);
    s.market.dispute(job_id, 'wrong output', 'output hash');
}

/// A job awarded at 80 STRK, accepted and submitted, then disputed by the poster.
fn disputed_job(s: Setup) -> u64 {
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    award_and_accept(s, job_id, 80 * STRK);
    s.market.submit_result(job_id, 'commitment');
    dispute(s, job_id);
    job_id
}

/// The owner's harshest allowed rates: a 20% fee and the whole collateral slashed.
fn harsh_params() -> MarketParams {
    let mut p = market_params();
    p.fee_bps = 2_000;
    p.slash_bps = 10_000;
    p
}

/// Branch: create -> award -> accept -> submit -> confirm. Covers payout, fee, refund of the
/// unspent budget, collateral release, reputation, and the exact events.
#[test]
fn happy_path_pays_worker_fee_and_refund() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    award_and_accept(s, job_id, 80 * STRK);
    assert(s.registry.stake_of(s.worker).locked == 40 * STRK, 'market/tests.cairo:63');
    s.market.submit_result(job_id, 'commitment');
    set_contract_address(poster());
    s.market.confirm(job_id);
    assert(s.market.job(job_id).status == JobStatus::Completed, 'market/tests.cairo:67');
    assert(s.token.balance_of(s.worker) == 9_500 * STRK + 78 * STRK, 'market/tests.cairo:68');
    assert(s.token.balance_of(poster()) == 9_920 * STRK, 'market/tests.cairo:69');
    assert(s.market.fees_accrued() == 2 * STRK, 'market/tests.cairo:70');
    assert(s.market.escrowed() == 0, 'market/tests.cairo:71');
    assert(s.registry.stake_of(s.worker).locked == 0, 'market/tests.cairo:72');
    assert(s.reputation.reputation_of(s.worker).completed == 1, 'market/tests.cairo:73');
    set_contract_address(treasury());
    assert(s.market.collect_fees() == 2 * STRK, 'market/tests.cairo:75');
    assert(s.token.balance_of(treasury()) == 2 * STRK, 'market/tests.cairo:76');
}

/// Branch: accept -> deadline missed -> expire (by anyone) -> reopened with escrow intact;
/// the late worker loses exactly slash_bps of its collateral and is suspended.
#[test]
fn missed_deadline_slashes_and_reopens() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 2);
    award_and_accept(s, job_id, 80 * STRK);
    set_block_timestamp(START + 3601);
    set_contract_address(stranger());
    s.market.expire(job_id);
    let job = s.market.job(job_id);
    assert(job.status == JobStatus::Open, 'market/tests.cairo:91');
    assert(job.attempts == 1, 'market/tests.cairo:92');
    assert(s.market.escrowed() == 100 * STRK, 'market/tests.cairo:93');
    assert(s.token.balance_of(s.market.contract_address) == 100 * STRK + 20 * STRK, 'market/tests.cairo:94');
    let stake = s.registry.stake_of(s.worker);
    assert(stake.staked == 480 * STRK, 'market/tests.cairo:96');
    assert(stake.locked == 0, 'market/tests.cairo:97');
    assert(s.registry.eligibility(s.worker, 0) == 'Worker is suspended', 'market/tests.cairo:98');
    assert(s.reputation.reputation_of(s.worker).slashed == 1, 'market/tests.cairo:99');
}

/// Branch: the last attempt expires -> the poster is refunded in full.
#[test]
fn last_attempt_expiry_refunds_poster() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    award(s, job_id, 80 * STRK);
    set_block_timestamp(START + 601);
    s.market.expire(job_id);
    assert(s.market.job(job_id).status == JobStatus::Expired, 'market/tests.cairo:111');
    assert(s.token.balance_of(poster()) == 10_000 * STRK, 'market/tests.cairo:112');
    assert(s.reputation.reputation_of(s.worker).failed == 1, 'market/tests.cairo:113');
}

#[test]
#[should_panic(expected: ('Caller is not the poster', 'ENTRYPOINT_FAILED'))]
fn only_poster_can_award() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    let signature = consent(s, job_id, 80 * STRK, START + 3600);
    set_contract_address(stranger());
    s.market.award_job(job_id, s.worker, 80 * STRK, START + 3600, signature);
}

#[test]
#[should_panic(expected: ('Worker is suspended', 'ENTRYPOINT_FAILED'))]
fn slashed_worker_cannot_be_awarded() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 2);
    award_and_accept(s, job_id, 80 * STRK);
    set_block_timestamp(START + 3601);
    s.market.expire(job_id);
    award(s, job_id, 80 * STRK);
}

/// Branch: dispute -> resolve for the poster: full refund, collateral slashed.
#[test]
fn dispute_lost_by_worker_refunds_and_slashes() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    award_and_accept(s, job_id, 80 * STRK);
    s.market.submit_result(job_id, 'commitment');
    dispute(s, job_id);
    assert(s.token.balance_of(poster()) == 9_900 * STRK - 8 * STRK, 'market/tests.cairo:148');
    set_contract_address(arbiter());
    s.market.resolve(job_id, false);
    assert(s.market.job(job_id).status == JobStatus::Resolved, 'market/tests.cairo:151');
    // Budget and bond back.
    assert(s.token.balance_of(poster()) == 10_000 * STRK, 'market/tests.cairo:153');
    assert(s.market.escrowed() == 0, 'market/tests.cairo:154');
    assert(s.registry.stake_of(s.worker).staked == 480 * STRK, 'market/tests.cairo:155');
    assert(s.market.fees_accrued() == 20 * STRK, 'market/tests.cairo:156');
}

/// An award the worker never signed for: refused.
#[test]
#[should_panic(expected: ('Award consent not valid', 'ENTRYPOINT_FAILED'))]
fn unsolicited_award_reverts() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    set_contract_address(poster());
    s.market.award_job(job_id, s.worker, 80 * STRK, START + 3600, array![]);
}

/// A consent past its expiry: refused even with a valid signature.
#[test]
#[should_panic(expected: ('Award consent expired', 'ENTRYPOINT_FAILED'))]
fn expired_consent_reverts() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    let signature = consent(s, job_id, 80 * STRK, START + 60);
    set_block_timestamp(START + 61);
    set_contract_address(poster());
    s.market.award_job(job_id, s.worker, 80 * STRK, START + 60, signature);
}

/// The worker agreed to 80; the poster cannot award it at 90 (nor at 70) with that signature.
#[test]
#[should_panic(expected: ('Award consent not valid', 'ENTRYPOINT_FAILED'))]
fn consent_for_another_price_reverts() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    let signature = consent(s, job_id, 80 * STRK, START + 3600);
    set_contract_address(poster());
    s.market.award_job(job_id, s.worker, 90 * STRK, START + 3600, signature);
}

/// The expiry is part of what was signed: stretching it invalidates the consent.
#[test]
#[should_panic(expected: ('Award consent not valid', 'ENTRYPOINT_FAILED'))]
fn consent_with_a_stretched_expiry_reverts() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    let signature = consent(s, job_id, 80 * STRK, START + 60);
    set_contract_address(poster());
    s.market.award_job(job_id, s.worker, 80 * STRK, START + 3600, signature);
}

/// A consent used once cannot be replayed on the job's next attempt: after the award expires
/// and the job reopens, the same signature no longer matches (the attempt is signed).
#[test]
#[should_panic(expected: ('Award consent not valid', 'ENTRYPOINT_FAILED'))]
fn consent_replayed_on_another_attempt_reverts() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 3);
    let signature = consent(s, job_id, 80 * STRK, START + 3600);
    set_contract_address(poster());
    s.market.award_job(job_id, s.worker, 80 * STRK, START + 3600, signature.clone());
    set_block_timestamp(START + 601);
    s.market.expire(job_id);
    assert(s.market.job(job_id).status == JobStatus::Open, 'market/tests.cairo:220');
    s.market.award_job(job_id, s.worker, 80 * STRK, START + 3600, signature);
}

/// A consented award records the attempt it was signed for.
#[test]
fn consented_award_names_the_signed_attempt() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 2);
    award(s, job_id, 80 * STRK);
    let job = s.market.job(job_id);
    assert(job.status == JobStatus::Awarded, 'market/tests.cairo:232');
    assert(job.attempts == 1, 'market/tests.cairo:233');
    assert(job.price == 80 * STRK, 'market/tests.cairo:234');
    assert(job.worker == s.worker, 'market/tests.cairo:235');
}

/// Issue 17, medium: raising the fee after a worker submitted changes nothing for that job,
/// even once the new rates are in effect; they apply to awards made from then on.
#[test]
fn live_job_settles_at_the_rates_it_was_awarded_with() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    award_and_accept(s, job_id, 80 * STRK);
    s.market.submit_result(job_id, 'commitment');
    set_contract_address(owner());
    s.market.set_params(harsh_params());
    assert(s.market.params().fee_bps == 250, 'market/tests.cairo:249');
    let (next, at) = s.market.pending_params();
    assert(next.fee_bps == 2_000, 'market/tests.cairo:251');
    assert(at == START + TIMELOCK, 'market/tests.cairo:252');
    set_block_timestamp(START + TIMELOCK);
    assert(s.market.params().fee_bps == 2_000, 'market/tests.cairo:254');
    set_contract_address(poster());
    s.market.confirm(job_id);
    // 2.5% of 80, the fee the job was awarded with, not 20%.
    assert(s.market.fees_accrued() == 2 * STRK, 'market/tests.cairo:258');
    assert(s.token.balance_of(s.worker) == 9_500 * STRK + 78 * STRK, 'market/tests.cairo:259');
    let later = open_job(s, 100 * STRK, 1);
    award(s, later, 80 * STRK);
    let job = s.market.job(later);
    assert(job.fee_bps == 2_000, 'market/tests.cairo:263');
    assert(job.slash_bps == 10_000, 'market/tests.cairo:264');
}

/// Issue 17, medium: raising the slash to 100% while a job is accepted still slashes the
/// late worker only the 50% it accepted.
#[test]
fn missed_deadline_slashes_at_the_awarded_rate() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    award_and_accept(s, job_id, 80 * STRK);
    set_contract_address(owner());
    s.market.set_params(harsh_params());
    set_block_timestamp(START + TIMELOCK);
    set_contract_address(stranger());
    s.market.expire(job_id);
    assert(s.registry.stake_of(s.worker).staked == 480 * STRK, 'market/tests.cairo:280');
    assert(s.market.fees_accrued() == 20 * STRK, 'market/tests.cairo:281');
}

/// A new arbiter cannot act before the timelock is over.
#[test]
#[should_panic(expected: ('Caller is not the arbiter', 'ENTRYPOINT_FAILED'))]
fn new_arbiter_waits_for_the_timelock() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    award_and_accept(s, job_id, 80 * STRK);
    s.market.submit_result(job_id, 'commitment');
    set_contract_address(owner());
    s.market.set_arbiter(stranger());
    assert(s.market.arbiter() == arbiter(), 'market/tests.cairo:295');
    dispute(s, job_id);
    set_block_timestamp(START + TIMELOCK - 1);
    set_contract_address(stranger());
    s.market.resolve(job_id, false);
}

/// Issue 17, medium: a dispute costs the poster a bond, names its arbiter and its deadline,
/// and carries the evidence.
#[test]
fn dispute_takes_a_bond_and_fixes_arbiter_and_deadline() {
    let s = setup();
    let job_id = disputed_job(s);
    let job = s.market.job(job_id);
    assert(job.status == JobStatus::Disputed, 'market/tests.cairo:309');
    assert(job.dispute_bond == 8 * STRK, 'market/tests.cairo:310');
    assert(job.arbiter == arbiter(), 'market/tests.cairo:311');
    assert(job.resolve_by == START + 3 * 86400, 'market/tests.cairo:312');
    assert(s.market.escrowed() == 108 * STRK, 'market/tests.cairo:313');
    assert(s.token.balance_of(s.market.contract_address) == 108 * STRK, 'market/tests.cairo:314');
}

/// Issue 17, medium: past its deadline a dispute settles by default for the worker, and the
/// poster's bond moves to the worker; anyone may finalise it.
#[test]
fn dispute_past_its_deadline_settles_for_the_worker_with_the_bond() {
    let s = setup();
    let job_id = disputed_job(s);
    set_block_timestamp(START + 3 * 86400 + 1);
    set_contract_address(stranger());
    s.market.finalize_dispute(job_id);
    assert(s.market.job(job_id).status == JobStatus::Resolved, 'market/tests.cairo:326');
    // 80 less the 2.5% fee, plus the 8 STRK bond.
    assert(s.token.balance_of(s.worker) == 9_500 * STRK + 78 * STRK + 8 * STRK, 'market/tests.cairo:328');
    assert(s.token.balance_of(poster()) == 9_900 * STRK + 20 * STRK - 8 * STRK, 'market/tests.cairo:329');
    assert(s.market.escrowed() == 0, 'market/tests.cairo:330');
    assert(s.token.balance_of(s.market.contract_address) == 2 * STRK, 'market/tests.cairo:331');
    assert(s.registry.stake_of(s.worker).locked == 0, 'market/tests.cairo:332');
}

#[test]
#[should_panic(expected: ('Resolution window still open', 'ENTRYPOINT_FAILED'))]
fn dispute_cannot_be_finalised_before_its_deadline() {
    let s = setup();
    let job_id = disputed_job(s);
    set_block_timestamp(START + 3 * 86400);
    set_contract_address(stranger());
    s.market.finalize_dispute(job_id);
}

#[test]
#[should_panic(expected: ('Resolution window is over', 'ENTRYPOINT_FAILED'))]
fn arbiter_cannot_rule_after_the_deadline() {
    let s = setup();
    let job_id = disputed_job(s);
    set_block_timestamp(START + 3 * 86400 + 1);
    set_contract_address(arbiter());
    s.market.resolve(job_id, false);
}

/// Replacing the arbiter does not move a dispute already opened: the arbiter it was opened
/// under still rules on it after the new one takes office.
#[test]
fn a_dispute_keeps_its_arbiter_when_the_arbiter_changes() {
    let s = setup();
    let job_id = disputed_job(s);
    set_contract_address(owner());
    s.market.set_arbiter(stranger());
    set_block_timestamp(START + TIMELOCK);
    assert(s.market.arbiter() == stranger(), 'market/tests.cairo:364');
    set_contract_address(arbiter());
    s.market.resolve(job_id, true);
    assert(s.market.job(job_id).status == JobStatus::Resolved, 'market/tests.cairo:367');
}

/// Issue 17, medium: dust jobs cannot farm reputation; an award must name at least the
/// minimum price.
#[test]
#[should_panic(expected: ('Price below minimum', 'ENTRYPOINT_FAILED'))]
fn award_below_the_minimum_price_reverts() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    award(s, job_id, 39);
}

/// Eligibility is checked again at accept: a worker that started unstaking after its award
/// cannot start the job.
#[test]
#[should_panic(expected: ('Worker is unstaking', 'ENTRYPOINT_FAILED'))]
fn accept_rechecks_eligibility() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let job_id = open_job(s, 100 * STRK, 1);
    award(s, job_id, 80 * STRK);
    set_contract_address(s.worker);
    s.registry.request_unstake(10 * STRK);
    s.market.accept_job(job_id);
}

/// Issue 17, medium: the market credits a completion by the fee it paid, in units of the
/// minimum price: one for a job at the minimum price, the cap of ten for an 80 STRK job (2 STRK
/// of fee), whether confirmed by the poster or claimed by the worker.
#[test]
fn a_completion_is_credited_by_the_fee_it_paid() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let small = open_job(s, STRK, 1);
    award_and_accept(s, small, market_params().min_price);
    s.market.submit_result(small, 'commitment');
    set_contract_address(poster());
    s.market.confirm(small);
    let rep = s.reputation.reputation_of(s.worker);
    assert(rep.completed == 1 && rep.credits == 1, 'market/tests.cairo:credit small');
    let large = open_job(s, 100 * STRK, 1);
    award_and_accept(s, large, 80 * STRK);
    s.market.submit_result(large, 'commitment');
    set_block_timestamp(START + 3601);
    s.market.claim(large);
    let rep = s.reputation.reputation_of(s.worker);
    assert(rep.completed == 2, 'market/tests.cairo:completed');
    assert(rep.credits == 1 + crate::reputation::reputation::JOB_CREDIT, 'market/tests.cairo:credit');
}

/// Storage packing: every field at its widest comes back unchanged, and so does a zero one, so no
/// field spills into its neighbour.
#[test]
fn packed_job_slots_round_trip_at_their_bounds() {
    let wide = JobTerms {
        status: JobStatus::Expired,
        max_attempts: 255,
        attempts: 255,
        fee_bps: 65535,
        slash_bps: 65535,
        dispute_bond_bps: 65535,
        collateral_bps: 65535,
        exec_duration: 30 * 86400,
        created_at: 0xffffffffffffffff,
        review_window: 0xffffffff,
        resolution_window: 30 * 86400,
    };
    assert(StorePacking::unpack(StorePacking::pack(wide)) == wide, 'market/tests.cairo:terms');
    let narrow = JobTerms {
        status: JobStatus::Open,
        max_attempts: 1,
        attempts: 0,
        fee_bps: 0,
        slash_bps: 1,
        dispute_bond_bps: 0,
        collateral_bps: 1,
        exec_duration: 0,
        created_at: 1,
        review_window: 0,
        resolution_window: 1,
    };
    assert(StorePacking::unpack(StorePacking::pack(narrow)) == narrow, 'market/tests.cairo:terms0');
    let clock = JobClock {
        accept_by: 0xffffffffffffffff, deadline: 1, review_until: 0xfffffffffffffffe,
    };
    assert(StorePacking::unpack(StorePacking::pack(clock)) == clock, 'market/tests.cairo:clock');
    let top: u128 = (MAX_BUDGET - 1).low;
    let amounts = JobAmounts { budget: top, price: top };
    assert(StorePacking::unpack(StorePacking::pack(amounts)) == amounts, 'market/tests.cairo:amounts');
    let params = ParamTerms {
        fee_bps: 2000,
        collateral_bps: 50000,
        slash_bps: 10000,
        dispute_bond_bps: 10000,
        accept_window: 0xffffffff,
        review_window: 0xffffffff,
        max_exec_duration: 0xffffffff,
        resolution_window: 0xffffffff,
    };
    assert(StorePacking::unpack(StorePacking::pack(params)) == params, 'market/tests.cairo:params');
}

/// A window too long for its 32 bits is refused, never wrapped into the next field.
#[test]
#[should_panic(expected: ('Window does not fit 32 bits',))]
fn packing_refuses_a_window_past_32_bits() {
    let terms = JobTerms {
        status: JobStatus::Open,
        max_attempts: 1,
        attempts: 0,
        fee_bps: 0,
        slash_bps: 0,
        dispute_bond_bps: 0,
        collateral_bps: 0,
        exec_duration: 0x100000000,
        created_at: 0,
        review_window: 0,
        resolution_window: 0,
    };
    let _packed: felt252 = StorePacking::pack(terms);
}

/// A budget at 2^123 is refused at creation (the market keeps budget and price in one felt).
#[test]
#[should_panic(expected: ('Budget too large', 'ENTRYPOINT_FAILED'))]
fn budget_at_2_pow_123_is_refused() {
    let s = setup();
    set_contract_address(poster());
    s.market.create_job(MAX_BUDGET, 'manifest', 600, 1);
}
