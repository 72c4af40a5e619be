//! SRC-6, the standard account interface's signature check: how a contract asks an account
//! (OpenZeppelin, Argent, Braavos, or a multisig) whether it signed a hash, whatever its
//! signature scheme.
#[starknet::interface]
pub trait ISRC6<TState> {
    /// 'VALID' when the account accepts `signature` for `hash`; 0 (or a revert) otherwise.
    fn is_valid_signature(self: @TState, hash: felt252, signature: Array<felt252>) -> felt252;
}

pub const VALID: felt252 = 'VALID';
