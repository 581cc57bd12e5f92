//! The schema of a code lists file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::rules::schema::parameters::DatedValue;
use crate::rules::schema::values::{AnyValue, DateValue, StatusName, UnitName};

// ---------------------------------------------------------------------------------------------
// Lists

/// A file of code lists: one TOML table per list.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ListsFile(pub BTreeMap<String, ListDef>);

/// A code list: codes with typed attributes (some dated), each code valid between optional
/// dates.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListDef {
    /// What the list is, in the words of the texts.
    pub label: String,
    /// The text the list comes from.
    pub reference: String,
    /// How far the list is established (an item may say otherwise).
    pub status: StatusName,
    /// A longer explanation.
    pub description: Option<String>,
    /// The attributes every item gives, with their unit.
    pub attributes: Vec<AttributeDef>,
    /// The items of the list (`[[<list>.items]]`).
    pub items: Vec<ListItemDef>,
}

/// An attribute of a code list.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttributeDef {
    /// The name of the attribute: each item gives a value under this key.
    pub name: String,
    /// The unit of its values.
    pub unit: UnitName,
}

/// An item of a code list: its code, label, validity, and one value per attribute of the list
/// (a single value, or dated values `[{ from = 2025-01-01, value = "30.00" }, ...]`).
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ListItemDef {
    /// The code, as exchange files write it.
    pub code: String,
    /// What the code is.
    pub label: String,
    /// The first day the code is valid (default: always).
    pub from: Option<DateValue>,
    /// The last day the code is valid (default: always).
    pub to: Option<DateValue>,
    /// The text the item comes from (default: the list's).
    pub reference: Option<String>,
    /// How far the item is established (default: the list's).
    pub status: Option<StatusName>,
    /// A longer explanation.
    pub description: Option<String>,
    /// The values of the list's attributes, by attribute name.
    #[serde(flatten)]
    pub attributes: BTreeMap<String, AttributeValue>,
}

/// The value of an attribute: a single value, or dated values.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AttributeValue {
    Dated(Vec<DatedValue>),
    Single(AnyValue),
}
