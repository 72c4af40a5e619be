pub mod zero;
pub use zero::Zero;

pub mod one;
pub use one::One;

pub mod bit_size;
pub use bit_size::BitSize;

mod bounded;
pub use bounded::Bounded;

#[feature("corelib-internal-use")]
pub mod ops;
pub use ops::checked::{CheckedAdd, CheckedMul, CheckedSub};
pub use ops::divrem::DivRem;
pub use ops::overflowing::{OverflowingAdd, OverflowingMul, OverflowingSub};
pub use ops::pow::Pow;
pub use ops::saturating::{SaturatingAdd, SaturatingMul, SaturatingSub};
#[allow(unused_imports)]
pub(crate) use ops::split::Split;
pub use ops::sqrt::Sqrt;
pub use ops::widemul::WideMul;
pub use ops::widesquare::WideSquare;
pub use ops::wrapping::{WrappingAdd, WrappingMul, WrappingSub};
