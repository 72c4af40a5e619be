//! Basis-point arithmetic: every share in the protocol (fee, collateral, slash) is a whole
//! number of basis points so that the same amount always rounds the same way, on-chain and in
//! the node's quotes. Rounds down: a share never exceeds its exact value.
pub const BPS_DENOMINATOR: u256 = 10_000;

pub fn bps_of(amount: u256, bps: u16) -> u256 {
    amount * bps.into() / BPS_DENOMINATOR
}
