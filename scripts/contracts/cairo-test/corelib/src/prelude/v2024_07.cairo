pub use crate::array::{Array, ArrayTrait, Span, SpanTrait, ToSpanTrait};
pub use crate::box::{Box, BoxTrait};
pub use crate::byte_array::{ByteArray, ByteArrayTrait};
pub use crate::bytes_31::{Bytes31Trait, bytes31};
pub use crate::clone::Clone;
pub use crate::dict::Felt252DictTrait;
pub use crate::integer::{i128, i16, i32, i64, i8, u128, u16, u256, u32, u64, u8};
pub use crate::iter::{FromIterator, IntoIterator, Iterator};
pub use crate::nullable::{Nullable, NullableTrait};
pub use crate::ops::Deref;
pub use crate::option::Option::{self, None, Some};
pub use crate::option::OptionTrait;
pub use crate::panics::{Panic, PanicResult, panic};
pub use crate::result::Result::{self, Err, Ok};
pub use crate::result::ResultTrait;
pub use crate::serde::Serde;
#[feature("corelib-internal-use")]
pub use crate::starknet::{self, System};
pub use crate::traits::{
    Add, Copy, Default, Destruct, Div, DivRem, Drop, Felt252DictValue, Into, Mul, Neg, Not,
    PanicDestruct, PartialEq, PartialOrd, Rem, Sub, TryInto,
};

pub use crate::zeroable::NonZero;
pub use crate::{assert, bool, felt252, usize};
