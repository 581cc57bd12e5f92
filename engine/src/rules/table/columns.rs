//! The columns of a decision table — typed keys and values — and its rows of key cells and values.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostic::Location;
use crate::rules::table::Interval;
use crate::value::Unit;

#[derive(Debug, Clone, Serialize)]
pub struct KeyColumn {
    pub name: String,
    pub(crate) kind: KeyKind,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "lowercase", tag = "type")]
pub(crate) enum KeyKind {
    /// Numbers in a domain; `integer` domains skip pieces that hold no integer.
    Range {
        domain: Interval,
        integer: bool,
    },
    Enum {
        values: Vec<String>,
    },
    Bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ValueColumn {
    pub name: String,
    pub unit: Unit,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub keys: Vec<Cell>,
    pub values: Vec<Decimal>,
    #[serde(skip)]
    pub(crate) location: Location,
}

/// A key cell of a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Range(Interval),
    Enum(Vec<String>),
    Bool(Option<bool>),
}
