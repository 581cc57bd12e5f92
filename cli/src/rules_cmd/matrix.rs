//! The cross-year matrix: one case evaluated under every year's rulebook, its data brought into
//! each year, one column per year and one row per output. `peps rules matrix` prints it; the
//! blessed matrices of the examples are snapshots (`snapshots/years_<case>.snap`) that
//! `peps rules regress` and the test suite compare against.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use peps_engine::case::CaseOptions;
use peps_engine::case::shared::SharedReads;
use peps_engine::eval::{Evaluation, evaluate};
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;

use crate::args::RulesArgs;
use crate::exit::{EXIT_FINDINGS, EXIT_IO, EXIT_OK};
use crate::language::Say;
use crate::report::Sources;
use crate::say;
use crate::workspace::{exit_code, load_year, print_diagnostics, rules_root, years};

mod xlsx;

#[derive(clap::Args, Debug)]
pub struct MatrixArgs {
    #[command(flatten)]
    rules: RulesArgs,
    /// Keep each case's dates (by default its data are brought into each year)
    #[arg(long)]
    keep_dates: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = MatrixFormat::Table)]
    format: MatrixFormat,
    #[command(flatten)]
    output: crate::xlsx::OutputArgs,
    /// Replace an existing output file
    #[arg(long)]
    force: bool,
    /// Number style of the table
    #[arg(long, value_enum, env = "PEPS_LOCALE", default_value_t = crate::format::Locale::Fr)]
    locale: crate::format::Locale,
    /// The case folders
    #[arg(required = true)]
    cases: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MatrixFormat {
    Table,
    /// A workbook for spreadsheets: one sheet per case, values as numbers (needs -o FILE on a terminal)
    Xlsx,
}

pub fn run(args: &MatrixArgs) -> u8 {
    let books = match load_every_year(&args.rules) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let options = CaseOptions { keep_dates: args.keep_dates, ..CaseOptions::default() };
    let mut out = String::new();
    let mut sheets = Vec::new();
    for case in &args.cases {
        if !case.is_dir() {
            say::error(msg!("cli-no-case-folder", dir = case.display().to_string()));
            return EXIT_IO;
        }
        if args.format == MatrixFormat::Xlsx {
            sheets.push((case.clone(), columns(&books, case, options)));
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        let mut shown = columns(&books, case, options);
        for column in &mut shown {
            for value in column.values.values_mut() {
                *value = for_people(value, args.locale);
            }
        }
        out.push_str(&matrix(&case.display().to_string(), &shown));
    }
    let read: Vec<&Path> = args.cases.iter().map(PathBuf::as_path).collect();
    let destination = args.output.destination(args.force, &read, &[&args.rules]);
    if args.format == MatrixFormat::Xlsx {
        return destination.book(xlsx::book(&books, &sheets), EXIT_OK);
    }
    destination.text(&out).map_or_else(|code| code, |()| EXIT_OK)
}

/// Every year's rulebook under the rules folder, in year order; the diagnostics of a year that
/// does not load are printed and give the exit code.
pub(super) fn load_every_year(rules: &RulesArgs) -> Result<Vec<Rulebook>, u8> {
    let root = rules_root(rules);
    let found = years(&root);
    if found.is_empty() {
        say::error(msg!("cli-no-rulebook-under", root = root.display().to_string()));
        return Err(EXIT_IO);
    }
    let mut sources = Sources::default();
    let mut books = Vec::new();
    for y in found {
        let (rb, diags) = load_year(rules, y, &mut sources);
        match rb {
            Some(rb) => books.push(rb),
            None => {
                print_diagnostics(&diags, &sources);
                return Err(exit_code(&diags).max(EXIT_FINDINGS));
            }
        }
    }
    Ok(books)
}

/// One year's evaluation of a case: output values by name, in order, and what went wrong.
pub(super) struct Column {
    pub(super) year: i32,
    names: Vec<String>,
    pub(super) values: BTreeMap<String, String>,
    notes: Vec<String>,
}

/// A cell as a person reads it in the run's language (`66 129,08`, `oui`), or as it is with
/// `--locale plain`; the blessed matrices keep the JSON text.
fn for_people(cell: &str, locale: crate::format::Locale) -> String {
    match cell {
        _ if locale == crate::format::Locale::Plain => cell.to_string(),
        "true" => msg!("cli-docs-yes").say(),
        "false" => msg!("cli-docs-no").say(),
        _ if cell.parse::<rust_decimal::Decimal>().is_ok() => crate::format::number(cell, locale),
        _ => cell.to_string(),
    }
}

/// A value as the matrix shows it: the JSON text of the value, `∅` for null.
fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "∅".to_string(),
        other => other.to_string(),
    }
}

/// The case under every year, each of its data files read once for the years that read it the
/// same way.
pub(super) fn columns(books: &[Rulebook], case: &Path, options: CaseOptions) -> Vec<Column> {
    let here = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
    let mut shared = SharedReads::default();
    books
        .iter()
        .map(|rb| {
            let (loaded, diags) = rb.cases().load_sharing(case, options, &mut shared);
            let mut col = Column { year: rb.year(), names: Vec::new(), values: BTreeMap::new(), notes: Vec::new() };
            let errors: Vec<String> =
                diags.iter().filter(|d| d.is_error()).map(|d| note(d.code.as_str(), &d.message.say(), &here)).collect();
            match loaded.filter(|_| errors.is_empty()) {
                Some(c) => fill(&mut col, &evaluate(rb, &c), &here),
                None => col.notes = errors,
            }
            col
        })
        .collect()
}

fn note(code: &str, message: &str, here: &str) -> String {
    let message = if here.is_empty() { message.to_string() } else { message.replace(here, "[REPO]") };
    format!("{code} {message}")
}

fn fill(col: &mut Column, e: &Evaluation, here: &str) {
    let json = serde_json::to_value(e).unwrap_or_default();
    for o in json["outputs"].as_array().into_iter().flatten() {
        let name = o["name"].as_str().unwrap_or_default().to_string();
        col.values.insert(name.clone(), cell(&o["value"]));
        col.names.push(name);
    }
    let [eligible, total, assumed] = extra_rows();
    col.values.insert(eligible, cell(&json["eligible"]));
    col.values.insert(total, cell(&json["total"]));
    col.values.insert(assumed, cell(&json["assumed_count"]));
    for c in &e.failed_checks {
        col.notes.push(msg!("cli-matrix-fails-check", key = &c.key).say());
    }
    for d in &e.diagnostics {
        col.notes.push(note(d.code.as_str(), &d.message.say(), here));
    }
}

/// The rows after the outputs: the eligibility, the total and the count of assumed items.
fn extra_rows() -> [String; 3] {
    [msg!("cli-matrix-eligible"), msg!("cli-matrix-total"), msg!("cli-matrix-assumed")].map(|m| m.say())
}

/// The union of the outputs' names, each year's order merged in (a name new in a year goes right
/// after the name it follows there).
fn merged_names(columns: &[Column]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for col in columns {
        let mut after: Option<usize> = None;
        for n in &col.names {
            match names.iter().position(|x| x == n) {
                Some(i) => after = Some(i),
                None => {
                    let at = after.map_or(0, |i| i + 1);
                    names.insert(at, n.clone());
                    after = Some(at);
                }
            }
        }
    }
    names
}

/// The rows of the matrix: every output, then the eligibility, the total and the count of
/// assumed items.
pub(super) fn row_names(columns: &[Column]) -> Vec<String> {
    let mut rows: Vec<String> = merged_names(columns);
    rows.extend(extra_rows());
    rows
}

/// The matrix as text: a title, a header of years, a row per output, then the notes.
pub(super) fn matrix(case: &str, columns: &[Column]) -> String {
    let rows = row_names(columns);
    let width = rows.iter().map(|r| r.chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = columns
        .iter()
        .map(|c| rows.iter().map(|r| c.values.get(r).map_or(1, |v| v.chars().count())).max().unwrap_or(1).max(c.year.to_string().len()))
        .collect();
    let mut out = format!("{}\n\n", msg!("cli-matrix-title", case = case).say());
    out.push_str(&format!("{:<width$}", msg!("cli-matrix-output").say()));
    for (c, w) in columns.iter().zip(&widths) {
        out.push_str(&format!("  {:>w$}", c.year));
    }
    out.push('\n');
    for r in &rows {
        let mut line = format!("{r:<width$}");
        for (c, w) in columns.iter().zip(&widths) {
            line.push_str(&format!("  {:>w$}", c.values.get(r).map_or("—", String::as_str)));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let notes: Vec<String> = columns.iter().flat_map(|c| c.notes.iter().map(move |n| format!("{}: {n}", c.year))).collect();
    if !notes.is_empty() {
        out.push('\n');
        for n in notes {
            out.push_str(&format!("{n}\n"));
        }
    }
    out
}
