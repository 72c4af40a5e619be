#[starknet::contract]
pub mod JobMarket {
    use crate::common::address;
    use starknet::storage::{
        Map, StorageMapReadAccess, StorageMapWriteAccess, StoragePointerReadAccess,
        StoragePointerWriteAccess,
    };
    use starknet::{ContractAddress, get_block_timestamp, get_caller_address, get_contract_address};
    use crate::common::bps::bps_of;
    use crate::common::erc20::{IERC20Dispatcher, IERC20DispatcherTrait};
    use crate::common::errors as common_errors;
    use crate::common::ownable::OwnableComponent;
    use crate::common::reentrancy_guard::ReentrancyGuardComponent;
    use crate::market::errors;
    use crate::market::interface::{IJobMarket, Job, JobStatus, MarketParams};
    use crate::reputation::interface::{IReputationDispatcher, IReputationDispatcherTrait};
    use crate::staking::interface::{IStakingRegistryDispatcher, IStakingRegistryDispatcherTrait};

    component!(path: OwnableComponent, storage: ownable, event: OwnableEvent);
    component!(path: ReentrancyGuardComponent, storage: guard, event: GuardEvent);

    #[abi(embed_v0)]
    impl OwnableImpl = OwnableComponent::OwnableImpl<ContractState>;
    impl OwnableInternalImpl = OwnableComponent::InternalImpl<ContractState>;
    impl GuardInternalImpl = ReentrancyGuardComponent::InternalImpl<ContractState>;

    pub const MAX_ATTEMPTS: u8 = 10;
    /// Bounds that keep a mistyped parameter from confiscating or locking funds.
    const MAX_FEE_BPS: u16 = 2_000;
    const MAX_COLLATERAL_BPS: u16 = 50_000;
    const MAX_SLASH_BPS: u16 = 10_000;
    const MAX_WINDOW: u64 = 30 * 86400;

    /// Which clock ran out in `JobExpired`.
    pub const STAGE_ACCEPT: felt252 = 'accept';
    pub const STAGE_EXECUTION: felt252 = 'execution';

    #[storage]
    struct Storage {
        #[substorage(v0)]
        ownable: OwnableComponent::Storage,
        #[substorage(v0)]
        guard: ReentrancyGuardComponent::Storage,
        token: ContractAddress,
        registry: ContractAddress,
        reputation: ContractAddress,
        treasury: ContractAddress,
        arbiter: ContractAddress,
        params: MarketParams,
        jobs: Map<u64, Job>,
        job_count: u64,
        escrowed: u256,
        fees_accrued: u256,
    }

    #[event]
    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub enum Event {
        #[flat]
        OwnableEvent: OwnableComponent::Event,
        #[flat]
        GuardEvent: ReentrancyGuardComponent::Event,
        JobCreated: JobCreated,
        JobCancelled: JobCancelled,
        JobAwarded: JobAwarded,
        JobAccepted: JobAccepted,
        ResultSubmitted: ResultSubmitted,
        JobCompleted: JobCompleted,
        JobDisputed: JobDisputed,
        JobResolved: JobResolved,
        JobExpired: JobExpired,
        JobReopened: JobReopened,
        JobRefunded: JobRefunded,
        FeesCollected: FeesCollected,
        ParamsUpdated: ParamsUpdated,
        ArbiterSet: ArbiterSet,
        TreasurySet: TreasurySet,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct JobCreated {
        #[key]
        pub job_id: u64,
        pub poster: ContractAddress,
        pub budget: u256,
        pub manifest_hash: felt252,
        pub exec_duration: u64,
        pub max_attempts: u8,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct JobCancelled {
        #[key]
        pub job_id: u64,
        pub refund: u256,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct JobAwarded {
        #[key]
        pub job_id: u64,
        pub worker: ContractAddress,
        pub price: u256,
        pub collateral: u256,
        pub accept_by: u64,
        pub attempt: u8,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct JobAccepted {
        #[key]
        pub job_id: u64,
        pub worker: ContractAddress,
        pub deadline: u64,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct ResultSubmitted {
        #[key]
        pub job_id: u64,
        pub worker: ContractAddress,
        pub commitment: felt252,
        pub review_until: u64,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct JobCompleted {
        #[key]
        pub job_id: u64,
        pub worker: ContractAddress,
        pub payout: u256,
        pub fee: u256,
        pub refund: u256,
        /// True when the worker claimed after the review window, false when the poster
        /// confirmed. (A dispute won by the worker emits `JobResolved` instead.)
        pub claimed: bool,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct JobDisputed {
        #[key]
        pub job_id: u64,
        pub reason: felt252,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct JobResolved {
        #[key]
        pub job_id: u64,
        pub worker_wins: bool,
        pub payout: u256,
        pub fee: u256,
        pub refund: u256,
        pub slashed: u256,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct JobExpired {
        #[key]
        pub job_id: u64,
        pub worker: ContractAddress,
        pub stage: felt252,
        pub slashed: u256,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct JobReopened {
        #[key]
        pub job_id: u64,
        pub attempts_left: u8,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct JobRefunded {
        #[key]
        pub job_id: u64,
        pub refund: u256,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct FeesCollected {
        pub treasury: ContractAddress,
        pub amount: u256,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct ParamsUpdated {
        pub params: MarketParams,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct ArbiterSet {
        pub arbiter: ContractAddress,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct TreasurySet {
        pub treasury: ContractAddress,
    }

    #[constructor]
    fn constructor(
        ref self: ContractState,
        owner: ContractAddress,
        token: ContractAddress,
        registry: ContractAddress,
        reputation: ContractAddress,
        treasury: ContractAddress,
        arbiter: ContractAddress,
        params: MarketParams,
    ) {
        assert(!address::is_zero(token), common_errors::ZERO_ADDRESS);
        assert(!address::is_zero(registry), common_errors::ZERO_ADDRESS);
        assert(!address::is_zero(reputation), common_errors::ZERO_ADDRESS);
        self.ownable.initializer(owner);
        self.token.write(token);
        self.registry.write(registry);
        self.reputation.write(reputation);
        self._set_treasury(treasury);
        self._set_arbiter(arbiter);
        self._set_params(params);
    }

    #[abi(embed_v0)]
    impl JobMarketImpl of IJobMarket<ContractState> {
        fn create_job(
            ref self: ContractState,
            budget: u256,
            manifest_hash: felt252,
            exec_duration: u64,
            max_attempts: u8,
        ) -> u64 {
            assert(budget > 0, errors::ZERO_BUDGET);
            assert(manifest_hash != 0, errors::ZERO_MANIFEST);
            assert(
                exec_duration > 0 && exec_duration <= self.params.read().max_exec_duration,
                errors::BAD_EXEC_DURATION,
            );
            assert(max_attempts >= 1 && max_attempts <= MAX_ATTEMPTS, errors::BAD_MAX_ATTEMPTS);
            self.guard.start();
            let poster = get_caller_address();
            let job_id = self.job_count.read() + 1;
            self.job_count.write(job_id);
            self
                .jobs
                .write(
                    job_id,
                    Job {
                        poster,
                        status: JobStatus::Open,
                        budget,
                        manifest_hash,
                        exec_duration,
                        max_attempts,
                        attempts: 0,
                        worker: address::zero(),
                        price: 0,
                        collateral: 0,
                        accept_by: 0,
                        deadline: 0,
                        commitment: 0,
                        review_until: 0,
                        created_at: get_block_timestamp(),
                    },
                );
            self.escrowed.write(self.escrowed.read() + budget);
            self.emit(JobCreated { job_id, poster, budget, manifest_hash, exec_duration, max_attempts });
            let ok = self._token().transfer_from(poster, get_contract_address(), budget);
            assert(ok, common_errors::TRANSFER_FAILED);
            self.guard.end();
            job_id
        }

        fn cancel_job(ref self: ContractState, job_id: u64) {
            self.guard.start();
            let mut job = self._job(job_id);
            assert(get_caller_address() == job.poster, errors::NOT_POSTER);
            assert(job.status == JobStatus::Open, errors::NOT_OPEN);
            job.status = JobStatus::Cancelled;
            self.jobs.write(job_id, job);
            self.escrowed.write(self.escrowed.read() - job.budget);
            self.emit(JobCancelled { job_id, refund: job.budget });
            self._pay(job.poster, job.budget);
            self.guard.end();
        }

        fn award_job(ref self: ContractState, job_id: u64, worker: ContractAddress, price: u256) {
            let mut job = self._job(job_id);
            assert(get_caller_address() == job.poster, errors::NOT_POSTER);
            assert(job.status == JobStatus::Open, errors::NOT_OPEN);
            assert(!address::is_zero(worker), common_errors::ZERO_ADDRESS);
            assert(worker != job.poster, errors::POSTER_AS_WORKER);
            assert(price > 0, errors::ZERO_PRICE);
            assert(price <= job.budget, errors::PRICE_OVER_BUDGET);
            let params = self.params.read();
            let collateral = bps_of(price, params.collateral_bps);
            let reason = self._registry().eligibility(worker, collateral);
            assert(reason == 0, reason);
            job.status = JobStatus::Awarded;
            job.worker = worker;
            job.price = price;
            job.collateral = collateral;
            job.attempts += 1;
            job.accept_by = get_block_timestamp() + params.accept_window;
            self.jobs.write(job_id, job);
            self
                .emit(
                    JobAwarded {
                        job_id,
                        worker,
                        price,
                        collateral,
                        accept_by: job.accept_by,
                        attempt: job.attempts,
                    },
                );
        }

        fn accept_job(ref self: ContractState, job_id: u64) {
            let mut job = self._job(job_id);
            assert(get_caller_address() == job.worker, errors::NOT_WORKER);
            assert(job.status == JobStatus::Awarded, errors::NOT_AWARDED);
            let now = get_block_timestamp();
            assert(now <= job.accept_by, errors::ACCEPT_WINDOW_OVER);
            job.status = JobStatus::Accepted;
            job.deadline = now + job.exec_duration;
            self.jobs.write(job_id, job);
            self.emit(JobAccepted { job_id, worker: job.worker, deadline: job.deadline });
            if job.collateral > 0 {
                self._registry().lock(job.worker, job.collateral, job_id);
            }
        }

        fn submit_result(ref self: ContractState, job_id: u64, commitment: felt252) {
            let mut job = self._job(job_id);
            assert(get_caller_address() == job.worker, errors::NOT_WORKER);
            assert(job.status == JobStatus::Accepted, errors::NOT_ACCEPTED);
            let now = get_block_timestamp();
            assert(now <= job.deadline, errors::DEADLINE_PASSED);
            assert(commitment != 0, errors::ZERO_COMMITMENT);
            job.status = JobStatus::Submitted;
            job.commitment = commitment;
            job.review_until = now + self.params.read().review_window;
            self.jobs.write(job_id, job);
            self
                .emit(
                    ResultSubmitted {
                        job_id, worker: job.worker, commitment, review_until: job.review_until,
                    },
                );
        }

        fn confirm(ref self: ContractState, job_id: u64) {
            self.guard.start();
            let job = self._job(job_id);
            assert(get_caller_address() == job.poster, errors::NOT_POSTER);
            assert(job.status == JobStatus::Submitted, errors::NOT_SUBMITTED);
            let (payout, fee, refund) = self._settle_for_worker(job_id, job, JobStatus::Completed);
            self.emit(JobCompleted { job_id, worker: job.worker, payout, fee, refund, claimed: false });
            self.guard.end();
        }

        fn dispute(ref self: ContractState, job_id: u64, reason: felt252) {
            let mut job = self._job(job_id);
            assert(get_caller_address() == job.poster, errors::NOT_POSTER);
            assert(job.status == JobStatus::Submitted, errors::NOT_SUBMITTED);
            assert(get_block_timestamp() <= job.review_until, errors::REVIEW_WINDOW_OVER);
            job.status = JobStatus::Disputed;
            self.jobs.write(job_id, job);
            self.emit(JobDisputed { job_id, reason });
        }

        fn resolve(ref self: ContractState, job_id: u64, worker_wins: bool) {
            self.guard.start();
            assert(get_caller_address() == self.arbiter.read(), errors::NOT_ARBITER);
            let mut job = self._job(job_id);
            assert(job.status == JobStatus::Disputed, errors::NOT_DISPUTED);
            if worker_wins {
                let (payout, fee, refund) = self
                    ._settle_for_worker(job_id, job, JobStatus::Resolved);
                self.emit(JobResolved { job_id, worker_wins, payout, fee, refund, slashed: 0 });
            } else {
                job.status = JobStatus::Resolved;
                self.jobs.write(job_id, job);
                self.escrowed.write(self.escrowed.read() - job.budget);
                let slashed = self._slash_collateral(job_id, job);
                self
                    .emit(
                        JobResolved {
                            job_id, worker_wins, payout: 0, fee: 0, refund: job.budget, slashed,
                        },
                    );
                self._reputation().record_slashed(job.worker, job_id);
                self._pay(job.poster, job.budget);
            }
            self.guard.end();
        }

        fn expire(ref self: ContractState, job_id: u64) {
            self.guard.start();
            let mut job = self._job(job_id);
            let now = get_block_timestamp();
            let worker = job.worker;
            let (stage, slashed) = match job.status {
                JobStatus::Awarded => {
                    assert(now > job.accept_by, errors::DEADLINE_NOT_PASSED);
                    (STAGE_ACCEPT, 0)
                },
                JobStatus::Accepted => {
                    assert(now > job.deadline, errors::DEADLINE_NOT_PASSED);
                    (STAGE_EXECUTION, self._slash_collateral(job_id, job))
                },
                _ => {
                    assert(false, errors::NOT_EXPIRABLE);
                    (0, 0)
                },
            };
            let reopen = job.attempts < job.max_attempts;
            job.status = if reopen {
                JobStatus::Open
            } else {
                JobStatus::Expired
            };
            job.worker = address::zero();
            job.price = 0;
            job.collateral = 0;
            job.accept_by = 0;
            job.deadline = 0;
            self.jobs.write(job_id, job);
            self.emit(JobExpired { job_id, worker, stage, slashed });
            if reopen {
                self.emit(JobReopened { job_id, attempts_left: job.max_attempts - job.attempts });
            } else {
                self.escrowed.write(self.escrowed.read() - job.budget);
                self.emit(JobRefunded { job_id, refund: job.budget });
            }
            if stage == STAGE_ACCEPT {
                self._reputation().record_failed(worker, job_id);
            } else {
                self._reputation().record_slashed(worker, job_id);
            }
            if !reopen {
                self._pay(job.poster, job.budget);
            }
            self.guard.end();
        }

        fn claim(ref self: ContractState, job_id: u64) {
            self.guard.start();
            let job = self._job(job_id);
            assert(get_caller_address() == job.worker, errors::NOT_WORKER);
            assert(job.status == JobStatus::Submitted, errors::NOT_SUBMITTED);
            assert(get_block_timestamp() > job.review_until, errors::REVIEW_WINDOW_OPEN);
            let (payout, fee, refund) = self._settle_for_worker(job_id, job, JobStatus::Completed);
            self.emit(JobCompleted { job_id, worker: job.worker, payout, fee, refund, claimed: true });
            self.guard.end();
        }

        fn collect_fees(ref self: ContractState) -> u256 {
            self.guard.start();
            let caller = get_caller_address();
            let treasury = self.treasury.read();
            assert(caller == treasury || caller == self.ownable.owner(), errors::NOT_TREASURY);
            let amount = self.fees_accrued.read();
            assert(amount > 0, errors::NO_FEES);
            self.fees_accrued.write(0);
            self.emit(FeesCollected { treasury, amount });
            self._pay(treasury, amount);
            self.guard.end();
            amount
        }

        fn set_params(ref self: ContractState, params: MarketParams) {
            self.ownable.assert_only_owner();
            self._set_params(params);
        }

        fn set_arbiter(ref self: ContractState, arbiter: ContractAddress) {
            self.ownable.assert_only_owner();
            self._set_arbiter(arbiter);
        }

        fn set_treasury(ref self: ContractState, treasury: ContractAddress) {
            self.ownable.assert_only_owner();
            self._set_treasury(treasury);
        }

        fn job(self: @ContractState, job_id: u64) -> Job {
            self._job(job_id)
        }

        fn job_count(self: @ContractState) -> u64 {
            self.job_count.read()
        }

        fn params(self: @ContractState) -> MarketParams {
            self.params.read()
        }

        fn arbiter(self: @ContractState) -> ContractAddress {
            self.arbiter.read()
        }

        fn treasury(self: @ContractState) -> ContractAddress {
            self.treasury.read()
        }

        fn token(self: @ContractState) -> ContractAddress {
            self.token.read()
        }

        fn registry(self: @ContractState) -> ContractAddress {
            self.registry.read()
        }

        fn reputation(self: @ContractState) -> ContractAddress {
            self.reputation.read()
        }

        fn escrowed(self: @ContractState) -> u256 {
            self.escrowed.read()
        }

        fn fees_accrued(self: @ContractState) -> u256 {
            self.fees_accrued.read()
        }
    }

    #[generate_trait]
    impl InternalImpl of InternalTrait {
        fn _job(self: @ContractState, job_id: u64) -> Job {
            let job = self.jobs.read(job_id);
            assert(job.status != JobStatus::None, errors::UNKNOWN_JOB);
            job
        }

        fn _token(self: @ContractState) -> IERC20Dispatcher {
            IERC20Dispatcher { contract_address: self.token.read() }
        }

        fn _registry(self: @ContractState) -> IStakingRegistryDispatcher {
            IStakingRegistryDispatcher { contract_address: self.registry.read() }
        }

        fn _reputation(self: @ContractState) -> IReputationDispatcher {
            IReputationDispatcher { contract_address: self.reputation.read() }
        }

        fn _pay(ref self: ContractState, to: ContractAddress, amount: u256) {
            if amount > 0 {
                let ok = self._token().transfer(to, amount);
                assert(ok, common_errors::TRANSFER_FAILED);
            }
        }

        /// Settles a job in the worker's favour: price less fee to the worker, fee to the
        /// treasury's account, the unspent budget back to the poster, collateral released.
        /// Returns (payout, fee, refund); the caller emits the event that names why.
        fn _settle_for_worker(
            ref self: ContractState, job_id: u64, mut job: Job, status: JobStatus,
        ) -> (u256, u256, u256) {
            let fee = bps_of(job.price, self.params.read().fee_bps);
            let payout = job.price - fee;
            let refund = job.budget - job.price;
            job.status = status;
            self.jobs.write(job_id, job);
            self.escrowed.write(self.escrowed.read() - job.budget);
            self.fees_accrued.write(self.fees_accrued.read() + fee);
            if job.collateral > 0 {
                self._registry().release(job.worker, job.collateral, job_id);
            }
            self._reputation().record_completed(job.worker, job_id);
            self._pay(job.worker, payout);
            self._pay(job.poster, refund);
            (payout, fee, refund)
        }

        /// Takes the configured share of an accepted job's collateral (it arrives here and is
        /// counted with the fees: slashes go to the protocol, never to the poster, so a poster
        /// gains nothing by withholding inputs) and releases the rest. Suspends the worker
        /// even when the share is zero. Returns the amount slashed.
        fn _slash_collateral(ref self: ContractState, job_id: u64, job: Job) -> u256 {
            let slashed = bps_of(job.collateral, self.params.read().slash_bps);
            let rest = job.collateral - slashed;
            self.fees_accrued.write(self.fees_accrued.read() + slashed);
            let registry = self._registry();
            if rest > 0 {
                registry.release(job.worker, rest, job_id);
            }
            registry.slash(job.worker, slashed, job_id);
            slashed
        }

        fn _set_params(ref self: ContractState, params: MarketParams) {
            assert(params.fee_bps <= MAX_FEE_BPS, errors::FEE_TOO_HIGH);
            assert(params.collateral_bps <= MAX_COLLATERAL_BPS, errors::COLLATERAL_TOO_HIGH);
            assert(params.slash_bps <= MAX_SLASH_BPS, errors::SLASH_TOO_HIGH);
            assert(params.accept_window > 0 && params.accept_window <= MAX_WINDOW, errors::BAD_WINDOW);
            assert(params.review_window > 0 && params.review_window <= MAX_WINDOW, errors::BAD_WINDOW);
            assert(
                params.max_exec_duration > 0 && params.max_exec_duration <= MAX_WINDOW,
                errors::BAD_WINDOW,
            );
            self.params.write(params);
            self.emit(ParamsUpdated { params });
        }

        fn _set_arbiter(ref self: ContractState, arbiter: ContractAddress) {
            assert(!address::is_zero(arbiter), common_errors::ZERO_ADDRESS);
            self.arbiter.write(arbiter);
            self.emit(ArbiterSet { arbiter });
        }

        fn _set_treasury(ref self: ContractState, treasury: ContractAddress) {
            assert(!address::is_zero(treasury), common_errors::ZERO_ADDRESS);
            self.treasury.write(treasury);
            self.emit(TreasurySet { treasury });
        }
    }
}
