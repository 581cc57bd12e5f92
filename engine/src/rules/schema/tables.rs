//! The schema of a tables file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::rules::schema::values::{AnyValue, KeyTypeName, StatusName, UnitName};

// ---------------------------------------------------------------------------------------------
// Tables

/// A file of decision tables: one TOML table per decision table.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct TablesFile(pub BTreeMap<String, TableDef>);

/// A decision table: key columns, value columns and rows. Every combination of keys must be
/// covered by exactly one row (checked when the rulebook loads).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableDef {
    /// What the table gives, in the words of the texts.
    pub label: String,
    /// The text the table comes from.
    pub reference: String,
    /// How far the table is established.
    pub status: StatusName,
    /// A longer explanation (how keys are read, what the rows mean).
    pub description: Option<String>,
    /// The key columns, in order.
    pub keys: Vec<KeyColumnDef>,
    /// The value columns.
    pub columns: Vec<ValueColumnDef>,
    /// The rows: one entry per key column (an interval "[0, 16)", a number, a value, true/false
    /// or "*" for any) and one decimal per value column.
    pub rows: Vec<BTreeMap<String, AnyValue>>,
}

/// A key column of a decision table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyColumnDef {
    /// The name of the key, used by rows and by lookups.
    pub name: String,
    /// The type of the key.
    #[serde(rename = "type")]
    pub kind: KeyTypeName,
    /// For a range key: the interval of possible values, e.g. "[0, )".
    pub domain: Option<String>,
    /// For a range key: only whole numbers occur (so "[0, 6)" and "[6, 16)" leave no gap).
    pub integer: Option<bool>,
    /// For an enum key: its possible values.
    pub values: Option<Vec<String>>,
}

/// A value column of a decision table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValueColumnDef {
    /// The name of the column.
    pub name: String,
    /// The unit of its values.
    pub unit: UnitName,
}
