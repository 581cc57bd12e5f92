//! The schema of a norm file.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::schema::values::{
    AnyValue, ChecksumName, CompareOpName, DateValue, DecimalText, EncodingName, FieldTypeName, PeriodEdgeName, SeverityName, StatusName,
};

// ---------------------------------------------------------------------------------------------
// Norms

/// A norm file (`norms/<name>/v<N>.toml`): the field-level specification of an exchange file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NormFile {
    /// The norm's name: the name of its folder.
    pub(crate) name: String,
    /// The norm's version: the N of its file name `v<N>.toml`.
    pub(crate) version: i64,
    /// What the file is.
    pub(crate) label: String,
    /// The text the norm comes from (the annex of the convention).
    pub(crate) reference: String,
    /// How far the norm is established.
    pub(crate) status: StatusName,
    /// A longer explanation.
    pub(crate) description: Option<String>,
    /// The pattern of the file's name, with the period it covers.
    pub(crate) file_name: Option<FileNameDef>,
    /// The field separator: one ASCII character.
    pub(crate) separator: String,
    /// The character encoding.
    pub(crate) encoding: EncodingName,
    /// The format of dates (strftime), default "%d/%m/%Y".
    pub(crate) date_format: Option<String>,
    /// The decimal separator, default ",".
    pub(crate) decimal_separator: Option<String>,
    /// The texts read as true (default ["O"]).
    pub(crate) true_values: Option<Vec<String>>,
    /// The texts read as false (default ["N"]).
    pub(crate) false_values: Option<Vec<String>>,
    /// What two identical rows are (default error).
    pub(crate) duplicate_rows: Option<SeverityName>,
    /// The fields whose values name a row (e.g. ["NIR_PATIENT"]), each a required field: two
    /// rows of a file with the same key are an error, identical or not. Without it, the file has
    /// no natural key and only identical rows are compared (`duplicate_rows`, which a keyed norm
    /// leaves an error).
    pub(crate) key: Option<Vec<String>>,
    /// The fields, in the order of the file's columns (`[[field]]`).
    pub(crate) field: Vec<FieldDef>,
    /// Checks across the fields of a row (`[[check]]`): a row where one fails is a warning.
    pub(crate) check: Option<Vec<CheckDef>>,
    /// Links to the rows of another norm's file (`[[link]]`): a value found in no row of it is a
    /// warning, when that file is read in the same run.
    pub(crate) link: Option<Vec<ReferenceDef>>,
    /// Rules across the fields of a row (`[[rule]]`): a row that breaks one is rejected (V436).
    pub(crate) rule: Option<Vec<RuleDef>>,
}

/// A rule of a norm: `field op other` (or `value`, or `period`) must hold on every row where both
/// sides have a value; a row that breaks it is rejected. Exactly one of `other`, `value`, `period`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleDef {
    /// What a row that breaks the rule contradicts, in the norm's words: the error says it.
    pub(crate) label: String,
    /// The field the rule is about.
    pub(crate) field: String,
    /// How the field compares with the other side.
    pub(crate) op: CompareOpName,
    /// Another field of the row, of the same kind.
    pub(crate) other: Option<String>,
    /// A constant of the field's kind: a number, a TOML date (2025-01-31), a text, a boolean.
    pub(crate) value: Option<AnyValue>,
    /// The first or last day of the period the file covers (its name's, else the case's data
    /// year): for a date field.
    pub(crate) period: Option<PeriodEdgeName>,
}

/// A check across the fields of a row.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CheckDef {
    /// What a row that fails the check contradicts, in the norm's words: the warning says it.
    pub(crate) label: String,
    /// What must hold, an expression over the row's columns, e.g.
    /// "substr(NIR, 1, 1) == if(SEXE == 'M', '1', '2')" (functions: substr, to_number, mod,
    /// year, month, if, ...). A row with an empty or unreadable field it reads is not checked.
    pub(crate) when: String,
}

/// A link to the rows of another norm's file: this row's fields hold the keys of a row there.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReferenceDef {
    /// What a row whose value is not found contradicts, in the norm's words.
    pub(crate) label: String,
    /// The fields of this norm that hold the reference.
    pub(crate) fields: Vec<String>,
    /// The norm of the file referred to.
    pub(crate) norm: String,
    /// Its fields that hold the same values, one per field.
    pub(crate) keys: Vec<String>,
    /// Its date field from which a row is valid (with `at`).
    pub(crate) valid_from: Option<String>,
    /// Its date field until which a row is valid (with `at`).
    pub(crate) valid_to: Option<String>,
    /// The date field of this norm at which the other row must be valid.
    pub(crate) at: Option<String>,
}

/// The pattern of an exchange file's name.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileNameDef {
    /// E.g. "EXPORT_{start}_{end}.csv": `{start}` and `{end}` capture the period the file covers.
    pub(crate) pattern: String,
    /// The format of the captured dates (strftime), default "%Y%m%d".
    pub(crate) date_format: Option<String>,
}

/// A field (column) of an exchange file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FieldDef {
    /// The column's name, as in the file's header.
    pub(crate) name: String,
    /// What the field holds.
    pub(crate) label: Option<String>,
    /// The field's type.
    #[serde(rename = "type")]
    pub(crate) kind: FieldTypeName,
    /// Every row must fill it.
    pub(crate) required: Option<bool>,
    /// The exact length in characters.
    pub(crate) length: Option<i64>,
    /// The minimum length in characters.
    pub(crate) min_length: Option<i64>,
    /// The maximum length in characters.
    pub(crate) max_length: Option<i64>,
    /// A regular expression the value must match.
    pub(crate) pattern: Option<String>,
    /// The form a value must have, in words for the person whose value breaks the pattern or
    /// the check key (e.g. "11 digits, the last one a check digit"): what a report says instead
    /// of the regular expression. A field with a `pattern` and no `format` is warned about (R140).
    pub(crate) format: Option<String>,
    /// For an enum: the possible values.
    pub(crate) values: Option<Vec<String>>,
    /// The smallest number allowed.
    pub(crate) min: Option<DecimalText>,
    /// The largest number allowed.
    pub(crate) max: Option<DecimalText>,
    /// For a date: the earliest date allowed (a TOML date, 1900-01-01).
    pub(crate) earliest: Option<DateValue>,
    /// For a date: the latest date allowed (a TOML date, 2100-12-31).
    pub(crate) latest: Option<DateValue>,
    /// The check digit the value carries.
    pub(crate) checksum: Option<ChecksumName>,
    /// A personal identifier: masked in every report.
    pub(crate) identifier: Option<bool>,
    /// A condition over the row under which the field becomes required.
    pub(crate) required_if: Option<String>,
    /// The date of the row: it must fall inside the period of the file's name, and the code
    /// lists a rulebook checks the row's codes against are read at it.
    pub(crate) row_date: Option<bool>,
}
