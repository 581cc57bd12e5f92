//! The schema of a steps file.
use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::schema::values::{DecimalText, RoundingModeName, UnitName, choice};

// ---------------------------------------------------------------------------------------------
// Steps

/// A file of steps: the pipeline, `[[step]]` after `[[step]]`. The order of evaluation follows
/// what each step reads, not the order of the file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct StepsFile {
    /// The steps.
    pub(crate) step: Vec<StepEntry>,
}

/// A step: a named output defined by exactly one mechanism (`filter`, `lookup`, `aggregate`,
/// `derive`, `classify`, `formula`, `function`, `checks` or `score`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "StepDef")]
pub(crate) struct StepEntry {
    /// The name of the output: other steps and formulas read it under this name.
    pub(crate) name: String,
    /// What the output is, in the words of the texts (shown on every report). `{name}` shows the value of parameter `name`.
    pub(crate) label: String,
    /// The unit of the output, when not implied by its mechanism.
    pub(crate) unit: Option<UnitName>,
    /// The text the step comes from.
    pub(crate) reference: Option<String>,
    /// A longer explanation.
    pub(crate) description: Option<String>,
    /// What `peps explain` says of the step, with the run's values: one sentence, or a table of
    /// `values` and `text` or `cases`. `{name}` shows the value of a name the step reads, of the
    /// step itself, or of one of the explanation's `values`, written the French way.
    pub(crate) explanation: Option<ExplanationSpec>,
    /// How the output is rounded: a rule, or "none" (even for money).
    pub(crate) round: Option<RoundSpec>,
    /// The rows of a dataset that meet a condition.
    pub(crate) filter: Option<FilterDef>,
    /// A table looked up once, or for each row of a dataset and summed.
    pub(crate) lookup: Option<LookupDef>,
    /// A sum, a count, a smallest or a largest value over the rows of a dataset, in total and,
    /// with `group_by`, per group (read by key from other rows: `step(KEY)`).
    pub(crate) aggregate: Option<AggregateDef>,
    /// A value computed for every row of a dataset, read like a column by later expressions over
    /// those rows.
    pub(crate) derive: Option<DeriveDef>,
    /// Each row of a dataset put in the first class whose condition holds, reading a code list.
    pub(crate) classify: Option<ClassifyDef>,
    /// An expression over parameters, inputs and earlier outputs.
    pub(crate) formula: Option<String>,
    /// A function of a script, written "file.rhai::function"; its parameters name what it reads.
    pub(crate) function: Option<String>,
    /// Named conditions, all of which must hold (e.g. an eligibility gate).
    pub(crate) checks: Option<Vec<CheckDef>>,
    /// The weighted attainment of an indicator set.
    pub(crate) score: Option<ScoreDef>,
}

/// A rounding rule of a step, or "none".
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum RoundSpec {
    Rule(StepRounding),
    None(NoRounding),
}

choice!(
    /// No rounding at all.
    NoRounding,
    "NoRounding",
    &["none"],
    &["No rounding, even for an amount in euros."]
);

/// A step's rounding: to a multiple of `step`, half-up unless `mode` says otherwise.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct StepRounding {
    /// The multiple to round to, e.g. "0.0001".
    pub(crate) step: DecimalText,
    /// How to round (default half-up).
    pub(crate) mode: Option<RoundingModeName>,
}

/// The `filter` mechanism.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FilterDef {
    /// The dataset (or earlier filter) whose rows are kept.
    pub(crate) dataset: String,
    /// The condition a row must meet (an expression over its fields).
    #[serde(rename = "where")]
    pub(crate) condition: Option<String>,
}

/// The `lookup` mechanism.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LookupDef {
    /// The dataset to look the table up for, row by row (absent: once).
    pub(crate) dataset: Option<String>,
    /// The decision table.
    pub(crate) table: String,
    /// The value column read (default: the table's only one).
    pub(crate) column: Option<String>,
    /// An expression for each key column of the table.
    pub(crate) keys: BTreeMap<String, String>,
}

/// The `aggregate` mechanism: one of `sum = "EXPR"`, `count = true`, `min = "EXPR"` or
/// `max = "EXPR"`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AggregateDef {
    /// The dataset summed or counted.
    pub(crate) dataset: String,
    /// The expression summed over the rows.
    pub(crate) sum: Option<String>,
    /// Count the rows.
    pub(crate) count: Option<bool>,
    /// The smallest value of the expression over the rows (a number or a date; none over no row).
    pub(crate) min: Option<String>,
    /// The largest value of the expression over the rows (a number or a date; none over no row).
    pub(crate) max: Option<String>,
    /// The condition a row must meet to be counted.
    #[serde(rename = "where")]
    pub(crate) condition: Option<String>,
    /// An expression the rows are grouped by: one value per group, which an expression over
    /// the rows of any dataset reads as `step(KEY)` (a group with no row: 0, or none for a
    /// smallest or largest value).
    pub(crate) group_by: Option<String>,
    /// With `sum`: each row's value rounded before it is added (e.g. { step = "0.01", mode =
    /// "half-up" }: each row an amount in cents, as a file of money rows declares it). Without
    /// it, only the sum is rounded (the step's `round`, or the rulebook's money rounding).
    pub(crate) round_rows: Option<StepRounding>,
}

/// The `derive` mechanism.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeriveDef {
    /// The dataset (or filter) whose rows get the value.
    pub(crate) dataset: String,
    /// The expression computed for each row, of the step's unit (a number by default).
    pub(crate) value: String,
    /// An expression naming each row (an identifier column, e.g. "ID"): the step's breakdown
    /// then shows each row's value under it, in `explain` and the JSON report.
    pub(crate) key: Option<String>,
}

/// The `classify` mechanism.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClassifyDef {
    /// The dataset whose rows are classified.
    pub(crate) dataset: String,
    /// The code list read for each row.
    pub(crate) list: String,
    /// The expression giving the row's code.
    pub(crate) code: String,
    /// The expression giving the date the list is read at.
    pub(crate) date: String,
    /// The classes, in order: a row goes to the first whose condition holds.
    pub(crate) classes: Vec<ClassDef>,
}

/// A class of a classification.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassDef {
    /// The name of the class.
    pub(crate) name: String,
    /// What the class means. `{name}` shows the value of parameter `name`.
    pub(crate) label: Option<String>,
    /// The condition (`listed` and `item.<attribute>` read the row's list item).
    pub(crate) when: String,
}

/// A check of a `checks` step.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckDef {
    /// The name of the check.
    pub(crate) name: String,
    /// What the check requires. `{name}` shows the value of parameter `name`.
    pub(crate) label: String,
    /// The condition that must hold.
    pub(crate) when: String,
}

/// The `score` mechanism.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScoreDef {
    /// The indicator set scored.
    pub(crate) indicators: String,
}

// ---------------------------------------------------------------------------------------------
// Explanations (issue 26, item 2)

/// A step's explanation: one sentence, or a table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum ExplanationSpec {
    /// One sentence, said whatever the values: `{name}` shows a value.
    Sentence(String),
    /// Values computed for the sentence, and the sentence or the sentences chosen by condition.
    Table(ExplanationTable),
}

/// An explanation with its own values, and `text` or `cases`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExplanationTable {
    /// Values computed for the sentence only, in order (a value may read the earlier ones), over
    /// what the step reads and its own value: `soumis = { value = "a + b", unit = "EUR" }`.
    pub(crate) values: Option<BTreeMap<String, ExplanationValue>>,
    /// The one sentence.
    pub(crate) text: Option<String>,
    /// Sentences each under a `when` condition: the first that holds is said; the last has no
    /// `when` and is said when none holds.
    pub(crate) cases: Option<Vec<ExplanationCase>>,
}

/// A value an explanation computes.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExplanationValue {
    /// An expression in the language of conditions (`+ - * /`, `min`, `max`, `if`).
    pub(crate) value: String,
    /// How the value is written: `EUR` in euros with cents, `rate` as a percentage.
    pub(crate) unit: Option<UnitName>,
}

/// One sentence of an explanation, said when its condition holds.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExplanationCase {
    /// The condition, over what the step reads, its own value and the explanation's values;
    /// absent on the last sentence.
    pub(crate) when: Option<String>,
    /// The sentence.
    pub(crate) text: String,
}
