//! Reading rule files: where they come from (`source`), strict spanned TOML (`strict`), what every
//! item carries (`provenance`), then one module per kind of rule item — parameters, tables, lists,
//! indicators, the calendar and its working days, case inputs, steps (the JSON schemas of the files
//! for editors are `schema`'s). Each reader checks its own item; names across items are bound by `rulebook`.

pub mod calendar;
pub mod explanation;
pub(crate) mod expr_source;
pub mod indicator;
pub mod inputs;
pub(crate) mod label;
pub mod list;
pub mod parameter;
pub mod provenance;
pub mod removals;
pub mod source;
pub mod step;
pub mod strict;
pub mod table;
pub mod workdays;
