//! An SRC-6 account for the Cairo unit tests only (the devnet tests use devnet's predeployed
//! OpenZeppelin accounts and real ECDSA signatures). It "signs" a hash by recording it, the way
//! a multisig pre-approves one, since the test runner has no key to sign with; it accepts a
//! hash only with the signature `[hash]`, so a signature for another hash is refused.
#[starknet::interface]
pub trait ITestAccount<TState> {
    fn sign(ref self: TState, hash: felt252) -> Array<felt252>;
}

#[starknet::contract]
pub mod TestAccount {
    use starknet::storage::{Map, StorageMapReadAccess, StorageMapWriteAccess};
    use crate::common::src6::{ISRC6, VALID};

    #[storage]
    struct Storage {
        signed: Map<felt252, bool>,
    }

    #[abi(embed_v0)]
    impl TestAccountImpl of super::ITestAccount<ContractState> {
        fn sign(ref self: ContractState, hash: felt252) -> Array<felt252> {
            self.signed.write(hash, true);
            array![hash]
        }
    }

    #[abi(embed_v0)]
    impl SRC6Impl of ISRC6<ContractState> {
        fn is_valid_signature(
            self: @ContractState, hash: felt252, signature: Array<felt252>,
        ) -> felt252 {
            if signature.len() == 1 && *signature.at(0) == hash && self.signed.read(hash) {
                VALID
            } else {
                0
            }
        }
    }
}
