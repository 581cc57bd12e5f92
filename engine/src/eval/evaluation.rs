//! What an evaluation holds: the outputs in evaluation order, each with its value, breakdown,
//! reads and the assumed items it rests on; the gate's verdict, the total and its waterfall.

use crate::case::DataShift;
// Membership and index lookups run once per row or more: foldhash is several times faster than
// the standard SipHash, and its per-process random seed keeps crafted data from forcing collisions.
use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::case::dataset::RowsLeftOut;
use crate::diagnostic::Diagnostic;
use crate::eval::RunManifest;
use crate::message::Message;
use crate::value::{Status, Unit, Value};

#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    /// The scheme of the rulebook (`rulebook.toml`'s `scheme`).
    pub scheme: String,
    /// The scheme's words for a case and who is paid, for the sentences of reports.
    #[serde(skip)]
    pub names: crate::rulebook::Names,
    pub year: i32,
    pub rulebook: String,
    /// Whether the gate's checks all passed (true when the rulebook has no gate).
    pub eligible: bool,
    /// The checks of the gate that failed, with their labels.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failed_checks: Vec<Part>,
    pub total: Value,
    pub total_name: String,
    /// The unit of the total (euros for a remuneration).
    pub total_unit: crate::value::Unit,
    pub components: Vec<String>,
    pub outputs: Vec<Output>,
    /// How many distinct assumed rule items the total rests on.
    pub assumed_count: usize,
    /// For each assumed rule item, the part of the total carried by the components that rest on it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub assumed_shares: Vec<AssumedShare>,
    /// The label of each assumed rule item an output rests on (`"parameter seuil"` → its label),
    /// so that people read what an item is before its code name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub assumed_labels: BTreeMap<String, String>,
    /// The walk from the first level to the total, as the rulebook declares it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub waterfall: Vec<Bar>,
    pub diagnostics: Vec<Diagnostic>,
    /// When the case's data belong to another year: they were brought into this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_shift: Option<DataShift>,
    /// The rows of each dataset its norm rejected and the rulebook left out of the case, per
    /// code: the evaluation did not read them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows_left_out: Vec<RowsLeftOut>,
    pub manifest: RunManifest,
}

#[derive(Debug, Clone, Serialize)]
pub struct Output {
    pub name: String,
    pub label: String,
    pub value: Value,
    pub unit: Unit,
    pub mechanism: &'static str,
    /// The mechanism as people read it (the condition, the sum, the formula).
    pub formula: Message,
    /// What the step says of itself with the run's values, for people: the rulebook's sentence
    /// (`explanation`) or one built from its mechanism; never code.
    pub explanation: Message,
    /// For a Rhai function: its source text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub breakdown: Vec<Part>,
    pub reads: Vec<Read>,
    /// The assumed rule items (parameters, tables, lists, indicator sets) this output rests on,
    /// directly or through earlier outputs.
    pub assumed: Vec<String>,
}

/// One line of a breakdown: a table row hit, a class, a group, an indicator or a check.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Message>,
    /// For a condition that compares two values (`professionnels_actifs >= min_professionnels`):
    /// the two values compared, so that a failed condition shows what was missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compared: Option<Compared>,
}

/// The two sides of a comparison, as evaluated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    /// The value compared (the left side).
    pub value: Value,
    /// The comparison, as written (`>=`, `<`, `==`…).
    pub op: String,
    /// What it is compared with (the right side).
    pub threshold: Value,
}

/// One bar of the waterfall: how much an output moves the running amount, and where it ends.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub(crate) name: String,
    pub label: Message,
    pub delta: Decimal,
    pub running: Decimal,
    /// The first bar is the starting level itself.
    pub start: bool,
}

/// The part of the total that rests on one assumed rule item: the sum of the absolute values of
/// the components that depend on it, over the sum of the absolute values of all components.
#[derive(Debug, Clone, Serialize)]
pub struct AssumedShare {
    pub item: String,
    pub(crate) amount: Decimal,
    /// Between 0 and 1, rounded to 4 decimals.
    pub share: Decimal,
}

/// Something an output read, with its value and provenance.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Read {
    Parameter { name: String, label: String, value: Value, unit: Unit, status: Status, reference: String },
    Input { name: String, value: Value },
    Output { name: String, value: Value },
    Table { name: String, label: String, status: Status, reference: String },
    List { name: String, label: String, status: Status, reference: String },
    Dataset { name: String, rows: usize },
    Indicators { name: String, label: String, status: Status, reference: String },
    Builtin { name: String, value: Value },
}

impl Evaluation {
    pub fn output(&self, name: &str) -> Option<&Output> {
        self.outputs.iter().find(|o| o.name == name)
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}
