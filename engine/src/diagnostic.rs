//! Diagnostics: every error or warning the engine reports, with a stable code, a location and a hint.
//!
//! Codes form a closed registry (`Code`): the renderer, the JSON output and the tests all use the
//! spelling returned by [`Code::as_str`]; a code is never derived from a message.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// The closed registry of diagnostic codes. `R` codes concern rule and norm files, `D` codes the
/// data of a case, `X` codes the evaluation, `V` codes the checks of an exchange file before it is
/// deposited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    TomlSyntax,
    UnknownKey,
    WrongType,
    MissingKey,
    InvalidValue,
    MissingFile,
    DuplicateName,
    UndefinedName,
    RhaiSyntax,
    CyclicSteps,
    TableGap,
    TableOverlap,
    DateOutsidePeriod,
    DatedValuesOrder,
    MoneyWithoutRounding,
    TypeMismatch,
    ExpressionSyntax,
    FormulaLint,
    DroppedItem,
    CaseFileUnreadable,
    CaseUnknownKey,
    CaseMissingValue,
    CaseInvalidValue,
    DataFileUnreadable,
    DataMissingColumn,
    DataInvalidValue,
    DataRequiredEmpty,
    DataRowWidth,
    DataEncoding,
    DataLineTooLong,
    DataTooManyColumns,
    DataEmpty,
    DataNoRows,
    DataLineEndings,
    PathEscape,
    FormulaRuntime,
    BudgetExceeded,
    ComponentsMismatch,
    Arithmetic,
    FileNamePattern,
    FileNamePeriod,
    FileEncoding,
    EncodingSuspect,
    WrongSeparator,
    EmptyFile,
    NoHeader,
    HeaderMissingColumn,
    HeaderUnknownColumn,
    HeaderMisspeltColumn,
    HeaderDuplicateColumn,
    HeaderColumnOrder,
    RowWidth,
    Quoting,
    MultilineField,
    BlankLine,
    ValueType,
    ValueRequired,
    ValueRequiredIf,
    ValueNotAllowed,
    ValueNotInList,
    ValuePattern,
    ValueLength,
    ValueChecksum,
    ValueBounds,
    OutsideFilePeriod,
    DuplicateRow,
    SurroundingSpaces,
    NoDataRows,
    LineEndings,
    NotText,
    DepositLate,
    DepositNotCovered,
}

impl Code {
    pub const ALL: &'static [Code] = &[
        Code::TomlSyntax,
        Code::UnknownKey,
        Code::WrongType,
        Code::MissingKey,
        Code::InvalidValue,
        Code::MissingFile,
        Code::DuplicateName,
        Code::UndefinedName,
        Code::RhaiSyntax,
        Code::CyclicSteps,
        Code::TableGap,
        Code::TableOverlap,
        Code::DateOutsidePeriod,
        Code::DatedValuesOrder,
        Code::MoneyWithoutRounding,
        Code::TypeMismatch,
        Code::ExpressionSyntax,
        Code::FormulaLint,
        Code::DroppedItem,
        Code::CaseFileUnreadable,
        Code::CaseUnknownKey,
        Code::CaseMissingValue,
        Code::CaseInvalidValue,
        Code::DataFileUnreadable,
        Code::DataMissingColumn,
        Code::DataInvalidValue,
        Code::DataRequiredEmpty,
        Code::DataRowWidth,
        Code::DataEncoding,
        Code::DataLineTooLong,
        Code::DataTooManyColumns,
        Code::DataEmpty,
        Code::DataNoRows,
        Code::DataLineEndings,
        Code::PathEscape,
        Code::FormulaRuntime,
        Code::BudgetExceeded,
        Code::ComponentsMismatch,
        Code::Arithmetic,
        Code::FileNamePattern,
        Code::FileNamePeriod,
        Code::FileEncoding,
        Code::EncodingSuspect,
        Code::WrongSeparator,
        Code::EmptyFile,
        Code::NoHeader,
        Code::HeaderMissingColumn,
        Code::HeaderUnknownColumn,
        Code::HeaderMisspeltColumn,
        Code::HeaderDuplicateColumn,
        Code::HeaderColumnOrder,
        Code::RowWidth,
        Code::Quoting,
        Code::MultilineField,
        Code::BlankLine,
        Code::ValueType,
        Code::ValueRequired,
        Code::ValueRequiredIf,
        Code::ValueNotAllowed,
        Code::ValueNotInList,
        Code::ValuePattern,
        Code::ValueLength,
        Code::ValueChecksum,
        Code::ValueBounds,
        Code::OutsideFilePeriod,
        Code::DuplicateRow,
        Code::SurroundingSpaces,
        Code::NoDataRows,
        Code::LineEndings,
        Code::NotText,
        Code::DepositLate,
        Code::DepositNotCovered,
    ];

    /// The stable spelling of the code.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::TomlSyntax => "R100",
            Code::UnknownKey => "R101",
            Code::WrongType => "R102",
            Code::MissingKey => "R103",
            Code::InvalidValue => "R104",
            Code::MissingFile => "R105",
            Code::DuplicateName => "R106",
            Code::UndefinedName => "R107",
            Code::RhaiSyntax => "R108",
            Code::CyclicSteps => "R109",
            Code::TableGap => "R110",
            Code::TableOverlap => "R111",
            Code::DateOutsidePeriod => "R112",
            Code::DatedValuesOrder => "R113",
            Code::MoneyWithoutRounding => "R114",
            Code::TypeMismatch => "R115",
            Code::ExpressionSyntax => "R116",
            Code::FormulaLint => "R117",
            Code::DroppedItem => "R118",
            Code::CaseFileUnreadable => "D200",
            Code::CaseUnknownKey => "D201",
            Code::CaseMissingValue => "D202",
            Code::CaseInvalidValue => "D203",
            Code::DataFileUnreadable => "D210",
            Code::DataMissingColumn => "D211",
            Code::DataInvalidValue => "D212",
            Code::DataRequiredEmpty => "D213",
            Code::DataRowWidth => "D214",
            Code::DataEncoding => "D215",
            Code::DataLineTooLong => "D216",
            Code::DataTooManyColumns => "D217",
            Code::DataEmpty => "D218",
            Code::DataNoRows => "D219",
            Code::DataLineEndings => "D221",
            Code::PathEscape => "D220",
            Code::FormulaRuntime => "X300",
            Code::BudgetExceeded => "X301",
            Code::ComponentsMismatch => "X302",
            Code::Arithmetic => "X303",
            Code::FileNamePattern => "V400",
            Code::FileNamePeriod => "V401",
            Code::FileEncoding => "V402",
            Code::EncodingSuspect => "V403",
            Code::WrongSeparator => "V404",
            Code::EmptyFile => "V405",
            Code::NoHeader => "V406",
            Code::HeaderMissingColumn => "V407",
            Code::HeaderUnknownColumn => "V408",
            Code::HeaderMisspeltColumn => "V409",
            Code::HeaderDuplicateColumn => "V410",
            Code::HeaderColumnOrder => "V411",
            Code::RowWidth => "V412",
            Code::Quoting => "V413",
            Code::MultilineField => "V414",
            Code::BlankLine => "V415",
            Code::ValueType => "V416",
            Code::ValueRequired => "V417",
            Code::ValueRequiredIf => "V418",
            Code::ValueNotAllowed => "V419",
            Code::ValueNotInList => "V420",
            Code::ValuePattern => "V421",
            Code::ValueLength => "V422",
            Code::ValueChecksum => "V423",
            Code::ValueBounds => "V424",
            Code::OutsideFilePeriod => "V425",
            Code::DuplicateRow => "V426",
            Code::SurroundingSpaces => "V427",
            Code::NoDataRows => "V428",
            Code::LineEndings => "V429",
            Code::NotText => "V430",
            Code::DepositLate => "V440",
            Code::DepositNotCovered => "V441",
        }
    }

    /// A short name, easier to read than the number.
    pub fn name(self) -> &'static str {
        match self {
            Code::TomlSyntax => "toml-syntax",
            Code::UnknownKey => "unknown-key",
            Code::WrongType => "wrong-type",
            Code::MissingKey => "missing-key",
            Code::InvalidValue => "invalid-value",
            Code::MissingFile => "missing-file",
            Code::DuplicateName => "duplicate-name",
            Code::UndefinedName => "undefined-name",
            Code::RhaiSyntax => "rhai-syntax",
            Code::CyclicSteps => "cyclic-steps",
            Code::TableGap => "table-gap",
            Code::TableOverlap => "table-overlap",
            Code::DateOutsidePeriod => "date-outside-period",
            Code::DatedValuesOrder => "dated-values-order",
            Code::MoneyWithoutRounding => "money-without-rounding",
            Code::TypeMismatch => "type-mismatch",
            Code::ExpressionSyntax => "expression-syntax",
            Code::FormulaLint => "formula-lint",
            Code::DroppedItem => "dropped-item",
            Code::CaseFileUnreadable => "case-file-unreadable",
            Code::CaseUnknownKey => "case-unknown-key",
            Code::CaseMissingValue => "case-missing-value",
            Code::CaseInvalidValue => "case-invalid-value",
            Code::DataFileUnreadable => "data-file-unreadable",
            Code::DataMissingColumn => "data-missing-column",
            Code::DataInvalidValue => "data-invalid-value",
            Code::DataRequiredEmpty => "data-required-empty",
            Code::DataRowWidth => "data-row-width",
            Code::DataEncoding => "data-encoding",
            Code::DataLineTooLong => "data-line-too-long",
            Code::DataTooManyColumns => "data-too-many-columns",
            Code::DataEmpty => "data-empty",
            Code::DataNoRows => "data-no-rows",
            Code::DataLineEndings => "data-line-endings",
            Code::PathEscape => "path-escape",
            Code::FormulaRuntime => "formula-runtime",
            Code::BudgetExceeded => "budget-exceeded",
            Code::ComponentsMismatch => "components-mismatch",
            Code::Arithmetic => "arithmetic",
            Code::FileNamePattern => "file-name",
            Code::FileNamePeriod => "file-name-period",
            Code::FileEncoding => "file-encoding",
            Code::EncodingSuspect => "encoding-suspect",
            Code::WrongSeparator => "wrong-separator",
            Code::EmptyFile => "empty-file",
            Code::NoHeader => "no-header",
            Code::HeaderMissingColumn => "missing-column",
            Code::HeaderUnknownColumn => "unknown-column",
            Code::HeaderMisspeltColumn => "misspelt-column",
            Code::HeaderDuplicateColumn => "duplicate-column",
            Code::HeaderColumnOrder => "column-order",
            Code::RowWidth => "row-width",
            Code::Quoting => "quoting",
            Code::MultilineField => "multiline-field",
            Code::BlankLine => "blank-line",
            Code::ValueType => "value-type",
            Code::ValueRequired => "value-required",
            Code::ValueRequiredIf => "value-required-if",
            Code::ValueNotAllowed => "value-not-allowed",
            Code::ValueNotInList => "value-not-in-list",
            Code::ValuePattern => "value-pattern",
            Code::ValueLength => "value-length",
            Code::ValueChecksum => "value-checksum",
            Code::ValueBounds => "value-bounds",
            Code::OutsideFilePeriod => "outside-file-period",
            Code::DuplicateRow => "duplicate-row",
            Code::SurroundingSpaces => "surrounding-spaces",
            Code::NoDataRows => "no-data-rows",
            Code::LineEndings => "line-endings",
            Code::NotText => "not-text",
            Code::DepositLate => "deposit-late",
            Code::DepositNotCovered => "deposit-not-covered",
        }
    }

    /// What the code means, for documentation and `--explain`-style help.
    pub fn summary(self) -> &'static str {
        match self {
            Code::TomlSyntax => "a rule or norm file is not valid TOML",
            Code::UnknownKey => "a key that this kind of file does not define",
            Code::WrongType => "a value of the wrong TOML type (text where a number is expected, ...)",
            Code::MissingKey => "a required key is absent",
            Code::InvalidValue => "a value of the right type that is not acceptable (bad decimal, unknown status, ...)",
            Code::MissingFile => "a file named by the rulebook cannot be found",
            Code::DuplicateName => "two definitions share one name",
            Code::UndefinedName => "an expression or formula names something that is not defined",
            Code::RhaiSyntax => "a Rhai script does not compile",
            Code::CyclicSteps => "steps depend on each other in a cycle",
            Code::TableGap => "some combination of a table's keys is covered by no row",
            Code::TableOverlap => "some combination of a table's keys is covered by several rows",
            Code::DateOutsidePeriod => "a date lies outside the rulebook's period",
            Code::DatedValuesOrder => "dated values are out of order, leave a gap or do not start the period",
            Code::MoneyWithoutRounding => "a money output declares no rounding and the rulebook has no default",
            Code::TypeMismatch => "an expression combines values of incompatible types",
            Code::ExpressionSyntax => "an expression does not parse",
            Code::FormulaLint => "a formula uses a construct that probably does not do what it seems to",
            Code::DroppedItem => {
                "an item of the previous year's rulebook is absent from this year's, and no `retraits.toml` entry says why"
            }
            Code::CaseFileUnreadable => "the case description cannot be read",
            Code::CaseUnknownKey => "the case description has a key the rulebook does not declare",
            Code::CaseMissingValue => "the case description lacks a value the rulebook requires",
            Code::CaseInvalidValue => "a value of the case description has the wrong type or form",
            Code::DataFileUnreadable => "a data file cannot be read",
            Code::DataMissingColumn => "a data file lacks a column its norm requires",
            Code::DataInvalidValue => "a data field cannot be read as its norm's type",
            Code::DataRequiredEmpty => "a required data field is empty",
            Code::DataRowWidth => "a data row has more or fewer fields than the header",
            Code::DataEncoding => "a data file is not in the encoding its norm declares",
            Code::DataLineTooLong => "a line or a record of a data file is longer than the reader accepts (1 MiB a line, 4 MiB a record)",
            Code::DataTooManyColumns => "a data file's header has more columns than the reader accepts (1,000)",
            Code::DataEmpty => "a data file is empty: no header, no rows",
            Code::DataNoRows => "a data file has a header but no rows (warning)",
            Code::DataLineEndings => "a data file mixes line endings, so row numbers may be off (warning)",
            Code::PathEscape => "a path leaves the folder it must stay in",
            Code::FormulaRuntime => "a formula failed while it was evaluated",
            Code::BudgetExceeded => "a formula exceeded its operation, depth or size budget",
            Code::ComponentsMismatch => "the declared components do not add up to the total",
            Code::Arithmetic => "an arithmetic operation failed (division by zero, overflow)",
            Code::FileNamePattern => "the file name does not follow the norm's file-name pattern",
            Code::FileNamePeriod => "the period in the file name is not a pair of real dates, start before end",
            Code::FileEncoding => "bytes that are not valid in the encoding the norm declares",
            Code::EncodingSuspect => "text that looks like another encoding than the one the norm declares (warning)",
            Code::WrongSeparator => "the file is not separated by the norm's separator",
            Code::EmptyFile => "the file has no header line and no rows",
            Code::NoHeader => "the first line is not a header: it names none of the norm's columns",
            Code::HeaderMissingColumn => "a column of the norm is absent from the header",
            Code::HeaderUnknownColumn => "the header has a column the norm does not define",
            Code::HeaderMisspeltColumn => "a header column is a misspelling of a column of the norm",
            Code::HeaderDuplicateColumn => "the header names a column twice",
            Code::HeaderColumnOrder => "the columns are not in the norm's order (warning)",
            Code::RowWidth => "a row has more or fewer fields than the header",
            Code::Quoting => "a quote out of place: inside an unquoted field, after a closing quote, or never closed",
            Code::MultilineField => "a quoted field holds a line break (warning)",
            Code::BlankLine => "a blank line among the rows",
            Code::ValueType => "a value that is not of its field's type (integer, decimal, calendar date, ...)",
            Code::ValueRequired => "a required field is empty",
            Code::ValueRequiredIf => "a field is empty although the row's condition makes it required",
            Code::ValueNotAllowed => "a value outside the field's enumerated values",
            Code::ValueNotInList => "a code absent from the field's code list at the row's date",
            Code::ValuePattern => "a value that does not match the field's pattern",
            Code::ValueLength => "a value shorter or longer than the field allows",
            Code::ValueChecksum => "an identifier whose check key or check digit is wrong",
            Code::ValueBounds => "a number below the field's minimum or above its maximum",
            Code::OutsideFilePeriod => "the row's date lies outside the period named by the file",
            Code::DuplicateRow => "a row identical to an earlier row",
            Code::SurroundingSpaces => "a value with spaces before or after it (warning)",
            Code::NoDataRows => "the file has a header but no rows (warning)",
            Code::LineEndings => "lines end with a lone carriage return (old Mac files): rows cannot be told apart",
            Code::NotText => "the file is not delimited text: a spreadsheet (xlsx, xls) or other binary data",
            Code::DepositLate => "the file is deposited after the deadline of a period it holds data of (warning)",
            Code::DepositNotCovered => {
                "the file holds data of days that no deposit period of the calendar covers, so no deadline can be checked (warning)"
            }
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where a diagnostic points: a span of a rule file, or a field of a data row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Location {
    Source {
        file: String,
        line: usize,
        col: usize,
        #[serde(skip)]
        span: Range<usize>,
    },
    Data {
        file: String,
        row: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        field: Option<String>,
    },
    File {
        file: String,
    },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Source { file, line, col, .. } => write!(f, "{file}:{line}:{col}"),
            Location::Data { file, row, field: Some(field) } => write!(f, "{file}:{row}:{field}"),
            Location::Data { file, row, field: None } => write!(f, "{file}:{row}"),
            Location::File { file } => f.write_str(file),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Diagnostic { code, severity: Severity::Error, message: message.into(), location: None, hint: None }
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, message) }
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A collector of diagnostics: loaders push into it and go on, the caller decides after the pass.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn n_errors(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorted by file, position and code, so that reports are stable whatever the loading order.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by_key(sort_key);
        self.items.dedup();
        self.items
    }
}

fn sort_key(d: &Diagnostic) -> (String, usize, usize, Code) {
    match &d.location {
        Some(Location::Source { file, line, col, .. }) => (file.clone(), *line, *col, d.code),
        Some(Location::Data { file, row, .. }) => (file.clone(), *row, 0, d.code),
        Some(Location::File { file }) => (file.clone(), 0, 0, d.code),
        None => (String::new(), 0, 0, d.code),
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The text of a loaded file, to turn byte spans into lines and columns.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

impl SourceFile {
    pub fn location(&self, span: Range<usize>) -> Location {
        let (line, col) = line_col(&self.text, span.start);
        Location::Source { file: self.path.clone(), line, col, span }
    }
}

/// One-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_listed() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate code {code}");
            assert!(!code.summary().is_empty());
        }
        assert_eq!(seen.len(), Code::ALL.len());
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "a = 1\nété = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        assert_eq!(line_col(text, text.find('=').unwrap()), (1, 3));
        assert_eq!(line_col(text, text.rfind('=').unwrap()), (2, 5));
    }

    #[test]
    fn did_you_mean_finds_typos_only() {
        assert_eq!(did_you_mean("tx_plafond", ["taux_plafond", "label"]), Some("taux_plafond"));
        assert_eq!(did_you_mean("unit", ["label", "status"]), None);
    }
}
