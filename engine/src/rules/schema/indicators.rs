//! The schema of an indicators file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::rules::schema::values::{DecimalText, DirectionName, MethodName, StatusName};

// ---------------------------------------------------------------------------------------------
// Indicators

/// A file of indicator sets: one TOML table per set.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct IndicatorsFile(pub BTreeMap<String, IndicatorSetDef>);

/// A set of weighted indicators, scored together by a `score` step.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorSetDef {
    /// What the set is, in the words of the texts.
    pub label: String,
    /// The text the set comes from.
    pub reference: String,
    /// How far the set is established.
    pub status: StatusName,
    /// A longer explanation.
    pub description: Option<String>,
    /// How a result becomes an attainment.
    pub method: MethodName,
    /// The indicators (`[[<set>.indicators]]`).
    pub indicators: Vec<IndicatorDef>,
}

/// An indicator: a weight, a target, and the case input holding the team's result.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    /// The name of the indicator.
    pub name: String,
    /// What the indicator measures.
    pub label: String,
    /// The text the indicator comes from.
    pub reference: String,
    /// How far the indicator is established.
    pub status: StatusName,
    /// A longer explanation.
    pub description: Option<String>,
    /// Its weight in the score (weights need not add up to 1: the score divides by their sum).
    pub weight: DecimalText,
    /// The target result.
    pub target: DecimalText,
    /// Whether a higher or a lower result is better.
    pub direction: DirectionName,
    /// The case input holding the team's result (a name of the inputs file).
    pub input: String,
}
