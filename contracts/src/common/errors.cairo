//! Errors shared by every contract. Each is a short string so that a failed transaction's
//! revert reason reads as a sentence in a block explorer and in the node's logs.
pub const NOT_OWNER: felt252 = 'Caller is not the owner';
pub const ZERO_ADDRESS: felt252 = 'Address must not be zero';
pub const REENTRANT_CALL: felt252 = 'Reentrant call';
pub const TRANSFER_FAILED: felt252 = 'Token transfer failed';
pub const NOT_MARKET: felt252 = 'Caller is not the market';
pub const MARKET_ALREADY_SET: felt252 = 'Market already set';
pub const NOT_PENDING_OWNER: felt252 = 'Caller is not the pending owner';
pub const EMPTY_BATCH: felt252 = 'Batch is empty';
