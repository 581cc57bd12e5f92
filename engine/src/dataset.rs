//! Datasets: the rows of one data file, read and typed through its norm.
//!
//! The csv crate does the splitting and quoting (it reads ~13 M rows/s on this machine,
//! ../shared/RUST-NOTES.md); this module types each field and reports every problem with its
//! file, row and field. Values of identifier fields are never copied into messages.

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Code, Diagnostic, Location, did_you_mean};
use crate::norm::{Encoding, Field, FieldKind, Norm};
use crate::source::io_reason;
use crate::value::Value;

/// How many data diagnostics one file reports in full before it only counts them.
pub const MAX_REPORTED: usize = 200;

#[derive(Debug, Clone)]
pub struct Dataset {
    pub name: String,
    /// Column names, in the order of the norm's fields.
    pub columns: Vec<String>,
    pub kinds: Vec<crate::value::Kind>,
    pub rows: Vec<Box<[Value]>>,
    /// The file as given, for messages.
    pub file: String,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
}

impl Dataset {
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    pub fn n_rows(&self) -> usize {
        self.rows.len()
    }
}

/// Decodes bytes as the norm declares: UTF-8 (a BOM is dropped) or Windows-1252.
pub fn decode(bytes: &[u8], encoding: Encoding, file: &str) -> Result<String, Diagnostic> {
    match encoding {
        Encoding::Utf8 => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(body) {
                Ok(s) => Ok(s.to_string()),
                Err(e) => {
                    let offset = e.valid_up_to();
                    let row = body[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
                    Err(Diagnostic::error(Code::DataEncoding, format!("line {row} is not valid UTF-8 (byte {offset})"))
                        .at(Location::Data { file: file.to_string(), row, field: None })
                        .hint("save the file as UTF-8, or use a norm that declares windows-1252"))
                }
            }
        }
        Encoding::Windows1252 => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(text.into_owned())
        }
    }
}

/// Reads `path` through `norm`. Returns the dataset when it could be read at all, with every
/// problem found; rows with problems are kept out of the dataset.
pub fn read_dataset(name: &str, path: &Path, shown: &str, norm: &Norm) -> (Option<Dataset>, Vec<Diagnostic>) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let d = Diagnostic::error(Code::DataFileUnreadable, format!("cannot read {shown}: {}", io_reason(&e)))
                .at(Location::File { file: shown.to_string() });
            return (None, vec![d]);
        }
    };
    let sha256 = hex(&Sha256::digest(&bytes));
    let text = match decode(&bytes, norm.encoding, shown) {
        Ok(t) => t,
        Err(d) => return (None, vec![d]),
    };
    read_text(name, &text, shown, norm, sha256)
}

/// Reads decoded text through `norm` (see [`read_dataset`]).
pub fn read_text(name: &str, text: &str, shown: &str, norm: &Norm, sha256: String) -> (Option<Dataset>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut reader = csv::ReaderBuilder::new().delimiter(norm.separator).has_headers(true).flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => {
            diags.push(
                Diagnostic::error(Code::DataFileUnreadable, format!("cannot read the header of {shown}: {e}"))
                    .at(Location::File { file: shown.to_string() }),
            );
            return (None, diags);
        }
    };
    let positions = match map_columns(&header, norm, shown, &mut diags) {
        Some(p) => p,
        None => return (None, diags),
    };
    let mut rows = Vec::new();
    let mut n_problems = 0usize;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
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
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != header.len() {
            n_problems += 1;
            push_capped(
                &mut diags,
                n_problems,
                Diagnostic::error(Code::DataRowWidth, format!("row has {} fields, the header has {}", record.len(), header.len()))
                    .at(Location::Data { file: shown.into(), row: line, field: None }),
            );
            continue;
        }
        let mut values = Vec::with_capacity(norm.fields.len());
        let mut ok = true;
        for (field, pos) in norm.fields.iter().zip(&positions) {
            let raw = pos.and_then(|p| record.get(p)).unwrap_or("").trim();
            match parse_field(raw, field, norm) {
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
    if n_problems > MAX_REPORTED {
        diags.push(
            Diagnostic::error(
                Code::DataInvalidValue,
                format!("{} more problems in this file are not shown ({n_problems} in all)", n_problems - MAX_REPORTED),
            )
            .at(Location::File { file: shown.into() })
            .hint("run `peps validate` on the file for the full report"),
        );
    }
    let dataset = Dataset {
        name: name.to_string(),
        columns: norm.fields.iter().map(|f| f.name.clone()).collect(),
        kinds: norm.fields.iter().map(|f| f.kind.value_kind()).collect(),
        rows,
        file: shown.to_string(),
        sha256,
    };
    (Some(dataset), diags)
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
pub fn shown_value(raw: &str, field: &Field) -> String {
    if field.identifier { format!("[{} masked]", field.name) } else { format!("`{raw}`") }
}

/// Types one raw field as its norm says.
pub fn parse_field(raw: &str, field: &Field, norm: &Norm) -> Result<Value, (Code, String)> {
    if raw.is_empty() {
        return if field.required {
            Err((Code::DataRequiredEmpty, format!("`{}` is required and empty", field.name)))
        } else {
            Ok(Value::Null)
        };
    }
    let bad = |what: &str| (Code::DataInvalidValue, format!("{} is not {what}", shown_value(raw, field)));
    match field.kind {
        FieldKind::Text => Ok(Value::Text(raw.to_string())),
        FieldKind::Integer => {
            if raw.bytes().enumerate().all(|(i, b)| b.is_ascii_digit() || (i == 0 && b == b'-')) && raw != "-" {
                raw.parse::<i64>().map(|n| Value::Number(Decimal::from(n))).map_err(|_| bad("an integer"))
            } else {
                Err(bad("an integer"))
            }
        }
        FieldKind::Decimal => parse_local_decimal(raw, norm.decimal_separator)
            .map(Value::Number)
            .ok_or_else(|| bad(&format!("a decimal number (decimal separator `{}`)", norm.decimal_separator))),
        FieldKind::Date => NaiveDate::parse_from_str(raw, &norm.date_format)
            .map(Value::Date)
            .map_err(|_| bad(&format!("a calendar date ({})", human_date_format(&norm.date_format)))),
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
                Ok(Value::Text(raw.to_string()))
            } else {
                let mut msg = format!("{} is not one of {}", shown_value(raw, field), field.values.join(", "));
                if let Some(c) = did_you_mean(raw, field.values.iter().map(String::as_str)) {
                    msg.push_str(&format!(" (did you mean `{c}`?)"));
                }
                Err((Code::DataInvalidValue, msg))
            }
        }
    }
}

/// A decimal written with `sep` as decimal separator and no thousands separator.
pub fn parse_local_decimal(raw: &str, sep: char) -> Option<Decimal> {
    let s = if sep == '.' {
        raw.to_string()
    } else if raw.contains('.') {
        return None;
    } else {
        raw.replace(sep, ".")
    };
    crate::tomlread::parse_decimal(&s)
}

/// `%d/%m/%Y` as people write it: `JJ/MM/AAAA`.
pub fn human_date_format(fmt: &str) -> String {
    fmt.replace("%d", "JJ").replace("%m", "MM").replace("%Y", "AAAA")
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}
