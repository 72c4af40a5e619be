//! ContractAddress has both the old `Zeroable` and the new `Zero` traits in scope in Cairo 2.8,
//! so `addr.is_zero()` is ambiguous; these helpers say what they mean without the ambiguity.
use starknet::ContractAddress;

pub fn is_zero(address: ContractAddress) -> bool {
    let raw: felt252 = address.into();
    raw == 0
}

pub fn zero() -> ContractAddress {
    0.try_into().unwrap()
}
