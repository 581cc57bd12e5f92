//! Value types shared by the file schemas: decimals written as strings, TOML dates, any scalar,
//! a choice among closed names, and the documentation of statuses, units and input types.
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::data::norm::FieldKind;
use crate::rules::inputs::RejectedRows;
use crate::rules::removals::RemovalKind;
use crate::value::parse_rule_decimal;
use crate::value::{RoundingMode, Status, Unit};

// ---------------------------------------------------------------------------------------------
// Values

/// A decimal number: a string such as "0.20" (exact), or a TOML integer or float.
#[derive(Debug, Clone)]
pub struct DecimalText(pub String);

impl<'de> Deserialize<'de> for DecimalText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = DecimalText;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a decimal number, written as a string such as \"0.20\"")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<DecimalText, E> {
                match parse_rule_decimal(s) {
                    Some(_) => Ok(DecimalText(s.to_string())),
                    None => Err(E::custom(format!("`{s}` is not a decimal number (use a point: \"1234.56\")"))),
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DecimalText, E> {
                Ok(DecimalText(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<DecimalText, E> {
                Ok(DecimalText(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<DecimalText, E> {
                Ok(DecimalText(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// The pattern of a decimal written as a string.
pub(crate) const DECIMAL_PATTERN: &str = "^[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$";

impl JsonSchema for DecimalText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A decimal number. Write it as a string with a point, e.g. \"0.20\" or \"1234.56\": it stays exact.",
            "anyOf": [
                { "type": "string", "pattern": DECIMAL_PATTERN },
                { "type": "number" }
            ]
        })
    }
}

/// A TOML date without time, e.g. `2025-01-31` (no quotes).
#[derive(Debug, Clone)]
pub struct DateValue(pub toml::value::Datetime);

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let dt = toml::value::Datetime::deserialize(d)?;
        if dt.date.is_none() || dt.time.is_some() || dt.offset.is_some() {
            return Err(<D::Error as serde::de::Error>::custom(format!("`{dt}` is not a date: write e.g. 2025-01-31")));
        }
        Ok(DateValue(dt))
    }
}

impl JsonSchema for DateValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A TOML date without quotes, e.g. 2025-01-31.",
            "type": "string",
            "format": "date"
        })
    }
}

/// Any single value: a decimal as a string, an integer, true or false, a TOML date, or a text.
#[derive(Debug, Clone)]
pub struct AnyValue(pub toml::Value);

impl<'de> Deserialize<'de> for AnyValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match toml::Value::deserialize(d)? {
            v @ (toml::Value::Array(_) | toml::Value::Table(_)) => {
                Err(de::Error::custom(format!("expected a single value, found {}", v.type_str())))
            }
            v => Ok(AnyValue(v)),
        }
    }
}

impl JsonSchema for AnyValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Value".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A single value: a decimal as a string (\"0.20\"), an integer, true or false, a TOML date (2025-01-31) or a text.",
            "type": ["string", "number", "boolean"]
        })
    }
}

/// A string from a closed vocabulary, checked on reading and listed in the schema (with a
/// documentation line per choice where one is given, shown by taplo on hover).
macro_rules! choice {
    ($(#[$doc:meta])* $name:ident, $schema_name:literal, $names:expr, $docs:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(pub String);

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <String as serde::Deserialize>::deserialize(d)?;
                let names: &[&str] = $names;
                if names.contains(&s.as_str()) {
                    Ok($name(s))
                } else {
                    Err(<D::Error as serde::de::Error>::custom(format!("unknown {} `{s}`: one of {}", $schema_name, names.join(", "))))
                }
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $schema_name.into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $crate::schema::values::choice_schema($names, $docs)
            }
        }
    };
}
pub(crate) use choice;

pub(crate) fn choice_schema(names: &[&str], docs: &[&str]) -> Schema {
    let mut s = json_schema!({ "type": "string", "enum": names });
    if docs.len() == names.len() {
        s.insert("x-taplo".into(), serde_json::json!({ "docs": { "enumValues": docs } }));
    }
    s
}

pub(crate) const STATUS_DOCS: &[&str] = &[
    "A public text says it (name the text in `reference`).",
    "The year's convention or founding text says it, but it is not public.",
    "Our hypothesis, because the official text is not public: results say how many they rest on.",
];

/// The documentation of each unit, in the order of `Unit::NAMES`.
pub(crate) fn unit_docs() -> Vec<&'static str> {
    Unit::ALL.iter().map(|u| u.describe()).collect()
}

choice!(
    /// How far a value is established: `confirmed`, `seed` or `assumed`.
    StatusName,
    "Status",
    Status::NAMES,
    STATUS_DOCS
);
choice!(
    /// The unit of a value.
    UnitName,
    "Unit",
    Unit::NAMES,
    &unit_docs()
);
choice!(
    /// How a rounding rounds.
    RoundingModeName,
    "RoundingMode",
    RoundingMode::NAMES,
    &[
        "Half away from zero (2.345 → 2.35): the default.",
        "Half to even, the banker's rounding (2.345 → 2.34).",
        "Towards zero.",
        "Away from zero.",
        "Towards minus infinity.",
        "Towards plus infinity.",
    ]
);
choice!(
    /// The type of a table's key column.
    KeyTypeName,
    "KeyType",
    &["range", "enum", "bool"],
    &[
        "Numbers; rows give intervals such as \"[0, 16)\", a number, or \"*\".",
        "A closed set of texts given in `values`; rows give one of them or \"*\".",
        "true or false; rows give true, false or \"*\".",
    ]
);
choice!(
    /// How an indicator's result becomes an attainment between 0 and 1.
    MethodName,
    "ScoreMethod",
    &["linear", "threshold"],
    &["Proportional to the distance to the target, capped at 1.", "1 when the target is met, 0 otherwise."]
);
choice!(
    /// Whether a higher or a lower result is better.
    DirectionName,
    "Direction",
    &["higher", "lower"],
    &["A higher result is better: the target is a minimum.", "A lower result is better: the target is a maximum."]
);
choice!(
    /// The type of a case input.
    InputTypeName,
    "InputType",
    &crate::rules::inputs::input_types(),
    &[]
);
choice!(
    /// What a row that breaks its norm does to a case.
    RejectedRowsName,
    "RejectedRows",
    RejectedRows::NAMES,
    &[
        "The case is refused: nothing is computed from a file with a rejected row (the default).",
        "The row is left out of the case, with a warning per code; the result counts the rows left out.",
    ]
);
choice!(
    /// The character encoding of an exchange file.
    EncodingName,
    "Encoding",
    &["utf-8", "windows-1252"],
    &[]
);
choice!(
    /// What two identical rows of a file are.
    SeverityName,
    "DuplicateRows",
    &["error", "warning"],
    &["Rejected (the default).", "Reported, not rejected: two identical rows may be two real events."]
);
choice!(
    /// The type of a field of an exchange file.
    FieldTypeName,
    "FieldType",
    FieldKind::NAMES,
    &[]
);
choice!(
    /// How a rule of a norm compares its field with the other side.
    CompareOpName,
    "CompareOp",
    crate::data::norm::CompareOp::NAMES,
    &["Less than.", "Less than or equal to.", "Greater than.", "Greater than or equal to.", "Equal to.", "Different from."]
);
choice!(
    /// A day of the period a file covers.
    PeriodEdgeName,
    "PeriodEdge",
    crate::data::norm::PeriodEdge::NAMES,
    &["The first day of the period.", "The last day of the period."]
);
choice!(
    /// The check digit of an identifier field.
    ChecksumName,
    "Checksum",
    &["nir", "luhn"],
    &["A national identification number whose last two digits are 97 − (number mod 97), 2A/2B handled.", "A Luhn check digit."]
);
choice!(
    /// The kind of item a removal names.
    RemovalKindName,
    "RemovalKind",
    RemovalKind::NAMES,
    &[]
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
