//! Comparing rulebooks: what changed between two (`diff`), what a change does to a case's
//! outputs (`impact`), what the total does as one rule value moves (`sweep`), and what a year lost from the year before (`coverage`).

pub mod coverage;
pub mod diff;
pub mod impact;
pub mod sweep;
