//! The schema of a code lists file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::schema::parameters::DatedValue;
use crate::schema::values::{AnyValue, DateValue, StatusName, UnitName};

// ---------------------------------------------------------------------------------------------
// Lists

/// A file of code lists: one TOML table per list.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct ListsFile(pub(crate) BTreeMap<String, ListDef>);

/// A code list: codes with typed attributes (some dated), each code valid between optional
/// dates.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListDef {
    /// What the list is, in the words of the texts. `{name}` shows the value of parameter `name`.
    pub(crate) label: String,
    /// The text the list comes from.
    pub(crate) reference: String,
    /// How far the list is established (an item may say otherwise).
    pub(crate) status: StatusName,
    /// A longer explanation.
    pub(crate) description: Option<String>,
    /// The attributes every item gives, with their unit.
    pub(crate) attributes: Vec<AttributeDef>,
    /// The items of the list (`[[<list>.items]]`).
    pub(crate) items: Vec<ListItemDef>,
}

/// An attribute of a code list.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AttributeDef {
    /// The name of the attribute: each item gives a value under this key.
    pub(crate) name: String,
    /// The unit of its values.
    pub(crate) unit: UnitName,
}

/// An item of a code list: its code (or the pattern of a family of codes), label, validity, and
/// one value per attribute of the list (a single value, or dated values
/// `[{ from = 2025-01-01, value = "30.00" }, ...]`).
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct ListItemDef {
    /// The code, as exchange files write it (or `pattern`).
    pub(crate) code: Option<String>,
    /// Instead of `code`: a regular expression that every code of the item matches whole, e.g.
    /// "[A-Z]{4}[0-9]{3}" for the shape of a CCAM code. A code is looked up among the codes
    /// first, then among the patterns, in order.
    pub(crate) pattern: Option<String>,
    /// What the code is. `{name}` shows the value of parameter `name`.
    pub(crate) label: String,
    /// The first day the code is valid (default: always).
    pub(crate) from: Option<DateValue>,
    /// The last day the code is valid (default: always).
    pub(crate) to: Option<DateValue>,
    /// The text the item comes from (default: the list's).
    pub(crate) reference: Option<String>,
    /// How far the item is established (default: the list's).
    pub(crate) status: Option<StatusName>,
    /// A longer explanation.
    pub(crate) description: Option<String>,
    /// The values of the list's attributes, by attribute name.
    #[serde(flatten)]
    pub(crate) attributes: BTreeMap<String, AttributeValue>,
}

/// The value of an attribute: a single value, or dated values.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum AttributeValue {
    Dated(Vec<DatedValue>),
    Single(AnyValue),
}
