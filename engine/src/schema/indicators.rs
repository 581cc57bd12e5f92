//! The schema of an indicators file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::schema::values::{DecimalText, DirectionName, MethodName, StatusName};

// ---------------------------------------------------------------------------------------------
// Indicators

/// A file of indicator sets: one TOML table per set.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct IndicatorsFile(pub(crate) BTreeMap<String, IndicatorSetDef>);

/// A set of weighted indicators, scored together by a `score` step.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct IndicatorSetDef {
    /// What the set is, in the words of the texts. `{name}` shows the value of parameter `name`.
    pub(crate) label: String,
    /// The text the set comes from.
    pub(crate) reference: String,
    /// How far the set is established.
    pub(crate) status: StatusName,
    /// A longer explanation.
    pub(crate) description: Option<String>,
    /// How a result becomes an attainment.
    pub(crate) method: MethodName,
    /// The indicators (`[[<set>.indicators]]`).
    pub(crate) indicators: Vec<IndicatorDef>,
}

/// An indicator: a weight, a target, and the case input holding the case's result.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct IndicatorDef {
    /// The name of the indicator.
    pub(crate) name: String,
    /// What the indicator measures. `{name}` shows the value of parameter `name`.
    pub(crate) label: String,
    /// The text the indicator comes from.
    pub(crate) reference: String,
    /// How far the indicator is established.
    pub(crate) status: StatusName,
    /// A longer explanation.
    pub(crate) description: Option<String>,
    /// Its weight in the score (weights need not add up to 1: the score divides by their sum).
    pub(crate) weight: DecimalText,
    /// The target result.
    pub(crate) target: DecimalText,
    /// Whether a higher or a lower result is better.
    pub(crate) direction: DirectionName,
    /// The case input holding the case's result (a name of the inputs file).
    pub(crate) input: String,
}
