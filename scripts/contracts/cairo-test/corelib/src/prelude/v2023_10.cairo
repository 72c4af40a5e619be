pub use starknet::storage::{
    StorageMapReadAccess, StorageMapWriteAccess, StoragePointerReadAccess,
    StoragePointerWriteAccess,
};
pub use crate::array::{Array, ArrayTrait, Span, SpanTrait, ToSpanTrait};
pub use crate::box::{Box, BoxTrait};
pub use crate::byte_array::{ByteArray, ByteArrayTrait};
pub use crate::bytes_31::{Bytes31Trait, bytes31};
pub use crate::clone::Clone;
pub use crate::dict::{Felt252Dict, Felt252DictTrait, SquashedFelt252Dict};
pub use crate::gas::GasBuiltin;
pub use crate::integer::{Bitwise, i128, i16, i32, i64, i8, u128, u16, u256, u32, u64, u8};
pub use crate::iter::{FromIterator, IntoIterator, Iterator};
pub use crate::nullable::{Nullable, NullableTrait};
pub use crate::ops::Deref;
pub use crate::option::Option::{self, None, Some};
pub use crate::option::OptionTrait;
pub use crate::panics::{Panic, PanicResult, panic};
pub use crate::pedersen::Pedersen;
pub use crate::poseidon::Poseidon;
pub use crate::result::Result::{self, Err, Ok};
pub use crate::result::ResultTrait;
pub use crate::serde::Serde;
#[feature("corelib-internal-use")]
pub use crate::starknet::{self, System};
#[deprecated(
    feature: "deprecated-op-assign-traits", note: "Use `core::ops::AddAssign`.", since: "2.7.0",
)]
#[feature("deprecated-op-assign-traits")]
pub use crate::traits::AddEq;
#[deprecated(
    feature: "deprecated-op-assign-traits", note: "Use `core::ops::DivAssign`.", since: "2.7.0",
)]
#[feature("deprecated-op-assign-traits")]
pub use crate::traits::DivEq;
#[deprecated(
    feature: "deprecated-index-traits", note: "Use `core::ops::index::Index`.", since: "2.7.0",
)]
#[feature("deprecated-index-traits")]
pub use crate::traits::Index;
#[deprecated(
    feature: "deprecated-index-traits", note: "Use `core::ops::index::IndexView`.", since: "2.7.0",
)]
#[feature("deprecated-index-traits")]
pub use crate::traits::IndexView;
#[deprecated(
    feature: "deprecated-op-assign-traits", note: "Use `core::ops::MulAssign`.", since: "2.7.0",
)]
#[feature("deprecated-op-assign-traits")]
pub use crate::traits::MulEq;
#[deprecated(
    feature: "deprecated-op-assign-traits", note: "Use `core::ops::RemAssign`.", since: "2.7.0",
)]
#[feature("deprecated-op-assign-traits")]
pub use crate::traits::RemEq;
#[deprecated(
    feature: "deprecated-op-assign-traits", note: "Use `core::ops::SubAssign`.", since: "2.7.0",
)]
#[feature("deprecated-op-assign-traits")]
pub use crate::traits::SubEq;
pub use crate::traits::{
    Add, BitAnd, BitNot, BitOr, BitXor, Copy, Default, Destruct, Div, DivRem, Drop,
    Felt252DictValue, Into, Mul, Neg, Not, PanicDestruct, PartialEq, PartialOrd, Rem, Sub, TryInto,
};
pub use crate::zeroable::NonZero;
pub use crate::{
    RangeCheck, SegmentArena, assert, bool, felt252, keccak, math, to_byte_array, usize,
};
