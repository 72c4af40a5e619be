use starknet::ContractAddress;
use starknet::testing::set_contract_address;
use crate::reputation::interface::{Completion, IReputationDispatcherTrait, ReputationRecord};
use crate::reputation::reputation::{
    FEE_PER_CREDIT, JOB_CREDIT, Reputation, add, bump, credit_of, score,
};
use crate::testing::setup::{STRK, drain_events, poster, setup, stranger};

/// The market's defaults in the tests (testing/setup.cairo): 250 bps, minimum price 0.01 STRK.
const MIN_PRICE: u256 = STRK / 100;
const FEE_BPS: u256 = 250;

fn fee_of(price: u256) -> u256 {
    price * FEE_BPS / 10_000
}

fn record(completed: u32, failed: u32, slashed: u32, posters: u32, credits: u32) -> ReputationRecord {
    ReputationRecord { completed, failed, slashed, posters, credits }
}

#[test]
fn score_is_a_smoothed_success_rate() {
    assert_eq!(score(Default::default()), 5000);
    assert_eq!(score(record(8, 0, 0, 1, 8)), 9000);
    assert_eq!(score(record(0, 1, 0, 0, 0)), 3333);
    // A slash weighs twice a failure.
    assert_eq!(score(record(0, 0, 1, 0, 0)), 2500);
    assert_eq!(score(record(4_000_000_000, 0, 0, 400_000_000, 0xffffffff)), 9999);
    // Saturated counters still score, without overflow.
    assert_eq!(
        score(record(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff)), 2500,
    );
    // Issue 17: one poster vouches for at most 10 credits. 98 credits from one (sybil) poster
    // score like 10: 9166, not 9900; with 100 real defaults they hide nothing.
    assert_eq!(score(record(98, 0, 0, 1, 98)), 9166);
    assert_eq!(score(record(98, 0, 0, 10, 98)), 9900);
    assert_eq!(score(record(10_000, 100, 0, 1, 10_000)), 982);
    // The score counts credits, not completions: ten large jobs from ten posters count 100.
    assert_eq!(score(record(10, 0, 0, 10, 100)), 9901);
    assert_eq!(score(record(10, 0, 0, 10, 10)), 9166);
}

#[test]
fn counters_saturate() {
    assert_eq!(bump(0xffffffff), 0xffffffff);
    assert_eq!(bump(7), 8);
    assert_eq!(add(0xfffffff0, JOB_CREDIT), 0xfffffffa);
    assert_eq!(add(0xfffffff7, JOB_CREDIT), 0xffffffff);
    assert_eq!(add(0xffffffff, 1), 0xffffffff);
}

/// A completion earns 1 + fee / (4 · min_price), at most 10: one at the minimum price, more
/// for a large job, never more than ten however large.
#[test]
fn a_completion_is_credited_by_the_fee_it_paid() {
    assert_eq!(credit_of(fee_of(MIN_PRICE), MIN_PRICE), 1);
    assert_eq!(credit_of(0, MIN_PRICE), 1);
    // The first extra credit needs FEE_PER_CREDIT minimum prices of fee: a 1.6 STRK job.
    assert_eq!(credit_of(FEE_PER_CREDIT * MIN_PRICE - 1, MIN_PRICE), 1);
    assert_eq!(credit_of(FEE_PER_CREDIT * MIN_PRICE, MIN_PRICE), 2);
    assert_eq!(credit_of(fee_of(16 * STRK / 10), MIN_PRICE), 2);
    // The cap is reached at 9 · 4 minimum prices of fee (a 14.4 STRK job) and holds after.
    assert_eq!(credit_of(9 * FEE_PER_CREDIT * MIN_PRICE - 1, MIN_PRICE), 9);
    assert_eq!(credit_of(fee_of(144 * STRK / 10), MIN_PRICE), JOB_CREDIT);
    assert_eq!(credit_of(fee_of(1_000 * STRK), MIN_PRICE), JOB_CREDIT);
    let max: u256 = core::num::traits::Bounded::MAX;
    assert_eq!(credit_of(max, MIN_PRICE), JOB_CREDIT);
    assert_eq!(credit_of(max, 1), JOB_CREDIT);
    // A huge minimum price overflows nothing; no minimum price: no unit to weigh by.
    assert_eq!(credit_of(max, max), 1);
    assert_eq!(credit_of(max, 0), 1);
}

fn completed(s: crate::testing::setup::Setup, job_id: u64, from: ContractAddress, price: u256) {
    set_contract_address(s.market.contract_address);
    s.reputation.record_completed(s.worker, job_id, from, fee_of(price), MIN_PRICE);
}

/// A 1,000 STRK job counts ten times a minimum-price one; a second huge job from the same
/// (self-dealing) poster adds nothing, since one poster vouches for at most ten credits.
#[test]
fn a_large_job_counts_more_but_is_capped_per_job_and_per_poster() {
    let s = setup();
    let small = stranger();
    completed(s, 1, small, MIN_PRICE);
    let r = s.reputation.reputation_of(s.worker);
    assert_eq!(r, record(1, 0, 0, 1, 1));
    assert_eq!(s.reputation.score_of(s.worker), 6666);

    completed(s, 2, poster(), 1_000 * STRK);
    let r = s.reputation.reputation_of(s.worker);
    assert_eq!(r, record(2, 0, 0, 2, 11));
    assert_eq!(s.reputation.score_of(s.worker), 9230);

    // The same poster again: credits grow, the score does not (2 posters vouch for 20 at most
    // and the first one gave 1, but credited = min(credits, 20)).
    completed(s, 3, poster(), 1_000 * STRK);
    completed(s, 4, poster(), 1_000 * STRK);
    let r = s.reputation.reputation_of(s.worker);
    assert_eq!(r, record(4, 0, 0, 2, 31));
    assert_eq!(s.reputation.score_of(s.worker), 9545);
}

/// Each update names what it credited, so a score can be traced to the jobs behind it.
#[test]
fn the_event_carries_the_credit() {
    let s = setup();
    drain_events(s.reputation.contract_address);
    completed(s, 7, poster(), 2 * STRK);
    let event = starknet::testing::pop_log::<Reputation::Event>(s.reputation.contract_address)
        .unwrap();
    assert_eq!(
        event,
        Reputation::Event::ReputationUpdated(
            Reputation::ReputationUpdated {
                worker: s.worker,
                job_id: 7,
                outcome: 'completed',
                completed: 1,
                failed: 0,
                slashed: 0,
                posters: 1,
                credit: 2,
                credits: 2,
                score: 7500,
            },
        ),
    );
    set_contract_address(s.market.contract_address);
    s.reputation.record_failed(s.worker, 8);
    let event = starknet::testing::pop_log::<Reputation::Event>(s.reputation.contract_address)
        .unwrap();
    match event {
        Reputation::Event::ReputationUpdated(e) => {
            assert_eq!(e.credit, 0);
            assert_eq!(e.credits, 2);
            assert_eq!(e.failed, 1);
        },
        _ => panic!("not a ReputationUpdated"),
    }
    assert!(starknet::testing::pop_log_raw(s.reputation.contract_address).is_none());
}

#[test]
#[should_panic(expected: ('Caller is not the market', 'ENTRYPOINT_FAILED'))]
fn only_market_can_record() {
    let s = setup();
    set_contract_address(stranger());
    s.reputation.record_completed(s.worker, 1, stranger(), 0, MIN_PRICE);
}

/// The batch counts exactly as the completions one by one would, and emits one update per job,
/// each with the counts after it.
#[test]
fn record_completions_counts_as_one_by_one() {
    let s = setup();
    drain_events(s.reputation.contract_address);
    set_contract_address(s.market.contract_address);
    s
        .reputation
        .record_completions(
            s.worker,
            array![
                Completion { job_id: 1, poster: stranger(), fee: fee_of(MIN_PRICE) },
                Completion { job_id: 2, poster: poster(), fee: fee_of(1_000 * STRK) },
                Completion { job_id: 3, poster: poster(), fee: fee_of(1_000 * STRK) },
            ],
            MIN_PRICE,
        );
    assert_eq!(s.reputation.reputation_of(s.worker), record(3, 0, 0, 2, 21));
    let mut credits = array![(1_u64, 1_u32, 1_u32), (2, 10, 11), (3, 10, 21)].span();
    loop {
        match credits.pop_front() {
            Option::Some((
                job_id, credit, total,
            )) => {
                let event = starknet::testing::pop_log::<
                    Reputation::Event,
                >(s.reputation.contract_address)
                    .unwrap();
                match event {
                    Reputation::Event::ReputationUpdated(e) => {
                        assert_eq!(e.job_id, *job_id);
                        assert_eq!(e.outcome, 'completed');
                        assert_eq!(e.credit, *credit);
                        assert_eq!(e.credits, *total);
                    },
                    _ => panic!("not a ReputationUpdated"),
                }
            },
            Option::None => { break; },
        }
    };
    assert!(starknet::testing::pop_log_raw(s.reputation.contract_address).is_none());
}

#[test]
#[should_panic(expected: ('Caller is not the market', 'ENTRYPOINT_FAILED'))]
fn only_market_can_record_completions() {
    let s = setup();
    set_contract_address(stranger());
    s
        .reputation
        .record_completions(
            s.worker, array![Completion { job_id: 1, poster: stranger(), fee: 0 }], MIN_PRICE,
        );
}

#[test]
#[should_panic(expected: ('Batch is empty', 'ENTRYPOINT_FAILED'))]
fn record_completions_refuses_an_empty_batch() {
    let s = setup();
    set_contract_address(s.market.contract_address);
    s.reputation.record_completions(s.worker, array![], MIN_PRICE);
}
