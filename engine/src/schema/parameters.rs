//! The schema of a parameters file.

use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema};
use serde::Deserialize;
use serde_json::Value as Json;

use crate::schema::values::{AnyValue, DECIMAL_PATTERN, DateValue, StatusName, UnitName};
use crate::value::{Kind, Unit};

// ---------------------------------------------------------------------------------------------
// Parameters

/// A file of parameters: one TOML table per parameter, named by the table.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct ParametersFile(pub(crate) BTreeMap<String, ParameterDef>);

/// A parameter: a named value with its unit, its source and its status. Give `value`, or
/// `values` for a value that changes during the year.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("oneOf" = [{ "required": ["value"] }, { "required": ["values"] }]), transform = typed_by_unit)]
pub(crate) struct ParameterDef {
    /// What the parameter is, in the words of the texts (shown on every report). `{name}` shows the value of parameter `name`.
    pub(crate) label: String,
    /// The text the value comes from: name it precisely (article, date, journal).
    pub(crate) reference: String,
    /// How far the value is established.
    pub(crate) status: StatusName,
    /// A longer explanation, shown in the rulebook's documentation.
    pub(crate) description: Option<String>,
    /// The unit of the value.
    pub(crate) unit: UnitName,
    /// The value for the whole year: a decimal as a string ("0.20"), an integer, a TOML date,
    /// true or false, or a text — as the unit calls for.
    pub(crate) value: Option<AnyValue>,
    /// Values that change during the year, in order; the first starts on the first day of the
    /// period.
    pub(crate) values: Option<Vec<DatedValue>>,
    /// true for a date that happens once (the end of an experiment): `peps rules new-year` keeps
    /// it as it is instead of moving it by a year.
    pub(crate) once: Option<bool>,
    /// The smallest value the parameter may take, a decimal as a string. A rate with no bound
    /// lies in [0, 1].
    pub(crate) min: Option<String>,
    /// The largest value the parameter may take, a decimal as a string (a rate above 1, such as a
    /// coefficient of revaluation, declares it).
    pub(crate) max: Option<String>,
}

/// Lets an editor check `value` (and each of `values`) against the kind of value `unit` calls
/// for: a decimal for an amount, rate or count, a date, true/false, or a text.
pub(crate) fn typed_by_unit(schema: &mut Schema) {
    let of_kind =
        |kind: Kind| -> Vec<&str> { Unit::NAMES.iter().copied().filter(|n| Unit::parse(n).is_some_and(|u| u.kind() == kind)).collect() };
    let rule = |units: Vec<&str>, value: Json| {
        serde_json::json!({
            "if": { "required": ["unit"], "properties": { "unit": { "enum": units } } },
            "then": { "properties": { "value": value, "values": { "items": { "properties": { "value": value } } } } }
        })
    };
    let decimal = serde_json::json!({ "anyOf": [{ "type": "string", "pattern": DECIMAL_PATTERN }, { "type": "number" }] });
    let rules = vec![
        rule(of_kind(Kind::Number), decimal),
        rule(of_kind(Kind::Date), serde_json::json!({ "type": "string", "format": "date" })),
        rule(of_kind(Kind::Bool), serde_json::json!({ "type": "boolean" })),
        rule(of_kind(Kind::Text), serde_json::json!({ "type": "string" })),
    ];
    schema.insert("allOf".into(), Json::Array(rules));
}

/// A value in force from a date.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DatedValue {
    /// The first day the value is in force.
    pub(crate) from: DateValue,
    /// The value from that day.
    pub(crate) value: AnyValue,
}
