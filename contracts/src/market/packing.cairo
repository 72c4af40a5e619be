//! How JobMarket stores a job: its fields grouped by the step that writes them and the small
//! ones packed into one slot each. On Starknet 0.14 every storage slot that goes from zero to
//! non-zero costs 402,000 L2 gas and every storage write syscall about 45,000 (a read about
//! 18,000), so the Job struct written whole (28 slots) at every step was most of what a job's
//! life cost. A step now reads the slots it checks and writes the ones it changes.

use crate::market::interface::{JobStatus, MarketParams};
use starknet::storage_access::StorePacking;

/// The job's small fields, one storage slot: its state and counters, the terms of the current
/// award, and its creation time. Every state change rewrites this slot (it holds the status),
/// so the award's terms ride along without a slot of their own.
///
/// Layout (a u256 that fits a felt252): low = status 8 | max_attempts 8 | attempts 8 |
/// fee_bps 16 | slash_bps 16 | dispute_bond_bps 16 | collateral_bps 16 | exec_duration 32;
/// high = created_at 64 | review_window 32 | resolution_window 32. The windows are bounded by
/// JobMarket's MAX_WINDOW (30 days, under 2^22), which also keeps `high` below 2^123.
#[derive(Drop, Copy, PartialEq, Debug)]
pub struct JobTerms {
    pub status: JobStatus,
    pub max_attempts: u8,
    pub attempts: u8,
    pub fee_bps: u16,
    pub slash_bps: u16,
    pub dispute_bond_bps: u16,
    /// The collateral is `bps_of(price, collateral_bps)`, as the award computed it: storing
    /// the rate instead of the amount saves the amount's slot.
    pub collateral_bps: u16,
    pub exec_duration: u64,
    pub created_at: u64,
    pub review_window: u64,
    pub resolution_window: u64,
}

/// The job's clocks, one slot: low = accept_by 64 | deadline 64; high = review_until 64.
#[derive(Drop, Copy, PartialEq, Debug, Default)]
pub struct JobClock {
    pub accept_by: u64,
    pub deadline: u64,
    pub review_until: u64,
}

/// A job's budget and the price of its current award, one slot (low = budget, high = price):
/// the price rides in the slot the budget already holds, so an award allocates none for it.
/// Both fit because `create_job` keeps budgets below 2^123 (MAX_BUDGET) and a price never
/// exceeds its budget.
#[derive(Drop, Copy, PartialEq, Debug)]
pub struct JobAmounts {
    pub budget: u128,
    pub price: u128,
}

/// Budgets must be below this (2^123), so that a budget and a price share a felt252.
pub const MAX_BUDGET: u256 = 0x8000000000000000000000000000000;

pub impl JobAmountsPacking of StorePacking<JobAmounts, felt252> {
    fn pack(value: JobAmounts) -> felt252 {
        u256 { low: value.budget, high: value.price }.try_into().expect('Price does not fit 123 bits')
    }

    fn unpack(value: felt252) -> JobAmounts {
        let wide: u256 = value.into();
        JobAmounts { budget: wide.low, price: wide.high }
    }
}

/// Set only by `dispute`: the bond the poster paid, the arbiter in office then, and the time
/// after which anyone may settle it by default.
#[derive(Drop, Copy, PartialEq, Debug, starknet::Store)]
pub struct JobDispute {
    pub bond: u256,
    pub arbiter: starknet::ContractAddress,
    pub resolve_by: u64,
}

const B8: u128 = 0x100;
const B16: u128 = 0x10000;
const B32: u128 = 0x100000000;
const B64: u128 = 0x10000000000000000;

const WINDOW_TOO_LONG: felt252 = 'Window does not fit 32 bits';

fn window(value: u64) -> u128 {
    let narrow: u32 = value.try_into().expect(WINDOW_TOO_LONG);
    narrow.into()
}

/// Takes the lowest field off `packed`, `base` being 2 to the field's width.
fn take(ref packed: u128, base: u128) -> u128 {
    let field = packed % base;
    packed = packed / base;
    field
}

pub fn status_code(status: JobStatus) -> u128 {
    match status {
        JobStatus::None => 0,
        JobStatus::Open => 1,
        JobStatus::Awarded => 2,
        JobStatus::Accepted => 3,
        JobStatus::Submitted => 4,
        JobStatus::Completed => 5,
        JobStatus::Disputed => 6,
        JobStatus::Resolved => 7,
        JobStatus::Cancelled => 8,
        JobStatus::Expired => 9,
    }
}

fn status_of(code: u128) -> JobStatus {
    if code == 1 {
        JobStatus::Open
    } else if code == 2 {
        JobStatus::Awarded
    } else if code == 3 {
        JobStatus::Accepted
    } else if code == 4 {
        JobStatus::Submitted
    } else if code == 5 {
        JobStatus::Completed
    } else if code == 6 {
        JobStatus::Disputed
    } else if code == 7 {
        JobStatus::Resolved
    } else if code == 8 {
        JobStatus::Cancelled
    } else if code == 9 {
        JobStatus::Expired
    } else {
        JobStatus::None
    }
}

pub impl JobTermsPacking of StorePacking<JobTerms, felt252> {
    fn pack(value: JobTerms) -> felt252 {
        let low = status_code(value.status)
            + value.max_attempts.into() * B8
            + value.attempts.into() * B16
            + value.fee_bps.into() * 0x1000000
            + value.slash_bps.into() * 0x10000000000
            + value.dispute_bond_bps.into() * 0x100000000000000
            + value.collateral_bps.into() * 0x1000000000000000000
            + window(value.exec_duration) * 0x10000000000000000000000;
        let high = value.created_at.into()
            + window(value.review_window) * B64
            + window(value.resolution_window) * 0x1000000000000000000000000;
        u256 { low, high }.try_into().expect(WINDOW_TOO_LONG)
    }

    fn unpack(value: felt252) -> JobTerms {
        let wide: u256 = value.into();
        let mut low = wide.low;
        let mut high = wide.high;
        let status = status_of(take(ref low, B8));
        let max_attempts: u8 = take(ref low, B8).try_into().unwrap();
        let attempts: u8 = take(ref low, B8).try_into().unwrap();
        let fee_bps: u16 = take(ref low, B16).try_into().unwrap();
        let slash_bps: u16 = take(ref low, B16).try_into().unwrap();
        let dispute_bond_bps: u16 = take(ref low, B16).try_into().unwrap();
        let collateral_bps: u16 = take(ref low, B16).try_into().unwrap();
        let exec_duration: u64 = low.try_into().unwrap();
        let created_at: u64 = take(ref high, B64).try_into().unwrap();
        let review_window: u64 = take(ref high, B32).try_into().unwrap();
        let resolution_window: u64 = high.try_into().unwrap();
        JobTerms {
            status,
            max_attempts,
            attempts,
            fee_bps,
            slash_bps,
            dispute_bond_bps,
            collateral_bps,
            exec_duration,
            created_at,
            review_window,
            resolution_window,
        }
    }
}

pub impl JobClockPacking of StorePacking<JobClock, felt252> {
    fn pack(value: JobClock) -> felt252 {
        let low: u128 = value.accept_by.into() + value.deadline.into() * B64;
        let high: u128 = value.review_until.into();
        u256 { low, high }.try_into().unwrap()
    }

    fn unpack(value: felt252) -> JobClock {
        let wide: u256 = value.into();
        let mut low = wide.low;
        let accept_by: u64 = take(ref low, B64).try_into().unwrap();
        let deadline: u64 = low.try_into().unwrap();
        JobClock { accept_by, deadline, review_until: wide.high.try_into().unwrap() }
    }
}

/// The market's rates and windows, one slot (read by every `create_job` and `award_job`):
/// low = fee_bps 16 | collateral_bps 16 | slash_bps 16 | dispute_bond_bps 16 | accept_window 32
/// | review_window 32; high = max_exec_duration 32 | resolution_window 32. `_set_params` bounds
/// every window by MAX_WINDOW before they are stored.
#[derive(Drop, Copy, PartialEq, Debug)]
pub struct ParamTerms {
    pub fee_bps: u16,
    pub collateral_bps: u16,
    pub slash_bps: u16,
    pub dispute_bond_bps: u16,
    pub accept_window: u64,
    pub review_window: u64,
    pub max_exec_duration: u64,
    pub resolution_window: u64,
}

/// The smallest price and collateral an award may name (read only by `award_job`).
#[derive(Drop, Copy, PartialEq, Debug, starknet::Store)]
pub struct ParamMinimums {
    pub min_price: u256,
    pub min_collateral: u256,
}

pub fn split_params(params: MarketParams) -> (ParamTerms, ParamMinimums) {
    (
        ParamTerms {
            fee_bps: params.fee_bps,
            collateral_bps: params.collateral_bps,
            slash_bps: params.slash_bps,
            dispute_bond_bps: params.dispute_bond_bps,
            accept_window: params.accept_window,
            review_window: params.review_window,
            max_exec_duration: params.max_exec_duration,
            resolution_window: params.resolution_window,
        },
        ParamMinimums { min_price: params.min_price, min_collateral: params.min_collateral },
    )
}

pub fn join_params(terms: ParamTerms, minimums: ParamMinimums) -> MarketParams {
    MarketParams {
        fee_bps: terms.fee_bps,
        collateral_bps: terms.collateral_bps,
        slash_bps: terms.slash_bps,
        accept_window: terms.accept_window,
        review_window: terms.review_window,
        max_exec_duration: terms.max_exec_duration,
        dispute_bond_bps: terms.dispute_bond_bps,
        resolution_window: terms.resolution_window,
        min_price: minimums.min_price,
        min_collateral: minimums.min_collateral,
    }
}

pub impl ParamTermsPacking of StorePacking<ParamTerms, felt252> {
    fn pack(value: ParamTerms) -> felt252 {
        let low: u128 = value.fee_bps.into()
            + value.collateral_bps.into() * B16
            + value.slash_bps.into() * B32
            + value.dispute_bond_bps.into() * 0x1000000000000
            + window(value.accept_window) * B64
            + window(value.review_window) * 0x1000000000000000000000000;
        let high: u128 = window(value.max_exec_duration) + window(value.resolution_window) * B32;
        u256 { low, high }.try_into().unwrap()
    }

    fn unpack(value: felt252) -> ParamTerms {
        let wide: u256 = value.into();
        let mut low = wide.low;
        let mut high = wide.high;
        let fee_bps: u16 = take(ref low, B16).try_into().unwrap();
        let collateral_bps: u16 = take(ref low, B16).try_into().unwrap();
        let slash_bps: u16 = take(ref low, B16).try_into().unwrap();
        let dispute_bond_bps: u16 = take(ref low, B16).try_into().unwrap();
        let accept_window: u64 = take(ref low, B32).try_into().unwrap();
        let review_window: u64 = low.try_into().unwrap();
        let max_exec_duration: u64 = take(ref high, B32).try_into().unwrap();
        let resolution_window: u64 = high.try_into().unwrap();
        ParamTerms {
            fee_bps,
            collateral_bps,
            slash_bps,
            dispute_bond_bps,
            accept_window,
            review_window,
            max_exec_duration,
            resolution_window,
        }
    }
}
