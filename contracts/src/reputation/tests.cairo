use starknet::testing::set_contract_address;
use crate::reputation::interface::{IReputationDispatcherTrait, ReputationRecord};
use crate::reputation::reputation::{bump, score};
use crate::testing::setup::{setup, stranger};

#[test]
fn score_is_a_smoothed_success_rate() {
    assert_eq!(score(Default::default()), 5000);
    assert_eq!(score(ReputationRecord { completed: 8, failed: 0, slashed: 0, posters: 1 }), 9000);
    assert_eq!(score(ReputationRecord { completed: 0, failed: 1, slashed: 0, posters: 0 }), 3333);
    // A slash weighs twice a failure.
    assert_eq!(score(ReputationRecord { completed: 0, failed: 0, slashed: 1, posters: 0 }), 2500);
    assert_eq!(
        score(ReputationRecord { completed: 4_000_000_000, failed: 0, slashed: 0, posters: 400_000_000 }),
        9999,
    );
    // Issue 17: one poster vouches for at most 10 completions. 98 jobs from one (sybil)
    // poster score like 10: 9166, not 9900; with 100 real defaults they hide nothing.
    assert_eq!(score(ReputationRecord { completed: 98, failed: 0, slashed: 0, posters: 1 }), 9166);
    assert_eq!(score(ReputationRecord { completed: 98, failed: 0, slashed: 0, posters: 10 }), 9900);
    assert_eq!(
        score(ReputationRecord { completed: 10_000, failed: 100, slashed: 0, posters: 1 }), 982,
    );
    assert_eq!(bump(0xffffffff), 0xffffffff);
}

#[test]
#[should_panic(expected: ('Caller is not the market', 'ENTRYPOINT_FAILED'))]
fn only_market_can_record() {
    let s = setup();
    set_contract_address(stranger());
    s.reputation.record_completed(s.worker, 1, stranger());
}
