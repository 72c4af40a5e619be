pub use starknet::storage::{
    StorageMapReadAccess, StorageMapWriteAccess, StoragePointerReadAccess,
    StoragePointerWriteAccess,
};
use crate::array::{self, Array, ArrayTrait, Span, SpanTrait, ToSpanTrait};
use crate::box::{self, Box, BoxTrait};
use crate::byte_array::{
    self, ByteArray, ByteArrayIndexView, ByteArrayStringLiteral, ByteArrayTrait,
};
use crate::bytes_31::{
    self, Bytes31IndexView, Bytes31IntoFelt252, Bytes31Trait, Felt252TryIntoBytes31, bytes31,
    bytes31_const,
};
use crate::clone::{self, Clone};
use crate::dict::{
    self, Felt252Dict, Felt252DictTrait, SquashedFelt252Dict, felt252_dict_new, felt252_dict_squash,
};
use crate::ec::{self, EcOp, EcPoint, EcState};
use crate::gas::{self, BuiltinCosts, GasBuiltin, get_builtin_costs};
use crate::integer::{
    self, Bitwise, Felt252IntoU256, Felt252TryIntoU128, Felt252TryIntoU16, Felt252TryIntoU32,
    Felt252TryIntoU64, Felt252TryIntoU8, I128IntoFelt252, I16IntoFelt252, I32IntoFelt252,
    I64IntoFelt252, I8IntoFelt252, NumericLiteral, U128IntoFelt252, U16IntoFelt252, U32IntoFelt252,
    U64IntoFelt252, U8IntoFelt252, i128, i16, i32, i64, i8, u128, u128_is_zero, u16, u256, u32, u64,
    u8,
};
#[feature("corelib-internal-use")]
#[deprecated(feature: "corelib-internal-use", note: "Use `core::num::traits::Sqrt` instead")]
use crate::integer::{u128_sqrt, u256_sqrt};
use crate::iter::{FromIterator, IntoIterator, Iterator};
use crate::nullable::{self, Nullable, NullableTrait, match_nullable, null, nullable_from_box};
pub use crate::ops::Deref;
use crate::option::Option::{self, None, Some};
use crate::option::{self, OptionTrait};
use crate::panics::{self, Panic, PanicResult, panic};
use crate::pedersen::{self, Pedersen};
use crate::poseidon::{self, Poseidon};
use crate::result::Result::{self, Err, Ok};
use crate::result::{self, ResultTrait};
use crate::serde::{self, Serde};
#[feature("corelib-internal-use")]
use crate::starknet::{self, System};
use crate::string::{self, StringLiteral};
#[cfg(test)]
use crate::test;
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
use crate::traits::{
    self, Add, BitAnd, BitNot, BitOr, BitXor, Copy, Default, Destruct, Div, DivRem, Drop,
    Felt252DictValue, Into, Mul, Neg, Not, PanicDestruct, PartialEq, PartialOrd, Rem, Sub, TryInto,
};
#[feature("deprecated-index-traits")]
use crate::traits::{Index, IndexView};
use crate::zeroable::{self, NonZero, Zeroable};
use crate::{
    BoolBitAnd, BoolBitOr, BoolBitXor, BoolFelt252DictValue, BoolIntoFelt252, BoolNot,
    BoolPartialEq, BoolSerde, Felt252Add, Felt252AddEq, Felt252Default, Felt252Felt252DictValue,
    Felt252Mul, Felt252MulEq, Felt252Neg, Felt252PartialEq, Felt252Serde, Felt252Sub, Felt252SubEq,
    Felt252TryIntoNonZero, RangeCheck, SegmentArena, assert, bool, bool_and_impl, bool_not_impl,
    bool_or_impl, bool_to_felt252, bool_xor_impl, cmp, debug, ecdsa, felt252, felt252_add,
    felt252_const, felt252_div, felt252_is_zero, felt252_mul, felt252_sub, hash, internal, keccak,
    math, never, panic_with_felt252, testing, to_byte_array, usize,
};
