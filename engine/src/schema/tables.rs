//! The schema of a tables file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::schema::values::{AnyValue, KeyTypeName, StatusName, UnitName};

// ---------------------------------------------------------------------------------------------
// Tables

/// A file of decision tables: one TOML table per decision table.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct TablesFile(pub(crate) BTreeMap<String, TableDef>);

/// A decision table: key columns, value columns and rows. Every combination of keys must be
/// covered by exactly one row (checked when the rulebook loads).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TableDef {
    /// What the table gives, in the words of the texts. `{name}` shows the value of parameter `name`.
    pub(crate) label: String,
    /// The text the table comes from.
    pub(crate) reference: String,
    /// How far the table is established.
    pub(crate) status: StatusName,
    /// A longer explanation (how keys are read, what the rows mean).
    pub(crate) description: Option<String>,
    /// The key columns, in order.
    pub(crate) keys: Vec<KeyColumnDef>,
    /// The value columns.
    pub(crate) columns: Vec<ValueColumnDef>,
    /// The rows: one entry per key column (an interval "[0, 16)", a number, a value, true/false
    /// or "*" for any) and one decimal per value column.
    pub(crate) rows: Vec<BTreeMap<String, AnyValue>>,
}

/// A key column of a decision table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct KeyColumnDef {
    /// The name of the key, used by rows and by lookups.
    pub(crate) name: String,
    /// The type of the key.
    #[serde(rename = "type")]
    pub(crate) kind: KeyTypeName,
    /// For a range key: the interval of possible values, e.g. "[0, )".
    pub(crate) domain: Option<String>,
    /// For a range key: only whole numbers occur (so "[0, 6)" and "[6, 16)" leave no gap).
    pub(crate) integer: Option<bool>,
    /// For an enum key: its possible values.
    pub(crate) values: Option<Vec<String>>,
}

/// A value column of a decision table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ValueColumnDef {
    /// The name of the column.
    pub(crate) name: String,
    /// The unit of its values.
    pub(crate) unit: UnitName,
}
