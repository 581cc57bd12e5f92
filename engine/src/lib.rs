//! `peps-engine`: a generic rules engine. It knows rulebooks, values, tables, lists, norms,
//! datasets, steps, evaluations and traces; what they mean (a remuneration, a patient list) is the
//! rules' own business and lives in the data it is given.

pub mod calendar;
pub mod case;
pub mod checksum;
pub mod coverage;
pub mod dataset;
pub mod diagnostic;
pub mod diff;
pub mod eval;
pub mod expr;
pub mod formats;
pub mod formula;
pub mod fuzz;
pub mod impact;
pub mod indicator;
pub mod limits;
pub mod list;
pub mod norm;
pub mod parameter;
pub mod provenance;
pub mod rulebook;
pub mod schedule;
pub mod schema;
pub mod source;
pub mod step;
pub mod table;
pub mod tomlread;
pub mod validate;
pub mod value;
pub mod workdays;
