//! Reading data files: the norms that specify them, how they write dates and decimals, the bounds
//! a file is read within, identifier check keys, identifiers in text no field explains (`mask`), a norm's field typed and checked (`field`, the
//! one typing path), a row typed and accepted (`row`) and typed columns (`column`). What `validate` builds on; reading a case's files through it is `case`'s.

pub mod checksum;
pub(crate) mod column;
pub mod field;
pub mod formats;
pub mod limits;
pub mod mask;
pub mod norm;
pub mod row;
