mod map;
pub use map::Map;
#[allow(unused_imports)]
pub(crate) use map::mapped_iterator;

mod enumerate;
pub use enumerate::Enumerate;
#[allow(unused_imports)]
pub(crate) use enumerate::enumerated_iterator;

pub(crate) mod zip;
pub use zip::Zip;

mod peekable;
#[allow(unused_imports)]
pub(crate) use peekable::peekable_iterator;
pub use peekable::{Peekable, PeekableTrait};

mod filter;
pub use filter::Filter;
#[allow(unused_imports)]
pub(crate) use filter::filter_iterator;

mod take;
pub use take::Take;
#[allow(unused_imports)]
pub(crate) use take::take_iterator;

mod chain;
pub use chain::Chain;
#[allow(unused_imports)]
pub(crate) use chain::chained_iterator;
