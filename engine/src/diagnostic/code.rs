//! The closed registry of diagnostic codes, declared once: each code's variant, stable spelling
//! (`R101`), English name (`unknown-key`) and summary (a message of the message files) come from
//! one line of the table below.
//! `R` codes concern rule and norm files, `D` codes the data of a case, `X` codes the evaluation,
//! `V` codes the checks of an exchange file against its norm — by `peps validate` before it is
//! deposited, and by the case reader of `peps compute`, which reads files through the same
//! validator (`D` codes remain for what only the case reader meets: an unreadable file, a line
//! past the reader's limit, a path leaving the case folder).

use std::fmt;

use serde::Serialize;

use crate::message::Message;

/// Declares the codes: the enum, `ALL` in declaration order, and the three spellings, from one
/// table, so that no code can be missing from any of them.
macro_rules! codes {
    ($($variant:ident = $id:literal, $name:literal, $summary:expr;)+) => {
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

            /// What the code means, for documentation and `--explain`-style help, in the run's
            /// language (the messages `data-code-…`).
            pub fn summary(self) -> Message {
                match self {
                    $(Code::$variant => $summary,)+
                }
            }
        }
    };
}

codes! {
    TomlSyntax = "R100", "toml-syntax", msg!("data-code-r100");
    UnknownKey = "R101", "unknown-key", msg!("data-code-r101");
    WrongType = "R102", "wrong-type", msg!("data-code-r102");
    MissingKey = "R103", "missing-key", msg!("data-code-r103");
    InvalidValue = "R104", "invalid-value", msg!("data-code-r104");
    MissingFile = "R105", "missing-file", msg!("data-code-r105");
    DuplicateName = "R106", "duplicate-name", msg!("data-code-r106");
    UndefinedName = "R107", "undefined-name", msg!("data-code-r107");
    RhaiSyntax = "R108", "rhai-syntax", msg!("data-code-r108");
    CyclicSteps = "R109", "cyclic-steps", msg!("data-code-r109");
    TableGap = "R110", "table-gap", msg!("data-code-r110");
    TableOverlap = "R111", "table-overlap", msg!("data-code-r111");
    DateOutsidePeriod = "R112", "date-outside-period", msg!("data-code-r112");
    DatedValuesOrder = "R113", "dated-values-order", msg!("data-code-r113");
    MoneyWithoutRounding = "R114", "money-without-rounding", msg!("data-code-r114");
    TypeMismatch = "R115", "type-mismatch", msg!("data-code-r115");
    ExpressionSyntax = "R116", "expression-syntax", msg!("data-code-r116");
    FormulaLint = "R117", "formula-lint", msg!("data-code-r117");
    DroppedItem = "R118", "dropped-item", msg!("data-code-r118");
    NewInputWithoutDefault = "R119", "new-input-without-default", msg!("data-code-r119");
    IndicatorWeights = "R120", "indicator-weights", msg!("data-code-r120");
    LabelNumber = "R121", "label-number", msg!("data-code-r121");
    InvalidKey = "R122", "invalid-key", msg!("data-code-r122");
    RuleField = "R123", "rule-field", msg!("data-code-r123");
    RuleKinds = "R124", "rule-kinds", msg!("data-code-r124");
    FormulaTopLevel = "R125", "formula-top-level", msg!("data-code-r125");
    FormulaImport = "R126", "formula-import", msg!("data-code-r126");
    RulesPathEscape = "R128", "rules-path-escape", msg!("data-code-r128");
    OutOfRange = "R130", "out-of-range", msg!("data-code-r130");
    ResultFormula = "R131", "result-formula", msg!("data-code-r131");
    RebaseMeasure = "R132", "rebase-measure", msg!("data-code-r132");
    RebaseMeasureDataset = "R133", "rebase-measure-dataset", msg!("data-code-r133");
    LikelyTypo = "R134", "likely-typo", msg!("data-code-r134");
    ExplanationName = "R135", "explanation-name", msg!("data-code-r135");
    ExplanationExpression = "R136", "explanation-expression", msg!("data-code-r136");
    ExplanationCases = "R137", "explanation-cases", msg!("data-code-r137");
    PatternWithoutFormat = "R140", "pattern-without-format", msg!("data-code-r140");
    CaseFileUnreadable = "D200", "case-file-unreadable", msg!("data-code-d200");
    CaseUnknownKey = "D201", "case-unknown-key", msg!("data-code-d201");
    CaseMissingValue = "D202", "case-missing-value", msg!("data-code-d202");
    CaseInvalidValue = "D203", "case-invalid-value", msg!("data-code-d203");
    DataFileUnreadable = "D210", "data-file-unreadable", msg!("data-code-d210");
    DataEncoding = "D215", "data-encoding", msg!("data-code-d215");
    DataLineTooLong = "D216", "data-line-too-long", msg!("data-code-d216");
    DataLineEndings = "D221", "data-line-endings", msg!("data-code-d221");
    PathEscape = "D220", "path-escape", msg!("data-code-d220");
    NationalColumn = "D230", "national-column", msg!("data-code-d230");
    NationalRowWithoutCase = "D231", "national-row-without-case", msg!("data-code-d231");
    NationalNotSorted = "D232", "national-not-sorted", msg!("data-code-d232");
    FileNotRead = "D233", "file-not-read", msg!("data-code-d233");
    CaseFileMissing = "D234", "case-file-missing", msg!("data-code-d234");
    NationalCaseWithoutRows = "D235", "national-case-without-rows", msg!("data-code-d235");
    CasePanicked = "D236", "case-panicked", msg!("data-code-d236");
    FormulaRuntime = "X300", "formula-runtime", msg!("data-code-x300");
    BudgetExceeded = "X301", "budget-exceeded", msg!("data-code-x301");
    ComponentsMismatch = "X302", "components-mismatch", msg!("data-code-x302");
    Arithmetic = "X303", "arithmetic", msg!("data-code-x303");
    FileNamePattern = "V400", "file-name", msg!("data-code-v400");
    FileNamePeriod = "V401", "file-name-period", msg!("data-code-v401");
    FileEncoding = "V402", "file-encoding", msg!("data-code-v402");
    EncodingSuspect = "V403", "encoding-suspect", msg!("data-code-v403");
    WrongSeparator = "V404", "wrong-separator", msg!("data-code-v404");
    EmptyFile = "V405", "empty-file", msg!("data-code-v405");
    NoHeader = "V406", "no-header", msg!("data-code-v406");
    HeaderMissingColumn = "V407", "missing-column", msg!("data-code-v407");
    HeaderUnknownColumn = "V408", "unknown-column", msg!("data-code-v408");
    HeaderMisspeltColumn = "V409", "misspelt-column", msg!("data-code-v409");
    HeaderDuplicateColumn = "V410", "duplicate-column", msg!("data-code-v410");
    HeaderColumnOrder = "V411", "column-order", msg!("data-code-v411");
    RowWidth = "V412", "row-width", msg!("data-code-v412");
    Quoting = "V413", "quoting", msg!("data-code-v413");
    MultilineField = "V414", "multiline-field", msg!("data-code-v414");
    BlankLine = "V415", "blank-line", msg!("data-code-v415");
    ValueType = "V416", "value-type", msg!("data-code-v416");
    ValueRequired = "V417", "value-required", msg!("data-code-v417");
    ValueRequiredIf = "V418", "value-required-if", msg!("data-code-v418");
    ValueNotAllowed = "V419", "value-not-allowed", msg!("data-code-v419");
    ValueNotInList = "V420", "value-not-in-list", msg!("data-code-v420");
    ValuePattern = "V421", "value-pattern", msg!("data-code-v421");
    ValueLength = "V422", "value-length", msg!("data-code-v422");
    ValueChecksum = "V423", "value-checksum", msg!("data-code-v423");
    ValueBounds = "V424", "value-bounds", msg!("data-code-v424");
    OutsideFilePeriod = "V425", "outside-file-period", msg!("data-code-v425");
    DuplicateRow = "V426", "duplicate-row", msg!("data-code-v426");
    SurroundingSpaces = "V427", "surrounding-spaces", msg!("data-code-v427");
    NoDataRows = "V428", "no-data-rows", msg!("data-code-v428");
    LineEndings = "V429", "line-endings", msg!("data-code-v429");
    NotText = "V430", "not-text", msg!("data-code-v430");
    ValueOutsideList = "V431", "value-outside-list", msg!("data-code-v431");
    FieldMismatch = "V432", "field-mismatch", msg!("data-code-v432");
    UnknownReference = "V433", "unknown-reference", msg!("data-code-v433");
    DuplicateKey = "V434", "duplicate-key", msg!("data-code-v434");
    RuleBroken = "V436", "rule-broken", msg!("data-code-v436");
    DateRange = "V437", "date-range", msg!("data-code-v437");
    NumberTooLarge = "V438", "number-too-large", msg!("data-code-v438");
    DepositLate = "V440", "deposit-late", msg!("data-code-v440");
    DepositNotCovered = "V441", "deposit-not-covered", msg!("data-code-v441");
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
