//! `--format xlsx`: a real spreadsheet for people, written with `rust_xlsxwriter`. This file holds
//! what every workbook shares — the cell formats (euros, percentages, dates), a sheet with its
//! frozen header row, its filter and its column widths, and where the file goes (`-o FILE`, never
//! a terminal); each command writes its own sheets in its `xlsx` module (`compute/xlsx.rs`,
//! `batch/xlsx.rs`, `schedule/xlsx.rs`, `impact/xlsx.rs`, `impact/sweep/xlsx.rs`,
//! `rules_cmd/matrix/xlsx.rs`), one function per table, beside the types it reads.
//!
//! A figure is a number cell, never text: an exact decimal becomes an `f64` for the cell (the
//! only number type of a spreadsheet), and the cell's format rounds what is shown to the cent;
//! the JSON output keeps the exact decimal. Number formats are written in Excel's
//! locale-independent codes (`#,##0.00 "€"`), which a French spreadsheet shows `1 234,50 €`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use peps_engine::message::Message;
use peps_engine::msg;
use peps_engine::value::{Unit, Value};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{ColNum, ExcelDateTime, Format, FormatBorder, RowNum, Workbook, Worksheet, XlsxError};

use crate::args::RulesArgs;
use crate::language::Say;

/// The format code of an amount in euros: `1 234,50 €` in a French spreadsheet.
const EUR: &str = "#,##0.00 \"€\"";
/// A rate as a percentage with the digits it has, at least two (`12,50 %`, `116,6063 %`).
const PERCENT: &str = "0.00## %";
/// A day: `31/12/2025`.
const DATE: &str = "dd/mm/yyyy";
/// The widest a column is made, in characters: longer labels are read in the cell itself.
const MAX_WIDTH: usize = 60;
/// The most characters a cell of a spreadsheet holds.
const MAX_TEXT: usize = 32_767;

/// `-o FILE`: the file the output is written to rather than the standard output.
#[derive(clap::Args, Debug, Clone)]
pub struct OutputArgs {
    /// Write the output to this file (needed for --format xlsx unless the output is redirected)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl OutputArgs {
    /// Where this run writes: `force` replaces an existing file; `read` (case folders, data
    /// files) and the rule and norm files of `rules` are never written over.
    pub fn destination(&self, force: bool, read: &[&Path], rules: &[&RulesArgs]) -> Destination {
        let mut inputs = Vec::new();
        if self.output.is_some() {
            for path in read {
                files_under(path, 3, &mut inputs);
            }
            inputs.extend(rules.iter().flat_map(|r| crate::output::rule_and_norm_files(r)));
        }
        Destination { path: self.output.clone(), force, inputs }
    }
}

/// Every file under `path` (itself when it is a file), `depth` folders down at most: a folder of
/// cases holds case folders.
fn files_under(path: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else { return };
    for entry in entries.flatten() {
        let p = entry.path();
        if !p.is_dir() {
            out.push(p);
        } else if depth > 0 {
            files_under(&p, depth - 1, out);
        }
    }
}

/// Where a command's output goes: the standard output, or a file written atomically.
pub struct Destination {
    path: Option<PathBuf>,
    force: bool,
    inputs: Vec<PathBuf>,
}

impl Destination {
    /// Writes a text output; `Err` holds the exit code when the file could not be written.
    pub fn text(&self, text: &str) -> Result<(), u8> {
        match &self.path {
            None => {
                crate::say::emit(text);
                Ok(())
            }
            Some(path) => self.file(path, text.as_bytes()),
        }
    }

    /// Writes a workbook and gives `code`, or the exit code of the failure: a workbook is binary,
    /// so it goes to `-o FILE` or to a redirected output, never to a terminal.
    pub fn book(&self, book: Result<Vec<u8>, XlsxError>, code: u8) -> u8 {
        if let Err(code) = self.binary() {
            return code;
        }
        let bytes = match book {
            Ok(b) => b,
            Err(e) => {
                crate::say::error(msg!("cli-xlsx-failed", reason = e.to_string()));
                return crate::exit::EXIT_IO;
            }
        };
        let written = match &self.path {
            Some(path) => self.file(path, &bytes),
            None => {
                use std::io::Write;
                // A closed pipe is not an error (as for text).
                let _ = std::io::stdout().lock().write_all(&bytes);
                Ok(())
            }
        };
        written.map_or_else(|c| c, |()| code)
    }

    /// Refuses a binary output on a terminal; a long run asks before it starts.
    pub fn binary(&self) -> Result<(), u8> {
        if self.path.is_none() && std::io::stdout().is_terminal() {
            crate::say::error(msg!("cli-xlsx-terminal"));
            return Err(crate::exit::EXIT_IO);
        }
        Ok(())
    }

    fn file(&self, path: &Path, bytes: &[u8]) -> Result<(), u8> {
        crate::output::write_atomic(path, bytes, self.force, &self.inputs, false).map_err(|e| {
            crate::say::error(e.message());
            crate::exit::EXIT_IO
        })
    }
}

/// A workbook being written, with the formats its cells share.
pub struct Book {
    workbook: Workbook,
    formats: Formats,
}

struct Formats {
    header: Format,
    eur: Format,
    eur_bold: Format,
    percent: Format,
    date: Format,
    plain: Format,
    bold: Format,
}

impl Book {
    pub fn new() -> Book {
        let header = Format::new().set_bold().set_border_bottom(FormatBorder::Thin).set_background_color(0xDDEBF7).set_text_wrap();
        Book {
            workbook: Workbook::new(),
            formats: Formats {
                header,
                eur: Format::new().set_num_format(EUR),
                eur_bold: Format::new().set_num_format(EUR).set_bold(),
                percent: Format::new().set_num_format(PERCENT),
                date: Format::new().set_num_format(DATE),
                plain: Format::new(),
                bold: Format::new().set_bold(),
            },
        }
    }

    /// A new sheet named `name` (cut to the 31 characters a sheet name may have, the characters
    /// it may not hold replaced, made unique), its header row written, frozen and filtered.
    pub fn sheet(&mut self, name: impl Into<Message>, headers: &[Message]) -> Result<Sheet<'_>, XlsxError> {
        let wanted = sheet_name(&name.into().say());
        let mut unique = wanted.clone();
        let mut n = 2;
        while self.workbook.worksheets().iter().any(|w| w.name().eq_ignore_ascii_case(&unique)) {
            let suffix = format!(" ({n})");
            unique = format!("{}{suffix}", wanted.chars().take(31 - suffix.chars().count()).collect::<String>());
            n += 1;
        }
        let Book { workbook, formats } = self;
        let ws = workbook.add_worksheet();
        ws.set_name(unique)?;
        let mut sheet = Sheet { ws, formats, row: 0, widths: vec![0; headers.len()], columns: headers.len() };
        for (col, h) in headers.iter().enumerate() {
            let text = h.say();
            // A header wraps in its cell; its longest word sets the least width.
            let longest = text.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
            sheet.widen(col, longest);
            sheet.ws.write_string_with_format(0, col as ColNum, text, &sheet.formats.header)?;
        }
        sheet.ws.set_freeze_panes(1, 0)?;
        sheet.row = 1;
        Ok(sheet)
    }

    /// The bytes of the `.xlsx` file.
    pub fn finish(mut self) -> Result<Vec<u8>, XlsxError> {
        self.workbook.save_to_buffer()
    }
}

/// A sheet name as spreadsheets accept it: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().map(|c| if "[]:*?/\\".contains(c) { '_' } else { c }).take(31).collect();
    let clean = clean.trim_matches('\'').trim().to_string();
    if clean.is_empty() { "_".to_string() } else { clean }
}

/// One sheet: a header row, then a row at a time. Its columns are made as wide as what they
/// hold (within reason) when it is dropped.
pub struct Sheet<'a> {
    ws: &'a mut Worksheet,
    formats: &'a Formats,
    /// The row being written (0 is the header).
    row: RowNum,
    widths: Vec<usize>,
    columns: usize,
}

impl Sheet<'_> {
    fn widen(&mut self, col: usize, chars: usize) {
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        self.widths[col] = self.widths[col].max(chars);
    }

    fn at(&self, col: usize) -> (RowNum, ColNum) {
        (self.row, col as ColNum)
    }

    /// Goes to the next row.
    pub fn next(&mut self) {
        self.row += 1;
    }

    /// A text cell (cut to what a cell holds).
    pub fn text(&mut self, col: usize, text: impl AsRef<str>) -> Result<(), XlsxError> {
        let text = text.as_ref();
        let text: String = if text.chars().count() > MAX_TEXT { text.chars().take(MAX_TEXT).collect() } else { text.to_string() };
        let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        self.widen(col, longest);
        let (r, c) = self.at(col);
        self.ws.write_string_with_format(r, c, text, &self.formats.plain)?;
        Ok(())
    }

    /// A text cell in bold (a total's label).
    pub fn bold(&mut self, col: usize, text: impl AsRef<str>) -> Result<(), XlsxError> {
        let text = text.as_ref();
        self.widen(col, text.chars().count());
        let (r, c) = self.at(col);
        self.ws.write_string_with_format(r, c, text, &self.formats.bold)?;
        Ok(())
    }

    /// An amount in euros. The cell is an `f64`: the format shows it rounded to the cent, the
    /// JSON output keeps the exact decimal.
    pub fn money(&mut self, col: usize, amount: Decimal) -> Result<(), XlsxError> {
        self.number_with(col, amount, Unit::Eur, false)
    }

    /// A total in euros, in bold.
    pub fn money_total(&mut self, col: usize, amount: Decimal) -> Result<(), XlsxError> {
        self.number_with(col, amount, Unit::Eur, true)
    }

    /// A number in its unit: euros, a rate as a percentage, any other as it is. The cell is an
    /// `f64` (see [`Sheet::money`]).
    pub fn number(&mut self, col: usize, n: Decimal, unit: Unit) -> Result<(), XlsxError> {
        self.number_with(col, n, unit, false)
    }

    fn number_with(&mut self, col: usize, n: Decimal, unit: Unit, total: bool) -> Result<(), XlsxError> {
        let (format, shown) = match unit {
            Unit::Eur => (if total { &self.formats.eur_bold } else { &self.formats.eur }, money_width(n)),
            Unit::Rate => (&self.formats.percent, n.normalize().to_string().len() + 3),
            _ => (if total { &self.formats.bold } else { &self.formats.plain }, n.normalize().to_string().len() + 1),
        };
        self.widen(col, shown);
        let (r, c) = self.at(col);
        self.ws.write_number_with_format(r, c, to_f64(n), format)?;
        Ok(())
    }

    /// A count.
    pub fn count(&mut self, col: usize, n: u64) -> Result<(), XlsxError> {
        self.number(col, Decimal::from(n), Unit::Count)
    }

    /// A day, as a date cell.
    pub fn date(&mut self, col: usize, d: NaiveDate) -> Result<(), XlsxError> {
        self.widen(col, 10);
        let day = ExcelDateTime::from_ymd(u16::try_from(d.year()).unwrap_or(1900), d.month() as u8, d.day() as u8)?;
        let (r, c) = self.at(col);
        self.ws.write_date_with_format(r, c, &day, &self.formats.date)?;
        Ok(())
    }

    /// A yes or no, as a boolean cell (which a spreadsheet shows in its own language).
    pub fn boolean(&mut self, col: usize, b: bool) -> Result<(), XlsxError> {
        self.widen(col, 5);
        let (r, c) = self.at(col);
        self.ws.write_boolean_with_format(r, c, b, &self.formats.plain)?;
        Ok(())
    }

    /// A total in its unit, in bold.
    pub fn value_total(&mut self, col: usize, v: &Value, unit: Unit) -> Result<(), XlsxError> {
        match v {
            Value::Number(n) => self.number_with(col, *n, unit, true),
            other => self.value(col, other, unit),
        }
    }

    /// A value of the rules in its unit: a number, a date, a boolean or a text; nothing for null.
    pub fn value(&mut self, col: usize, v: &Value, unit: Unit) -> Result<(), XlsxError> {
        match v {
            Value::Null => Ok(()),
            Value::Bool(b) => self.boolean(col, *b),
            Value::Number(n) => self.number(col, *n, unit),
            Value::Date(d) => self.date(col, *d),
            Value::Text(t) => self.text(col, t.as_str()),
        }
    }
}

impl Drop for Sheet<'_> {
    fn drop(&mut self) {
        // Room for the filter's button beside a header; a long label is read in its cell.
        for (col, w) in self.widths.iter().enumerate() {
            let _ = self.ws.set_column_width(col as ColNum, ((*w).clamp(6, MAX_WIDTH) + 3) as f64);
        }
        if self.row > 1 && self.columns > 0 {
            let _ = self.ws.autofilter(0, 0, self.row - 1, (self.columns - 1) as ColNum);
        }
    }
}

/// An exact decimal as the `f64` a spreadsheet cell holds (within a cent for any amount under
/// 10^13 euros).
fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// How many characters `1 234 567,89 €` takes.
fn money_width(d: Decimal) -> usize {
    let digits = d.trunc().abs().to_string().len();
    digits + (digits.saturating_sub(1)) / 3 + 5 + usize::from(d.is_sign_negative())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_fit_what_spreadsheets_accept() {
        assert_eq!(sheet_name("a/b:c"), "a_b_c");
        assert_eq!(sheet_name(&"x".repeat(40)).chars().count(), 31);
        assert_eq!(sheet_name("''"), "_");
    }

    #[test]
    fn sheets_are_unique_and_amounts_are_numbers() {
        let mut book = Book::new();
        for _ in 0..2 {
            let mut s = book.sheet(Message::text("x".repeat(40)), &[Message::text("a")]).unwrap();
            s.money(0, Decimal::new(123450, 2)).unwrap();
        }
        let names: Vec<String> = book.workbook.worksheets().iter().map(|w| w.name()).collect();
        assert_eq!(names[1].chars().count(), 31);
        assert!(names[1].ends_with(" (2)"), "{names:?}");
        assert_eq!(money_width(Decimal::new(-123456789, 2)), "-1 234 567,89 €".chars().count());
        assert!(!book.finish().unwrap().is_empty());
    }
}
