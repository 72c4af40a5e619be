//! The batch entry points (create_jobs, award_jobs, accept_jobs, submit_results, confirm_jobs,
//! claim_jobs): each leaves
//! every party where the single calls one after another would, sharing the escrow transfer,
//! the eligibility check, the stake lock, the payments and the reputation record; each refuses
//! what the single call refuses, an empty batch, and a job named twice.
use starknet::testing::{set_block_timestamp, set_contract_address};
use crate::common::erc20::IERC20DispatcherTrait;
use crate::market::interface::{Award, IJobMarketDispatcherTrait, JobResult, JobSpec, JobStatus};
use crate::market::job_market::JobMarket;
use crate::reputation::interface::IReputationDispatcherTrait;
use crate::staking::interface::IStakingRegistryDispatcherTrait;
use crate::testing::setup::{
    START, STRK, Setup, award, consent, drain_events, poster, second_worker, setup, stake_worker,
    stranger,
};

fn open_job(s: Setup, budget: u256) -> u64 {
    set_contract_address(poster());
    s.token.approve(s.market.contract_address, budget);
    s.market.create_job(budget, 'manifest', 3600, 1)
}

fn spec(budget: u256) -> JobSpec {
    JobSpec { budget, manifest_hash: 'manifest', exec_duration: 3600, max_attempts: 1 }
}

/// Two jobs awarded to `s.worker` at 80 STRK each (budgets 100), accepted in one batch and
/// submitted.
fn two_submitted(s: Setup) -> (u64, u64) {
    stake_worker(s, 500 * STRK);
    let a = open_job(s, 100 * STRK);
    let b = open_job(s, 100 * STRK);
    award(s, a, 80 * STRK);
    award(s, b, 80 * STRK);
    set_contract_address(s.worker);
    s.market.accept_jobs(array![a, b]);
    s.market.submit_result(a, 'commitment a');
    s.market.submit_result(b, 'commitment b');
    (a, b)
}

/// `s.worker`'s award of `job_id` at `price`, with its consent.
fn award_of(s: Setup, job_id: u64, price: u256) -> Award {
    let consent_expiry = START + 3600;
    let consent_signature = consent(s, job_id, price, consent_expiry);
    Award { job_id, worker: s.worker, price, consent_expiry, consent_signature }
}

/// One transfer escrows the sum; each job is opened as `create_job` would, with its event.
#[test]
fn create_jobs_escrows_the_sum() {
    let s = setup();
    set_contract_address(poster());
    s.token.approve(s.market.contract_address, 300 * STRK);
    drain_events(s.market.contract_address);
    let ids = s.market.create_jobs(array![spec(100 * STRK), spec(200 * STRK)]);
    assert(ids == array![1, 2], 'market/batch_tests.cairo:57');
    assert(s.market.job_count() == 2, 'market/batch_tests.cairo:58');
    assert(s.market.escrowed() == 300 * STRK, 'market/batch_tests.cairo:59');
    assert(s.token.balance_of(poster()) == 9_700 * STRK, 'market/batch_tests.cairo:60');
    assert(s.token.balance_of(s.market.contract_address) == 300 * STRK, 'market/batch_tests.cairo:61');
    let job = s.market.job(2);
    assert(job.status == JobStatus::Open, 'market/batch_tests.cairo:63');
    assert(job.budget == 200 * STRK, 'market/batch_tests.cairo:64');
    assert(job.poster == poster(), 'market/batch_tests.cairo:65');
    assert(job.created_at == START, 'market/batch_tests.cairo:66');
    let mut expected = array![(1_u64, 100 * STRK), (2, 200 * STRK)].span();
    loop {
        match expected.pop_front() {
            Option::Some((
                job_id, budget,
            )) => {
                let event = starknet::testing::pop_log::<
                    JobMarket::Event,
                >(s.market.contract_address)
                    .unwrap();
                let want = JobMarket::Event::JobCreated(
                    crate::market::events::JobCreated {
                        job_id: *job_id,
                        poster: poster(),
                        budget: *budget,
                        manifest_hash: 'manifest',
                        exec_duration: 3600,
                        max_attempts: 1,
                    },
                );
                assert(event == want, 'market/batch_tests.cairo:87');
            },
            Option::None => { break; },
        }
    };
    assert(starknet::testing::pop_log_raw(s.market.contract_address).is_none(), 'market/batch_tests.cairo:92');
}

#[test]
#[should_panic(expected: ('Batch is empty', 'ENTRYPOINT_FAILED'))]
fn create_jobs_refuses_an_empty_batch() {
    let s = setup();
    set_contract_address(poster());
    s.market.create_jobs(array![]);
}

/// One bad job refuses the whole batch, with that job's reason.
#[test]
#[should_panic(expected: ('Budget must be positive', 'ENTRYPOINT_FAILED'))]
fn create_jobs_refuses_a_bad_job() {
    let s = setup();
    set_contract_address(poster());
    s.token.approve(s.market.contract_address, 100 * STRK);
    s.market.create_jobs(array![spec(100 * STRK), spec(0)]);
}

#[test]
#[should_panic(expected: ('Max attempts out of range', 'ENTRYPOINT_FAILED'))]
fn create_jobs_refuses_bad_attempts() {
    let s = setup();
    set_contract_address(poster());
    s.token.approve(s.market.contract_address, 100 * STRK);
    s
        .market
        .create_jobs(
            array![JobSpec { budget: STRK, manifest_hash: 'manifest', exec_duration: 60, max_attempts: 11 }],
        );
}

/// An allowance for one budget does not cover the sum.
#[test]
#[should_panic]
fn create_jobs_needs_an_allowance_for_the_sum() {
    let s = setup();
    set_contract_address(poster());
    s.token.approve(s.market.contract_address, 100 * STRK);
    s.market.create_jobs(array![spec(100 * STRK), spec(100 * STRK)]);
}

/// Both jobs accepted, their collaterals locked together.
#[test]
fn accept_jobs_locks_the_sum() {
    let s = setup();
    let (a, b) = two_submitted(s);
    assert(s.market.job(a).status == JobStatus::Submitted, 'market/batch_tests.cairo:141');
    assert(s.market.job(b).deadline == START + 3600, 'market/batch_tests.cairo:142');
    assert(s.registry.stake_of(s.worker).locked == 80 * STRK, 'market/batch_tests.cairo:143');
}

/// Free stake for each collateral alone is not enough: accepting both one after another
/// would fail at the second, and so does the batch.
#[test]
#[should_panic(expected: ('Insufficient free stake', 'ENTRYPOINT_FAILED'))]
fn accept_jobs_needs_free_stake_for_the_sum() {
    let s = setup();
    stake_worker(s, 100 * STRK);
    let a = open_job(s, 120 * STRK);
    let b = open_job(s, 120 * STRK);
    award(s, a, 120 * STRK);
    award(s, b, 120 * STRK);
    set_contract_address(s.worker);
    s.market.accept_jobs(array![a, b]);
}

#[test]
#[should_panic(expected: ('Caller is not the worker', 'ENTRYPOINT_FAILED'))]
fn accept_jobs_refuses_another_caller() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let a = open_job(s, 100 * STRK);
    award(s, a, 80 * STRK);
    set_contract_address(stranger());
    s.market.accept_jobs(array![a]);
}

/// The same job twice: the second sees it accepted already.
#[test]
#[should_panic(expected: ('Job is not awarded', 'ENTRYPOINT_FAILED'))]
fn accept_jobs_refuses_a_repeated_job() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let a = open_job(s, 100 * STRK);
    award(s, a, 80 * STRK);
    set_contract_address(s.worker);
    s.market.accept_jobs(array![a, a]);
}

#[test]
#[should_panic(expected: ('Batch is empty', 'ENTRYPOINT_FAILED'))]
fn accept_jobs_refuses_an_empty_batch() {
    let s = setup();
    set_contract_address(s.worker);
    s.market.accept_jobs(array![]);
}

#[test]
#[should_panic(expected: ('Unknown job', 'ENTRYPOINT_FAILED'))]
fn accept_jobs_refuses_an_unknown_job() {
    let s = setup();
    set_contract_address(s.worker);
    s.market.accept_jobs(array![42]);
}

/// Two workers, three jobs: every party ends where three single confirms would leave it.
#[test]
fn confirm_jobs_pays_each_party_as_one_by_one() {
    let s = setup();
    let (a, b) = two_submitted(s);
    let w2 = second_worker(s);
    stake_worker(w2, 500 * STRK);
    let c = open_job(w2, 100 * STRK);
    award(w2, c, 60 * STRK);
    set_contract_address(w2.worker);
    s.market.accept_job(c);
    s.market.submit_result(c, 'commitment c');
    set_contract_address(poster());
    s.market.confirm_jobs(array![a, c, b]);
    assert(s.market.job(a).status == JobStatus::Completed, 'market/batch_tests.cairo:214');
    assert(s.market.job(b).status == JobStatus::Completed, 'market/batch_tests.cairo:215');
    assert(s.market.job(c).status == JobStatus::Completed, 'market/batch_tests.cairo:216');
    // Fees at 2.5%: 2 + 2 + 1.5 STRK; payouts 78, 78 and 58.5; refunds 20, 20 and 40.
    assert(s.token.balance_of(s.worker) == 9_500 * STRK + 156 * STRK, 'market/batch_tests.cairo:218');
    assert(s.token.balance_of(w2.worker) == 9_500 * STRK + 585 * STRK / 10, 'market/batch_tests.cairo:219');
    assert(s.token.balance_of(poster()) == 9_700 * STRK + 80 * STRK, 'market/batch_tests.cairo:220');
    assert(s.market.fees_accrued() == 55 * STRK / 10, 'market/batch_tests.cairo:221');
    assert(s.market.escrowed() == 0, 'market/batch_tests.cairo:222');
    assert(
        s.token.balance_of(s.market.contract_address) == 55 * STRK / 10, 'market/batch_tests.cairo:224',
    );
    assert(s.registry.stake_of(s.worker).locked == 0, 'market/batch_tests.cairo:226');
    assert(s.registry.stake_of(w2.worker).locked == 0, 'market/batch_tests.cairo:227');
    let r = s.reputation.reputation_of(s.worker);
    assert(r.completed == 2 && r.posters == 1, 'market/batch_tests.cairo:229');
    assert(s.reputation.reputation_of(w2.worker).completed == 1, 'market/batch_tests.cairo:230');
}

#[test]
#[should_panic(expected: ('Caller is not the poster', 'ENTRYPOINT_FAILED'))]
fn confirm_jobs_refuses_another_caller() {
    let s = setup();
    let (a, b) = two_submitted(s);
    set_contract_address(stranger());
    s.market.confirm_jobs(array![a, b]);
}

#[test]
#[should_panic(expected: ('Job is not submitted', 'ENTRYPOINT_FAILED'))]
fn confirm_jobs_refuses_a_repeated_job() {
    let s = setup();
    let (a, _) = two_submitted(s);
    set_contract_address(poster());
    s.market.confirm_jobs(array![a, a]);
}

#[test]
#[should_panic(expected: ('Batch is empty', 'ENTRYPOINT_FAILED'))]
fn confirm_jobs_refuses_an_empty_batch() {
    let s = setup();
    set_contract_address(poster());
    s.market.confirm_jobs(array![]);
}

/// After the review window the worker claims both; the poster's silence confirmed them.
#[test]
fn claim_jobs_settles_after_the_review_window() {
    let s = setup();
    let (a, b) = two_submitted(s);
    set_block_timestamp(START + 3601);
    set_contract_address(s.worker);
    s.market.claim_jobs(array![b, a]);
    assert(s.market.job(a).status == JobStatus::Completed, 'market/batch_tests.cairo:267');
    assert(s.token.balance_of(s.worker) == 9_500 * STRK + 156 * STRK, 'market/batch_tests.cairo:268');
    assert(s.token.balance_of(poster()) == 9_840 * STRK, 'market/batch_tests.cairo:269');
    assert(s.market.escrowed() == 0, 'market/batch_tests.cairo:270');
    assert(s.reputation.reputation_of(s.worker).completed == 2, 'market/batch_tests.cairo:271');
}

#[test]
#[should_panic(expected: ('Review window still open', 'ENTRYPOINT_FAILED'))]
fn claim_jobs_refuses_within_the_review_window() {
    let s = setup();
    let (a, b) = two_submitted(s);
    set_contract_address(s.worker);
    s.market.claim_jobs(array![a, b]);
}

#[test]
#[should_panic(expected: ('Caller is not the worker', 'ENTRYPOINT_FAILED'))]
fn claim_jobs_refuses_another_caller() {
    let s = setup();
    let (a, b) = two_submitted(s);
    set_block_timestamp(START + 3601);
    set_contract_address(poster());
    s.market.claim_jobs(array![a, b]);
}

/// Two workers, each with its own consent: every job awarded as `award_job` would.
#[test]
fn award_jobs_awards_each_job() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let w2 = second_worker(s);
    stake_worker(w2, 500 * STRK);
    let a = open_job(s, 100 * STRK);
    let b = open_job(s, 100 * STRK);
    let c = open_job(s, 100 * STRK);
    let awards = array![award_of(s, a, 80 * STRK), award_of(w2, b, 60 * STRK), award_of(s, c, 70 * STRK)];
    set_contract_address(poster());
    s.market.award_jobs(awards);
    let job = s.market.job(b);
    assert(job.status == JobStatus::Awarded, 'market/batch_tests.cairo:307');
    assert(job.worker == w2.worker, 'market/batch_tests.cairo:308');
    assert(job.price == 60 * STRK, 'market/batch_tests.cairo:309');
    assert(job.attempts == 1, 'market/batch_tests.cairo:310');
    assert(job.accept_by == START + 600, 'market/batch_tests.cairo:311');
    assert(s.market.job(c).worker == s.worker, 'market/batch_tests.cairo:312');
    assert(s.market.job(a).collateral == 40 * STRK, 'market/batch_tests.cairo:313');
}

#[test]
#[should_panic(expected: ('Award consent not valid', 'ENTRYPOINT_FAILED'))]
fn award_jobs_refuses_a_consent_to_another_price() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let a = open_job(s, 100 * STRK);
    let b = open_job(s, 100 * STRK);
    let mut wrong = award_of(s, b, 80 * STRK);
    wrong.price = 90 * STRK;
    let awards = array![award_of(s, a, 80 * STRK), wrong];
    set_contract_address(poster());
    s.market.award_jobs(awards);
}

#[test]
#[should_panic(expected: ('Caller is not the poster', 'ENTRYPOINT_FAILED'))]
fn award_jobs_refuses_another_caller() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let a = open_job(s, 100 * STRK);
    let awards = array![award_of(s, a, 80 * STRK)];
    set_contract_address(stranger());
    s.market.award_jobs(awards);
}

/// Eligibility is checked once per worker, for its largest award: too large a one is refused.
#[test]
#[should_panic(expected: ('Insufficient free stake', 'ENTRYPOINT_FAILED'))]
fn award_jobs_refuses_an_award_beyond_free_stake() {
    let s = setup();
    stake_worker(s, 100 * STRK);
    let a = open_job(s, 300 * STRK);
    let b = open_job(s, 300 * STRK);
    let awards = array![award_of(s, a, 20 * STRK), award_of(s, b, 240 * STRK)];
    set_contract_address(poster());
    s.market.award_jobs(awards);
}

#[test]
#[should_panic(expected: ('Job is not open', 'ENTRYPOINT_FAILED'))]
fn award_jobs_refuses_a_repeated_job() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let a = open_job(s, 100 * STRK);
    let awards = array![award_of(s, a, 80 * STRK), award_of(s, a, 80 * STRK)];
    set_contract_address(poster());
    s.market.award_jobs(awards);
}

#[test]
#[should_panic(expected: ('Batch is empty', 'ENTRYPOINT_FAILED'))]
fn award_jobs_refuses_an_empty_batch() {
    let s = setup();
    set_contract_address(poster());
    s.market.award_jobs(array![]);
}

#[test]
fn submit_results_submits_each_job() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let a = open_job(s, 100 * STRK);
    let b = open_job(s, 100 * STRK);
    award(s, a, 80 * STRK);
    award(s, b, 80 * STRK);
    set_contract_address(s.worker);
    s.market.accept_jobs(array![a, b]);
    s
        .market
        .submit_results(
            array![JobResult { job_id: b, commitment: 'b' }, JobResult { job_id: a, commitment: 'a' }],
        );
    let job = s.market.job(a);
    assert(job.status == JobStatus::Submitted, 'market/batch_tests.cairo:389');
    assert(job.commitment == 'a', 'market/batch_tests.cairo:390');
    assert(job.review_until == START + 3600, 'market/batch_tests.cairo:391');
    assert(s.market.job(b).commitment == 'b', 'market/batch_tests.cairo:392');
}

#[test]
#[should_panic(expected: ('Commitment must not be zero', 'ENTRYPOINT_FAILED'))]
fn submit_results_refuses_a_zero_commitment() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let a = open_job(s, 100 * STRK);
    award(s, a, 80 * STRK);
    set_contract_address(s.worker);
    s.market.accept_job(a);
    s.market.submit_results(array![JobResult { job_id: a, commitment: 0 }]);
}

#[test]
#[should_panic(expected: ('Caller is not the worker', 'ENTRYPOINT_FAILED'))]
fn submit_results_refuses_another_caller() {
    let s = setup();
    stake_worker(s, 500 * STRK);
    let a = open_job(s, 100 * STRK);
    award(s, a, 80 * STRK);
    set_contract_address(s.worker);
    s.market.accept_job(a);
    set_contract_address(stranger());
    s.market.submit_results(array![JobResult { job_id: a, commitment: 'a' }]);
}

#[test]
#[should_panic(expected: ('Batch is empty', 'ENTRYPOINT_FAILED'))]
fn submit_results_refuses_an_empty_batch() {
    let s = setup();
    set_contract_address(s.worker);
    s.market.submit_results(array![]);
}
