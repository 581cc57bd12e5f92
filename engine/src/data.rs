//! Reading data files: the norms that specify them, how they write dates and decimals, the bounds
//! a file is read within, identifier check keys, datasets typed through a norm, and a case folder
//! read against the inputs a rulebook declares.

pub mod case;
pub mod checksum;
pub mod dataset;
pub mod formats;
pub mod limits;
pub mod norm;
pub mod shift;
