//! The closed registry of diagnostic codes, declared once: each code's variant, stable spelling
//! (`R101`), English name (`unknown-key`) and summary come from one line of the table below.
//! `R` codes concern rule and norm files, `D` codes the data of a case, `X` codes the evaluation,
//! `V` codes the checks of an exchange file against its norm — by `peps validate` before it is
//! deposited, and by the case reader of `peps compute`, which reads files through the same
//! validator (`D` codes remain for what only the case reader meets: an unreadable file, a line
//! past the reader's limit, a path leaving the case folder).

use std::fmt;

use serde::Serialize;

/// Declares the codes: the enum, `ALL` in declaration order, and the three spellings, from one
/// table, so that no code can be missing from any of them.
macro_rules! codes {
    ($($variant:ident = $id:literal, $name:literal, $summary:literal;)+) => {
        /// The closed registry of diagnostic codes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant,)+
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// The stable spelling used by the renderer, JSON output and tests (`R101`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $id,)+
                }
            }

            /// The code spelt `id` (`R101`), if there is one. Two codes with one spelling would make
            /// a pattern of this match unreachable, which the build refuses.
            pub fn parse(id: &str) -> Option<Code> {
                match id {
                    $($id => Some(Code::$variant),)+
                    _ => None,
                }
            }

            /// A short English name (`unknown-key`), a stable identifier beside the code.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)+
                }
            }

            /// What the code means, for documentation and `--explain`-style help.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => $summary,)+
                }
            }
        }
    };
}

codes! {
    TomlSyntax = "R100", "toml-syntax", "a rule or norm file is not valid TOML";
    UnknownKey = "R101", "unknown-key", "a key that this kind of file does not define";
    WrongType = "R102", "wrong-type", "a value of the wrong TOML type (text where a number is expected, ...)";
    MissingKey = "R103", "missing-key", "a required key is absent";
    InvalidValue = "R104", "invalid-value", "a value of the right type that is not acceptable (bad decimal, unknown status, ...)";
    MissingFile = "R105", "missing-file", "a file named by the rulebook cannot be found";
    DuplicateName = "R106", "duplicate-name", "two definitions share one name";
    UndefinedName = "R107", "undefined-name", "an expression or formula names something that is not defined";
    RhaiSyntax = "R108", "rhai-syntax", "a Rhai script does not compile";
    CyclicSteps = "R109", "cyclic-steps", "steps depend on each other in a cycle";
    TableGap = "R110", "table-gap", "some combination of a table's keys is covered by no row";
    TableOverlap = "R111", "table-overlap", "some combination of a table's keys is covered by several rows";
    DateOutsidePeriod = "R112", "date-outside-period", "a date lies outside the rulebook's period";
    DatedValuesOrder = "R113", "dated-values-order", "dated values are out of order, leave a gap or do not start the period";
    MoneyWithoutRounding = "R114", "money-without-rounding", "a money output declares no rounding and the rulebook has no default";
    TypeMismatch = "R115", "type-mismatch", "an expression combines values of incompatible types";
    ExpressionSyntax = "R116", "expression-syntax", "an expression does not parse";
    FormulaLint = "R117", "formula-lint", "a formula uses a construct that probably does not do what it seems to";
    DroppedItem = "R118", "dropped-item", "an item of the previous year's rulebook is absent from this year's, and no `retraits.toml` entry says why";
    NewInputWithoutDefault = "R119", "new-input-without-default", "a year adds a required case input with no default: cases of the year before cannot be computed or compared (warning)";
    IndicatorWeights = "R120", "indicator-weights", "the weights of an indicator set do not add up to 1 (warning)";
    LabelNumber = "R121", "label-number", "a label writes out a number that is the value of a parameter its step reads: it goes stale when the parameter changes (warning)";
    CaseFileUnreadable = "D200", "case-file-unreadable", "the case description cannot be read";
    CaseUnknownKey = "D201", "case-unknown-key", "the case description has a key the rulebook does not declare";
    CaseMissingValue = "D202", "case-missing-value", "the case description lacks a value the rulebook requires";
    CaseInvalidValue = "D203", "case-invalid-value", "a value of the case description has the wrong type or form";
    DataFileUnreadable = "D210", "data-file-unreadable", "a data file cannot be read";
    DataEncoding = "D215", "data-encoding", "a data file holds a NUL byte: it is binary or UTF-16, not text in its norm's encoding";
    DataLineTooLong = "D216", "data-line-too-long", "a line of a data file is longer than the reader accepts (1 MiB)";
    DataLineEndings = "D221", "data-line-endings", "a data file mixes line endings, so row numbers may be off (warning)";
    PathEscape = "D220", "path-escape", "a path leaves the folder it must stay in";
    NationalColumn = "D230", "national-column", "a national file has neither the column naming the case nor a link of its norm to a file that has it";
    NationalRowWithoutCase = "D231", "national-row-without-case", "rows of a national file belong to no case: an empty case column, or a key of a linked file that no case holds (warning)";
    NationalNotSorted = "D232", "national-not-sorted", "a national file read as sorted has a case's rows after another case's";
    FormulaRuntime = "X300", "formula-runtime", "a formula failed while it was evaluated";
    BudgetExceeded = "X301", "budget-exceeded", "a formula exceeded its operation, depth or size budget";
    ComponentsMismatch = "X302", "components-mismatch", "the declared components do not add up to the total";
    Arithmetic = "X303", "arithmetic", "an arithmetic operation failed (division by zero, overflow)";
    FileNamePattern = "V400", "file-name", "the file name does not follow the norm's file-name pattern";
    FileNamePeriod = "V401", "file-name-period", "the period in the file name is not a pair of real dates, start before end";
    FileEncoding = "V402", "file-encoding", "bytes that are not valid in the encoding the norm declares";
    EncodingSuspect = "V403", "encoding-suspect", "text that looks like another encoding than the one the norm declares (warning)";
    WrongSeparator = "V404", "wrong-separator", "the file is not separated by the norm's separator";
    EmptyFile = "V405", "empty-file", "the file has no header line and no rows";
    NoHeader = "V406", "no-header", "the first line is not a header: it names none of the norm's columns";
    HeaderMissingColumn = "V407", "missing-column", "a column of the norm is absent from the header";
    HeaderUnknownColumn = "V408", "unknown-column", "the header has a column the norm does not define";
    HeaderMisspeltColumn = "V409", "misspelt-column", "a header column is a misspelling of a column of the norm";
    HeaderDuplicateColumn = "V410", "duplicate-column", "the header names a column twice";
    HeaderColumnOrder = "V411", "column-order", "the columns are not in the norm's order (warning)";
    RowWidth = "V412", "row-width", "a row has more or fewer fields than the header";
    Quoting = "V413", "quoting", "a quote out of place: inside an unquoted field, after a closing quote, or never closed";
    MultilineField = "V414", "multiline-field", "a quoted field holds a line break (warning)";
    BlankLine = "V415", "blank-line", "a blank line among the rows";
    ValueType = "V416", "value-type", "a value that is not of its field's type (integer, decimal, calendar date, ...)";
    ValueRequired = "V417", "value-required", "a required field is empty";
    ValueRequiredIf = "V418", "value-required-if", "a field is empty although the row's condition makes it required";
    ValueNotAllowed = "V419", "value-not-allowed", "a value outside the field's enumerated values";
    ValueNotInList = "V420", "value-not-in-list", "a code absent from the field's code list at the row's date";
    ValuePattern = "V421", "value-pattern", "a value that does not match the field's pattern";
    ValueLength = "V422", "value-length", "a value shorter or longer than the field allows";
    ValueChecksum = "V423", "value-checksum", "an identifier whose check key or check digit is wrong";
    ValueBounds = "V424", "value-bounds", "a number below the field's minimum or above its maximum";
    OutsideFilePeriod = "V425", "outside-file-period", "the row's date lies outside the period named by the file";
    DuplicateRow = "V426", "duplicate-row", "a row identical to an earlier row";
    SurroundingSpaces = "V427", "surrounding-spaces", "a value with spaces before or after it (warning)";
    NoDataRows = "V428", "no-data-rows", "the file has a header but no rows (warning)";
    LineEndings = "V429", "line-endings", "lines end with a lone carriage return (old Mac files): rows cannot be told apart";
    NotText = "V430", "not-text", "the file is not delimited text: a spreadsheet (xlsx, xls) or other binary data";
    ValueOutsideList = "V431", "value-outside-list", "a code of the field's catalogue that the rulebook's list lacks at the row's date (warning: the rulebook says what it comes to)";
    FieldMismatch = "V432", "field-mismatch", "a row where a check of the norm across its fields fails (warning: the norm's label says what the row contradicts)";
    UnknownReference = "V433", "unknown-reference", "a row whose value is found in no row of the file it refers to, at the row's date when the norm says so (warning)";
    DepositLate = "V440", "deposit-late", "the file is deposited after the deadline of a period it holds data of (warning)";
    DepositNotCovered = "V441", "deposit-not-covered", "the file holds data of days that no deposit period of the calendar covers, so no deadline can be checked (warning)";
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
