mod accum;
mod collect;
mod iterator;
pub use accum::{Product, Sum};
pub use collect::{Extend, FromIterator, IntoIterator};
pub use iterator::Iterator;
