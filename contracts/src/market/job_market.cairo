#[starknet::contract]
pub mod JobMarket {
    use crate::common::address;
    use starknet::storage::{
        Map, StorageMapReadAccess, StorageMapWriteAccess, StoragePointerReadAccess,
        StoragePointerWriteAccess,
    };
    use starknet::{
        ContractAddress, get_block_timestamp, get_caller_address, get_contract_address, get_tx_info,
    };
    use crate::common::bps::bps_of;
    use crate::common::erc20::{IERC20Dispatcher, IERC20DispatcherTrait};
    use crate::common::errors as common_errors;
    use crate::common::ownable::OwnableComponent;
    use crate::common::reentrancy_guard::ReentrancyGuardComponent;
    use crate::common::snip12;
    use crate::common::src6::{ISRC6Dispatcher, ISRC6DispatcherTrait, VALID};
    use crate::market::errors;
    use crate::market::events::{
        ArbiterSet, FeesCollected, JobAccepted, JobAwarded, JobCancelled, JobCompleted, JobCreated,
        JobDisputed, JobExpired, JobRefunded, JobReopened, JobResolved, ParamsUpdated,
        ResultSubmitted, TreasurySet,
    };
    use crate::market::interface::{
        Award, IJobMarket, Job, JobResult, JobSpec, JobStatus, MarketParams,
    };
    use crate::market::packing::{
        JobAmounts, JobClock, JobDispute, JobTerms, MAX_BUDGET, ParamMinimums, ParamTerms,
        join_params, split_params,
    };
    use crate::reputation::interface::{Completion, IReputationDispatcher, IReputationDispatcherTrait};
    use crate::staking::interface::{
        IStakingRegistryDispatcher, IStakingRegistryDispatcherTrait, JobCollateral,
    };

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
    const MAX_BOND_BPS: u16 = 10_000;
    const MAX_WINDOW: u64 = 30 * 86400;
    /// Seconds between `set_params`/`set_arbiter` and the change taking effect: enough for
    /// workers and posters to see it coming and finish or avoid new jobs under it.
    pub const TIMELOCK: u64 = 2 * 86400;

    /// Which clock ran out in `JobExpired`.
    pub const STAGE_ACCEPT: felt252 = 'accept';
    pub const STAGE_EXECUTION: felt252 = 'execution';

    /// What settling, resolving or expiring a job needs of it: five slots, not the whole job.
    #[derive(Drop, Copy)]
    struct Deal {
        poster: ContractAddress,
        worker: ContractAddress,
        budget: u256,
        price: u256,
        collateral: u256,
        terms: JobTerms,
    }

    /// One job settled by `confirm_jobs` or `claim_jobs`, kept until the batch pays each party
    /// once.
    #[derive(Drop, Copy)]
    struct Settled {
        job_id: u64,
        poster: ContractAddress,
        worker: ContractAddress,
        payout: u256,
        fee: u256,
        refund: u256,
        collateral: u256,
    }

    /// An amount the market holds, to its u128 storage form. Each is bounded by a budget, which
    /// `create_job` keeps below 2^123, so this never refuses one; a sum past 2^128 (a token
    /// with that much supply) makes the addition panic, it never wraps.
    fn narrow(amount: u256) -> u128 {
        amount.try_into().expect(errors::BUDGET_TOO_LARGE)
    }

    /// The workers (or the posters) of a settled batch, each once, in order of first appearance.
    fn distinct(settled: Span<Settled>, workers: bool) -> Array<ContractAddress> {
        let mut out: Array<ContractAddress> = array![];
        let mut all = settled;
        loop {
            match all.pop_front() {
                Option::Some(s) => {
                    let who = if workers {
                        *s.worker
                    } else {
                        *s.poster
                    };
                    if !contains(out.span(), who) {
                        out.append(who);
                    }
                },
                Option::None => { break; },
            }
        };
        out
    }

    fn contains(addresses: Span<ContractAddress>, who: ContractAddress) -> bool {
        let mut all = addresses;
        loop {
            match all.pop_front() {
                Option::Some(a) => { if *a == who {
                    break true;
                } },
                Option::None => { break false; },
            }
        }
    }

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
        /// A scheduled arbiter and the time it takes effect (0: none scheduled).
        next_arbiter: ContractAddress,
        next_arbiter_at: u64,
        /// The parameters, as rates and windows in one slot and the minimums beside them
        /// (market/packing.cairo).
        params: ParamTerms,
        params_min: ParamMinimums,
        /// Scheduled parameters and the time they take effect (0: none scheduled). Read
        /// through `_params`, which applies them once due without a transaction.
        next_params: ParamTerms,
        next_params_min: ParamMinimums,
        next_params_at: u64,
        /// A job's fields, one map per slot, grouped by the step that writes them (see
        /// market/packing.cairo): a step reads what it checks and writes what it changes.
        job_terms: Map<u64, JobTerms>,
        job_clock: Map<u64, JobClock>,
        job_poster: Map<u64, ContractAddress>,
        job_manifest: Map<u64, felt252>,
        job_worker: Map<u64, ContractAddress>,
        job_commitment: Map<u64, felt252>,
        job_dispute: Map<u64, JobDispute>,
        job_amounts: Map<u64, JobAmounts>,
        job_count: u64,
        /// One slot each: bonds, fees and the sums of them are bounded by budgets the market
        /// holds, which `create_job` keeps below 2^123.
        escrowed: u128,
        fees_accrued: u128,
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
        self._set_arbiter(arbiter, 0);
        self._set_params(params, 0);
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
            self.guard.start();
            let poster = get_caller_address();
            let job_id = self.job_count.read() + 1;
            let spec = JobSpec { budget, manifest_hash, exec_duration, max_attempts };
            self._open(job_id, poster, spec, self._param_terms().max_exec_duration);
            self.job_count.write(job_id);
            self.escrowed.write(self.escrowed.read() + budget.low);
            let ok = self._token().transfer_from(poster, get_contract_address(), budget);
            assert(ok, common_errors::TRANSFER_FAILED);
            self.guard.end();
            job_id
        }

        fn create_jobs(ref self: ContractState, jobs: Array<JobSpec>) -> Array<u64> {
            assert(jobs.len() > 0, common_errors::EMPTY_BATCH);
            self.guard.start();
            let poster = get_caller_address();
            let max_exec_duration = self._param_terms().max_exec_duration;
            let mut job_id = self.job_count.read();
            let mut total: u256 = 0;
            let mut ids: Array<u64> = array![];
            let mut rest = jobs.span();
            loop {
                match rest.pop_front() {
                    Option::Some(spec) => {
                        job_id += 1;
                        self._open(job_id, poster, *spec, max_exec_duration);
                        total += *spec.budget;
                        ids.append(job_id);
                    },
                    Option::None => { break; },
                }
            };
            self.job_count.write(job_id);
            // Each budget is below 2^123; a sum past 2^128 is refused here, never wrapped.
            self.escrowed.write(self.escrowed.read() + narrow(total));
            let ok = self._token().transfer_from(poster, get_contract_address(), total);
            assert(ok, common_errors::TRANSFER_FAILED);
            self.guard.end();
            ids
        }

        fn cancel_job(ref self: ContractState, job_id: u64) {
            self.guard.start();
            let mut terms = self._terms(job_id);
            let poster = self.job_poster.read(job_id);
            assert(get_caller_address() == poster, errors::NOT_POSTER);
            assert(terms.status == JobStatus::Open, errors::NOT_OPEN);
            terms.status = JobStatus::Cancelled;
            self.job_terms.write(job_id, terms);
            let budget = self.job_amounts.read(job_id).budget;
            self.escrowed.write(self.escrowed.read() - budget);
            self.emit(JobCancelled { job_id, refund: budget.into() });
            self._pay(poster, budget.into());
            self.guard.end();
        }

        fn award_job(
            ref self: ContractState,
            job_id: u64,
            worker: ContractAddress,
            price: u256,
            consent_expiry: u64,
            consent_signature: Array<felt252>,
        ) {
            // Guarded: the worker's account is called to check its consent, and an account is
            // code the market does not control.
            self.guard.start();
            let award = Award { job_id, worker, price, consent_expiry, consent_signature };
            self._award(award, self._params(), get_block_timestamp(), true);
            self.guard.end();
        }

        fn award_jobs(ref self: ContractState, awards: Array<Award>) {
            assert(awards.len() > 0, common_errors::EMPTY_BATCH);
            self.guard.start();
            let params = self._params();
            let now = get_block_timestamp();
            // Each award's worker and collateral, and each worker once.
            let mut asked: Array<(ContractAddress, u256)> = array![];
            let mut workers: Array<ContractAddress> = array![];
            let mut rest = awards;
            loop {
                match rest.pop_front() {
                    Option::Some(award) => {
                        let worker = award.worker;
                        let collateral = self._award(award, params, now, false);
                        asked.append((worker, collateral));
                        if !contains(workers.span(), worker) {
                            workers.append(worker);
                        }
                    },
                    Option::None => { break; },
                }
            };
            // An award checks the worker could lock its collateral, not that it has (that is
            // accept's check): a worker eligible for its largest award is eligible for each.
            let registry = self._registry();
            let mut each = workers.span();
            loop {
                match each.pop_front() {
                    Option::Some(worker) => {
                        let mut largest: u256 = 0;
                        let mut all = asked.span();
                        loop {
                            match all.pop_front() {
                                Option::Some(pair) => {
                                    let (who, collateral) = *pair;
                                    if who == *worker && collateral > largest {
                                        largest = collateral;
                                    }
                                },
                                Option::None => { break; },
                            }
                        };
                        let reason = registry.eligibility(*worker, largest);
                        assert(reason == 0, reason);
                    },
                    Option::None => { break; },
                }
            };
            self.guard.end();
        }

        fn accept_job(ref self: ContractState, job_id: u64) {
            let worker = get_caller_address();
            let collateral = self._accept(job_id, worker, get_block_timestamp());
            // Eligible again now, not only at award: a worker suspended or unstaking since, or
            // whose free stake went to another job, cannot start this one.
            let reason = self._registry().eligibility(worker, collateral);
            assert(reason == 0, reason);
            if collateral > 0 {
                self._registry().lock(worker, collateral, job_id);
            }
        }

        fn accept_jobs(ref self: ContractState, job_ids: Array<u64>) {
            assert(job_ids.len() > 0, common_errors::EMPTY_BATCH);
            let worker = get_caller_address();
            let now = get_block_timestamp();
            let mut total: u256 = 0;
            let mut locks: Array<JobCollateral> = array![];
            let mut rest = job_ids.span();
            loop {
                match rest.pop_front() {
                    Option::Some(job_id) => {
                        let collateral = self._accept(*job_id, worker, now);
                        total += collateral;
                        if collateral > 0 {
                            locks.append(JobCollateral { job_id: *job_id, amount: collateral });
                        }
                    },
                    Option::None => { break; },
                }
            };
            // Accepting one after another, each accept needs free stake for its collateral
            // after the ones before it locked theirs: free stake for the sum.
            let registry = self._registry();
            let reason = registry.eligibility(worker, total);
            assert(reason == 0, reason);
            if locks.len() > 0 {
                registry.lock_jobs(worker, locks);
            }
        }

        fn submit_result(ref self: ContractState, job_id: u64, commitment: felt252) {
            self._submit(job_id, commitment, get_caller_address(), get_block_timestamp());
        }

        fn submit_results(ref self: ContractState, results: Array<JobResult>) {
            assert(results.len() > 0, common_errors::EMPTY_BATCH);
            let worker = get_caller_address();
            let now = get_block_timestamp();
            let mut rest = results.span();
            loop {
                match rest.pop_front() {
                    Option::Some(result) => self._submit(*result.job_id, *result.commitment, worker, now),
                    Option::None => { break; },
                }
            };
        }

        fn confirm(ref self: ContractState, job_id: u64) {
            self.guard.start();
            let job = self._deal(job_id);
            assert(get_caller_address() == job.poster, errors::NOT_POSTER);
            assert(job.terms.status == JobStatus::Submitted, errors::NOT_SUBMITTED);
            let (payout, fee, refund) = self
                ._settle_for_worker(job_id, job, JobStatus::Completed, 0);
            self.emit(JobCompleted { job_id, worker: job.worker, payout, fee, refund, claimed: false });
            self.guard.end();
        }

        fn confirm_jobs(ref self: ContractState, job_ids: Array<u64>) {
            self._settle_jobs(job_ids, false);
        }

        fn dispute(
            ref self: ContractState, job_id: u64, reason: felt252, disputed_output_hash: felt252,
        ) {
            self.guard.start();
            let mut terms = self._terms(job_id);
            let poster = self.job_poster.read(job_id);
            assert(get_caller_address() == poster, errors::NOT_POSTER);
            assert(terms.status == JobStatus::Submitted, errors::NOT_SUBMITTED);
            let now = get_block_timestamp();
            assert(now <= self.job_clock.read(job_id).review_until, errors::REVIEW_WINDOW_OVER);
            let price = self.job_amounts.read(job_id).price;
            let bond = bps_of(price.into(), terms.dispute_bond_bps);
            let arbiter = self._arbiter();
            let resolve_by = now + terms.resolution_window;
            terms.status = JobStatus::Disputed;
            self.job_terms.write(job_id, terms);
            self.job_dispute.write(job_id, JobDispute { bond, arbiter, resolve_by });
            // Fits: the bond is at most the price.
            self.escrowed.write(self.escrowed.read() + narrow(bond));
            self
                .emit(
                    JobDisputed {
                        job_id,
                        poster,
                        worker: self.job_worker.read(job_id),
                        arbiter,
                        reason,
                        commitment: self.job_commitment.read(job_id),
                        disputed_output_hash,
                        bond,
                        resolve_by,
                    },
                );
            if bond > 0 {
                let ok = self._token().transfer_from(poster, get_contract_address(), bond);
                assert(ok, common_errors::TRANSFER_FAILED);
            }
            self.guard.end();
        }

        fn resolve(ref self: ContractState, job_id: u64, worker_wins: bool) {
            self.guard.start();
            let job = self._deal(job_id);
            assert(job.terms.status == JobStatus::Disputed, errors::NOT_DISPUTED);
            let dispute = self.job_dispute.read(job_id);
            assert(get_caller_address() == dispute.arbiter, errors::NOT_ARBITER);
            assert(get_block_timestamp() <= dispute.resolve_by, errors::RESOLUTION_OVER);
            self._resolve(job_id, job, dispute, worker_wins, false);
            self.guard.end();
        }

        fn finalize_dispute(ref self: ContractState, job_id: u64) {
            self.guard.start();
            let job = self._deal(job_id);
            assert(job.terms.status == JobStatus::Disputed, errors::NOT_DISPUTED);
            let dispute = self.job_dispute.read(job_id);
            assert(get_block_timestamp() > dispute.resolve_by, errors::RESOLUTION_OPEN);
            self._resolve(job_id, job, dispute, true, true);
            self.guard.end();
        }

        fn expire(ref self: ContractState, job_id: u64) {
            self.guard.start();
            let awarded = self._deal(job_id);
            let mut terms = awarded.terms;
            let clock = self.job_clock.read(job_id);
            let now = get_block_timestamp();
            let (stage, slashed) = match terms.status {
                JobStatus::Awarded => {
                    assert(now > clock.accept_by, errors::DEADLINE_NOT_PASSED);
                    (STAGE_ACCEPT, 0)
                },
                JobStatus::Accepted => {
                    assert(now > clock.deadline, errors::DEADLINE_NOT_PASSED);
                    (STAGE_EXECUTION, bps_of(awarded.collateral, terms.slash_bps))
                },
                _ => {
                    assert(false, errors::NOT_EXPIRABLE);
                    (0, 0)
                },
            };
            let reopen = terms.attempts < terms.max_attempts;
            terms.status = if reopen {
                JobStatus::Open
            } else {
                JobStatus::Expired
            };
            terms.fee_bps = 0;
            terms.slash_bps = 0;
            terms.collateral_bps = 0;
            terms.review_window = 0;
            terms.dispute_bond_bps = 0;
            terms.resolution_window = 0;
            // Every write before any call out (registry, reputation, token).
            self.job_terms.write(job_id, terms);
            self.job_worker.write(job_id, address::zero());
            self.job_amounts.write(job_id, JobAmounts { budget: awarded.budget.low, price: 0 });
            self.job_clock.write(job_id, Default::default());
            if !reopen {
                self.escrowed.write(self.escrowed.read() - narrow(awarded.budget));
            }
            self.emit(JobExpired { job_id, worker: awarded.worker, stage, slashed });
            if reopen {
                self.emit(JobReopened { job_id, attempts_left: terms.max_attempts - terms.attempts });
            } else {
                self.emit(JobRefunded { job_id, refund: awarded.budget });
            }
            if stage == STAGE_ACCEPT {
                self._reputation().record_failed(awarded.worker, job_id);
            } else {
                self._slash_collateral(job_id, awarded);
                self._reputation().record_slashed(awarded.worker, job_id);
            }
            if !reopen {
                self._pay(awarded.poster, awarded.budget);
            }
            self.guard.end();
        }

        fn claim(ref self: ContractState, job_id: u64) {
            self.guard.start();
            let job = self._deal(job_id);
            assert(get_caller_address() == job.worker, errors::NOT_WORKER);
            assert(job.terms.status == JobStatus::Submitted, errors::NOT_SUBMITTED);
            assert(
                get_block_timestamp() > self.job_clock.read(job_id).review_until,
                errors::REVIEW_WINDOW_OPEN,
            );
            let (payout, fee, refund) = self
                ._settle_for_worker(job_id, job, JobStatus::Completed, 0);
            self.emit(JobCompleted { job_id, worker: job.worker, payout, fee, refund, claimed: true });
            self.guard.end();
        }

        fn claim_jobs(ref self: ContractState, job_ids: Array<u64>) {
            self._settle_jobs(job_ids, true);
        }

        fn collect_fees(ref self: ContractState) -> u256 {
            self.guard.start();
            let caller = get_caller_address();
            let treasury = self.treasury.read();
            assert(caller == treasury || caller == self.ownable.owner(), errors::NOT_TREASURY);
            let amount: u256 = self.fees_accrued.read().into();
            assert(amount > 0, errors::NO_FEES);
            self.fees_accrued.write(0);
            self.emit(FeesCollected { treasury, amount });
            self._pay(treasury, amount);
            self.guard.end();
            amount
        }

        fn set_params(ref self: ContractState, params: MarketParams) {
            self.ownable.assert_only_owner();
            self._set_params(params, TIMELOCK);
        }

        fn set_arbiter(ref self: ContractState, arbiter: ContractAddress) {
            self.ownable.assert_only_owner();
            self._set_arbiter(arbiter, TIMELOCK);
        }

        fn set_treasury(ref self: ContractState, treasury: ContractAddress) {
            self.ownable.assert_only_owner();
            self._set_treasury(treasury);
        }

        fn award_consent_hash(
            self: @ContractState,
            job_id: u64,
            worker: ContractAddress,
            price: u256,
            expiry: u64,
            attempt: u8,
        ) -> felt252 {
            self._consent_hash(job_id, worker, price, expiry, attempt)
        }

        fn job(self: @ContractState, job_id: u64) -> Job {
            self._job(job_id)
        }

        fn job_count(self: @ContractState) -> u64 {
            self.job_count.read()
        }

        fn params(self: @ContractState) -> MarketParams {
            self._params()
        }

        fn pending_params(self: @ContractState) -> (MarketParams, u64) {
            let at = self.next_params_at.read();
            if at > get_block_timestamp() {
                (join_params(self.next_params.read(), self.next_params_min.read()), at)
            } else {
                (self._params(), 0)
            }
        }

        fn arbiter(self: @ContractState) -> ContractAddress {
            self._arbiter()
        }

        fn pending_arbiter(self: @ContractState) -> (ContractAddress, u64) {
            let at = self.next_arbiter_at.read();
            if at > get_block_timestamp() {
                (self.next_arbiter.read(), at)
            } else {
                (self._arbiter(), 0)
            }
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
            self.escrowed.read().into()
        }

        fn fees_accrued(self: @ContractState) -> u256 {
            self.fees_accrued.read().into()
        }
    }

    #[generate_trait]
    impl InternalImpl of InternalTrait {
        /// The whole job, for the `job` view: every slot of it.
        fn _job(self: @ContractState, job_id: u64) -> Job {
            let terms = self._terms(job_id);
            let clock = self.job_clock.read(job_id);
            let dispute = self.job_dispute.read(job_id);
            let amounts = self.job_amounts.read(job_id);
            let price: u256 = amounts.price.into();
            Job {
                poster: self.job_poster.read(job_id),
                status: terms.status,
                budget: amounts.budget.into(),
                manifest_hash: self.job_manifest.read(job_id),
                exec_duration: terms.exec_duration,
                max_attempts: terms.max_attempts,
                attempts: terms.attempts,
                worker: self.job_worker.read(job_id),
                price,
                collateral: bps_of(price, terms.collateral_bps),
                fee_bps: terms.fee_bps,
                slash_bps: terms.slash_bps,
                review_window: terms.review_window,
                dispute_bond_bps: terms.dispute_bond_bps,
                resolution_window: terms.resolution_window,
                accept_by: clock.accept_by,
                deadline: clock.deadline,
                commitment: self.job_commitment.read(job_id),
                review_until: clock.review_until,
                created_at: terms.created_at,
                dispute_bond: dispute.bond,
                arbiter: dispute.arbiter,
                resolve_by: dispute.resolve_by,
            }
        }

        /// The job's packed small fields; refuses a job that does not exist.
        fn _terms(self: @ContractState, job_id: u64) -> JobTerms {
            let terms = self.job_terms.read(job_id);
            assert(terms.status != JobStatus::None, errors::UNKNOWN_JOB);
            terms
        }

        /// The collateral of the current award, as `award_job` computed it.
        fn _collateral(self: @ContractState, job_id: u64, terms: JobTerms) -> u256 {
            bps_of(self.job_amounts.read(job_id).price.into(), terms.collateral_bps)
        }

        /// What settling, resolving or expiring a job moves, and who between.
        fn _deal(self: @ContractState, job_id: u64) -> Deal {
            let terms = self._terms(job_id);
            let amounts = self.job_amounts.read(job_id);
            let price: u256 = amounts.price.into();
            Deal {
                poster: self.job_poster.read(job_id),
                worker: self.job_worker.read(job_id),
                budget: amounts.budget.into(),
                price,
                collateral: bps_of(price, terms.collateral_bps),
                terms,
            }
        }

        fn _consent_hash(
            self: @ContractState,
            job_id: u64,
            worker: ContractAddress,
            price: u256,
            expiry: u64,
            attempt: u8,
        ) -> felt252 {
            let consent = snip12::AwardConsent {
                market: get_contract_address(), job_id, price, expiry, attempt,
            };
            snip12::award_consent_hash(get_tx_info().unbox().chain_id, worker, consent)
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

        /// Checks a job spec as `create_job` requires, writes the job's non-zero slots and emits
        /// `JobCreated`; the caller counts it, escrows its budget and pulls the tokens.
        fn _open(
            ref self: ContractState,
            job_id: u64,
            poster: ContractAddress,
            spec: JobSpec,
            max_exec_duration: u64,
        ) {
            let JobSpec { budget, manifest_hash, exec_duration, max_attempts } = spec;
            assert(budget > 0, errors::ZERO_BUDGET);
            assert(budget < MAX_BUDGET, errors::BUDGET_TOO_LARGE);
            assert(manifest_hash != 0, errors::ZERO_MANIFEST);
            assert(
                exec_duration > 0 && exec_duration <= max_exec_duration, errors::BAD_EXEC_DURATION,
            );
            assert(max_attempts >= 1 && max_attempts <= MAX_ATTEMPTS, errors::BAD_MAX_ATTEMPTS);
            // Only the slots that are not zero: a zero field is never written.
            self
                .job_terms
                .write(
                    job_id,
                    JobTerms {
                        status: JobStatus::Open,
                        max_attempts,
                        attempts: 0,
                        fee_bps: 0,
                        slash_bps: 0,
                        dispute_bond_bps: 0,
                        collateral_bps: 0,
                        exec_duration,
                        created_at: get_block_timestamp(),
                        review_window: 0,
                        resolution_window: 0,
                    },
                );
            self.job_poster.write(job_id, poster);
            self.job_amounts.write(job_id, JobAmounts { budget: budget.low, price: 0 });
            self.job_manifest.write(job_id, manifest_hash);
            self.emit(JobCreated { job_id, poster, budget, manifest_hash, exec_duration, max_attempts });
        }

        /// Checks an award as `award_job` requires, the worker's eligibility too when
        /// `check_eligibility` (else the caller checks it), records it and emits `JobAwarded`.
        /// Returns the collateral it implies.
        fn _award(
            ref self: ContractState,
            award: Award,
            params: MarketParams,
            now: u64,
            check_eligibility: bool,
        ) -> u256 {
            let Award { job_id, worker, price, consent_expiry, consent_signature } = award;
            let mut terms = self._terms(job_id);
            let poster = self.job_poster.read(job_id);
            assert(get_caller_address() == poster, errors::NOT_POSTER);
            assert(terms.status == JobStatus::Open, errors::NOT_OPEN);
            assert(!address::is_zero(worker), common_errors::ZERO_ADDRESS);
            assert(worker != poster, errors::POSTER_AS_WORKER);
            assert(price > 0, errors::ZERO_PRICE);
            let mut amounts = self.job_amounts.read(job_id);
            assert(price <= amounts.budget.into(), errors::PRICE_OVER_BUDGET);
            assert(now <= consent_expiry, errors::CONSENT_EXPIRED);
            assert(price >= params.min_price, errors::PRICE_TOO_LOW);
            let collateral = bps_of(price, params.collateral_bps);
            assert(collateral >= params.min_collateral, errors::COLLATERAL_TOO_LOW);
            if check_eligibility {
                let reason = self._registry().eligibility(worker, collateral);
                assert(reason == 0, reason);
            }
            let attempt = terms.attempts + 1;
            let hash = self._consent_hash(job_id, worker, price, consent_expiry, attempt);
            let answer = ISRC6Dispatcher { contract_address: worker }
                .is_valid_signature(hash, consent_signature);
            assert(answer == VALID, errors::BAD_CONSENT);
            terms.status = JobStatus::Awarded;
            terms.attempts = attempt;
            terms.fee_bps = params.fee_bps;
            terms.slash_bps = params.slash_bps;
            terms.collateral_bps = params.collateral_bps;
            terms.review_window = params.review_window;
            terms.dispute_bond_bps = params.dispute_bond_bps;
            terms.resolution_window = params.resolution_window;
            let accept_by = now + params.accept_window;
            self.job_terms.write(job_id, terms);
            self.job_worker.write(job_id, worker);
            // Fits: the price is at most the budget.
            amounts.price = price.low;
            self.job_amounts.write(job_id, amounts);
            self.job_clock.write(job_id, JobClock { accept_by, deadline: 0, review_until: 0 });
            self
                .emit(
                    JobAwarded {
                        job_id,
                        worker,
                        price,
                        collateral,
                        accept_by,
                        attempt,
                        fee_bps: terms.fee_bps,
                        slash_bps: terms.slash_bps,
                    },
                );
            collateral
        }

        /// `submit_result` for one job, by `worker` (the caller).
        fn _submit(
            ref self: ContractState, job_id: u64, commitment: felt252, worker: ContractAddress, now: u64,
        ) {
            let mut terms = self._terms(job_id);
            assert(worker == self.job_worker.read(job_id), errors::NOT_WORKER);
            assert(terms.status == JobStatus::Accepted, errors::NOT_ACCEPTED);
            let mut clock = self.job_clock.read(job_id);
            assert(now <= clock.deadline, errors::DEADLINE_PASSED);
            assert(commitment != 0, errors::ZERO_COMMITMENT);
            terms.status = JobStatus::Submitted;
            clock.review_until = now + terms.review_window;
            self.job_terms.write(job_id, terms);
            self.job_clock.write(job_id, clock);
            self.job_commitment.write(job_id, commitment);
            self
                .emit(
                    ResultSubmitted { job_id, worker, commitment, review_until: clock.review_until },
                );
        }

        /// Checks that `worker` may accept the job now, starts its execution deadline and emits
        /// `JobAccepted`. Returns the collateral to lock; the caller checks the worker's
        /// eligibility for it and locks it.
        fn _accept(ref self: ContractState, job_id: u64, worker: ContractAddress, now: u64) -> u256 {
            let mut terms = self._terms(job_id);
            assert(worker == self.job_worker.read(job_id), errors::NOT_WORKER);
            assert(terms.status == JobStatus::Awarded, errors::NOT_AWARDED);
            let mut clock = self.job_clock.read(job_id);
            assert(now <= clock.accept_by, errors::ACCEPT_WINDOW_OVER);
            let collateral = self._collateral(job_id, terms);
            terms.status = JobStatus::Accepted;
            clock.deadline = now + terms.exec_duration;
            self.job_terms.write(job_id, terms);
            self.job_clock.write(job_id, clock);
            self.emit(JobAccepted { job_id, worker, deadline: clock.deadline });
            collateral
        }

        /// `confirm` (by the poster) or `claim` (by the worker) for each of `job_ids`, then each
        /// party paid once: a worker its payouts, its collateral released and its reputation
        /// recorded in one call each, a poster its refunds.
        fn _settle_jobs(ref self: ContractState, job_ids: Array<u64>, claimed: bool) {
            assert(job_ids.len() > 0, common_errors::EMPTY_BATCH);
            self.guard.start();
            let caller = get_caller_address();
            let now = get_block_timestamp();
            let mut settled: Array<Settled> = array![];
            let mut budgets: u256 = 0;
            let mut fees: u256 = 0;
            let mut rest = job_ids.span();
            loop {
                match rest.pop_front() {
                    Option::Some(id) => {
                        let job_id = *id;
                        let job = self._deal(job_id);
                        if claimed {
                            assert(caller == job.worker, errors::NOT_WORKER);
                        } else {
                            assert(caller == job.poster, errors::NOT_POSTER);
                        }
                        assert(job.terms.status == JobStatus::Submitted, errors::NOT_SUBMITTED);
                        if claimed {
                            assert(
                                now > self.job_clock.read(job_id).review_until,
                                errors::REVIEW_WINDOW_OPEN,
                            );
                        }
                        let fee = bps_of(job.price, job.terms.fee_bps);
                        let payout = job.price - fee;
                        let refund = job.budget - job.price;
                        let mut terms = job.terms;
                        terms.status = JobStatus::Completed;
                        self.job_terms.write(job_id, terms);
                        budgets += job.budget;
                        fees += fee;
                        self
                            .emit(
                                JobCompleted {
                                    job_id, worker: job.worker, payout, fee, refund, claimed,
                                },
                            );
                        settled
                            .append(
                                Settled {
                                    job_id,
                                    poster: job.poster,
                                    worker: job.worker,
                                    payout,
                                    fee,
                                    refund,
                                    collateral: job.collateral,
                                },
                            );
                    },
                    Option::None => { break; },
                }
            };
            self.escrowed.write(self.escrowed.read() - narrow(budgets));
            self.fees_accrued.write(self.fees_accrued.read() + narrow(fees));
            let settled = settled.span();
            let min_price = self._param_minimums().min_price;
            let mut workers = distinct(settled, true).span();
            loop {
                match workers.pop_front() {
                    Option::Some(worker) => self._pay_worker(*worker, settled, min_price),
                    Option::None => { break; },
                }
            };
            let mut posters = distinct(settled, false).span();
            loop {
                match posters.pop_front() {
                    Option::Some(poster) => {
                        let mut refund: u256 = 0;
                        let mut all = settled;
                        loop {
                            match all.pop_front() {
                                Option::Some(s) => { if *s.poster == *poster {
                                    refund += *s.refund;
                                } },
                                Option::None => { break; },
                            }
                        };
                        self._pay(*poster, refund);
                    },
                    Option::None => { break; },
                }
            };
            self.guard.end();
        }

        /// One worker's part of a settled batch: its collateral released, its completions
        /// recorded and its payouts sent, one call each.
        fn _pay_worker(
            ref self: ContractState, worker: ContractAddress, settled: Span<Settled>, min_price: u256,
        ) {
            let mut releases: Array<JobCollateral> = array![];
            let mut completions: Array<Completion> = array![];
            let mut payout: u256 = 0;
            let mut all = settled;
            loop {
                match all.pop_front() {
                    Option::Some(s) => {
                        if *s.worker == worker {
                            if *s.collateral > 0 {
                                releases.append(JobCollateral { job_id: *s.job_id, amount: *s.collateral });
                            }
                            completions
                                .append(Completion { job_id: *s.job_id, poster: *s.poster, fee: *s.fee });
                            payout += *s.payout;
                        }
                    },
                    Option::None => { break; },
                }
            };
            if releases.len() > 0 {
                self._registry().release_jobs(worker, releases);
            }
            self._reputation().record_completions(worker, completions, min_price);
            self._pay(worker, payout);
        }

        /// Settles a job in the worker's favour: price less fee (and `bonus`, a dispute bond)
        /// to the worker, the fee to the treasury's account, the unspent budget back to the
        /// poster, collateral released. Returns (payout, fee, refund), payout without the
        /// bonus; the caller emits the event that names why.
        fn _settle_for_worker(
            ref self: ContractState, job_id: u64, job: Deal, status: JobStatus, bonus: u256,
        ) -> (u256, u256, u256) {
            let fee = bps_of(job.price, job.terms.fee_bps);
            let payout = job.price - fee;
            let refund = job.budget - job.price;
            let mut terms = job.terms;
            terms.status = status;
            self.job_terms.write(job_id, terms);
            self.escrowed.write(self.escrowed.read() - narrow(job.budget + bonus));
            self.fees_accrued.write(self.fees_accrued.read() + narrow(fee));
            if job.collateral > 0 {
                self._registry().release(job.worker, job.collateral, job_id);
            }
            // Credited by the fee it paid, in units of the minimum price in force now.
            self
                ._reputation()
                .record_completed(job.worker, job_id, job.poster, fee, self._params().min_price);
            self._pay(job.worker, payout + bonus);
            self._pay(job.poster, refund);
            (payout, fee, refund)
        }

        /// Ends a dispute: for the worker as `confirm` would, plus the bond; or for the poster,
        /// who gets back its budget and bond while the worker's collateral is slashed at the
        /// job's rate.
        fn _resolve(
            ref self: ContractState,
            job_id: u64,
            job: Deal,
            dispute: JobDispute,
            worker_wins: bool,
            by_default: bool,
        ) {
            let bond = dispute.bond;
            if worker_wins {
                let (payout, fee, refund) = self
                    ._settle_for_worker(job_id, job, JobStatus::Resolved, bond);
                self
                    .emit(
                        JobResolved {
                            job_id,
                            poster: job.poster,
                            worker: job.worker,
                            arbiter: dispute.arbiter,
                            worker_wins,
                            by_default,
                            payout,
                            fee,
                            refund,
                            slashed: 0,
                            bond,
                            fee_bps: job.terms.fee_bps,
                            slash_bps: job.terms.slash_bps,
                        },
                    );
            } else {
                let mut terms = job.terms;
                terms.status = JobStatus::Resolved;
                self.job_terms.write(job_id, terms);
                self.escrowed.write(self.escrowed.read() - narrow(job.budget + bond));
                let slashed = bps_of(job.collateral, terms.slash_bps);
                self
                    .emit(
                        JobResolved {
                            job_id,
                            poster: job.poster,
                            worker: job.worker,
                            arbiter: dispute.arbiter,
                            worker_wins,
                            by_default,
                            payout: 0,
                            fee: 0,
                            refund: job.budget,
                            slashed,
                            bond,
                            fee_bps: terms.fee_bps,
                            slash_bps: terms.slash_bps,
                        },
                    );
                self._slash_collateral(job_id, job);
                self._reputation().record_slashed(job.worker, job_id);
                self._pay(job.poster, job.budget + bond);
            }
        }

        /// Takes the configured share of an accepted job's collateral (it arrives here and is
        /// counted with the fees: slashes go to the protocol, never to the poster, so a poster
        /// gains nothing by withholding inputs) and releases the rest. Suspends the worker
        /// even when the share is zero. Returns the amount slashed.
        fn _slash_collateral(ref self: ContractState, job_id: u64, job: Deal) -> u256 {
            let slashed = bps_of(job.collateral, job.terms.slash_bps);
            let rest = job.collateral - slashed;
            self.fees_accrued.write(self.fees_accrued.read() + narrow(slashed));
            let registry = self._registry();
            if rest > 0 {
                registry.release(job.worker, rest, job_id);
            }
            registry.slash(job.worker, slashed, job_id);
            slashed
        }

        /// The parameters in effect: the scheduled ones once their time has come.
        fn _params(self: @ContractState) -> MarketParams {
            if self._next_params_due() {
                join_params(self.next_params.read(), self.next_params_min.read())
            } else {
                join_params(self.params.read(), self.params_min.read())
            }
        }

        /// The minimums in effect, without the rates and windows.
        fn _param_minimums(self: @ContractState) -> ParamMinimums {
            if self._next_params_due() {
                self.next_params_min.read()
            } else {
                self.params_min.read()
            }
        }

        /// The rates and windows in effect, without the minimums: one slot fewer to read.
        fn _param_terms(self: @ContractState) -> ParamTerms {
            if self._next_params_due() {
                self.next_params.read()
            } else {
                self.params.read()
            }
        }

        fn _next_params_due(self: @ContractState) -> bool {
            let at = self.next_params_at.read();
            at != 0 && get_block_timestamp() >= at
        }

        fn _arbiter(self: @ContractState) -> ContractAddress {
            let at = self.next_arbiter_at.read();
            if at != 0 && get_block_timestamp() >= at {
                self.next_arbiter.read()
            } else {
                self.arbiter.read()
            }
        }

        /// Validates `params` and schedules them `delay` seconds from now (0: at once). A
        /// change already due is made current first, so scheduling never undoes it.
        fn _set_params(ref self: ContractState, params: MarketParams, delay: u64) {
            assert(params.fee_bps <= MAX_FEE_BPS, errors::FEE_TOO_HIGH);
            assert(params.collateral_bps <= MAX_COLLATERAL_BPS, errors::COLLATERAL_TOO_HIGH);
            assert(params.slash_bps <= MAX_SLASH_BPS, errors::SLASH_TOO_HIGH);
            assert(params.dispute_bond_bps <= MAX_BOND_BPS, errors::BOND_TOO_HIGH);
            assert(
                params.resolution_window > 0 && params.resolution_window <= MAX_WINDOW,
                errors::BAD_WINDOW,
            );
            assert(params.accept_window > 0 && params.accept_window <= MAX_WINDOW, errors::BAD_WINDOW);
            assert(params.review_window > 0 && params.review_window <= MAX_WINDOW, errors::BAD_WINDOW);
            assert(
                params.max_exec_duration > 0 && params.max_exec_duration <= MAX_WINDOW,
                errors::BAD_WINDOW,
            );
            let now = get_block_timestamp();
            let (current, current_min) = split_params(self._params());
            self.params.write(current);
            self.params_min.write(current_min);
            let (terms, minimums) = split_params(params);
            if delay == 0 {
                self.params.write(terms);
                self.params_min.write(minimums);
                self.next_params_at.write(0);
            } else {
                self.next_params.write(terms);
                self.next_params_min.write(minimums);
                self.next_params_at.write(now + delay);
            }
            self.emit(ParamsUpdated { params, effective_at: now + delay });
        }

        fn _set_arbiter(ref self: ContractState, arbiter: ContractAddress, delay: u64) {
            assert(!address::is_zero(arbiter), common_errors::ZERO_ADDRESS);
            let now = get_block_timestamp();
            self.arbiter.write(self._arbiter());
            if delay == 0 {
                self.arbiter.write(arbiter);
                self.next_arbiter_at.write(0);
            } else {
                self.next_arbiter.write(arbiter);
                self.next_arbiter_at.write(now + delay);
            }
            self.emit(ArbiterSet { arbiter, effective_at: now + delay });
        }

        fn _set_treasury(ref self: ContractState, treasury: ContractAddress) {
            assert(!address::is_zero(treasury), common_errors::ZERO_ADDRESS);
            self.treasury.write(treasury);
            self.emit(TreasurySet { treasury });
        }
    }
}
