//! `peps-engine`: a generic rules engine. It knows rulebooks, values, tables, lists, norms,
//! datasets, steps, evaluations and traces; what they mean (a remuneration, a patient list) is the
//! rules' own business and lives in the data it is given.
//!
//! The modules follow the pipeline (ARCHITECTURE.md): the foundation (`value`, `diagnostic`),
//! reading rule files (`rules`), reading data files (`data`), the row language (`expr`) and the
//! Rhai sandbox (`formula`), binding a year into a `rulebook`, evaluating it on a case (`eval`),
//! then what is built on evaluations: the payment `schedule`, file `validate`-ion and comparisons
//! (`compare`).

// Everything is `pub(crate)` unless another crate needs it; the engine never prints (its
// diagnostics are values the caller renders).
#![warn(unreachable_pub)]
#![deny(clippy::print_stdout, clippy::print_stderr, clippy::dbg_macro)]

// First: its `msg!` macro is used by every module below.
#[macro_use]
pub mod message;
pub mod case;
pub mod compare;
pub mod data;
pub mod diagnostic;
pub mod eval;
pub mod expr;
pub mod formula;
pub mod fuzz;
pub mod hashing;
pub mod ids;
pub mod mechanism;
mod names;
pub mod rulebook;
pub mod rules;
pub mod schedule;
pub mod schema;
pub mod validate;
pub mod value;
