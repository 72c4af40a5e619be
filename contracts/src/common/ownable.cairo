//! Single-owner access control for parameter setters, with a two-step handover: the owner
//! names a successor, who must accept, so a mistyped address can never take (or lose) the
//! contract. Ownership can be handed over but never renounced to zero: a market without an
//! owner could never fix a bad parameter.
use starknet::ContractAddress;

#[starknet::interface]
pub trait IOwnable<TState> {
    fn owner(self: @TState) -> ContractAddress;
    /// The successor named by `transfer_ownership` and not yet accepted (zero if none).
    fn pending_owner(self: @TState) -> ContractAddress;
    /// Requires: caller is the owner, `new_owner` is not zero. Names `new_owner` as successor
    /// (replacing any earlier one); the owner stays in office until it accepts.
    /// Emits `OwnershipTransferStarted`.
    fn transfer_ownership(ref self: TState, new_owner: ContractAddress);
    /// Requires: caller is the pending owner. Emits `OwnershipTransferred`.
    fn accept_ownership(ref self: TState);
}

#[starknet::component]
pub mod OwnableComponent {
    use crate::common::address;
    use starknet::storage::{StoragePointerReadAccess, StoragePointerWriteAccess};
    use starknet::{ContractAddress, get_caller_address};
    use crate::common::errors;

    #[storage]
    pub struct Storage {
        pub Ownable_owner: ContractAddress,
        pub Ownable_pending_owner: ContractAddress,
    }

    #[event]
    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub enum Event {
        OwnershipTransferStarted: OwnershipTransferStarted,
        OwnershipTransferred: OwnershipTransferred,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct OwnershipTransferStarted {
        #[key]
        pub previous_owner: ContractAddress,
        #[key]
        pub new_owner: ContractAddress,
    }

    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub struct OwnershipTransferred {
        #[key]
        pub previous_owner: ContractAddress,
        #[key]
        pub new_owner: ContractAddress,
    }

    #[embeddable_as(OwnableImpl)]
    impl Ownable<
        TContractState, +HasComponent<TContractState>,
    > of super::IOwnable<ComponentState<TContractState>> {
        fn owner(self: @ComponentState<TContractState>) -> ContractAddress {
            self.Ownable_owner.read()
        }

        fn pending_owner(self: @ComponentState<TContractState>) -> ContractAddress {
            self.Ownable_pending_owner.read()
        }

        fn transfer_ownership(ref self: ComponentState<TContractState>, new_owner: ContractAddress) {
            self.assert_only_owner();
            assert(!address::is_zero(new_owner), errors::ZERO_ADDRESS);
            self.Ownable_pending_owner.write(new_owner);
            let previous_owner = self.Ownable_owner.read();
            self.emit(OwnershipTransferStarted { previous_owner, new_owner });
        }

        fn accept_ownership(ref self: ComponentState<TContractState>) {
            let caller = get_caller_address();
            let pending = self.Ownable_pending_owner.read();
            assert(!address::is_zero(pending) && caller == pending, errors::NOT_PENDING_OWNER);
            self.Ownable_pending_owner.write(address::zero());
            self._set_owner(caller);
        }
    }

    #[generate_trait]
    pub impl InternalImpl<
        TContractState, +HasComponent<TContractState>,
    > of InternalTrait<TContractState> {
        fn initializer(ref self: ComponentState<TContractState>, owner: ContractAddress) {
            self._set_owner(owner);
        }

        fn assert_only_owner(self: @ComponentState<TContractState>) {
            assert(get_caller_address() == self.Ownable_owner.read(), errors::NOT_OWNER);
        }

        fn _set_owner(ref self: ComponentState<TContractState>, new_owner: ContractAddress) {
            assert(!address::is_zero(new_owner), errors::ZERO_ADDRESS);
            let previous_owner = self.Ownable_owner.read();
            self.Ownable_owner.write(new_owner);
            self.emit(OwnershipTransferred { previous_owner, new_owner });
        }
    }
}
