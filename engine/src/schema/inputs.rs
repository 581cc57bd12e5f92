//! The schema of the case inputs file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::schema::values::{AnyValue, InputTypeName, RejectedRowsName, UnitName, choice};

// ---------------------------------------------------------------------------------------------
// Inputs

/// The inputs file: what a case file (the rulebook's `case_file`) must hold, section by section
/// (`[section] name = { type = ..., label = ... }`).
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct InputsFile(pub(crate) BTreeMap<String, BTreeMap<String, InputDef>>);

/// One value a case file gives.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct InputDef {
    /// What the value is, shown when it is missing. `{name}` shows the value of parameter `name`.
    pub(crate) label: String,
    /// A unit, or `enum` (one of `values`), `dataset` (a data file read through `norm`) or
    /// `records` (an array of tables with `fields`).
    #[serde(rename = "type")]
    pub(crate) kind: InputTypeName,
    /// For an `enum`: the possible values.
    pub(crate) values: Option<Vec<String>>,
    /// For a `dataset`: the name of the norm its file is read through.
    pub(crate) norm: Option<String>,
    /// For a `dataset`: what a row that breaks the norm does to the case — `refuse` (the default:
    /// the case is refused, nothing is computed) or `leave_out` (the row is left out with a
    /// warning per code, and the evaluation counts the rows left out).
    pub(crate) rejected_rows: Option<RejectedRowsName>,
    /// For `records`: each field with its unit.
    pub(crate) fields: Option<BTreeMap<String, UnitName>>,
    /// The case may leave it out.
    pub(crate) optional: Option<bool>,
    /// The value when the case leaves it out.
    pub(crate) default: Option<AnyValue>,
    /// For a text: `name` if it names the case for people (reports), `id` if it identifies it
    /// (calendar events); otherwise the case's folder name is used.
    pub(crate) role: Option<InputRoleName>,
}

choice!(
    /// What a text input says of the case as a whole.
    InputRoleName,
    "InputRole",
    crate::rules::inputs::InputRole::NAMES,
    &["Names the case for people, in reports and tables.", "Identifies the case, in calendar events and file names."]
);
