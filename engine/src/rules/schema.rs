//! JSON Schemas of the rule and norm files, for editors: serde + schemars types that mirror each
//! file kind as its loader reads it, so that an editor (taplo, Even Better TOML) offers
//! completion, hover documentation and errors while a file is typed.
//!
//! These types are not the loaders: the loaders walk spanned TOML to report every problem of a
//! file at once with its position (see `tomlread`), and check what a schema cannot (a table's
//! gaps, names bound across files). The types describe the same keys, and a test reads every
//! shipped rule and norm file through them, so the two cannot drift apart unnoticed. Their doc
//! comments are the hover documentation.

use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_json::Value as Json;

use crate::compare::coverage::KINDS as REMOVAL_KINDS;
use crate::data::norm::FieldKind;
use crate::rules::strict::parse_decimal;
use crate::value::{Kind, RoundingMode, Status, Unit};

// ---------------------------------------------------------------------------------------------
// File kinds

/// A kind of rule or norm file, each with its schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Rulebook,
    Parameters,
    Tables,
    Lists,
    Indicators,
    Calendar,
    Inputs,
    Steps,
    Norm,
    Removals,
}

impl FileKind {
    pub const ALL: &'static [FileKind] = &[
        FileKind::Rulebook,
        FileKind::Parameters,
        FileKind::Tables,
        FileKind::Lists,
        FileKind::Indicators,
        FileKind::Calendar,
        FileKind::Inputs,
        FileKind::Steps,
        FileKind::Norm,
        FileKind::Removals,
    ];

    /// The name of the kind: the key of `[files]` in `rulebook.toml` for the files it lists, and
    /// the stem of the schema file (`<name>.schema.json`).
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Rulebook => "rulebook",
            FileKind::Parameters => "parameters",
            FileKind::Tables => "tables",
            FileKind::Lists => "lists",
            FileKind::Indicators => "indicators",
            FileKind::Calendar => "calendar",
            FileKind::Inputs => "inputs",
            FileKind::Steps => "steps",
            FileKind::Norm => "norm",
            FileKind::Removals => "removals",
        }
    }

    /// The JSON Schema (draft 7, the draft editors support best) of this kind of file.
    pub fn schema(self) -> Json {
        let title = format!("{} file", self.name());
        match self {
            FileKind::Rulebook => root_schema::<RulebookFile>(&title),
            FileKind::Parameters => root_schema::<ParametersFile>(&title),
            FileKind::Tables => root_schema::<TablesFile>(&title),
            FileKind::Lists => root_schema::<ListsFile>(&title),
            FileKind::Indicators => root_schema::<IndicatorsFile>(&title),
            FileKind::Calendar => root_schema::<CalendarFile>(&title),
            FileKind::Inputs => root_schema::<InputsFile>(&title),
            FileKind::Steps => root_schema::<StepsFile>(&title),
            FileKind::Norm => root_schema::<NormFile>(&title),
            FileKind::Removals => root_schema::<RemovalsFile>(&title),
        }
    }

    /// Reads `text` through this kind's schema types: the first key or value they do not
    /// accept, as toml's message (with line and column). Used by tests to keep the schemas and
    /// the shipped files in step; the loaders remain what checks a rulebook.
    pub fn read(self, text: &str) -> Result<(), String> {
        fn read<T: for<'de> Deserialize<'de>>(text: &str) -> Result<(), String> {
            toml::from_str::<T>(text).map(|_| ()).map_err(|e| e.to_string())
        }
        match self {
            FileKind::Rulebook => read::<RulebookFile>(text),
            FileKind::Parameters => read::<ParametersFile>(text),
            FileKind::Tables => read::<TablesFile>(text),
            FileKind::Lists => read::<ListsFile>(text),
            FileKind::Indicators => read::<IndicatorsFile>(text),
            FileKind::Calendar => read::<CalendarFile>(text),
            FileKind::Inputs => read::<InputsFile>(text),
            FileKind::Steps => read::<StepsFile>(text),
            FileKind::Norm => read::<NormFile>(text),
            FileKind::Removals => read::<RemovalsFile>(text),
        }
    }
}

/// The `#:schema` directive editors read on the first line of a TOML file, for a file two
/// folders below the repository root (`rules/<year>/`, `norms/<name>/`, `tests/cases/`).
pub fn directive(schema_stem: &str) -> String {
    format!("#:schema ../../schemas/{schema_stem}.schema.json")
}

/// The files of a rulebook folder with their kind, from the text of its `rulebook.toml`:
/// `rulebook.toml` itself, then every TOML file `[files]` lists (paths relative to the folder).
pub fn rulebook_files(rulebook_text: &str) -> Result<Vec<(FileKind, String)>, String> {
    let rb: RulebookFile = toml::from_str(rulebook_text).map_err(|e| e.to_string())?;
    let mut out = vec![(FileKind::Rulebook, "rulebook.toml".to_string())];
    let f = rb.files;
    let lists = [
        (FileKind::Parameters, f.parameters),
        (FileKind::Tables, f.tables),
        (FileKind::Lists, f.lists),
        (FileKind::Indicators, f.indicators),
        (FileKind::Calendar, f.calendar),
        (FileKind::Inputs, f.inputs),
        (FileKind::Steps, f.steps),
    ];
    for (kind, paths) in lists {
        out.extend(paths.unwrap_or_default().into_iter().map(|p| (kind, p)));
    }
    Ok(out)
}

/// The root schema of `T` titled `title`: draft 7, `null` removed (TOML has none: an optional
/// key is absent).
pub fn root_schema<T: JsonSchema>(title: &str) -> Json {
    let settings = schemars::generate::SchemaSettings::draft07();
    let schema = settings.into_generator().into_root_schema_for::<T>();
    let mut json = schema.to_value();
    strip_null(&mut json);
    json["title"] = Json::String(title.to_string());
    json
}

/// Removes the `null` alternative schemars gives `Option` fields, everywhere in a schema.
fn strip_null(v: &mut Json) {
    match v {
        Json::Object(map) => {
            if let Some(Json::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types[0].clone();
                    map.insert("type".into(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Json::Array(alts)) = map.get_mut(key) {
                    alts.retain(|a| a.get("type").is_none_or(|t| t != "null") || a.as_object().is_some_and(|o| o.len() > 1));
                    if alts.len() == 1 {
                        let only = alts.remove(0);
                        map.remove(key);
                        match only {
                            // Draft 7 ignores the siblings of a `$ref` (its description): wrap it.
                            Json::Object(inner) if inner.contains_key("$ref") => {
                                map.insert("allOf".into(), Json::Array(vec![Json::Object(inner)]));
                            }
                            Json::Object(inner) => {
                                for (k, v) in inner {
                                    map.entry(k).or_insert(v);
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            for child in map.values_mut() {
                strip_null(child);
            }
        }
        Json::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

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
                match parse_decimal(s) {
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
pub const DECIMAL_PATTERN: &str = "^[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$";

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
            return Err(de::Error::custom(format!("`{dt}` is not a date: write e.g. 2025-01-31")));
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

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                let names: &[&str] = $names;
                if names.contains(&s.as_str()) {
                    Ok($name(s))
                } else {
                    Err(de::Error::custom(format!("unknown {} `{s}`: one of {}", $schema_name, names.join(", "))))
                }
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $schema_name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                choice_schema($names, $docs)
            }
        }
    };
}

fn choice_schema(names: &[&str], docs: &[&str]) -> Schema {
    let mut s = json_schema!({ "type": "string", "enum": names });
    if docs.len() == names.len() {
        s.insert("x-taplo".into(), serde_json::json!({ "docs": { "enumValues": docs } }));
    }
    s
}

const STATUS_DOCS: &[&str] = &[
    "A public text says it (name the text in `reference`).",
    "The year's convention or founding text says it, but it is not public.",
    "Our hypothesis, because the official text is not public: results say how many they rest on.",
];

const UNIT_DOCS: &[&str] = &[
    "An amount in euros (rounded to the cent by default).",
    "A rate or share, e.g. \"0.20\" for 20 %.",
    "A number of things (people, events, items).",
    "A plain number.",
    "Kilometres.",
    "Days.",
    "Years.",
    "Minutes.",
    "A date (TOML date, e.g. 2025-12-31).",
    "true or false.",
    "A text.",
];

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
    UNIT_DOCS
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
    INPUT_TYPES,
    &[]
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
    REMOVAL_KINDS,
    &[]
);

/// The types of a case input: every unit, and `enum`, `dataset`, `records`.
const INPUT_TYPES: &[&str] =
    &["EUR", "rate", "count", "number", "km", "days", "years", "minutes", "date", "bool", "text", "enum", "dataset", "records"];

// ---------------------------------------------------------------------------------------------
// rulebook.toml

/// `rulebook.toml`: the year, its period, the files of the rulebook, the norm versions it reads
/// and what its result is.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulebookFile {
    /// The year this rulebook is in force.
    pub year: i64,
    /// The title of the rulebook, shown on every report.
    pub label: String,
    /// The period the rulebook covers: every dated value and act must fall inside it.
    pub period: PeriodDef,
    /// The date at which the case is observed (e.g. a list as it stands on 31 December).
    pub reference_date: DateValue,
    /// The name of the case file in a case folder (default `team.toml`).
    pub case_file: Option<String>,
    /// The files of the rulebook, by kind, relative to this folder.
    pub files: FilesDef,
    /// The exchange norms read, with their version: `name = 1` reads `norms/name/v1.toml`.
    pub norms: Option<BTreeMap<String, i64>>,
    /// What the result of an evaluation is.
    pub result: ResultDef,
    /// Defaults of the rulebook.
    pub defaults: Option<DefaultsDef>,
}

/// A period of dates, both days included.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodDef {
    /// The first day.
    pub start: DateValue,
    /// The last day.
    pub end: DateValue,
}

/// The files of a rulebook, by kind.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FilesDef {
    /// Files of parameters (one table per parameter).
    pub parameters: Option<Vec<String>>,
    /// Files of decision tables.
    pub tables: Option<Vec<String>>,
    /// Files of code lists.
    pub lists: Option<Vec<String>>,
    /// Files of indicator sets.
    pub indicators: Option<Vec<String>>,
    /// Files of the payment calendar.
    pub calendar: Option<Vec<String>>,
    /// Files saying what a case file must hold.
    pub inputs: Option<Vec<String>>,
    /// Files of the pipeline's steps.
    pub steps: Option<Vec<String>>,
    /// Rhai scripts of the formulas.
    pub scripts: Option<Vec<String>>,
}

/// What the result of an evaluation is.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultDef {
    /// The step whose value is the total.
    pub total: String,
    /// The steps that add up to the total, shown as its components.
    pub components: Option<Vec<String>>,
    /// A step of checks: when one fails the total is zero and the evaluation stops there.
    pub gate: Option<String>,
    /// The report's waterfall: a name is a level, a name with "+" an amount added to it.
    pub waterfall: Option<Vec<String>>,
}

/// Defaults of the rulebook.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DefaultsDef {
    /// The rounding of every step in euros that does not give its own.
    pub money_rounding: Option<RoundingRule>,
}

/// A rounding: to a multiple of `step`, with a mode.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundingRule {
    /// The multiple to round to, e.g. "0.01" for the cent.
    pub step: DecimalText,
    /// How to round.
    pub mode: RoundingModeName,
}

// ---------------------------------------------------------------------------------------------
// Parameters

/// A file of parameters: one TOML table per parameter, named by the table.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ParametersFile(pub BTreeMap<String, ParameterDef>);

/// A parameter: a named value with its unit, its source and its status. Give `value`, or
/// `values` for a value that changes during the year.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("oneOf" = [{ "required": ["value"] }, { "required": ["values"] }]), transform = typed_by_unit)]
pub struct ParameterDef {
    /// What the parameter is, in the words of the texts (shown on every report).
    pub label: String,
    /// The text the value comes from: name it precisely (article, date, journal).
    pub reference: String,
    /// How far the value is established.
    pub status: StatusName,
    /// A longer explanation, shown in the rulebook's documentation.
    pub description: Option<String>,
    /// The unit of the value.
    pub unit: UnitName,
    /// The value for the whole year: a decimal as a string ("0.20"), an integer, a TOML date,
    /// true or false, or a text — as the unit calls for.
    pub value: Option<AnyValue>,
    /// Values that change during the year, in order; the first starts on the first day of the
    /// period.
    pub values: Option<Vec<DatedValue>>,
}

/// Lets an editor check `value` (and each of `values`) against the kind of value `unit` calls
/// for: a decimal for an amount, rate or count, a date, true/false, or a text.
fn typed_by_unit(schema: &mut Schema) {
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
pub struct DatedValue {
    /// The first day the value is in force.
    pub from: DateValue,
    /// The value from that day.
    pub value: AnyValue,
}

// ---------------------------------------------------------------------------------------------
// Tables

/// A file of decision tables: one TOML table per decision table.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct TablesFile(pub BTreeMap<String, TableDef>);

/// A decision table: key columns, value columns and rows. Every combination of keys must be
/// covered by exactly one row (checked when the rulebook loads).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableDef {
    /// What the table gives, in the words of the texts.
    pub label: String,
    /// The text the table comes from.
    pub reference: String,
    /// How far the table is established.
    pub status: StatusName,
    /// A longer explanation (how keys are read, what the rows mean).
    pub description: Option<String>,
    /// The key columns, in order.
    pub keys: Vec<KeyColumnDef>,
    /// The value columns.
    pub columns: Vec<ValueColumnDef>,
    /// The rows: one entry per key column (an interval "[0, 16)", a number, a value, true/false
    /// or "*" for any) and one decimal per value column.
    pub rows: Vec<BTreeMap<String, AnyValue>>,
}

/// A key column of a decision table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyColumnDef {
    /// The name of the key, used by rows and by lookups.
    pub name: String,
    /// The type of the key.
    #[serde(rename = "type")]
    pub kind: KeyTypeName,
    /// For a range key: the interval of possible values, e.g. "[0, )".
    pub domain: Option<String>,
    /// For a range key: only whole numbers occur (so "[0, 6)" and "[6, 16)" leave no gap).
    pub integer: Option<bool>,
    /// For an enum key: its possible values.
    pub values: Option<Vec<String>>,
}

/// A value column of a decision table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValueColumnDef {
    /// The name of the column.
    pub name: String,
    /// The unit of its values.
    pub unit: UnitName,
}

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

// ---------------------------------------------------------------------------------------------
// Calendar

/// A file of the payment calendar: one TOML table per event.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct CalendarFile(pub BTreeMap<String, EventDef>);

choice!(
    /// The kind of a calendar event.
    EventKindName,
    "EventKind",
    crate::rules::calendar::EventKind::NAMES,
    &[]
);

/// A dated event of the payment calendar. Besides the keys every event has, each kind has its
/// own: an advance `share` + `estimate` or `amount`; a balance `amount`, `received`,
/// `if_positive`, `if_negative`; a deposit `every_months`, `count`, `working_day`, `norms`,
/// `working_days`; a rebase `dataset`, `id`, `group`, `entry`, `exit`, `weights`; a complement
/// `amount` and `received`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventDef {
    /// What the event is, in the words of the texts.
    pub label: String,
    /// The text the date comes from.
    pub reference: String,
    /// How far the date is established.
    pub status: StatusName,
    /// A longer explanation.
    pub description: Option<String>,
    /// The day of the event (for a deposit or a rebase: the day the rule starts).
    pub date: DateValue,
    /// The kind of event.
    pub kind: EventKindName,
    /// Advance: its share of the estimated annual amount, e.g. "0.25".
    pub share: Option<DecimalText>,
    /// Advance, balance, complement: the step whose value is paid.
    pub amount: Option<String>,
    /// Advance: where the estimate comes from — case inputs "section.name" or steps — the
    /// first that has a value.
    pub estimate: Option<Vec<String>>,
    /// Balance, complement: what the case records as received — an input "section.name", or
    /// `{ input, date, amount }` for a list of payments.
    pub received: Option<ReceivedDef>,
    /// Balance: what a positive balance means.
    pub if_positive: Option<String>,
    /// Balance: what a negative balance means.
    pub if_negative: Option<String>,
    /// Deposit: months between two deposits (1 to 12).
    pub every_months: Option<i64>,
    /// Deposit: how many deposits.
    pub count: Option<i64>,
    /// Deposit: the working day of the following month the deposit is due (1 to 23).
    pub working_day: Option<i64>,
    /// Deposit: the norms of the files deposited.
    pub norms: Option<Vec<String>>,
    /// Deposit: what a working day is.
    pub working_days: Option<WorkingDaysDef>,
    /// Rebase: the dataset whose members enter and leave.
    pub dataset: Option<String>,
    /// Rebase: the field identifying a member.
    pub id: Option<String>,
    /// Rebase: the field grouping members (weighted by `weights`).
    pub group: Option<String>,
    /// Rebase: the field holding the entry date.
    pub entry: Option<String>,
    /// Rebase: the field holding the exit date.
    pub exit: Option<String>,
    /// Rebase: the weight of each group, between 0 and 1, adding up to 1 at most.
    pub weights: Option<BTreeMap<String, DecimalText>>,
}

/// What a case records as received.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ReceivedDef {
    /// An input holding one amount, "section.name".
    Input(String),
    /// A records input, one record per payment, with its date and amount fields.
    Records(ReceivedRecords),
}

/// A records input of payments received.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceivedRecords {
    /// The records input, "section.name".
    pub input: String,
    /// The field of a record holding the date of the payment.
    pub date: String,
    /// The field of a record holding its amount.
    pub amount: String,
}

/// What a working day is: not a weekend day, not a holiday.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkingDaysDef {
    /// The days of the week that are not worked.
    pub weekend: Option<Vec<WeekdayName>>,
    /// Holidays on a fixed day, "MM-DD", e.g. "05-01".
    pub holidays: Option<Vec<MonthDay>>,
    /// Holidays counted in days from Easter Sunday, e.g. 1 for Easter Monday, 39 for Ascension.
    pub easter: Option<Vec<i64>>,
}

choice!(
    /// A day of the week.
    WeekdayName,
    "Weekday",
    crate::rules::workdays::WEEKDAY_NAMES,
    &[]
);

/// A day of the year, "MM-DD".
#[derive(Debug)]
pub struct MonthDay(pub String);

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match crate::rules::workdays::parse_month_day(&s) {
            Some(_) => Ok(MonthDay(s)),
            None => Err(de::Error::custom(format!("`{s}` is not a day of the year: write MM-DD, e.g. \"05-01\""))),
        }
    }
}

impl JsonSchema for MonthDay {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MonthDay".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A day of the year, MM-DD, e.g. \"05-01\" for the first of May.",
            "type": "string",
            "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs

/// The inputs file: what a case file (`team.toml`) must hold, section by section
/// (`[section] name = { type = ..., label = ... }`).
#[derive(Debug, Deserialize, JsonSchema)]
pub struct InputsFile(pub BTreeMap<String, BTreeMap<String, InputDef>>);

/// One value a case file gives.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InputDef {
    /// What the value is, shown when it is missing.
    pub label: String,
    /// A unit, or `enum` (one of `values`), `dataset` (a data file read through `norm`) or
    /// `records` (an array of tables with `fields`).
    #[serde(rename = "type")]
    pub kind: InputTypeName,
    /// For an `enum`: the possible values.
    pub values: Option<Vec<String>>,
    /// For a `dataset`: the name of the norm its file is read through.
    pub norm: Option<String>,
    /// For `records`: each field with its unit.
    pub fields: Option<BTreeMap<String, UnitName>>,
    /// The case may leave it out.
    pub optional: Option<bool>,
    /// The value when the case leaves it out.
    pub default: Option<AnyValue>,
}

// ---------------------------------------------------------------------------------------------
// Steps

/// A file of steps: the pipeline, `[[step]]` after `[[step]]`. The order of evaluation follows
/// what each step reads, not the order of the file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepsFile {
    /// The steps.
    pub step: Vec<StepDef>,
}

/// A step: a named output defined by exactly one mechanism (`filter`, `lookup`, `aggregate`,
/// `classify`, `formula`, `function`, `checks` or `score`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepDef {
    /// The name of the output: other steps and formulas read it under this name.
    pub name: String,
    /// What the output is, in the words of the texts (shown on every report).
    pub label: String,
    /// The unit of the output, when not implied by its mechanism.
    pub unit: Option<UnitName>,
    /// The text the step comes from.
    pub reference: Option<String>,
    /// A longer explanation.
    pub description: Option<String>,
    /// How the output is rounded: a rule, or "none" (even for money).
    pub round: Option<RoundSpec>,
    /// The rows of a dataset that meet a condition.
    pub filter: Option<FilterDef>,
    /// A table looked up once, or for each row of a dataset and summed.
    pub lookup: Option<LookupDef>,
    /// A sum or a count over the rows of a dataset.
    pub aggregate: Option<AggregateDef>,
    /// Each row of a dataset put in the first class whose condition holds, reading a code list.
    pub classify: Option<ClassifyDef>,
    /// An expression over parameters, inputs and earlier outputs.
    pub formula: Option<String>,
    /// A function of a script, written "file.rhai::function"; its parameters name what it reads.
    pub function: Option<String>,
    /// Named conditions, all of which must hold (e.g. an eligibility gate).
    pub checks: Option<Vec<CheckDef>>,
    /// The weighted attainment of an indicator set.
    pub score: Option<ScoreDef>,
}

/// A rounding rule of a step, or "none".
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RoundSpec {
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
pub struct StepRounding {
    /// The multiple to round to, e.g. "0.0001".
    pub step: DecimalText,
    /// How to round (default half-up).
    pub mode: Option<RoundingModeName>,
}

/// The `filter` mechanism.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FilterDef {
    /// The dataset (or earlier filter) whose rows are kept.
    pub dataset: String,
    /// The condition a row must meet (an expression over its fields).
    #[serde(rename = "where")]
    pub condition: Option<String>,
}

/// The `lookup` mechanism.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LookupDef {
    /// The dataset to look the table up for, row by row (absent: once).
    pub dataset: Option<String>,
    /// The decision table.
    pub table: String,
    /// The value column read (default: the table's only one).
    pub column: Option<String>,
    /// An expression for each key column of the table.
    pub keys: BTreeMap<String, String>,
}

/// The `aggregate` mechanism: `sum = "EXPR"` or `count = true`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AggregateDef {
    /// The dataset summed or counted.
    pub dataset: String,
    /// The expression summed over the rows.
    pub sum: Option<String>,
    /// Count the rows.
    pub count: Option<bool>,
    /// The condition a row must meet to be counted.
    #[serde(rename = "where")]
    pub condition: Option<String>,
    /// An expression the rows are grouped by (one subtotal per group).
    pub group_by: Option<String>,
}

/// The `classify` mechanism.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassifyDef {
    /// The dataset whose rows are classified.
    pub dataset: String,
    /// The code list read for each row.
    pub list: String,
    /// The expression giving the row's code.
    pub code: String,
    /// The expression giving the date the list is read at.
    pub date: String,
    /// The classes, in order: a row goes to the first whose condition holds.
    pub classes: Vec<ClassDef>,
}

/// A class of a classification.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassDef {
    /// The name of the class.
    pub name: String,
    /// What the class means.
    pub label: Option<String>,
    /// The condition (`listed` and `item.<attribute>` read the row's list item).
    pub when: String,
}

/// A check of a `checks` step.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckDef {
    /// The name of the check.
    pub name: String,
    /// What the check requires.
    pub label: String,
    /// The condition that must hold.
    pub when: String,
}

/// The `score` mechanism.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreDef {
    /// The indicator set scored.
    pub indicators: String,
}

// ---------------------------------------------------------------------------------------------
// Norms

/// A norm file (`norms/<name>/v<N>.toml`): the field-level specification of an exchange file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NormFile {
    /// The norm's name: the name of its folder.
    pub name: String,
    /// The norm's version: the N of its file name `v<N>.toml`.
    pub version: i64,
    /// What the file is.
    pub label: String,
    /// The text the norm comes from (the annex of the convention).
    pub reference: String,
    /// How far the norm is established.
    pub status: StatusName,
    /// A longer explanation.
    pub description: Option<String>,
    /// The pattern of the file's name, with the period it covers.
    pub file_name: Option<FileNameDef>,
    /// The field separator: one ASCII character.
    pub separator: String,
    /// The character encoding.
    pub encoding: EncodingName,
    /// The format of dates (strftime), default "%d/%m/%Y".
    pub date_format: Option<String>,
    /// The decimal separator, default ",".
    pub decimal_separator: Option<String>,
    /// The texts read as true (default ["O"]).
    pub true_values: Option<Vec<String>>,
    /// The texts read as false (default ["N"]).
    pub false_values: Option<Vec<String>>,
    /// What two identical rows are (default error).
    pub duplicate_rows: Option<SeverityName>,
    /// The fields, in the order of the file's columns (`[[field]]`).
    pub field: Vec<FieldDef>,
}

/// The pattern of an exchange file's name.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FileNameDef {
    /// E.g. "EXPORT_{start}_{end}.csv": `{start}` and `{end}` capture the period the file covers.
    pub pattern: String,
    /// The format of the captured dates (strftime), default "%Y%m%d".
    pub date_format: Option<String>,
}

/// A field (column) of an exchange file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    /// The column's name, as in the file's header.
    pub name: String,
    /// What the field holds.
    pub label: Option<String>,
    /// The field's type.
    #[serde(rename = "type")]
    pub kind: FieldTypeName,
    /// Every row must fill it.
    pub required: Option<bool>,
    /// The exact length in characters.
    pub length: Option<i64>,
    /// The minimum length in characters.
    pub min_length: Option<i64>,
    /// The maximum length in characters.
    pub max_length: Option<i64>,
    /// A regular expression the value must match.
    pub pattern: Option<String>,
    /// For an enum: the possible values.
    pub values: Option<Vec<String>>,
    /// A code list of the rulebook the value must belong to.
    pub list: Option<String>,
    /// The smallest number allowed.
    pub min: Option<DecimalText>,
    /// The largest number allowed.
    pub max: Option<DecimalText>,
    /// The check digit the value carries.
    pub checksum: Option<ChecksumName>,
    /// A personal identifier: masked in every report.
    pub identifier: Option<bool>,
    /// A condition over the row under which the field becomes required.
    pub required_if: Option<String>,
    /// The date of the row: it must fall inside the period of the file's name, and code lists
    /// are read at it.
    pub row_date: Option<bool>,
}

// ---------------------------------------------------------------------------------------------
// Removals

/// `retraits.toml` of a year's folder: what the year removes on purpose from the year before,
/// one table per item (an input as "section.name").
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RemovalsFile(pub BTreeMap<String, RemovalDef>);

/// A removal: the kind of the item and the text that removes it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RemovalDef {
    /// The kind of the removed item.
    pub kind: RemovalKindName,
    /// The text that removes it.
    pub reference: String,
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;

    fn repo() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }

    /// Every TOML file of every shipped rulebook and norm, with its kind.
    fn shipped_files() -> Vec<(FileKind, PathBuf)> {
        let mut out = Vec::new();
        let mut years: Vec<PathBuf> = std::fs::read_dir(repo().join("rules"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("rulebook.toml").is_file())
            .collect();
        years.sort();
        for dir in years {
            let files = rulebook_files(&read(&dir.join("rulebook.toml"))).unwrap();
            out.extend(files.into_iter().map(|(k, f)| (k, dir.join(f))));
            if dir.join(crate::compare::coverage::REMOVALS_FILE).is_file() {
                out.push((FileKind::Removals, dir.join(crate::compare::coverage::REMOVALS_FILE)));
            }
        }
        for norm in std::fs::read_dir(repo().join("norms")).unwrap().flatten() {
            for file in std::fs::read_dir(norm.path()).unwrap().flatten() {
                if file.path().extension().is_some_and(|e| e == "toml") {
                    out.push((FileKind::Norm, file.path()));
                }
            }
        }
        out
    }

    #[test]
    fn every_shipped_rule_and_norm_file_reads_through_its_schema_types() {
        let files = shipped_files();
        assert!(files.len() > 40, "expected every year's files, found {}", files.len());
        let mut failures = Vec::new();
        for (kind, path) in &files {
            if let Err(e) = kind.read(&read(path)) {
                failures.push(format!("{} ({}): {e}", path.display(), kind.name()));
            }
        }
        assert!(failures.is_empty(), "files the schema types do not accept:\n{}", failures.join("\n"));
    }

    #[test]
    fn every_toml_file_of_the_rules_is_listed_by_its_rulebook() {
        // A TOML file no `[files]` entry names would get no schema from `rulebook_files`.
        for year in std::fs::read_dir(repo().join("rules")).unwrap().flatten() {
            let dir = year.path();
            if !dir.join("rulebook.toml").is_file() {
                continue;
            }
            let listed: Vec<String> = rulebook_files(&read(&dir.join("rulebook.toml"))).unwrap().into_iter().map(|(_, f)| f).collect();
            for file in std::fs::read_dir(&dir).unwrap().flatten() {
                let name = file.file_name().to_string_lossy().into_owned();
                if name.ends_with(".toml") && name != crate::compare::coverage::REMOVALS_FILE {
                    assert!(listed.contains(&name), "{} is not listed in its rulebook.toml", file.path().display());
                }
            }
        }
    }

    #[test]
    fn the_schema_types_refuse_what_the_loaders_refuse() {
        let cases: &[(FileKind, &str, &str)] = &[
            (
                FileKind::Parameters,
                "[p]\nlabel = \"l\"\nreference = \"r\"\nstatus = \"sure\"\nunit = \"rate\"\nvalue = \"0.2\"\n",
                "unknown Status `sure`",
            ),
            (
                FileKind::Parameters,
                "[p]\nlabel = \"l\"\nreference = \"r\"\nstatus = \"seed\"\nunit = \"rate\"\nvalu = \"0.2\"\n",
                "unknown field `valu`",
            ),
            (
                FileKind::Steps,
                "[[step]]\nname = \"a\"\nlabel = \"l\"\nfilter = { dataset = \"d\", wher = \"x\" }\n",
                "unknown field `wher`",
            ),
            (
                FileKind::Norm,
                "name = \"n\"\nversion = 1\nlabel = \"l\"\nreference = \"r\"\nstatus = \"seed\"\nseparator = \";\"\nencoding = \"latin-1\"\nfield = []\n",
                "unknown Encoding",
            ),
            (FileKind::Rulebook, "year = 2025\n", "missing field"),
        ];
        for (kind, text, expect) in cases {
            let err = kind.read(text).expect_err(text);
            assert!(err.contains(expect), "{text}\n→ {err}");
        }
        // A parameter value is any single value; the loader types it by unit.
        assert!(
            FileKind::Parameters
                .read("[p]\nlabel = \"l\"\nreference = \"r\"\nstatus = \"seed\"\nunit = \"date\"\nvalue = 2025-12-31\n")
                .is_ok()
        );
    }

    #[test]
    fn decimals_in_schema_types_are_checked_like_the_loader_checks_them() {
        let step = |d: &str| {
            FileKind::Rulebook.read(&format!(
            "year = 2025\nlabel = \"l\"\nperiod = {{ start = 2025-01-01, end = 2025-12-31 }}\nreference_date = 2025-12-31\n[files]\n[result]\ntotal = \"t\"\n[defaults]\nmoney_rounding = {{ step = {d}, mode = \"half-up\" }}\n"
        ))
        };
        assert!(step("\"0.01\"").is_ok());
        assert!(step("1").is_ok());
        assert!(step("\"0,01\"").is_err());
    }

    #[test]
    fn schemas_are_draft_7_without_null_and_document_their_keys() {
        for kind in FileKind::ALL {
            let s = kind.schema();
            assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#", "{}", kind.name());
            let text = s.to_string();
            assert!(!text.contains("\"null\""), "{} still allows null", kind.name());
            assert!(s.get("description").is_some(), "{} has no description", kind.name());
        }
        let p = FileKind::Parameters.schema();
        let def = &p["definitions"]["ParameterDef"];
        assert!(def["properties"]["reference"]["description"].as_str().unwrap().contains("text the value comes from"));
        assert_eq!(def["properties"]["status"]["allOf"][0]["$ref"], "#/definitions/Status");
        assert_eq!(p["definitions"]["Status"]["enum"], serde_json::json!(["confirmed", "seed", "assumed"]));
        assert_eq!(p["definitions"]["Status"]["x-taplo"]["docs"]["enumValues"].as_array().unwrap().len(), 3);
    }

    /// Draft 7 ignores the keys beside a `$ref`: a description there would never show.
    fn refs_with_siblings(v: &Json, at: &str, out: &mut Vec<String>) {
        match v {
            Json::Object(map) => {
                if map.contains_key("$ref") && map.len() > 1 {
                    out.push(at.to_string());
                }
                for (k, child) in map {
                    refs_with_siblings(child, &format!("{at}/{k}"), out);
                }
            }
            Json::Array(items) => items.iter().enumerate().for_each(|(i, c)| refs_with_siblings(c, &format!("{at}/{i}"), out)),
            _ => {}
        }
    }

    #[test]
    fn no_documentation_is_lost_beside_a_ref() {
        for kind in FileKind::ALL {
            let mut found = Vec::new();
            refs_with_siblings(&kind.schema(), "", &mut found);
            assert!(found.is_empty(), "{}: $ref with siblings at {found:?}", kind.name());
        }
    }

    #[test]
    fn a_parameter_value_is_checked_against_its_unit() {
        let p = FileKind::Parameters.schema();
        let rules = p["definitions"]["ParameterDef"]["allOf"].as_array().unwrap();
        let number_units = &rules[0]["if"]["properties"]["unit"]["enum"];
        assert!(number_units.as_array().unwrap().contains(&Json::String("EUR".into())));
        assert_eq!(rules[0]["then"]["properties"]["value"]["anyOf"][0]["pattern"], DECIMAL_PATTERN);
        assert_eq!(rules[1]["if"]["properties"]["unit"]["enum"], serde_json::json!(["date"]));
    }

    #[test]
    fn directives_point_two_folders_up() {
        assert_eq!(directive("parameters"), "#:schema ../../schemas/parameters.schema.json");
    }
}
