#[starknet::contract]
pub mod StakingRegistry {
    use crate::common::address;
    use starknet::storage::{
        Map, StorageMapReadAccess, StorageMapWriteAccess, StoragePathEntry, StoragePointerReadAccess,
        StoragePointerWriteAccess,
    };
    use starknet::{ContractAddress, get_block_timestamp, get_caller_address, get_contract_address};
    use crate::common::erc20::{IERC20Dispatcher, IERC20DispatcherTrait};
    use crate::common::errors as common_errors;
    use crate::common::ownable::OwnableComponent;
    use crate::common::reentrancy_guard::ReentrancyGuardComponent;
    use crate::staking::errors;
    use crate::staking::events::{
        Staked, UnstakeRequested, UnstakeCancelled, Withdrawn, PeerBound, CollateralLocked, CollateralReleased, Slashed, MarketSet, ParamsUpdated,
    };
    use crate::staking::interface::{IStakingRegistry, JobCollateral, RegistryParams, StakeInfo};

    component!(path: OwnableComponent, storage: ownable, event: OwnableEvent);
    component!(path: ReentrancyGuardComponent, storage: guard, event: GuardEvent);

    #[abi(embed_v0)]
    impl OwnableImpl = OwnableComponent::OwnableImpl<ContractState>;
    impl OwnableInternalImpl = OwnableComponent::InternalImpl<ContractState>;
    impl GuardInternalImpl = ReentrancyGuardComponent::InternalImpl<ContractState>;

    /// A libp2p peer id in text form is 46 (RSA-free, SHA-256 multihash) or 52 (Ed25519
    /// identity multihash) characters; anything much longer is not a peer id.
    const MAX_PEER_ID_LEN: usize = 128;
    /// Upper bounds that keep a mistyped parameter from locking funds for years.
    const MAX_COOLDOWN: u64 = 30 * 86400;
    const MAX_SUSPENSION: u64 = 365 * 86400;

    #[storage]
    struct Storage {
        #[substorage(v0)]
        ownable: OwnableComponent::Storage,
        #[substorage(v0)]
        guard: ReentrancyGuardComponent::Storage,
        token: ContractAddress,
        market: ContractAddress,
        params: RegistryParams,
        stakes: Map<ContractAddress, StakeInfo>,
        peer_ids: Map<ContractAddress, ByteArray>,
        total_staked: u256,
    }

    #[event]
    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub enum Event {
        #[flat]
        OwnableEvent: OwnableComponent::Event,
        #[flat]
        GuardEvent: ReentrancyGuardComponent::Event,
        Staked: Staked,
        UnstakeRequested: UnstakeRequested,
        UnstakeCancelled: UnstakeCancelled,
        Withdrawn: Withdrawn,
        PeerBound: PeerBound,
        CollateralLocked: CollateralLocked,
        CollateralReleased: CollateralReleased,
        Slashed: Slashed,
        MarketSet: MarketSet,
        ParamsUpdated: ParamsUpdated,
    }

    #[constructor]
    fn constructor(
        ref self: ContractState,
        owner: ContractAddress,
        token: ContractAddress,
        params: RegistryParams,
    ) {
        assert(!address::is_zero(token), common_errors::ZERO_ADDRESS);
        self.ownable.initializer(owner);
        self.token.write(token);
        self._set_params(params);
    }

    #[abi(embed_v0)]
    impl StakingRegistryImpl of IStakingRegistry<ContractState> {
        fn stake(ref self: ContractState, amount: u256) {
            assert(amount > 0, errors::ZERO_AMOUNT);
            self.guard.start();
            let worker = get_caller_address();
            let mut info = self.stakes.read(worker);
            info.staked += amount;
            self.stakes.write(worker, info);
            self.total_staked.write(self.total_staked.read() + amount);
            self.emit(Staked { worker, amount, staked: info.staked });
            let ok = self._token().transfer_from(worker, get_contract_address(), amount);
            assert(ok, common_errors::TRANSFER_FAILED);
            self.guard.end();
        }

        fn request_unstake(ref self: ContractState, amount: u256) {
            assert(amount > 0, errors::ZERO_AMOUNT);
            let worker = get_caller_address();
            let mut info = self.stakes.read(worker);
            assert(amount <= free_of(@info), errors::INSUFFICIENT_FREE_STAKE);
            info.pending_unstake += amount;
            info.unstake_available_at = get_block_timestamp() + self.params.read().cooldown;
            self.stakes.write(worker, info);
            self
                .emit(
                    UnstakeRequested {
                        worker,
                        amount,
                        pending: info.pending_unstake,
                        available_at: info.unstake_available_at,
                    },
                );
        }

        fn cancel_unstake(ref self: ContractState) {
            let worker = get_caller_address();
            let mut info = self.stakes.read(worker);
            let amount = info.pending_unstake;
            assert(amount > 0, errors::NO_PENDING_UNSTAKE);
            info.pending_unstake = 0;
            info.unstake_available_at = 0;
            self.stakes.write(worker, info);
            self.emit(UnstakeCancelled { worker, amount });
        }

        fn withdraw(ref self: ContractState) -> u256 {
            self.guard.start();
            let worker = get_caller_address();
            let mut info = self.stakes.read(worker);
            let amount = info.pending_unstake;
            assert(amount > 0, errors::NO_PENDING_UNSTAKE);
            assert(get_block_timestamp() >= info.unstake_available_at, errors::COOLDOWN_NOT_OVER);
            info.staked -= amount;
            info.pending_unstake = 0;
            info.unstake_available_at = 0;
            self.stakes.write(worker, info);
            self.total_staked.write(self.total_staked.read() - amount);
            self.emit(Withdrawn { worker, amount, staked: info.staked });
            let ok = self._token().transfer(worker, amount);
            assert(ok, common_errors::TRANSFER_FAILED);
            self.guard.end();
            amount
        }

        fn bind_peer(ref self: ContractState, peer_id: ByteArray) {
            let len = peer_id.len();
            assert(len > 0, errors::EMPTY_PEER_ID);
            assert(len <= MAX_PEER_ID_LEN, errors::PEER_ID_TOO_LONG);
            let worker = get_caller_address();
            self.peer_ids.write(worker, peer_id.clone());
            self.emit(PeerBound { worker, peer_id });
        }

        fn lock(ref self: ContractState, worker: ContractAddress, amount: u256, job_id: u64) {
            self._assert_only_market();
            assert(amount > 0, errors::ZERO_AMOUNT);
            // The members it needs, not the whole StakeInfo: a job's accept and settlement pay
            // for every slot read or written here.
            let stake = self.stakes.entry(worker);
            let locked = stake.locked.read();
            let free = stake.staked.read() - locked - stake.pending_unstake.read();
            assert(amount <= free, errors::INSUFFICIENT_FREE_STAKE);
            let locked = locked + amount;
            stake.locked.write(locked);
            self.emit(CollateralLocked { worker, job_id, amount, locked });
        }

        fn release(ref self: ContractState, worker: ContractAddress, amount: u256, job_id: u64) {
            self._assert_only_market();
            assert(amount > 0, errors::ZERO_AMOUNT);
            let stake = self.stakes.entry(worker);
            let locked = stake.locked.read();
            assert(amount <= locked, errors::INSUFFICIENT_LOCKED);
            let locked = locked - amount;
            stake.locked.write(locked);
            self.emit(CollateralReleased { worker, job_id, amount, locked });
        }

        fn lock_jobs(ref self: ContractState, worker: ContractAddress, locks: Array<JobCollateral>) {
            self._assert_only_market();
            assert(locks.len() > 0, common_errors::EMPTY_BATCH);
            let stake = self.stakes.entry(worker);
            let mut locked = stake.locked.read();
            let free = stake.staked.read() - locked - stake.pending_unstake.read();
            let mut total: u256 = 0;
            let mut rest = locks.span();
            loop {
                match rest.pop_front() {
                    Option::Some(lock) => {
                        let JobCollateral { job_id, amount } = *lock;
                        assert(amount > 0, errors::ZERO_AMOUNT);
                        total += amount;
                        assert(total <= free, errors::INSUFFICIENT_FREE_STAKE);
                        locked += amount;
                        self.emit(CollateralLocked { worker, job_id, amount, locked });
                    },
                    Option::None => { break; },
                }
            };
            stake.locked.write(locked);
        }

        fn release_jobs(
            ref self: ContractState, worker: ContractAddress, releases: Array<JobCollateral>,
        ) {
            self._assert_only_market();
            assert(releases.len() > 0, common_errors::EMPTY_BATCH);
            let stake = self.stakes.entry(worker);
            let mut locked = stake.locked.read();
            let mut rest = releases.span();
            loop {
                match rest.pop_front() {
                    Option::Some(release) => {
                        let JobCollateral { job_id, amount } = *release;
                        assert(amount > 0, errors::ZERO_AMOUNT);
                        assert(amount <= locked, errors::INSUFFICIENT_LOCKED);
                        locked -= amount;
                        self.emit(CollateralReleased { worker, job_id, amount, locked });
                    },
                    Option::None => { break; },
                }
            };
            stake.locked.write(locked);
        }

        fn slash(ref self: ContractState, worker: ContractAddress, amount: u256, job_id: u64) {
            self._assert_only_market();
            self.guard.start();
            let mut info = self.stakes.read(worker);
            assert(amount <= info.locked, errors::INSUFFICIENT_LOCKED);
            info.locked -= amount;
            info.staked -= amount;
            // A later slash extends a suspension but never shortens one (the suspension
            // parameter may have been lowered since the first).
            let proposed = get_block_timestamp() + self.params.read().suspension;
            let suspended_until = if proposed > info.suspended_until {
                proposed
            } else {
                info.suspended_until
            };
            info.suspended_until = suspended_until;
            self.stakes.write(worker, info);
            self.total_staked.write(self.total_staked.read() - amount);
            self.emit(Slashed { worker, job_id, amount, staked: info.staked, suspended_until });
            if amount > 0 {
                let ok = self._token().transfer(get_caller_address(), amount);
                assert(ok, common_errors::TRANSFER_FAILED);
            }
            self.guard.end();
        }

        fn set_market(ref self: ContractState, market: ContractAddress) {
            self.ownable.assert_only_owner();
            assert(!address::is_zero(market), common_errors::ZERO_ADDRESS);
            // Once only: a new market could otherwise be made to slash any worker's collateral.
            assert(address::is_zero(self.market.read()), common_errors::MARKET_ALREADY_SET);
            self.market.write(market);
            self.emit(MarketSet { market });
        }

        fn set_params(ref self: ContractState, params: RegistryParams) {
            self.ownable.assert_only_owner();
            self._set_params(params);
        }

        fn stake_of(self: @ContractState, worker: ContractAddress) -> StakeInfo {
            self.stakes.read(worker)
        }

        fn free_stake_of(self: @ContractState, worker: ContractAddress) -> u256 {
            free_of(@self.stakes.read(worker))
        }

        fn peer_id_of(self: @ContractState, worker: ContractAddress) -> ByteArray {
            self.peer_ids.read(worker)
        }

        fn eligibility(self: @ContractState, worker: ContractAddress, collateral: u256) -> felt252 {
            // Member by member (every award and accept asks): the unstake time is never needed.
            let stake = self.stakes.entry(worker);
            let staked = stake.staked.read();
            if staked == 0 {
                return errors::NOT_STAKED;
            }
            let pending_unstake = stake.pending_unstake.read();
            if pending_unstake > 0 {
                return errors::UNSTAKING;
            }
            if staked < self.params.min_stake.read() {
                return errors::BELOW_MIN_STAKE;
            }
            if get_block_timestamp() < stake.suspended_until.read() {
                return errors::SUSPENDED;
            }
            if staked - stake.locked.read() - pending_unstake < collateral {
                return errors::INSUFFICIENT_FREE_STAKE;
            }
            if self.peer_ids.read(worker).len() == 0 {
                return errors::NO_PEER_ID;
            }
            0
        }

        fn params(self: @ContractState) -> RegistryParams {
            self.params.read()
        }

        fn market(self: @ContractState) -> ContractAddress {
            self.market.read()
        }

        fn token(self: @ContractState) -> ContractAddress {
            self.token.read()
        }

        fn total_staked(self: @ContractState) -> u256 {
            self.total_staked.read()
        }
    }

    fn free_of(info: @StakeInfo) -> u256 {
        *info.staked - *info.locked - *info.pending_unstake
    }

    #[generate_trait]
    impl InternalImpl of InternalTrait {
        fn _token(self: @ContractState) -> IERC20Dispatcher {
            IERC20Dispatcher { contract_address: self.token.read() }
        }

        fn _assert_only_market(self: @ContractState) {
            let market = self.market.read();
            assert(!address::is_zero(market) && get_caller_address() == market, common_errors::NOT_MARKET);
        }

        fn _set_params(ref self: ContractState, params: RegistryParams) {
            assert(params.cooldown <= MAX_COOLDOWN, errors::COOLDOWN_TOO_LONG);
            assert(params.suspension <= MAX_SUSPENSION, errors::SUSPENSION_TOO_LONG);
            self.params.write(params);
            self
                .emit(
                    ParamsUpdated {
                        min_stake: params.min_stake,
                        cooldown: params.cooldown,
                        suspension: params.suspension,
                    },
                );
        }
    }
}
