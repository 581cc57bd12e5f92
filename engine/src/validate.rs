//! Validating an exchange file against its norm, in one streaming pass: the file name and the
//! period it names, the encoding, the separator, the header, then every row (width, quoting,
//! types, required fields and conditions, enumerated values, code lists at the row's date,
//! patterns, lengths, checksums, bounds, the row's date inside the period, two rows with the
//! norm's key, identical rows, blank lines). Every problem is counted and handed to a [`Sink`]; the first few of each code are kept
//! as examples; nothing is ever dropped without the report saying so.
//!
//! The validator knows norms, fields, code lists and checksum algorithms, never what a field means.
//! Values of identifier fields are masked in every problem unless the caller asks otherwise.
//! Memory does not grow with the file, except for duplicate detection: 12 bytes per slot of a
//! table of row hashes, 16 of key hashes (see `dupes`).

use std::collections::HashSet;

use crate::data::norm::Norm;
use crate::diagnostic::{Code, Severity};

mod dupes;
mod encoding;
mod file_name;
mod hints;
mod links;
mod report;
mod run;
mod short_map;
pub(crate) mod split;
mod validator;

pub use encoding::encode_text;
pub use file_name::{file_name_period, file_name_year, follows_file_name};
pub use hints::{can_be_warning, warning_hint};
pub use links::Links;
pub use report::{CodeCount, FileReport, NoSink, Problem, Sink};
pub(crate) use run::Chunking;
pub use run::Positioned;
pub use validator::Validator;

/// The argument of a duplicate's message (V426, V434) that names the earlier line: the reader of
/// a national file moves it to the national file's line, as it does the problem's own line.
pub(crate) const FIRST_LINE: &str = "first";

/// How many bytes at the start of a file tell whether it is text or binary data (a spreadsheet).
pub(crate) const BINARY_SNIFF: u64 = 4096;

/// The severity of each validation code (a norm may lower duplicate rows to a warning): a warning
/// never rejects a row nor fails a file; a note is information that asks nothing of the reader
/// (a code the rules know, outside the list they pay: the rules say what it comes to).
pub fn severity(code: Code) -> Severity {
    match code {
        Code::ValueOutsideList => Severity::Note,
        Code::EncodingSuspect
        | Code::HeaderColumnOrder
        | Code::MultilineField
        | Code::SurroundingSpaces
        | Code::NoDataRows
        | Code::FieldMismatch
        | Code::UnknownReference
        | Code::DepositLate
        | Code::DepositNotCovered => Severity::Warning,
        _ => Severity::Error,
    }
}

/// What the caller decides about a run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Show identifier values (masked otherwise).
    pub show_identifiers: bool,
    /// How many problems of each code the report keeps as examples.
    pub examples_per_code: u64,
    /// Accept a file name that follows no pattern of the norm (a case folder names its files as
    /// it likes); a name that follows the pattern still gives the period, and its problems.
    pub any_file_name: bool,
}

/// Whether a file whose first bytes are `start` is empty: nothing, or a byte-order mark alone.
/// Its norm cannot be told from it, but it is the same V405 whatever the norm (see
/// [`empty_file_problem`]).
pub fn is_empty_file(start: &[u8]) -> bool {
    start.is_empty() || start == b"\xEF\xBB\xBF"
}

/// The problem of an empty file, as the validator reports it for any norm (and the case reader,
/// which reads through it): one code, one message, whatever reads the file.
pub fn empty_file_problem() -> Problem {
    Problem::new(Code::EmptyFile, None, msg!("data-file-empty"))
}

/// How well the first line of a file matches the columns of `norm` (the number of the norm's
/// columns it names, whatever the separator or letter case): a way to tell a file's norm when its
/// name does not.
pub fn header_score(norm: &Norm, first_line: &[u8]) -> usize {
    let line = String::from_utf8_lossy(first_line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(first_line)).into_owned();
    let cells: HashSet<String> =
        line.split([';', ',', '\t', '|']).map(|c| c.trim().trim_matches('"').trim().to_ascii_uppercase()).collect();
    norm.fields.iter().filter(|f| cells.contains(&f.name.to_ascii_uppercase())).count()
}

/// Whether header cell `cell` is a misspelling of column `name`: at most one edit per four
/// letters of the name (one at least), whatever the letter case.
pub(crate) fn is_misspelling(cell: &str, name: &str) -> bool {
    let distance = strsim::damerau_levenshtein(&cell.to_uppercase(), name);
    distance <= (name.chars().count() / 4).max(1) && cell.chars().count() >= 3
}

#[cfg(test)]
mod tests;
