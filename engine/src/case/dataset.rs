//! Datasets: the rows of one data file of a case, read through the validator of its norm.
//!
//! There is one reader of exchange files: the validator of `peps validate` (`validate`), which
//! types every field through `data::field` and checks every row. Reading a case's file runs it
//! with a sink that keeps the typed rows, so a file `validate` rejects is never read otherwise
//! here: every breach is a diagnostic with the validator's code (V4xx), file, row and field,
//! identifier values masked. The rulebook says, per input, whether a rejected row refuses the case
//! (the default) or is left out with a warning per code and counted ([`RowsLeftOut`]).
//!
//! The file streams through a `Guarded` reader: memory stays bounded by the rows kept, a line
//! or record past its limit or a NUL byte stops the reading with a located diagnostic (D2xx, the
//! problems of the reader that the validator has no code for), and a folder, a pipe or a device
//! is refused before it is read.

use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::data::column::{Column, ColumnBuilder};
use crate::data::limits::{Fault, Guarded, LineEndings, MAX_LINE_BYTES, OpenError, open_regular};
use crate::data::row::TypedRow;
use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::message::Message;
use crate::rules::inputs::RejectedRows;
use crate::validate::{Chunking, Links, Options, Problem, Sink, Validator};
use crate::value::Value;

/// How many problems of each code a file reports in full before it only counts them.
pub(crate) const EXAMPLES_PER_CODE: u64 = 5;

#[derive(Debug, Clone)]
pub struct Dataset {
    pub(crate) name: String,
    /// Column names, in the order of the norm's fields.
    pub(crate) columns: Vec<String>,
    /// The values, column by column, in the order of `columns`; shared, so that the readings of
    /// one file by several rulebooks (`impact`, the cross-year matrix) and the copies of a case
    /// hold one copy of its values (a change, such as bringing the dates into another year,
    /// copies them first: `Arc::make_mut`).
    pub(crate) data: Arc<[Column]>,
    pub(crate) n_rows: usize,
    /// The file as given, for messages.
    pub(crate) file: String,
    /// Hex SHA-256 of the file's bytes.
    pub(crate) sha256: String,
}

impl Dataset {
    pub(crate) fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    pub fn n_rows(&self) -> usize {
        self.n_rows
    }

    /// The value of row `row`, column `column` (null for a column the file does not have).
    #[inline]
    pub(crate) fn value(&self, row: usize, column: usize) -> Value {
        self.data.get(column).map_or(Value::Null, |c| c.value(row))
    }

    /// Whether column `column`'s values are stored: a field no reader of the rulebook that read
    /// the file reads is checked, not kept (`Column::NotKept`).
    pub(crate) fn keeps(&self, column: usize) -> bool {
        self.data.get(column).is_none_or(Column::is_kept)
    }

    /// An empty dataset with these columns.
    pub(crate) fn empty(name: &str, columns: Vec<String>) -> Dataset {
        let data = vec![Column::Null; columns.len()].into();
        Dataset { name: name.to_string(), columns, data, n_rows: 0, file: String::new(), sha256: String::new() }
    }
}

/// The rows of a dataset its norm rejected and the rulebook left out, counted per code (a row
/// with problems of two codes counts under both).
#[derive(Debug, Clone, Serialize)]
pub struct RowsLeftOut {
    /// The input's name.
    pub dataset: String,
    pub file: String,
    pub rows: u64,
    pub by_code: Vec<CodeRows>,
}

/// How many rows a code made leave out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeRows {
    pub code: Code,
    pub rows: u64,
}

impl Serialize for CodeRows {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("CodeRows", 3)?;
        st.serialize_field("code", self.code.as_str())?;
        st.serialize_field("name", self.code.name())?;
        st.serialize_field("rows", &self.rows)?;
        st.end()
    }
}

/// What reading a file gave: the dataset when the file could be read at all (without the rows it
/// rejects), every diagnostic, and the rows left out when the rulebook leaves them out.
pub(crate) struct DatasetRead {
    pub(crate) dataset: Option<Dataset>,
    pub(crate) diags: Vec<Diagnostic>,
    pub(crate) left_out: Option<RowsLeftOut>,
}

/// How a case reads one of its data files: through the validator of its norm (`Deref`), which
/// checks every field, keeping the values of the fields the rulebook reads alone (`kept`).
#[derive(Clone)]
pub(crate) struct Reader<'a> {
    pub(crate) validator: Validator<'a>,
    /// Per field of the norm, whether a case keeps its values; every field when `None`.
    pub(crate) kept: Option<Vec<bool>>,
}

impl<'a> std::ops::Deref for Reader<'a> {
    type Target = Validator<'a>;

    fn deref(&self) -> &Validator<'a> {
        &self.validator
    }
}

impl Reader<'_> {
    /// The validator, and the fields whose values are kept.
    fn parts(&self) -> (&Validator<'_>, Option<&[bool]>) {
        (&self.validator, self.kept.as_deref())
    }
}

/// Reads `path` (shown as `shown`) through `checks`, the validator of its norm, keeping the
/// fields it keeps; a large file in chunks on every core unless `one_thread`.
pub(crate) fn read_dataset(
    name: &str,
    (path, shown): (&Path, &str),
    checks: &Reader<'_>,
    (rejected, one_thread): (RejectedRows, bool),
    links: &mut Links,
) -> DatasetRead {
    read_path(name, (path, shown), checks.parts(), (rejected, one_thread), links)
}

/// [`read_dataset`] through a validator, keeping the fields of `kept` (every field when `None`).
pub(crate) fn read_path(
    name: &str,
    (path, shown): (&Path, &str),
    checks: (&Validator<'_>, Option<&[bool]>),
    (rejected, one_thread): (RejectedRows, bool),
    links: &mut Links,
) -> DatasetRead {
    let file = match open_regular(path) {
        Ok(f) => f,
        Err(e) => {
            let d = Diagnostic::error(Code::DataFileUnreadable, msg!("eval-data-unreadable", file = shown, reason = e.message()))
                .at(Location::File { file: shown.to_string() })
                .hint(match e {
                    OpenError::Folder => msg!("eval-data-unreadable-folder"),
                    OpenError::NotRegular => msg!("eval-data-unreadable-not-regular"),
                    OpenError::Io(_) => msg!("eval-data-unreadable-io"),
                });
            return DatasetRead { dataset: None, diags: vec![d], left_out: None };
        }
    };
    let size = file.metadata().ok().map(|m| m.len());
    let file_name = path.file_name().map_or_else(|| shown.to_string(), |n| n.to_string_lossy().into_owned());
    let chunking = Chunking::on_every_core();
    if let Some(size) = size.filter(|&n| !one_thread && chunking.worth(n, 0))
        && let Some(read) = read_in_chunks(name, (&file_name, shown), (path, &file, size), checks, (rejected, chunking), links)
    {
        return read;
    }
    read_stream(name, (&file_name, shown), file, size, checks, rejected, links)
}

/// [`read_dataset`] of a large file: its rows validated in chunks on every core while a thread
/// beside reads it whole through the guard (its hash, its line endings, its faults). `None` when
/// the guard stopped at a fault: one pass over the file says then what it says, from the bytes
/// it read before the fault.
fn read_in_chunks(
    name: &str,
    (file_name, shown): (&str, &str),
    (path, file, size): (&Path, &std::fs::File, u64),
    (checks, kept): (&Validator<'_>, Option<&[bool]>),
    (rejected, chunking): (RejectedRows, Chunking),
    links: &mut Links,
) -> Option<DatasetRead> {
    let mut sink = Collect { kept, ..Collect::default() };
    let options = read_options();
    let indexes_before = links.indexes.len();
    let (report, guarding) = std::thread::scope(|scope| {
        let guarding = scope.spawn(|| guard_whole(path));
        let report = checks.run_chunked(file_name, file, size, &options, &mut sink, links, chunking);
        (report, guarding.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    let Some(guarding) = guarding else {
        links.indexes.truncate(indexes_before);
        return None;
    };
    Some(match report {
        Ok(report) => finish_read(name, shown, report, sink, checks, rejected, &guarding),
        Err(e) => unreadable(&e, shown),
    })
}

/// The file at `path` read whole through the guard; `None` when it stopped at a fault (or the
/// file could not be read again).
fn guard_whole(path: &Path) -> Option<Guarding> {
    let mut guard = Guarded::new(std::fs::File::open(path).ok()?).nul_from(crate::validate::BINARY_SNIFF);
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match guard.read(&mut buf) {
            Ok(0) => return Some(Guarding::of(&guard)),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
}

/// What the guard saw of a whole file: its hash, its line endings, its end.
struct Guarding {
    sha256: String,
    endings: LineEndings,
    ends_with_newline: bool,
}

impl Guarding {
    fn of<R: Read>(guard: &Guarded<R>) -> Self {
        Guarding { sha256: guard.sha256(), endings: guard.endings(), ends_with_newline: guard.ends_with_newline() }
    }
}

/// How a case's files are validated.
fn read_options() -> Options {
    Options { show_identifiers: false, examples_per_code: EXAMPLES_PER_CODE, any_file_name: true }
}

/// A file whose reading failed for another reason than a fault of the guard.
fn unreadable(e: &io::Error, shown: &str) -> DatasetRead {
    let d =
        Diagnostic::error(Code::DataFileUnreadable, msg!("eval-data-unreadable", file = shown, reason = crate::message::Message::of_io(e)))
            .at(Location::File { file: shown.to_string() });
    DatasetRead { dataset: None, diags: vec![d], left_out: None }
}

/// Reads raw bytes through `checks`, as if they were the file `shown` (see [`read_dataset`]).
pub(crate) fn read_bytes(name: &str, bytes: &[u8], shown: &str, checks: &Validator<'_>, rejected: RejectedRows) -> DatasetRead {
    let file_name = shown.rsplit('/').next().unwrap_or(shown);
    read_stream(name, (file_name, shown), bytes, Some(bytes.len() as u64), (checks, None), rejected, &mut Links::none())
}

/// [`read_bytes`] as one of the files of a case: references to the files read before are
/// checked, and the keys others refer to are collected into `links` (a national file's rows of
/// one case, read as the case's own file). `hashed`: the dataset's `sha256` is the bytes' (else
/// empty: the national file they are cut from is hashed whole, and names them).
pub(crate) fn read_bytes_linked(
    name: &str,
    (bytes, hashed): (&[u8], bool),
    shown: &str,
    checks: &Reader<'_>,
    rejected: RejectedRows,
    links: &mut Links,
) -> DatasetRead {
    let file_name = shown.rsplit('/').next().unwrap_or(shown);
    let guard = Guarded::new(bytes).nul_from(crate::validate::BINARY_SNIFF);
    let guard = if hashed { guard } else { guard.unhashed() };
    read_guarded(name, (file_name, shown), guard, Some(bytes.len() as u64), checks.parts(), rejected, links)
}

/// Keeps what a case needs of a validation run: the typed values, column by column (those of
/// `kept` alone when it is given), and the codes of the rows rejected.
#[derive(Default)]
struct Collect<'k> {
    /// Per field of the norm, whether its values are stored; every field when `None`.
    kept: Option<&'k [bool]>,
    columns: Vec<ColumnBuilder>,
    n_rows: usize,
    /// The line of each rejected row, in order.
    rejected: Vec<u64>,
    /// Per code, how many rejected rows it made reject.
    by_code: Vec<CodeRows>,
    /// How many error problems the rejected rows hold (the others are problems of the file).
    row_errors: u64,
}

impl Sink for Collect<'_> {
    fn rejected(&mut self, row: u64, _record: &[u8], _terminator: &[u8], problems: &[Problem]) -> io::Result<()> {
        self.rejected.push(row);
        let mut codes: Vec<Code> = problems.iter().filter(|p| p.is_error()).map(|p| p.code).collect();
        self.row_errors += codes.len() as u64;
        codes.sort();
        codes.dedup();
        for code in codes {
            match self.by_code.binary_search_by_key(&code, |c| c.code) {
                Ok(i) => self.by_code[i].rows += 1,
                Err(i) => self.by_code.insert(i, CodeRows { code, rows: 1 }),
            }
        }
        Ok(())
    }

    fn wants_rows(&self) -> bool {
        true
    }

    fn wants_every_problem(&self) -> bool {
        false
    }

    fn keeps(&self, field: usize) -> bool {
        self.kept.is_none_or(|k| k.get(field).copied().unwrap_or(true))
    }

    fn accepted(&mut self, _row: u64, values: TypedRow<'_>) {
        let cells = values.cells();
        if self.columns.len() < cells.len() {
            // The first row: the validator gives one cell per field of the norm.
            let n_rows = self.n_rows;
            self.columns.resize_with(cells.len(), || {
                let mut b = ColumnBuilder::default();
                (0..n_rows).for_each(|_| b.push(&Value::Null));
                b
            });
        }
        for (i, builder) in self.columns.iter_mut().enumerate() {
            if self.kept.is_some_and(|k| !k.get(i).copied().unwrap_or(true)) {
                continue;
            }
            match cells.get(i) {
                Some(cell) => builder.push_cell(cell, &values),
                None => builder.push(&Value::Null),
            }
        }
        self.n_rows += 1;
    }
}

/// The reading proper: the validator over a guarded stream, the rows it accepts kept.
fn read_stream<R: Read>(
    name: &str,
    (file_name, shown): (&str, &str),
    input: R,
    size: Option<u64>,
    checks: (&Validator<'_>, Option<&[bool]>),
    rejected: RejectedRows,
    links: &mut Links,
) -> DatasetRead {
    // The validator says what a file with NUL bytes at its start is (a spreadsheet, UTF-16 text:
    // V430); a NUL byte further on stops the guard (D215).
    let guard = Guarded::new(input).nul_from(crate::validate::BINARY_SNIFF);
    read_guarded(name, (file_name, shown), guard, size, checks, rejected, links)
}

/// [`read_stream`] through a guard already made.
fn read_guarded<R: Read>(
    name: &str,
    (file_name, shown): (&str, &str),
    mut guard: Guarded<R>,
    size: Option<u64>,
    (checks, kept): (&Validator<'_>, Option<&[bool]>),
    rejected: RejectedRows,
    links: &mut Links,
) -> DatasetRead {
    let mut sink = Collect { kept, ..Collect::default() };
    let options = read_options();
    let report = match checks.run_linked(file_name, &mut guard, size, &options, &mut sink, links) {
        Ok(r) => r,
        Err(e) => {
            return match guard.fault() {
                Some(fault) => DatasetRead { dataset: None, diags: vec![fault_diagnostic(fault, shown)], left_out: None },
                None => unreadable(&e, shown),
            };
        }
    };
    finish_read(name, shown, report, sink, checks, rejected, &Guarding::of(&guard))
}

/// The dataset and the diagnostics of a file the validator read to its end.
fn finish_read(
    name: &str,
    shown: &str,
    report: crate::validate::FileReport,
    sink: Collect<'_>,
    checks: &Validator<'_>,
    rejected: RejectedRows,
    guard: &Guarding,
) -> DatasetRead {
    let leave_out = rejected == RejectedRows::LeaveOut && report.rejected > 0;
    let mut diags = Vec::new();
    // Problems of rows left out are told once per code, below; an error as it is, up to
    // `EXAMPLES_PER_CODE` of a code; a warning once, with how many rows have it.
    let left = |p: &Problem| leave_out && p.is_error() && p.row.is_some_and(|r| sink.rejected.binary_search(&r).is_ok());
    // What is said of the file as a whole: how many problems are not shown, rows left out.
    let mut summaries = Vec::new();
    for count in &report.counts {
        let mut examples = report.examples.iter().filter(|p| p.code == count.code);
        if !count.severity.eq(&Severity::Error) {
            if let Some(first) = examples.next() {
                let mut d = diagnostic(first, shown);
                if count.count > 1 {
                    d.message = msg!("eval-data-in-all", problem = d.message, count = count.count);
                }
                diags.push(d);
            }
            continue;
        }
        let mut listed = 0;
        let mut in_left_rows = false;
        for p in examples {
            if left(p) {
                in_left_rows = true;
            } else {
                diags.push(diagnostic(p, shown));
                listed += 1;
            }
        }
        // Codes whose rows are left out are summed up below, not counted again here.
        if in_left_rows || count.count <= listed {
            continue;
        }
        let more = count.count - listed;
        let d = Diagnostic {
            code: count.code,
            severity: count.severity,
            message: Message::text(""),
            location: None,
            hint: None,
            related: None,
        };
        summaries.push(
            Diagnostic { message: msg!("eval-data-not-shown", more = more, code = count.code.name(), count = count.count), ..d }
                .at(Location::File { file: shown.to_string() })
                .hint(msg!("eval-data-not-shown-hint")),
        );
    }
    let left_out = leave_out.then(|| {
        for c in &sink.by_code {
            let first = report.examples.iter().find(|p| p.code == c.code && left(p));
            let message = match first {
                Some(p) => {
                    msg!("eval-data-left-out-first", rows = c.rows, dataset = name, what = c.code.summary(), first = shown_problem(p))
                }
                None => msg!("eval-data-left-out", rows = c.rows, dataset = name, what = c.code.summary()),
            };
            let mut d = Diagnostic::warning(c.code, message).hint(msg!("eval-data-left-out-hint"));
            d.location = Some(first.map_or_else(|| Location::File { file: shown.to_string() }, |p| location(p, shown)));
            summaries.push(d);
        }
        RowsLeftOut { dataset: name.to_string(), file: shown.to_string(), rows: report.rejected, by_code: sink.by_code.clone() }
    });
    // In the order of the file: problems of the whole file first, then row by row.
    let norm = checks.norm;
    diags.sort_by_key(|d| match &d.location {
        Some(Location::Data { row, field, .. }) => (*row, field.as_deref().and_then(|f| norm.field_index(f)).unwrap_or(0)),
        _ => (0, 0),
    });
    diags.append(&mut summaries);
    if !guard.ends_with_newline
        && let Some(d) = diags.iter_mut().rev().find(|d| d.code == Code::RowWidth)
    {
        d.hint = Some(msg!("eval-data-no-final-newline"));
    }
    if guard.endings.mixed() {
        let e = guard.endings;
        diags.push(
            Diagnostic::warning(Code::DataLineEndings, msg!("eval-data-mixed-endings", file = shown, crlf = e.crlf, lf = e.lf, cr = e.cr))
                .at(Location::File { file: shown.into() })
                .hint(msg!("eval-data-mixed-endings-hint")),
        );
    }
    let columns: Vec<String> = checks.norm.fields.iter().map(|f| f.name.clone()).collect();
    let mut data: Vec<Column> = sink.columns.into_iter().map(ColumnBuilder::finish).collect();
    data.resize(columns.len().max(data.len()), Column::Null);
    if let Some(kept) = sink.kept {
        for (column, _) in data.iter_mut().zip(kept).filter(|(_, k)| !**k) {
            *column = Column::NotKept;
        }
    }
    let dataset = Dataset {
        name: name.to_string(),
        columns,
        data: data.into(),
        n_rows: sink.n_rows,
        file: shown.to_string(),
        sha256: guard.sha256.clone(),
    };
    DatasetRead { dataset: Some(dataset), diags, left_out }
}

/// A problem of the validator as a diagnostic of the case: same code, severity, row and field;
/// the value (masked for identifiers) before the message.
fn diagnostic(p: &Problem, shown: &str) -> Diagnostic {
    let d = Diagnostic {
        code: p.code,
        severity: p.severity,
        message: shown_problem(p),
        location: Some(location(p, shown)),
        related: None,
        hint: None,
    };
    match &p.hint {
        Some(h) => d.hint(h.clone()),
        None => d,
    }
}

/// `FIELD = `value` : message`, the value as the validator shows it (masked for identifiers).
fn shown_problem(p: &Problem) -> Message {
    let message = p.message.clone();
    // A masked value is a message (`[masked: …]`); a value that starts like one is shown as one.
    let masked = |v: &Message| v.as_text().is_none_or(|t| t.starts_with('['));
    let empty = |v: &Message| v.as_text() == Some("");
    match (&p.field, &p.value) {
        (Some(f), Some(v)) if masked(v) => msg!("eval-data-problem-masked", field = f, value = v, message = message),
        (Some(f), Some(v)) if !empty(v) => msg!("eval-data-problem-value", field = f, value = v, message = message),
        (None, Some(v)) if masked(v) => msg!("eval-data-problem-masked-alone", value = v, message = message),
        (None, Some(v)) if !empty(v) => msg!("eval-data-problem-value-alone", value = v, message = message),
        _ => message,
    }
}

fn location(p: &Problem, shown: &str) -> Location {
    match p.row {
        // A header cell masked for people names no field a location could point to.
        Some(row) => Location::Data {
            file: shown.to_string(),
            row: row as usize,
            field: p.field.as_ref().and_then(|f| f.as_text()).map(str::to_string),
        },
        None => Location::File { file: shown.to_string() },
    }
}

/// The diagnostic of a guarded read that stopped.
fn fault_diagnostic(fault: Fault, shown: &str) -> Diagnostic {
    let at = |row| Location::Data { file: shown.to_string(), row, field: None };
    match fault {
        Fault::LineTooLong { line } => {
            Diagnostic::error(Code::DataLineTooLong, msg!("eval-data-line-too-long", line = line, max = MAX_LINE_BYTES))
                .at(at(line))
                .hint(msg!("eval-data-line-too-long-hint"))
        }
        Fault::Nul { line } => {
            Diagnostic::error(Code::DataEncoding, msg!("eval-data-nul", line = line)).at(at(line)).hint(msg!("eval-data-nul-hint"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::norm::Norm;
    use crate::rules::source::MemSource;

    const NORM: &str = r#"
name = "t"
version = 1
label = "t"
status = "assumed"
reference = "test"
separator = ";"
encoding = "ENCODING"

[[field]]
name = "ID"
type = "text"
required = true
length = 15
checksum = "nir"
identifier = true

[[field]]
name = "KIND"
type = "enum"
required = true
values = ["A", "B"]

[[field]]
name = "N"
type = "integer"
min = 1
"#;

    fn norm(encoding: &str) -> Norm {
        let source = MemSource::new().with("t/v1.toml", &NORM.replace("ENCODING", encoding));
        let (mut diags, mut files) = (Vec::new(), Vec::new());
        let norm = crate::data::norm::load_norm(&source, "t", 1, &mut diags, &mut files);
        assert!(diags.is_empty(), "{diags:?}");
        norm.expect("norm")
    }

    fn read_with(bytes: &[u8], encoding: &str, rejected: RejectedRows) -> DatasetRead {
        let n = norm(encoding);
        let checks = Validator::new(&n, &[], &[]).expect("validator");
        read_bytes("t", bytes, "t.csv", &checks, rejected)
    }

    fn read(bytes: &[u8]) -> DatasetRead {
        read_with(bytes, "utf-8", RejectedRows::Refuse)
    }

    fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
        diags.iter().map(|d| d.code.as_str()).collect()
    }

    #[test]
    fn an_identifier_in_the_wrong_column_is_masked_too() {
        let r = read(b"ID;KIND;N\n191047430271776;191047430271776;1\n191047430271776;C;1\n");
        assert_eq!(r.dataset.expect("dataset").n_rows(), 0);
        assert_eq!(r.diags[0].message.en(), "KIND = [masked: a value shaped like ID]: not one of A, B");
        assert_eq!(r.diags[1].message.en(), "KIND = `C`: not one of A, B");
        let r = read(b"ID;KIND;N\n191047430271776;191047430271777;1\n");
        // A wrong key is not a valid identifier, but still someone's number: masked all the same.
        assert_eq!(r.diags[0].message.en(), "KIND = [masked: 15 characters]: not one of A, B");
        let r = read(b"ID;KIND;N\n191047430271776;1 91 04 74 302 717 76;1\n191047430271776;2025-01-01;1\n");
        assert_eq!(r.diags[0].message.en(), "KIND = [masked: 21 characters]: not one of A, B", "a NIR written with spaces");
        assert_eq!(r.diags[1].message.en(), "KIND = `2025-01-01`: not one of A, B", "a date is no identifier");
    }

    #[test]
    fn every_breach_has_the_validators_code_row_and_field() {
        let r = read(b"ID;KIND;N\n191047430271776;A;0\n191047430271777;B;1\n1910474302717;A;12345678901234567890\n");
        let seen: Vec<String> = r.diags.iter().map(|d| format!("{} {}", d.code, d.location.as_ref().unwrap())).collect();
        assert_eq!(seen, ["V424 t.csv:2:N", "V423 t.csv:3:ID", "V422 t.csv:4:ID", "V416 t.csv:4:N"]);
        assert!(r.diags.iter().all(Diagnostic::is_error));
        assert_eq!(r.dataset.expect("dataset").n_rows(), 0, "no row with a breach is kept");
        assert!(r.diags.iter().all(|d| !d.message.en().contains("1910474302717")), "identifiers are masked");
    }

    #[test]
    fn rows_left_out_are_counted_per_code_with_one_warning_each() {
        let text = b"ID;KIND;N\n191047430271776;A;0\n191047430271776;B;-1\n191047430271776;C;2\n191047430271776;B;3\n";
        let r = read_with(text, "utf-8", RejectedRows::LeaveOut);
        assert_eq!(r.dataset.expect("dataset").n_rows(), 1);
        assert_eq!(codes(&r.diags), ["V419", "V424"], "one per code, in code order");
        assert!(r.diags.iter().all(|d| !d.is_error()), "{:?}", r.diags);
        assert!(r.diags[1].message.en().starts_with("2 rows of `t` left out of the case"), "{}", r.diags[1].message.en());
        let left = r.left_out.expect("rows left out");
        assert_eq!(left.rows, 3);
        assert_eq!(left.by_code, [CodeRows { code: Code::ValueNotAllowed, rows: 1 }, CodeRows { code: Code::ValueBounds, rows: 2 }]);
        // A problem of the file itself still refuses the case.
        let r = read_with(b"ID;KIND\n191047430271776;A\n", "utf-8", RejectedRows::LeaveOut);
        assert_eq!(codes(&r.diags), ["V407"]);
        assert!(r.diags[0].is_error());
    }

    #[test]
    fn empty_header_only_and_blank_files_are_told_apart() {
        assert_eq!(codes(&read(b"").diags), ["V405"]);
        let r = read(b"\xEF\xBB\xBFID;KIND;N\r\n");
        assert_eq!(codes(&r.diags), ["V428"]);
        assert_eq!(r.dataset.expect("a header-only file is an empty dataset").n_rows(), 0);
    }

    #[test]
    fn windows_1252_is_decoded_and_utf8_is_checked() {
        let r = read_with(b"ID;KIND;N\n191047430271776;\xC9;1\n", "windows-1252", RejectedRows::Refuse);
        assert_eq!(r.diags[0].message.en(), "KIND = `É`: not one of A, B");
        let r = read(b"ID;KIND;N\n191047430271776;\xC9;1\n");
        assert_eq!(codes(&r.diags), ["V402"]);
        assert_eq!(r.diags[0].location.as_ref().map(ToString::to_string).as_deref(), Some("t.csv:2:KIND"));
    }

    /// A file of `rows` rows of every kind (valid, rejected, CRLF or not), with `tail` at its end.
    fn many_rows(rows: usize, tail: &[u8]) -> Vec<u8> {
        let mut text = b"ID;KIND;N\n".to_vec();
        for i in 0..rows {
            let row = match i % 11 {
                3 => "191047430271776;C;1\n".to_string(),
                5 => "191047430271777;A;2\r\n".to_string(),
                7 => format!("191047430271776;\"B\";{}\n", i % 9),
                _ => format!("191047430271776;A;{}\n", 1 + i % 7),
            };
            text.extend_from_slice(row.as_bytes());
        }
        text.extend_from_slice(tail);
        text
    }

    #[test]
    fn a_file_read_in_chunks_is_the_file_read_in_one_pass() {
        let n = norm("utf-8");
        let checks = Validator::new(&n, &[], &[]).expect("validator");
        let dir = tempfile::tempdir().expect("a folder");
        let chunking = Chunking { threads: 2, from: 0, min: 4 << 10, max: 16 << 10 };
        let nul = [b"191047430271776;A;1\n".as_slice(), b"\0"].concat();
        let long = vec![b'A'; MAX_LINE_BYTES + 10];
        let tails: [(&str, &[u8]); 4] =
            [("clean", b""), ("no final line break", b"191047430271776;A"), ("a NUL byte", &nul), ("a line too long", &long)];
        for (what, tail) in tails {
            for rejected in [RejectedRows::Refuse, RejectedRows::LeaveOut] {
                let bytes = many_rows(3000, tail);
                let path = dir.path().join("t.csv");
                std::fs::write(&path, &bytes).expect("write");
                let one = read_stream("t", ("t.csv", "t.csv"), bytes.as_slice(), None, (&checks, None), rejected, &mut Links::none());
                let file = std::fs::File::open(&path).expect("open");
                let many = read_in_chunks(
                    "t",
                    ("t.csv", "t.csv"),
                    (&path, &file, bytes.len() as u64),
                    (&checks, None),
                    (rejected, chunking),
                    &mut Links::none(),
                );
                let faulted = matches!(what, "a NUL byte" | "a line too long");
                assert_eq!(many.is_none(), faulted, "{what}: a fault of the guard leaves the file to one pass");
                if let Some(many) = many {
                    assert_eq!(format!("{:?}", one.dataset), format!("{:?}", many.dataset), "{what}");
                    assert_eq!(format!("{:?}", one.diags), format!("{:?}", many.diags), "{what}");
                    assert_eq!(format!("{:?}", one.left_out), format!("{:?}", many.left_out), "{what}");
                    assert!(one.diags.iter().any(|d| d.code == Code::DataLineEndings), "{what}: mixed line endings are said");
                }
            }
        }
    }

    #[test]
    fn the_hash_is_the_files_and_rows_keep_their_order() {
        let bytes = b"ID;KIND;N\n191047430271776;A;1\n191047430271776;B;\n";
        let r = read(bytes);
        assert!(r.diags.is_empty(), "{:?}", r.diags);
        let ds = r.dataset.expect("dataset");
        assert_eq!(ds.sha256, crate::hashing::sha256_hex(bytes));
        assert_eq!((0..ds.n_rows()).map(|r| ds.value(r, 1)).collect::<Vec<_>>(), [Value::Text("A".into()), Value::Text("B".into())]);
        assert_eq!(ds.value(1, 2), Value::Null);
    }
}
