//! The schema of `rulebook.toml` and of `retraits.toml`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::schema::values::{DateValue, DecimalText, RemovalKindName, RoundingModeName};

// ---------------------------------------------------------------------------------------------
// rulebook.toml

/// `rulebook.toml`: the year, its period, the files of the rulebook, the norm versions it reads
/// and what its result is.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RulebookFile {
    /// The scheme the rulebook belongs to (its short name): every output names it.
    pub(crate) scheme: Option<String>,
    /// The words of the scheme that reports put in their sentences.
    pub(crate) names: Option<NamesDef>,
    /// The year this rulebook is in force.
    pub(crate) year: i64,
    /// The title of the rulebook, shown on every report.
    pub(crate) label: String,
    /// The period the rulebook covers: every dated value and act must fall inside it.
    pub(crate) period: PeriodDef,
    /// The date at which the case is observed (e.g. a list as it stands on 31 December).
    pub(crate) reference_date: DateValue,
    /// The name of the case file in a case folder (default `case.toml`).
    pub(crate) case_file: Option<String>,
    /// The files of the rulebook, by kind, relative to this folder.
    pub(crate) files: FilesDef,
    /// The exchange norms read: `name = 1` reads `norms/name/v1.toml`; `name = { version = 1,
    /// codes = { FIELD = { catalogue = "…", list = "…" } } }` also says which of the rulebook's
    /// lists the codes of a field are checked against.
    pub(crate) norms: Option<BTreeMap<String, NormUseDef>>,
    /// What the result of an evaluation is.
    pub(crate) result: ResultDef,
    /// Defaults of the rulebook.
    pub(crate) defaults: Option<DefaultsDef>,
}

/// The words of a scheme that reports put in their sentences; without them, sentences are neutral.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NamesDef {
    /// What a case is, as people say it (the scheme's word for it).
    pub(crate) case: Option<String>,
    /// Who is paid, as a sentence names it (the scheme's words, with their article).
    pub(crate) payee: Option<String>,
}

/// A norm the rulebook reads: its version, or its version and its code checks.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum NormUseDef {
    /// The version: `name = 1`.
    Version(i64),
    /// The version and the code checks.
    WithCodes(NormWithCodes),
}

/// A norm's version and the lists its code fields are checked against.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NormWithCodes {
    /// The version read: `norms/<name>/v<version>.toml`.
    pub(crate) version: i64,
    /// By field of the norm: the lists its codes are checked against.
    pub(crate) codes: Option<BTreeMap<String, CodesDef>>,
}

/// The lists the codes of one field are checked against (at least one of the two).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CodesDef {
    /// A list of every code that exists (e.g. the nomenclature): a code outside it is an error.
    pub(crate) catalogue: Option<String>,
    /// The rulebook's list (the codes the year reads): a code outside it is an error without a catalogue, a
    /// warning when the catalogue has it.
    pub(crate) list: Option<String>,
    /// What a code of the catalogue outside the list comes to, in the rulebook's words (the
    /// warning says it).
    pub(crate) unlisted: Option<String>,
}

/// A period of dates, both days included.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PeriodDef {
    /// The first day.
    pub(crate) start: DateValue,
    /// The last day.
    pub(crate) end: DateValue,
}

/// The files of a rulebook, by kind.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FilesDef {
    /// Files of parameters (one table per parameter).
    pub(crate) parameters: Option<Vec<String>>,
    /// Files of decision tables.
    pub(crate) tables: Option<Vec<String>>,
    /// Files of code lists.
    pub(crate) lists: Option<Vec<String>>,
    /// Files of indicator sets.
    pub(crate) indicators: Option<Vec<String>>,
    /// Files of the payment calendar.
    pub(crate) calendar: Option<Vec<String>>,
    /// Files saying what a case file must hold.
    pub(crate) inputs: Option<Vec<String>>,
    /// Files of the pipeline's steps.
    pub(crate) steps: Option<Vec<String>>,
    /// Rhai scripts of the formulas.
    pub(crate) scripts: Option<Vec<String>>,
}

/// What the result of an evaluation is.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResultDef {
    /// The step whose value is the total.
    pub(crate) total: String,
    /// The steps that add up to the total, shown as its components.
    pub(crate) components: Option<Vec<String>>,
    /// A step of checks: when one fails the total is zero and the evaluation stops there.
    pub(crate) gate: Option<String>,
    /// The report's waterfall: a name is a level, a name with "+" an amount added to it.
    pub(crate) waterfall: Option<Vec<String>>,
    /// The label of a bar of the waterfall, by step name, when its step's label names the level
    /// reached rather than what changes (`step = "what it adds"`).
    /// `{name}` shows the value of parameter `name`.
    pub(crate) bar_labels: Option<BTreeMap<String, String>>,
}

/// Defaults of the rulebook.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DefaultsDef {
    /// The rounding of every step in euros that does not give its own.
    pub(crate) money_rounding: Option<RoundingRule>,
}

/// A rounding: to a multiple of `step`, with a mode.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RoundingRule {
    /// The multiple to round to, e.g. "0.01" for the cent.
    pub(crate) step: DecimalText,
    /// How to round.
    pub(crate) mode: RoundingModeName,
}

// ---------------------------------------------------------------------------------------------
// Removals

/// `retraits.toml` of a year's folder: what the year removes on purpose from the year before,
/// one table per item (an input as "section.name").
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct RemovalsFile(pub(crate) BTreeMap<String, RemovalDef>);

/// A removal: the kind of the item and the text that removes it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RemovalDef {
    /// The kind of the removed item.
    pub(crate) kind: RemovalKindName,
    /// The text that removes it.
    pub(crate) reference: String,
}
