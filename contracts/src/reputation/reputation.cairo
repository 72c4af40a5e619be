/// Completions one poster can vouch for: beyond this many jobs from the same poster, more
/// completions add nothing to the score.
pub const POSTER_CREDIT: u64 = 10;

/// Completions the score counts: every completion, but no more than `POSTER_CREDIT` per
/// distinct poster who paid the worker.
pub fn credited(record: crate::reputation::interface::ReputationRecord) -> u64 {
    let completed: u64 = record.completed.into();
    let cap = POSTER_CREDIT * record.posters.into();
    if completed < cap {
        completed
    } else {
        cap
    }
}

/// Laplace-smoothed success rate in basis points: (c + 1) / (c + failed + 2 * slashed + 2),
/// where c is the credited completions (see `credited`). A newcomer starts at 5000; a slash
/// weighs twice a failure because it means collateral was at stake and the worker still did
/// not deliver. Kept as a pure function so the node and the indexer can recompute it from the
/// counts.
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
    if count == 0xffffffff {
        count
    } else {
        count + 1
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
    use crate::reputation::interface::{IReputation, Outcome, ReputationRecord};

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
            ref self: ContractState, worker: ContractAddress, job_id: u64, poster: ContractAddress,
        ) {
            self._assert_only_market();
            let mut record = self.records.read(worker);
            record.completed = super::bump(record.completed);
            if !self.paired.read((worker, poster)) {
                self.paired.write((worker, poster), true);
                record.posters = super::bump(record.posters);
            }
            self._store(worker, job_id, record, Outcome::COMPLETED);
        }

        fn record_failed(ref self: ContractState, worker: ContractAddress, job_id: u64) {
            self._assert_only_market();
            let mut record = self.records.read(worker);
            record.failed = super::bump(record.failed);
            self._store(worker, job_id, record, Outcome::FAILED);
        }

        fn record_slashed(ref self: ContractState, worker: ContractAddress, job_id: u64) {
            self._assert_only_market();
            let mut record = self.records.read(worker);
            record.slashed = super::bump(record.slashed);
            self._store(worker, job_id, record, Outcome::SLASHED);
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

        fn _store(
            ref self: ContractState,
            worker: ContractAddress,
            job_id: u64,
            record: ReputationRecord,
            outcome: felt252,
        ) {
            self.records.write(worker, record);
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
                        score: super::score(record),
                    },
                );
        }
    }
}
