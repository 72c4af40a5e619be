pub const ZERO_AMOUNT: felt252 = 'Amount must be positive';
pub const INSUFFICIENT_FREE_STAKE: felt252 = 'Insufficient free stake';
pub const NO_PENDING_UNSTAKE: felt252 = 'No pending unstake';
pub const COOLDOWN_NOT_OVER: felt252 = 'Unstake cooldown not over';
pub const EMPTY_PEER_ID: felt252 = 'Peer id must not be empty';
pub const PEER_ID_TOO_LONG: felt252 = 'Peer id too long';
pub const INSUFFICIENT_LOCKED: felt252 = 'Insufficient locked collateral';
pub const COOLDOWN_TOO_LONG: felt252 = 'Cooldown too long';
pub const SUSPENSION_TOO_LONG: felt252 = 'Suspension too long';
// Reasons a worker cannot be awarded a job; `eligibility` returns one of these (or 0).
pub const NOT_STAKED: felt252 = 'Worker has no stake';
pub const BELOW_MIN_STAKE: felt252 = 'Worker stake below minimum';
pub const UNSTAKING: felt252 = 'Worker is unstaking';
pub const SUSPENDED: felt252 = 'Worker is suspended';
pub const NO_PEER_ID: felt252 = 'Worker has no peer id';
