//! Comparing rulebooks: what changed between two (`diff`), what a change does to a case's
//! outputs (`impact`), and what a year lost from the year before (`coverage`).

pub mod coverage;
pub mod diff;
pub mod impact;
