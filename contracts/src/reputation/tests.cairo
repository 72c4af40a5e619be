use starknet::testing::set_contract_address;
use crate::reputation::interface::{IReputationDispatcherTrait, ReputationRecord};
use crate::reputation::reputation::score;
use crate::testing::setup::{setup, stranger, worker};

#[test]
fn score_is_a_smoothed_success_rate() {
    assert_eq!(score(Default::default()), 5000);
    assert_eq!(score(ReputationRecord { completed: 8, failed: 0, slashed: 0 }), 9000);
    assert_eq!(score(ReputationRecord { completed: 0, failed: 1, slashed: 0 }), 3333);
    // A slash weighs twice a failure.
    assert_eq!(score(ReputationRecord { completed: 0, failed: 0, slashed: 1 }), 2500);
    assert_eq!(score(ReputationRecord { completed: 4_000_000_000, failed: 0, slashed: 0 }), 9999);
}

#[test]
#[should_panic(expected: ('Caller is not the market', 'ENTRYPOINT_FAILED'))]
fn only_market_can_record() {
    let s = setup();
    set_contract_address(stranger());
    s.reputation.record_completed(worker(), 1);
}
