//! What validating a file reports: problems (code, row, field, masked value, hint), counts per
//! code, the file's report, and the sink that receives problems and rejected rows as they come.

use std::io;

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::data::norm::Encoding;
use crate::data::row::TypedRow;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::message::Message;
use crate::validate::severity;
use crate::value::{Period, Status};

/// One problem of a file: where (row = line of the file, the header being line 1; none for the
/// file as a whole), which field, which value (masked for identifiers) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub code: Code,
    pub severity: Severity,
    pub row: Option<u64>,
    /// The field, or a header cell as it is shown (masked when it holds an identifier).
    pub field: Option<Message>,
    /// The value as it is shown: text, or a message when it is masked.
    pub value: Option<Message>,
    pub message: Message,
    pub hint: Option<Message>,
}

impl Problem {
    /// A problem of the whole file from a diagnostic (no row, no field).
    pub fn of_file(d: Diagnostic) -> Problem {
        Problem { code: d.code, severity: d.severity, row: None, field: None, value: None, message: d.message, hint: d.hint }
    }

    pub(crate) fn new(code: Code, row: Option<u64>, message: impl Into<Message>) -> Self {
        Problem { code, severity: severity(code), row, field: None, value: None, message: message.into(), hint: None }
    }

    /// A problem only counted, without words: the report keeps enough examples of its code
    /// already (see `Run::detailed`).
    pub(crate) fn counted(code: Code, row: Option<u64>) -> Self {
        Problem::new(code, row, Message::text(String::new()))
    }

    pub(crate) fn field(mut self, field: impl Into<Message>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub(crate) fn value(mut self, value: impl Into<Message>) -> Self {
        self.value = Some(value.into());
        self
    }

    pub(crate) fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Problem", 8)?;
        st.serialize_field("code", self.code.as_str())?;
        st.serialize_field("name", self.code.name())?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("row", &self.row)?;
        st.serialize_field("field", &self.field)?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("message", &self.message)?;
        if let Some(h) = &self.hint {
            st.serialize_field("hint", h)?;
        }
        st.end()
    }
}

/// How many problems of one code a file has, and how many of them are kept as examples.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeCount {
    pub code: Code,
    pub severity: Severity,
    pub count: u64,
    pub shown: u64,
}

impl Serialize for CodeCount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("CodeCount", 6)?;
        st.serialize_field("code", self.code.as_str())?;
        st.serialize_field("name", self.code.name())?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("summary", &self.code.summary())?;
        st.serialize_field("count", &self.count)?;
        st.serialize_field("shown", &self.shown)?;
        st.end()
    }
}

/// The outcome of validating one file. `rows` counts every record after the header (blank lines
/// included); `valid + rejected == rows` always.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub file: String,
    pub norm: String,
    pub version: u32,
    pub norm_status: Status,
    pub period: Option<Period>,
    pub encoding: Encoding,
    pub rows: u64,
    pub valid: u64,
    pub rejected: u64,
    pub errors: u64,
    pub warnings: u64,
    /// Information that asks nothing of the reader (`Severity::Note`), counted apart.
    pub notes: u64,
    /// Per code, in code order.
    pub counts: Vec<CodeCount>,
    /// The first problems of each code, in the order found (all of them when `not_shown` is 0).
    pub examples: Vec<Problem>,
    pub not_shown: u64,
}

impl FileReport {
    pub fn is_clean(&self) -> bool {
        self.errors == 0
    }

    /// Counts a problem found after the file was read (a late deposit, say) as the validator
    /// counts its own: by severity, by code, kept as an example while its code has fewer than
    /// `examples_per_code` shown.
    pub fn record(&mut self, p: Problem, examples_per_code: u64) {
        match p.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Note => self.notes += 1,
        }
        let i = match self.counts.binary_search_by_key(&p.code, |c| c.code) {
            Ok(i) => i,
            Err(i) => {
                self.counts.insert(i, CodeCount { code: p.code, severity: p.severity, count: 0, shown: 0 });
                i
            }
        };
        let count = &mut self.counts[i];
        count.count += 1;
        if count.shown < examples_per_code {
            count.shown += 1;
            self.examples.push(p);
        } else {
            self.not_shown += 1;
        }
    }
}

/// Where problems and rejected rows go as they are found (a JSON stream, a rejects file).
pub trait Sink {
    /// Every problem, in the order found: file-level ones first, then row by row.
    fn problem(&mut self, _problem: &Problem) -> io::Result<()> {
        Ok(())
    }
    /// The header line as written in the file (or the norm's columns when the file has none).
    fn header(&mut self, _raw: &[u8], _terminator: &[u8]) -> io::Result<()> {
        Ok(())
    }
    /// A rejected row: its line, the row as a rejects file writes it (when the sink
    /// [wants rejected rows](Sink::wants_rejected_rows); empty otherwise), its line break, and
    /// its problems. The row keeps the header's columns, each field as in the file but identifiers
    /// masked unless the options show them; a row of another width is written whole in the first
    /// column, never shifted.
    fn rejected(&mut self, _row: u64, _record: &[u8], _terminator: &[u8], _problems: &[Problem]) -> io::Result<()> {
        Ok(())
    }
    /// Whether the sink writes rejected rows (a rejects file): they are then rendered for it.
    fn wants_rejected_rows(&self) -> bool {
        false
    }
    /// Whether the sink needs every problem in full, or only those the report keeps as examples
    /// (the others are counted, their text left empty).
    fn wants_every_problem(&self) -> bool {
        true
    }
    /// Whether the sink takes the typed values of the rows that are not rejected (`accepted`):
    /// the case reader does, `peps validate` does not.
    fn wants_rows(&self) -> bool {
        false
    }
    /// A row that is not rejected, typed: one cell per field of the norm (null when empty),
    /// lent for the call.
    fn accepted(&mut self, _row: u64, _values: TypedRow<'_>) {}
    /// Whether the sink stores the values of field `field` (of the norm) that `accepted` gives:
    /// the others come null, their text never copied. Every field is still checked.
    fn keeps(&self, _field: usize) -> bool {
        true
    }
}

/// A sink that keeps nothing (the report's counts and examples are enough).
pub struct NoSink;

impl Sink for NoSink {}
