//! The schema of the case inputs file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::rules::schema::values::{AnyValue, InputTypeName, UnitName};

// ---------------------------------------------------------------------------------------------
// Inputs

/// The inputs file: what a case file (`team.toml`) must hold, section by section
/// (`[section] name = { type = ..., label = ... }`).
#[derive(Debug, Deserialize, JsonSchema)]
pub struct InputsFile(pub BTreeMap<String, BTreeMap<String, InputDef>>);

/// One value a case file gives.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InputDef {
    /// What the value is, shown when it is missing.
    pub label: String,
    /// A unit, or `enum` (one of `values`), `dataset` (a data file read through `norm`) or
    /// `records` (an array of tables with `fields`).
    #[serde(rename = "type")]
    pub kind: InputTypeName,
    /// For an `enum`: the possible values.
    pub values: Option<Vec<String>>,
    /// For a `dataset`: the name of the norm its file is read through.
    pub norm: Option<String>,
    /// For `records`: each field with its unit.
    pub fields: Option<BTreeMap<String, UnitName>>,
    /// The case may leave it out.
    pub optional: Option<bool>,
    /// The value when the case leaves it out.
    pub default: Option<AnyValue>,
}
