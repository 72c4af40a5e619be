/// Credits one poster can vouch for: beyond this many from the same poster, more completions
/// add nothing to the score.
pub const POSTER_CREDIT: u64 = 10;

/// The most one completion is credited, however large the job: one self-dealt job of any size
/// buys no more than ten at the minimum price would.
pub const JOB_CREDIT: u32 = 10;

/// A completion earns one credit more for each `FEE_PER_CREDIT` minimum prices of fee it paid.
/// Four, because an extra credit must cost more in fees than a whole job life at the minimum
/// price costs in gas (about three minimum prices at the defaults, README): then a large job is
/// never a cheaper way to buy credits than as many jobs at the minimum price.
pub const FEE_PER_CREDIT: u256 = 4;

/// A completion's credit: `1 + fee / (FEE_PER_CREDIT * min_price)`, at most `JOB_CREDIT`. With no
/// minimum price there is no unit to weigh by, and every completion counts one.
pub fn credit_of(fee: u256, min_price: u256) -> u32 {
    if min_price == 0 {
        return 1;
    }
    // Divided twice rather than by the product, which could overflow for a huge minimum price;
    // floor(floor(a / b) / c) == floor(a / (b * c)).
    let extra = fee / min_price / FEE_PER_CREDIT;
    let most: u256 = (JOB_CREDIT - 1).into();
    if extra >= most {
        JOB_CREDIT
    } else {
        let extra: u32 = extra.try_into().unwrap();
        1 + extra
    }
}

/// Credits the score counts: every completion's credit, but no more than `POSTER_CREDIT` per
/// distinct poster who paid the worker.
pub fn credited(record: crate::reputation::interface::ReputationRecord) -> u64 {
    let credits: u64 = record.credits.into();
    let cap = POSTER_CREDIT * record.posters.into();
    if credits < cap {
        credits
    } else {
        cap
    }
}

/// Laplace-smoothed success rate in basis points: (c + 1) / (c + failed + 2 * slashed + 2),
/// where c is the credited completions (see `credited`), so a failure weighs as much as a
/// completion at the minimum price. A newcomer starts at 5000; a slash weighs twice a failure
/// because it means collateral was at stake and the worker still did not deliver. Kept as a
/// pure function so the node and the indexer can recompute it from the counts.
pub fn score(record: crate::reputation::interface::ReputationRecord) -> u16 {
    let completed = credited(record);
    let failed: u64 = record.failed.into();
    let slashed: u64 = record.slashed.into();
    let value = (completed + 1) * 10_000 / (completed + failed + 2 * slashed + 2);
    value.try_into().unwrap()
}

/// Counters saturate instead of overflowing: a panic here would make every settlement of the
/// worker revert for ever.
pub fn bump(count: u32) -> u32 {
    add(count, 1)
}

/// `count + n`, saturating at the largest u32.
pub fn add(count: u32, n: u32) -> u32 {
    if count > 0xffffffff - n {
        0xffffffff
    } else {
        count + n
    }
}

#[starknet::contract]
pub mod Reputation {
    use crate::common::address;
    use starknet::storage::{
        Map, StorageMapReadAccess, StorageMapWriteAccess, StoragePointerReadAccess,
        StoragePointerWriteAccess,
    };
    use starknet::{ContractAddress, get_caller_address};
    use crate::common::errors as common_errors;
    use crate::common::ownable::OwnableComponent;
    use crate::reputation::interface::{Completion, IReputation, Outcome, ReputationRecord};

    component!(path: OwnableComponent, storage: ownable, event: OwnableEvent);

    #[abi(embed_v0)]
    impl OwnableImpl = OwnableComponent::OwnableImpl<ContractState>;
    impl OwnableInternalImpl = OwnableComponent::InternalImpl<ContractState>;

    #[storage]
    struct Storage {
        #[substorage(v0)]
        ownable: OwnableComponent::Storage,
        market: ContractAddress,
        records: Map<ContractAddress, ReputationRecord>,
        /// (worker, poster) pairs that have completed a job together.
        paired: Map<(ContractAddress, ContractAddress), bool>,
    }

    #[event]
    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub enum Event {
        #[flat]
        OwnableEvent: OwnableComponent::Event,
        ReputationUpdated: ReputationUpdated,
        MarketSet: MarketSet,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct ReputationUpdated {
        #[key]
        pub worker: ContractAddress,
        #[key]
        pub job_id: u64,
        pub outcome: felt252,
        pub completed: u32,
        pub failed: u32,
        pub slashed: u32,
        pub posters: u32,
        /// What this update credited (0 unless a completion) and the worker's total credits.
        pub credit: u32,
        pub credits: u32,
        pub score: u16,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct MarketSet {
        pub market: ContractAddress,
    }

    #[constructor]
    fn constructor(ref self: ContractState, owner: ContractAddress) {
        self.ownable.initializer(owner);
    }

    #[abi(embed_v0)]
    impl ReputationImpl of IReputation<ContractState> {
        fn record_completed(
            ref self: ContractState,
            worker: ContractAddress,
            job_id: u64,
            poster: ContractAddress,
            fee: u256,
            min_price: u256,
        ) {
            self._assert_only_market();
            let record = self
                ._complete(worker, self.records.read(worker), Completion { job_id, poster, fee }, min_price);
            self.records.write(worker, record);
        }

        fn record_completions(
            ref self: ContractState,
            worker: ContractAddress,
            completions: Array<Completion>,
            min_price: u256,
        ) {
            self._assert_only_market();
            assert(completions.len() > 0, common_errors::EMPTY_BATCH);
            let mut record = self.records.read(worker);
            let mut rest = completions.span();
            loop {
                match rest.pop_front() {
                    Option::Some(completion) => {
                        record = self._complete(worker, record, *completion, min_price);
                    },
                    Option::None => { break; },
                }
            };
            self.records.write(worker, record);
        }

        fn record_failed(ref self: ContractState, worker: ContractAddress, job_id: u64) {
            self._assert_only_market();
            let mut record = self.records.read(worker);
            record.failed = super::bump(record.failed);
            self._store(worker, job_id, record, Outcome::FAILED, 0);
        }

        fn record_slashed(ref self: ContractState, worker: ContractAddress, job_id: u64) {
            self._assert_only_market();
            let mut record = self.records.read(worker);
            record.slashed = super::bump(record.slashed);
            self._store(worker, job_id, record, Outcome::SLASHED, 0);
        }

        fn set_market(ref self: ContractState, market: ContractAddress) {
            self.ownable.assert_only_owner();
            assert(!address::is_zero(market), common_errors::ZERO_ADDRESS);
            assert(address::is_zero(self.market.read()), common_errors::MARKET_ALREADY_SET);
            self.market.write(market);
            self.emit(MarketSet { market });
        }

        fn reputation_of(self: @ContractState, worker: ContractAddress) -> ReputationRecord {
            self.records.read(worker)
        }

        fn score_of(self: @ContractState, worker: ContractAddress) -> u16 {
            super::score(self.records.read(worker))
        }

        fn market(self: @ContractState) -> ContractAddress {
            self.market.read()
        }
    }

    #[generate_trait]
    impl InternalImpl of InternalTrait {
        fn _assert_only_market(self: @ContractState) {
            let market = self.market.read();
            assert(!address::is_zero(market) && get_caller_address() == market, common_errors::NOT_MARKET);
        }

        /// Counts one completion into `record` and emits its `ReputationUpdated`; the caller
        /// writes the record (once, however many completions it counts).
        fn _complete(
            ref self: ContractState,
            worker: ContractAddress,
            record: ReputationRecord,
            completion: Completion,
            min_price: u256,
        ) -> ReputationRecord {
            let mut record = record;
            let credit = super::credit_of(completion.fee, min_price);
            record.completed = super::bump(record.completed);
            record.credits = super::add(record.credits, credit);
            if !self.paired.read((worker, completion.poster)) {
                self.paired.write((worker, completion.poster), true);
                record.posters = super::bump(record.posters);
            }
            self._updated(worker, completion.job_id, record, Outcome::COMPLETED, credit);
            record
        }

        fn _store(
            ref self: ContractState,
            worker: ContractAddress,
            job_id: u64,
            record: ReputationRecord,
            outcome: felt252,
            credit: u32,
        ) {
            self.records.write(worker, record);
            self._updated(worker, job_id, record, outcome, credit);
        }

        fn _updated(
            ref self: ContractState,
            worker: ContractAddress,
            job_id: u64,
            record: ReputationRecord,
            outcome: felt252,
            credit: u32,
        ) {
            self
                .emit(
                    ReputationUpdated {
                        worker,
                        job_id,
                        outcome,
                        completed: record.completed,
                        failed: record.failed,
                        slashed: record.slashed,
                        posters: record.posters,
                        credit,
                        credits: record.credits,
                        score: super::score(record),
                    },
                );
        }
    }
}
