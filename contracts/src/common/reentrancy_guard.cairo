//! Guards entry points that move tokens. The payment token is configurable, so a hostile token
//! could call back into the market mid-transfer; state is written before every transfer
//! (checks-effects-interactions) and this guard refuses the nested call outright.
#[starknet::component]
pub mod ReentrancyGuardComponent {
    use starknet::storage::{StoragePointerReadAccess, StoragePointerWriteAccess};
    use crate::common::errors;

    #[storage]
    pub struct Storage {
        pub ReentrancyGuard_entered: bool,
    }

    #[event]
    #[derive(Drop, PartialEq, Debug, starknet::Event)]
    pub enum Event {}

    #[generate_trait]
    pub impl InternalImpl<
        TContractState, +HasComponent<TContractState>,
    > of InternalTrait<TContractState> {
        fn start(ref self: ComponentState<TContractState>) {
            assert(!self.ReentrancyGuard_entered.read(), errors::REENTRANT_CALL);
            self.ReentrancyGuard_entered.write(true);
        }

        fn end(ref self: ComponentState<TContractState>) {
            self.ReentrancyGuard_entered.write(false);
        }
    }
}
