//! The schema of a norm file.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::rules::schema::values::{ChecksumName, DecimalText, EncodingName, FieldTypeName, SeverityName, StatusName};

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
