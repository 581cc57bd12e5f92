//! `rules matrix --format xlsx`: one sheet per case (a row per output with its label, a column
//! per year, each value a number, a date or a yes/no in the output's unit), and a sheet of what
//! went wrong in a year.

use std::path::PathBuf;

use chrono::NaiveDate;
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;
use peps_engine::value::{Unit, Value};
use rust_decimal::Decimal;
use rust_xlsxwriter::XlsxError;

use super::{Column, extra_rows, row_names};
use crate::xlsx::{Book, Sheet};

/// The workbook of the matrices of `cases`, each with its columns.
pub(super) fn book(books: &[Rulebook], cases: &[(PathBuf, Vec<Column>)]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Book::new();
    for (case, columns) in cases {
        let name = case.file_name().map_or_else(|| case.display().to_string(), |n| n.to_string_lossy().into_owned());
        let mut headers = vec![msg!("xlsx-col-output")];
        headers.extend(columns.iter().map(|c| c.year.to_string().into()));
        headers.push(msg!("xlsx-col-name"));
        let mut s = book.sheet(name, &headers)?;
        let [eligible, total, assumed] = extra_rows();
        for row in row_names(columns) {
            // The latest year that has the output gives its label and unit.
            let step = books.iter().rev().find_map(|rb| rb.steps_in_order().find(|s| s.def.name == row).map(|s| (rb, s)));
            let (label, unit, name) = match step {
                Some((rb, s)) => (rb.render_label(&s.def.label), s.unit, row.as_str()),
                None if row == eligible => (row.clone(), Unit::Bool, ""),
                None if row == total => (row.clone(), Unit::Eur, ""),
                None if row == assumed => (row.clone(), Unit::Count, ""),
                None => (row.clone(), Unit::Text, ""),
            };
            s.text(0, label)?;
            for (k, c) in columns.iter().enumerate() {
                if let Some(v) = c.values.get(&row) {
                    cell(&mut s, 1 + k, v, unit)?;
                }
            }
            s.text(1 + columns.len(), name)?;
            s.next();
        }
    }
    let mut s = book.sheet(msg!("xlsx-sheet-notes"), &[msg!("xlsx-col-case"), msg!("xlsx-col-year"), msg!("xlsx-col-note")])?;
    for (case, columns) in cases {
        for c in columns {
            for note in &c.notes {
                s.text(0, case.display().to_string())?;
                s.count(1, u64::try_from(c.year).unwrap_or_default())?;
                s.text(2, note)?;
                s.next();
            }
        }
    }
    drop(s);
    book.finish()
}

/// A value of the matrix (the JSON text of the evaluation's value) as a typed cell: a number in
/// the output's unit, a date, a yes/no, else its text (`∅` for a null stays text).
fn cell(s: &mut Sheet<'_>, col: usize, text: &str, unit: Unit) -> Result<(), XlsxError> {
    let value = if let Ok(n) = text.parse::<Decimal>() {
        Value::Number(n)
    } else if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Value::Date(d)
    } else {
        match text {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => return s.text(col, text),
        }
    };
    s.value(col, &value, unit)
}
