//! Reading data files: the norms that specify them, how they write dates and decimals, the bounds
//! a file is read within, identifier check keys, identifiers in text no field explains (`mask`), a norm's field typed and checked (`field`, the
//! one typing path), datasets read through a norm, and a case folder read against the inputs a
//! rulebook declares, and national files holding every case's rows cut case by case.

pub mod case;
pub mod checksum;
pub(crate) mod column;
pub mod dataset;
pub mod field;
pub mod formats;
pub mod limits;
pub mod mask;
pub mod national;
pub mod norm;
pub mod shift;
