//! Datasets: the rows of one data file, read and typed through its norm.
//!
//! The csv crate does the splitting and quoting (about 13 million rows of 10 fields per second
//! on one core, measured with `read_byte_record` into a reused record); this module types each
//! field and reports every problem with its file, row and field. Values of identifier fields are
//! never copied into messages.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use rust_decimal::Decimal;

use crate::data::field::identifier_lookalike;
use crate::data::formats::{Formats, parse_decimal};
use crate::data::limits::{Fault, Guarded, MAX_COLUMNS, MAX_LINE_BYTES, MAX_RECORD_BYTES, OpenError, open_regular};
use crate::data::norm::{Encoding, Field, FieldKind, Norm};
use crate::diagnostic::{Code, Diagnostic, Location, did_you_mean};
use crate::value::Value;

/// How many data diagnostics one file reports in full before it only counts them.
pub(crate) const MAX_REPORTED: usize = 200;

#[derive(Debug, Clone)]
pub struct Dataset {
    pub(crate) name: String,
    /// Column names, in the order of the norm's fields.
    pub(crate) columns: Vec<String>,
    pub(crate) rows: Vec<Box<[Value]>>,
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
        self.rows.len()
    }
}

/// Reads `path` through `norm`. Returns the dataset when it could be read at all, with every
/// problem found; rows with problems are kept out of the dataset.
///
/// The file streams through a [`Guarded`] reader: memory stays bounded by the rows kept, a line
/// or record past its limit or a NUL byte stops the reading with a located diagnostic, and a
/// folder, a pipe or a device is refused before it is read.
pub(crate) fn read_dataset(name: &str, path: &Path, shown: &str, norm: &Norm) -> (Option<Dataset>, Vec<Diagnostic>) {
    let file = match open_regular(path) {
        Ok(f) => f,
        Err(e) => {
            let d = Diagnostic::error(Code::DataFileUnreadable, format!("cannot read {shown}: {}", e.reason()))
                .at(Location::File { file: shown.to_string() })
                .hint(match e {
                    OpenError::Folder => "name the data file inside the folder",
                    OpenError::NotRegular => "copy the data into a regular file and name that file",
                    OpenError::Io(_) => "check that the file exists and that you may read it",
                });
            return (None, vec![d]);
        }
    };
    read_stream(name, std::io::BufReader::with_capacity(1 << 16, file), shown, norm, norm.encoding, None)
}

/// Reads raw bytes through `norm`, decoding them as the norm declares (see [`read_dataset`]).
pub(crate) fn read_bytes(name: &str, bytes: &[u8], shown: &str, norm: &Norm) -> (Option<Dataset>, Vec<Diagnostic>) {
    read_stream(name, bytes, shown, norm, norm.encoding, None)
}

/// The reading proper: a csv reader over a guarded stream, fields decoded one by one.
fn read_stream<R: Read>(
    name: &str,
    input: R,
    shown: &str,
    norm: &Norm,
    encoding: Encoding,
    sha256: Option<String>,
) -> (Option<Dataset>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut reader = csv::ReaderBuilder::new().delimiter(norm.separator).has_headers(false).flexible(true).from_reader(Guarded::new(input));
    let mut record = csv::ByteRecord::new();
    let header = match read_header(&mut reader, &mut record, shown, encoding) {
        Ok(h) => h,
        Err(d) => return (None, vec![d]),
    };
    let positions = match map_columns(&header, norm, shown, &mut diags) {
        Some(p) => p,
        None => return (None, diags),
    };
    let formats = Formats::of(norm);
    let mut rows = Vec::new();
    let mut n_problems = 0usize;
    let mut n_records = 0usize;
    // The width diagnostic of the last record read, to hint at a truncated file.
    let mut last_width_problem: Option<usize> = None;
    loop {
        reader.get_mut().mark_record();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                if let Some(fault) = reader.get_ref().fault() {
                    diags.push(fault_diagnostic(fault, shown));
                    return (None, diags);
                }
                let row = e.position().map_or(0, |p| p.line() as usize);
                n_problems += 1;
                push_capped(
                    &mut diags,
                    n_problems,
                    Diagnostic::error(Code::DataFileUnreadable, format!("unreadable row: {e}")).at(Location::Data {
                        file: shown.into(),
                        row,
                        field: None,
                    }),
                );
                continue;
            }
        }
        last_width_problem = None;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim_ascii().is_empty()) {
            continue;
        }
        n_records += 1;
        if record.len() != header.len() {
            n_problems += 1;
            if n_problems <= MAX_REPORTED {
                last_width_problem = Some(diags.len());
            }
            let mut d = Diagnostic::error(
                Code::DataRowWidth,
                format!("row has {} field{}, the header has {}", record.len(), if record.len() == 1 { "" } else { "s" }, header.len()),
            )
            .at(Location::Data { file: shown.into(), row: line, field: None });
            if record.iter().any(|f| f.contains(&b'\n')) {
                d = d.hint("a quote `\"` opened in this row is closed lines later, or never: the lines between are read as one field");
            }
            push_capped(&mut diags, n_problems, d);
            continue;
        }
        let mut values = Vec::with_capacity(norm.fields.len());
        let mut ok = true;
        for (field, pos) in norm.fields.iter().zip(&positions) {
            let bytes = pos.and_then(|p| record.get(p)).unwrap_or(b"");
            let text = match decode_field(bytes, encoding) {
                Some(t) => t,
                None => {
                    diags.push(invalid_utf8(shown, line, &field.name));
                    return (None, diags);
                }
            };
            match parse_field(text.trim(), field, norm, &formats) {
                Ok(v) => values.push(v),
                Err((code, message)) => {
                    ok = false;
                    n_problems += 1;
                    push_capped(
                        &mut diags,
                        n_problems,
                        Diagnostic::error(code, message).at(Location::Data {
                            file: shown.into(),
                            row: line,
                            field: Some(field.name.clone()),
                        }),
                    );
                    values.push(Value::Null);
                }
            }
        }
        if ok {
            rows.push(values.into_boxed_slice());
        }
    }
    let guard = reader.get_ref();
    if let (Some(i), false) = (last_width_problem, guard.ends_with_newline()) {
        diags[i].hint = Some("the file does not end with a line break: its last line may have been cut short".into());
    }
    if guard.endings().mixed() {
        let e = guard.endings();
        diags.push(
            Diagnostic::warning(
                Code::DataLineEndings,
                format!("{shown} mixes line endings ({} CRLF, {} LF, {} CR alone)", e.crlf, e.lf, e.cr),
            )
            .at(Location::File { file: shown.into() })
            .hint("save the file again with one kind of line ending; row numbers count LF line breaks"),
        );
    }
    if n_records == 0 && n_problems == 0 {
        diags.push(
            Diagnostic::warning(Code::DataNoRows, format!("{shown} has a header but no rows"))
                .at(Location::File { file: shown.into() })
                .hint("an empty list is read as no rows at all; check that the export is complete"),
        );
    }
    if n_problems > MAX_REPORTED {
        diags.push(
            Diagnostic::error(
                Code::DataInvalidValue,
                format!("{} more problems in this file are not shown ({n_problems} in all)", n_problems - MAX_REPORTED),
            )
            .at(Location::File { file: shown.into() })
            .hint("validate the file against its norm for the full report"),
        );
    }
    let dataset = Dataset {
        name: name.to_string(),
        columns: norm.fields.iter().map(|f| f.name.clone()).collect(),
        rows,
        file: shown.to_string(),
        sha256: sha256.unwrap_or_else(|| guard.sha256()),
    };
    (Some(dataset), diags)
}

/// Reads and decodes the header line: an empty file, a header past the column limit or bytes
/// of another encoding end the reading.
fn read_header<R: Read>(
    reader: &mut csv::Reader<Guarded<R>>,
    record: &mut csv::ByteRecord,
    shown: &str,
    encoding: Encoding,
) -> Result<Vec<String>, Diagnostic> {
    let file = || Location::File { file: shown.to_string() };
    let found = match reader.read_byte_record(record) {
        Ok(found) => found,
        Err(e) => {
            return Err(match reader.get_ref().fault() {
                Some(fault) => fault_diagnostic(fault, shown),
                None => Diagnostic::error(Code::DataFileUnreadable, format!("cannot read the header of {shown}: {e}")).at(file()),
            });
        }
    };
    let blank = record.len() == 1 && record.get(0).is_some_and(|f| f.trim_ascii().is_empty());
    if !found || blank {
        return Err(Diagnostic::error(Code::DataEmpty, format!("{shown} has no header line: it is empty or holds only blank lines"))
            .at(file())
            .hint("the first line must name the columns of the norm"));
    }
    if record.len() > MAX_COLUMNS {
        return Err(Diagnostic::error(
            Code::DataTooManyColumns,
            format!("the header of {shown} has {} columns; at most {MAX_COLUMNS} are read", record.len()),
        )
        .at(Location::Data { file: shown.to_string(), row: 1, field: None })
        .hint("check the separator the norm declares and that the file is the right one"));
    }
    let line = record.position().map_or(1, |p| p.line() as usize);
    let mut header = Vec::with_capacity(record.len());
    for bytes in record.iter() {
        match decode_field(bytes, encoding) {
            Some(t) => header.push(t.trim().to_string()),
            None => return Err(invalid_utf8(shown, line, "header")),
        }
    }
    Ok(header)
}

/// One field as text: UTF-8 is checked, Windows-1252 always decodes.
fn decode_field(bytes: &[u8], encoding: Encoding) -> Option<Cow<'_, str>> {
    match encoding {
        Encoding::Utf8 => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
        Encoding::Windows1252 => Some(encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0),
    }
}

fn invalid_utf8(shown: &str, row: usize, field: &str) -> Diagnostic {
    Diagnostic::error(Code::DataEncoding, format!("line {row} is not valid UTF-8 (in {field})"))
        .at(Location::Data { file: shown.to_string(), row, field: None })
        .hint("save the file as UTF-8, or use a norm that declares windows-1252")
}

/// The diagnostic of a guarded read that stopped.
fn fault_diagnostic(fault: Fault, shown: &str) -> Diagnostic {
    let at = |row| Location::Data { file: shown.to_string(), row, field: None };
    match fault {
        Fault::LineTooLong { line } => Diagnostic::error(
            Code::DataLineTooLong,
            format!("line {line} is longer than {} bytes; the file is not read further", MAX_LINE_BYTES),
        )
        .at(at(line))
        .hint("a row of an exchange file is a few hundred bytes: check that this is the right file"),
        Fault::RecordTooLarge { line } => Diagnostic::error(
            Code::DataLineTooLong,
            format!("the row going on at line {line} is longer than {} bytes; the file is not read further", MAX_RECORD_BYTES),
        )
        .at(at(line))
        .hint("a quote `\"` is probably never closed before this line"),
        Fault::Nul { line } => Diagnostic::error(Code::DataEncoding, format!("line {line} holds a NUL byte; the file is not read further"))
            .at(at(line))
            .hint("the file looks binary or UTF-16: export it again as text (UTF-8 or Windows-1252)"),
    }
}

fn push_capped(diags: &mut Vec<Diagnostic>, n: usize, d: Diagnostic) {
    if n <= MAX_REPORTED {
        diags.push(d);
    }
}

/// The position in the header of each field of the norm; a missing required column is an error.
fn map_columns(header: &[String], norm: &Norm, shown: &str, diags: &mut Vec<Diagnostic>) -> Option<Vec<Option<usize>>> {
    let mut positions = Vec::with_capacity(norm.fields.len());
    let mut ok = true;
    for field in &norm.fields {
        let pos = header.iter().position(|h| *h == field.name);
        if pos.is_none() && field.required {
            let mut d = Diagnostic::error(
                Code::DataMissingColumn,
                format!("column `{}` is missing (norm `{}` v{})", field.name, norm.name, norm.version),
            )
            .at(Location::Data { file: shown.into(), row: 1, field: Some(field.name.clone()) });
            let unknown: Vec<&str> = header.iter().filter(|h| norm.field_index(h).is_none()).map(String::as_str).collect();
            if let Some(close) = did_you_mean(&field.name, unknown) {
                d = d.hint(format!("the header has `{close}`: a misspelling of `{}`?", field.name));
            }
            diags.push(d);
            ok = false;
        }
        positions.push(pos);
    }
    ok.then_some(positions)
}

/// Shows a field value in a message, unless it identifies a person.
pub(crate) fn shown_value(raw: &str, field: &Field) -> String {
    if field.identifier { format!("[{} masked]", field.name) } else { format!("`{raw}`") }
}

/// Shows a field value in a message, unless it identifies a person: the value of an identifier
/// field, or a value that [`identifier_lookalike`] finds to be one.
pub(crate) fn shown_in(raw: &str, field: &Field, norm: &Norm) -> String {
    if field.identifier {
        return shown_value(raw, field);
    }
    match identifier_lookalike(raw, norm) {
        Some(like) => format!("[masked: a value shaped like {}]", like.name),
        None => shown_value(raw, field),
    }
}

/// Types one raw field as its norm says.
pub(crate) fn parse_field(raw: &str, field: &Field, norm: &Norm, formats: &Formats) -> Result<Value, (Code, String)> {
    if raw.is_empty() {
        return if field.required {
            Err((Code::DataRequiredEmpty, format!("`{}` is required and empty", field.name)))
        } else {
            Ok(Value::Null)
        };
    }
    let bad = |what: &str| (Code::DataInvalidValue, format!("{} is not {what}", shown_in(raw, field, norm)));
    match field.kind {
        FieldKind::Text => Ok(Value::Text(raw.into())),
        FieldKind::Integer => {
            if raw.bytes().enumerate().all(|(i, b)| b.is_ascii_digit() || (i == 0 && b == b'-')) && raw != "-" {
                raw.parse::<i64>().map(|n| Value::Number(Decimal::from(n))).map_err(|_| bad("an integer"))
            } else {
                Err(bad("an integer"))
            }
        }
        FieldKind::Decimal => parse_decimal(raw.as_bytes(), formats.decimal_separator)
            .map(Value::Number)
            .ok_or_else(|| bad(&format!("a decimal number (decimal separator `{}`)", norm.decimal_separator))),
        FieldKind::Date => {
            formats.date.parse(raw.as_bytes()).map(Value::Date).map_err(|_| bad(&format!("a calendar date ({})", formats.date.human())))
        }
        FieldKind::Bool => {
            if norm.true_values.iter().any(|t| t == raw) {
                Ok(Value::Bool(true))
            } else if norm.false_values.iter().any(|f| f == raw) {
                Ok(Value::Bool(false))
            } else {
                Err(bad(&format!("one of {} / {}", norm.true_values.join(", "), norm.false_values.join(", "))))
            }
        }
        FieldKind::Enum => {
            if field.values.iter().any(|v| v == raw) {
                Ok(Value::Text(raw.into()))
            } else {
                let mut msg = format!("{} is not one of {}", shown_in(raw, field, norm), field.values.join(", "));
                if let Some(c) = did_you_mean(raw, field.values.iter().map(String::as_str)) {
                    msg.push_str(&format!(" (did you mean `{c}`?)"));
                }
                Err((Code::DataInvalidValue, msg))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
"#;

    fn norm(encoding: &str) -> Norm {
        let source = MemSource::new().with("t/v1.toml", &NORM.replace("ENCODING", encoding));
        let (mut diags, mut files) = (Vec::new(), Vec::new());
        let norm = crate::data::norm::load_norm(&source, "t", 1, &mut diags, &mut files);
        assert!(diags.is_empty(), "{diags:?}");
        norm.expect("norm")
    }

    fn read(bytes: &[u8]) -> (Option<Dataset>, Vec<Diagnostic>) {
        read_bytes("t", bytes, "t.csv", &norm("utf-8"))
    }

    fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
        diags.iter().map(|d| d.code.as_str()).collect()
    }

    #[test]
    fn an_identifier_in_the_wrong_column_is_masked_too() {
        let (ds, diags) = read(b"ID;KIND\n191047430271776;191047430271776\n191047430271776;C\n");
        assert_eq!(ds.expect("dataset").n_rows(), 0);
        assert_eq!(diags[0].message, "[masked: a value shaped like ID] is not one of A, B");
        assert_eq!(diags[1].message, "`C` is not one of A, B");
        let (_, diags) = read(b"ID;KIND\n191047430271776;191047430271777\n");
        assert_eq!(diags[0].message, "`191047430271777` is not one of A, B", "a wrong key is no identifier");
    }

    #[test]
    fn empty_header_only_and_blank_files_are_told_apart() {
        assert_eq!(codes(&read(b"").1), ["D218"]);
        assert_eq!(codes(&read(b"\n \n\n").1), ["D218"]);
        let (ds, diags) = read(b"\xEF\xBB\xBFID;KIND\r\n");
        assert_eq!(codes(&diags), ["D219"]);
        assert_eq!(ds.expect("a header-only file is an empty dataset").n_rows(), 0);
    }

    #[test]
    fn windows_1252_is_decoded_and_utf8_is_checked() {
        let (_, diags) = read_bytes("t", b"ID;KIND\n191047430271776;\xC9\n", "t.csv", &norm("windows-1252"));
        assert_eq!(diags[0].message, "`É` is not one of A, B");
        let (ds, diags) = read(b"ID;KIND\n191047430271776;\xC9\n");
        assert!(ds.is_none());
        assert_eq!(codes(&diags), ["D215"]);
        assert_eq!(diags[0].location.as_ref().map(ToString::to_string).as_deref(), Some("t.csv:2"));
    }

    #[test]
    fn the_hash_is_the_files_and_rows_keep_their_order() {
        let bytes = b"ID;KIND\n191047430271776;A\n191047430271776;B\n";
        let (ds, diags) = read(bytes);
        assert!(diags.is_empty(), "{diags:?}");
        let ds = ds.expect("dataset");
        assert_eq!(ds.sha256, crate::hashing::sha256_hex(bytes));
        assert_eq!(ds.rows.iter().map(|r| r[1].clone()).collect::<Vec<_>>(), [Value::Text("A".into()), Value::Text("B".into())]);
    }
}
