//! `peps compute` over a folder of case folders: one row per case and the totals, every core
//! busy, one case in memory per thread at a time, so memory follows the largest case, not the
//! whole run.
//!
//! The rows come out in the order of the folder names and the totals are exact decimal sums in
//! that order, so the result is byte-identical whatever the number of threads. `--outputs` adds
//! chosen outputs (or all of them) to every row.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use peps_engine::case::CaseOptions;
use peps_engine::diagnostic::{Code, Diagnostic, Location};
use peps_engine::msg;
use peps_engine::rulebook::{CaseReader, Rulebook};
use peps_engine::value::{Unit, Value};
use rayon::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::args::{Format, RulesArgs};
use crate::case_folders::{Found, case_folders};
use crate::case_row::{CaseRow, failed_row, guarded, leaves_rows_out};
use crate::exit::{EXIT_FINDINGS, EXIT_IO};
use crate::format::{Locale, human};
use crate::language::Say;
use crate::report::Sources;
use crate::say;
use crate::workspace::{exit_code, load_year, print_diagnostics};

mod xlsx;

/// What a batch run is asked.
pub struct BatchArgs<'a> {
    pub rules: &'a RulesArgs,
    pub year: i32,
    pub dir: &'a Path,
    pub format: Format,
    pub locale: Locale,
    pub options: CaseOptions,
    pub threads: usize,
    pub timings: bool,
    /// Outputs given for each case besides the total and its components: names, or `all`.
    pub outputs: &'a [String],
    /// The cases come from national files rather than from case folders.
    pub national: Option<&'a crate::national::NationalArgs>,
    /// `--columns`: the CSV's columns, each `NAME` or `HEADER=NAME` (then no totals line).
    pub columns: &'a [String],
    /// The CSV's field separator.
    pub delimiter: u8,
    /// Where the result goes (`-o FILE`).
    pub out: &'a crate::xlsx::Destination,
    /// `--names`: the table shows each component's rule name beside its label.
    pub names: bool,
}

/// The totals of a run.
#[derive(Debug, Serialize)]
pub struct Totals {
    pub cases: usize,
    pub eligible: usize,
    pub errors: usize,
    pub total: Decimal,
    pub components: Vec<Decimal>,
    pub rows: Vec<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows_left_out: Vec<u64>,
}

#[derive(Serialize)]
struct Report<'a> {
    year: i32,
    rulebook: &'a str,
    total_name: &'a str,
    /// The names of `components` in every row.
    components: Vec<&'a str>,
    /// The names of `rows` in every row.
    datasets: Vec<&'a str>,
    /// The names of `outputs` in every row, when outputs were asked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    outputs: Vec<&'a str>,
    cases: &'a [CaseRow],
    totals: &'a Totals,
    /// The national files read, with the SHA-256 of each whole file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    inputs: Vec<InputFile<'a>>,
}

/// A national file of the run, as the JSON report names it.
#[derive(Serialize)]
struct InputFile<'a> {
    input: &'a str,
    file: &'a str,
    rows: u64,
    sha256: &'a str,
}

/// How the cases of a run were read: wall and CPU time of the phases before the evaluation.
#[derive(Default)]
struct RunTimes {
    load: (Duration, Duration),
    cut: Option<(Duration, Duration)>,
    again: Option<(usize, Duration, Duration)>,
    cases: (Duration, Duration),
}

pub fn run(args: &BatchArgs<'_>) -> u8 {
    let started = Instant::now();
    let mut sources = Sources::default();
    let (rb, diags) = load_year(args.rules, args.year, &mut sources);
    let Some(rb) = rb else {
        print_diagnostics(&diags, &sources);
        return exit_code(&diags).max(EXIT_FINDINGS);
    };
    let loaded = started.elapsed();
    let wanted = match wanted_outputs(&rb, args.outputs) {
        Ok(w) => w,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_IO;
        }
    };
    let pool = match crate::parallel::pool(args.threads) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut times = RunTimes { load: (loaded, crate::cpu::process()), ..RunTimes::default() };
    let (cases_wall, cases_cpu) = (Instant::now(), crate::cpu::process());
    // The validators of the data files, compiled once for every case.
    let readers = rb.cases();
    let (rows, mut all_diags, files) = match args.national {
        Some(national) => {
            let given = match crate::national::inputs(&rb, national) {
                Ok(g) => g,
                Err(message) => {
                    eprintln!("error: {message}");
                    return EXIT_IO;
                }
            };
            match crate::national::run(&rb, &readers, national, &given, &pool, args.options, &wanted) {
                Ok(run) => {
                    times.cut = run.cut;
                    times.again = run.again;
                    (run.rows, run.diagnostics, run.files)
                }
                Err(diags) => {
                    print_diagnostics(&diags, &sources);
                    return exit_code(&diags).max(EXIT_FINDINGS);
                }
            }
        }
        None => match folder_rows(&rb, &readers, args, &pool, &wanted) {
            Ok(rows) => (rows, Vec::new(), Vec::new()),
            Err(code) => return code,
        },
    };
    times.cases = (cases_wall.elapsed(), crate::cpu::process().saturating_sub(cases_cpu));
    if let Some((w, c)) = times.cut {
        times.cases = (times.cases.0.saturating_sub(w), times.cases.1.saturating_sub(c));
    }
    let columns = match CsvShape::new(&rb, args, &wanted) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_IO;
        }
    };

    // Errors in full; warnings (rows a norm allows but reports, codes billable outside the
    // rulebook's list...) summed up per code: thousands of cases would drown the errors in them.
    for row in &rows {
        all_diags.extend(row.diagnostics.iter().filter(|d| d.is_error()).cloned());
    }
    print_diagnostics(&all_diags, &sources);
    if let Some(summary) = warnings_summary(&rows) {
        eprintln!("{summary}");
    }
    let totals = totals(&rb, &rows);
    let text = match args.format {
        Format::Json => crate::json::json(&Report {
            year: rb.year(),
            rulebook: rb.label(),
            total_name: &rb.total_step().def.name,
            components: component_names(&rb),
            datasets: rb.datasets().iter().map(|d| d.name.as_str()).collect(),
            outputs: wanted.iter().map(String::as_str).collect(),
            cases: &rows,
            totals: &totals,
            inputs: files.iter().map(|f| InputFile { input: &f.input, file: &f.shown, rows: f.rows, sha256: &f.sha256 }).collect(),
        }),
        Format::Csv => csv(&rb, &rows, &totals, &wanted, &columns),
        Format::Table | Format::Html => table(&rb, &rows, &totals, &wanted, args.locale, args.names),
        Format::Xlsx => String::new(),
    };
    let written = match args.format {
        Format::Xlsx => args.out.book(xlsx::book(&rb, &rows, &totals, &wanted), crate::exit::EXIT_OK),
        _ => args.out.text(&text).map_or_else(|code| code, |()| crate::exit::EXIT_OK),
    };
    if args.timings {
        eprint!("{}", timings(&rb, &rows, &totals, &times, started.elapsed(), pool.current_num_threads()));
    }
    let code = if totals.errors > 0 { exit_code(&all_diags).max(crate::exit::EXIT_FINDINGS) } else { exit_code(&all_diags) };
    code.max(written)
}

/// The outputs `--outputs` names, checked against the rulebook's steps: `all` is every step in
/// evaluation order.
fn wanted_outputs(rb: &Rulebook, asked: &[String]) -> Result<Vec<String>, String> {
    let steps: Vec<&str> = rb.steps_in_order().map(|s| s.def.name.as_str()).collect();
    if asked.iter().any(|a| a == "all") {
        return Ok(steps.iter().map(|s| s.to_string()).collect());
    }
    let mut out = Vec::new();
    for a in asked.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
        if !steps.contains(&a) {
            return Err(match peps_engine::diagnostic::did_you_mean(a, steps.iter().copied()) {
                Some(c) => msg!("cli-batch-no-output-suggest", year = rb.year(), name = a, suggestion = c),
                None => msg!("cli-batch-no-output", year = rb.year(), name = a),
            }
            .say());
        }
        out.push(a.to_string());
    }
    Ok(out)
}

fn human_amount(amount: Decimal, locale: Locale) -> String {
    human(&Value::Number(amount), Unit::Eur, locale)
}

fn component_names(rb: &Rulebook) -> Vec<&str> {
    rb.components().map(|s| s.def.name.as_str()).collect()
}

/// Every case folder of `args.dir`, read and evaluated on `pool`; a folder holding data but no
/// case file gets its row (D234), as does a case whose reading or evaluation panics (D236).
fn folder_rows(
    rb: &Rulebook,
    readers: &CaseReader<'_>,
    args: &BatchArgs<'_>,
    pool: &rayon::ThreadPool,
    wanted: &[String],
) -> Result<Vec<CaseRow>, u8> {
    let folders = match case_folders(args.dir, rb) {
        Ok(f) if f.iter().any(|f| matches!(f, Found::Case(_))) => f,
        Ok(_) => {
            say::error(msg!("cli-batch-no-case-folder", dir = args.dir.display().to_string(), file = rb.case_file()));
            return Err(EXIT_IO);
        }
        Err(e) => {
            say::error(msg!("cli-batch-cannot-list", dir = args.dir.display().to_string(), reason = e.to_string()));
            return Err(EXIT_IO);
        }
    };
    let bar = crate::parallel::progress(folders.len() as u64, "cases");
    // Cases are read on every core at once: each file on its case's thread.
    let options = CaseOptions { one_thread: true, ..args.options };
    let rows = pool.install(|| {
        folders
            .par_iter()
            // A reader of its own per thread's share of the cases (see `CaseReader`).
            .map_init(
                || readers.clone(),
                |readers, found| {
                    let dir = found.path();
                    let folder = dir.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    let row = match found {
                        Found::Case(_) => guarded(rb, folder, dir.display().to_string(), || readers.load(dir, options), wanted),
                        Found::NoCaseFile(_) => no_case_file(rb, folder, dir),
                    };
                    bar.inc(1);
                    row
                },
            )
            .collect()
    });
    bar.finish_and_clear();
    Ok(rows)
}

/// The row of a folder that holds data but not the rulebook's case file.
fn no_case_file(rb: &Rulebook, folder: String, dir: &Path) -> CaseRow {
    let shown = dir.display().to_string();
    let d = Diagnostic::error(Code::CaseFileMissing, msg!("cli-batch-no-case-file", folder = &shown, file = rb.case_file()))
        .at(Location::File { file: shown })
        .hint(msg!("cli-batch-no-case-file-hint", file = rb.case_file()));
    failed_row(rb, folder, vec![d])
}

/// One line per warning code: how many cases have it (`compute` on one case shows them).
fn warnings_summary(rows: &[CaseRow]) -> Option<String> {
    let mut codes: std::collections::BTreeMap<peps_engine::diagnostic::Code, usize> = std::collections::BTreeMap::new();
    for row in rows {
        let mut seen: Vec<_> = row.diagnostics.iter().filter(|d| !d.is_error()).map(|d| d.code).collect();
        seen.sort();
        seen.dedup();
        for code in seen {
            *codes.entry(code).or_default() += 1;
        }
    }
    if codes.is_empty() {
        return None;
    }
    let warned = rows.iter().filter(|r| r.diagnostics.iter().any(|d| !d.is_error())).count();
    let mut out = msg!("cli-batch-warnings", warned = warned, cases = rows.len()).say();
    for (code, n) in codes {
        let line = msg!("cli-batch-warning-code", code = crate::report::code_id(code), cases = n, summary = code.summary());
        out.push_str(&format!("\n{}", crate::width::wrap_indented(&line.say(), crate::width::columns(), "  ", 4)));
    }
    Some(out)
}

fn totals(rb: &Rulebook, rows: &[CaseRow]) -> Totals {
    let mut t = Totals {
        cases: rows.len(),
        eligible: 0,
        errors: 0,
        total: Decimal::ZERO,
        components: vec![Decimal::ZERO; rb.components().len()],
        rows: vec![0; rb.datasets().len()],
        rows_left_out: if leaves_rows_out(rb) { vec![0; rb.datasets().len()] } else { Vec::new() },
    };
    for row in rows {
        t.eligible += usize::from(row.eligible);
        t.errors += usize::from(row.status == "error");
        t.total += row.total;
        for (sum, v) in t.components.iter_mut().zip(&row.components) {
            *sum += *v;
        }
        for (sum, n) in t.rows.iter_mut().zip(&row.rows) {
            *sum += *n;
        }
        for (sum, n) in t.rows_left_out.iter_mut().zip(&row.rows_left_out) {
            *sum += *n;
        }
    }
    t
}

/// The CSV's shape: `--columns` picks and renames columns (then there is no totals line, so
/// that other tools read one row per case), `--delimiter` separates them.
struct CsvShape {
    /// (header, column of the full CSV) in the order asked; empty: every column.
    columns: Vec<(String, String)>,
    delimiter: u8,
}

impl CsvShape {
    fn new(rb: &Rulebook, args: &BatchArgs<'_>, wanted: &[String]) -> Result<CsvShape, String> {
        let full = csv_header(rb, wanted, leaves_rows_out(rb));
        let mut columns = Vec::new();
        for spec in args.columns.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            let (header, name) = spec.split_once('=').unwrap_or((spec, spec));
            if !full.iter().any(|c| c == name) {
                return Err(match peps_engine::diagnostic::did_you_mean(name, full.iter().map(String::as_str)) {
                    Some(c) => msg!("cli-batch-no-column-suggest", name = name, suggestion = c),
                    None => msg!("cli-batch-no-column", name = name),
                }
                .say());
            }
            columns.push((header.to_string(), name.to_string()));
        }
        Ok(CsvShape { columns, delimiter: args.delimiter })
    }
}

fn csv_header(rb: &Rulebook, wanted: &[String], left_out: bool) -> Vec<String> {
    let mut header: Vec<String> = ["case", "name", "status", "eligible", "total"].map(String::from).to_vec();
    header.extend(component_names(rb).into_iter().map(String::from));
    header.extend(rb.datasets().iter().map(|d| format!("rows_{}", d.name)));
    header.extend(wanted.iter().cloned());
    if left_out {
        header.extend(rb.datasets().iter().map(|d| format!("left_out_{}", d.name)));
    }
    header.push("errors".to_string());
    header
}

fn csv(rb: &Rulebook, rows: &[CaseRow], totals: &Totals, wanted: &[String], shape: &CsvShape) -> String {
    let mut w = ::csv::WriterBuilder::new().delimiter(shape.delimiter).from_writer(Vec::new());
    let header = csv_header(rb, wanted, !totals.rows_left_out.is_empty());
    let picked: Vec<usize> = shape.columns.iter().filter_map(|(_, name)| header.iter().position(|h| h == name)).collect();
    let pick = |record: Vec<String>| -> Vec<String> {
        if picked.is_empty() { record } else { picked.iter().map(|&i| record.get(i).cloned().unwrap_or_default()).collect() }
    };
    if shape.columns.is_empty() {
        let _ = w.write_record(&header);
    } else {
        let _ = w.write_record(shape.columns.iter().map(|(h, _)| h));
    }
    for r in rows {
        let mut record = vec![r.case.clone(), r.name.clone(), r.status.to_string(), r.eligible.to_string(), r.total.to_string()];
        record.extend(r.components.iter().map(Decimal::to_string));
        record.extend(r.rows.iter().map(u64::to_string));
        // An error row has no outputs: its cells stay empty.
        record.extend((0..wanted.len()).map(|k| r.outputs.get(k).map_or_else(String::new, Value::render)));
        record.extend(r.rows_left_out.iter().map(u64::to_string));
        record.push(r.errors.join(" "));
        let _ = w.write_record(pick(record));
    }
    if shape.columns.is_empty() {
        let mut record = vec!["(total)".to_string(), format!("{} cases", totals.cases), String::new(), totals.eligible.to_string()];
        record.push(totals.total.to_string());
        record.extend(totals.components.iter().map(Decimal::to_string));
        record.extend(totals.rows.iter().map(u64::to_string));
        record.extend(wanted.iter().map(|_| String::new()));
        record.extend(totals.rows_left_out.iter().map(u64::to_string));
        record.push(totals.errors.to_string());
        let _ = w.write_record(&record);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn table(rb: &Rulebook, rows: &[CaseRow], totals: &Totals, wanted: &[String], locale: Locale, names: bool) -> String {
    use crate::width::{pad, width, wrap};
    let mut out = String::new();
    let columns = crate::width::columns();
    let title = msg!("cli-batch-title", rulebook = rb.label(), cases = rows.len()).say();
    let _ = writeln!(out, "{}\n", crate::width::wrap_indented(&title, columns, "", 2));
    let units: Vec<Unit> = wanted.iter().map(|n| rb.steps_in_order().find(|s| s.def.name == *n).map_or(Unit::Number, |s| s.unit)).collect();
    let eligible_cell = |r: &CaseRow| match (r.status, r.eligible) {
        ("error", _) => msg!("cli-batch-cell-error").say(),
        (_, true) => msg!("cli-docs-yes").say(),
        (_, false) => msg!("cli-docs-no").say(),
    };
    // A case in error has no figure: its codes stand in its total's place, never 0.
    let total_cell =
        |r: &CaseRow| if r.status == "error" { r.errors.join(" ") } else { human(&Value::Number(r.total), rb.total_step().unit, locale) };
    let head = [
        msg!("cli-batch-col-case").say(),
        msg!("cli-batch-col-name").say(),
        msg!("cli-batch-col-eligible").say(),
        msg!("cli-batch-col-total").say(),
    ];
    let case_width = rows.iter().map(|r| width(&r.case)).chain([width(&head[0]), 4]).max().unwrap_or(4).min(24);
    let eligible_width = rows.iter().map(|r| width(&eligible_cell(r))).chain([width(&head[2])]).max().unwrap_or(3);
    let total_width = rows.iter().map(|r| width(&total_cell(r))).chain([width(&head[3])]).max().unwrap_or(5);
    let widths: Vec<usize> = wanted.iter().map(|n| width(n).max(12)).collect();
    let fixed = case_width + 1 + 1 + eligible_width + 1 + total_width + widths.iter().map(|w| w + 1).sum::<usize>();
    let longest = rows.iter().map(|r| width(&r.name)).chain([width(&head[1])]).max().unwrap_or(4);
    // The team's name wraps in its column; the figures never do.
    let name_width = longest.min(columns.saturating_sub(fixed)).max(12);
    let right = |text: &str, w: usize| format!("{}{text}", " ".repeat(w.saturating_sub(width(text))));
    let mut line = format!(
        "{} {} {} {}",
        pad(&head[0], case_width),
        pad(&head[1], name_width),
        right(&head[2], eligible_width),
        right(&head[3], total_width)
    );
    for (n, w) in wanted.iter().zip(&widths) {
        let _ = write!(line, " {}", right(n, *w));
    }
    let _ = writeln!(out, "{}", line.trim_end());
    for r in rows {
        let names_lines = wrap(&r.name, name_width);
        let cases_lines = wrap(&r.case, case_width);
        let mut line = format!(
            "{} {} {} {}",
            pad(&cases_lines[0], case_width),
            pad(&names_lines[0], name_width),
            right(&eligible_cell(r), eligible_width),
            right(&total_cell(r), total_width)
        );
        for ((v, u), w) in r.outputs.iter().zip(&units).zip(&widths) {
            let _ = write!(line, " {}", right(&human(v, *u, locale), *w));
        }
        let _ = writeln!(out, "{}", line.trim_end());
        for i in 1..names_lines.len().max(cases_lines.len()) {
            let case = cases_lines.get(i).map_or("", String::as_str);
            let name = names_lines.get(i).map_or("", String::as_str);
            let _ = writeln!(out, "{}", format!("{} {name}", pad(case, case_width)).trim_end());
        }
    }
    let _ = writeln!(out);
    let summary = msg!(
        "cli-batch-summary",
        cases = totals.cases,
        eligible = totals.eligible,
        ineligible = totals.cases - totals.eligible - totals.errors,
        errors = totals.errors
    );
    let _ = writeln!(out, "{summary}", summary = summary.say());
    let mut table: Vec<(&str, String, String, &str)> = rb
        .components()
        .zip(&totals.components)
        .map(|(step, v)| (" ", rb.render_label(&step.def.label), human_amount(*v, locale), step.def.name.as_str()))
        .collect();
    table.push((" ", msg!("cli-table-total").say(), human_amount(totals.total, locale), ""));
    for line in crate::width::label_table(&table, columns, names) {
        let _ = writeln!(out, "{line}");
    }
    let read: Vec<String> = rb
        .datasets()
        .iter()
        .zip(&totals.rows)
        .map(|(d, n)| format!("{} {}", d.name, crate::format::number(&n.to_string(), locale)))
        .collect();
    let read = msg!("cli-batch-rows-read", rows = read.join(", ")).say();
    let _ = writeln!(out, "{}", crate::width::wrap_indented(&read, columns, "  ", 4));
    if !totals.rows_left_out.is_empty() {
        let left: Vec<String> = rb
            .datasets()
            .iter()
            .zip(&totals.rows_left_out)
            .map(|(d, n)| format!("{} {}", d.name, crate::format::number(&n.to_string(), locale)))
            .collect();
        let _ = writeln!(out, "  {}", msg!("cli-batch-rows-left-out", rows = left.join(", ")).say());
    }
    out
}

/// `--timings`: where the time went, wall and CPU (user + system) per phase, and the rates per
/// dataset (on stderr, never in the result). The CPU of reading and evaluating cases is each
/// case's thread CPU clock, summed: what the phase cost, not how long it took.
fn timings(rb: &Rulebook, rows: &[CaseRow], totals: &Totals, times: &RunTimes, wall: Duration, threads: usize) -> String {
    let read: Duration = rows.iter().map(|r| r.time.read).sum();
    let evaluate: Duration = rows.iter().map(|r| r.time.evaluate).sum();
    let total_cpu = crate::cpu::process();
    let mut out = String::new();
    let seconds = |d: Duration| format!("{:.3}", d.as_secs_f64());
    let _ = writeln!(
        out,
        "{}",
        msg!("cli-timings", cases = totals.cases, threads = threads, wall = seconds(wall), cpu = seconds(total_cpu)).say()
    );
    let _ = writeln!(
        out,
        "  {:<36} {:>9} {:>9}",
        msg!("cli-timings-phase").say(),
        msg!("cli-timings-wall").say(),
        msg!("cli-timings-cpu").say()
    );
    let line = |out: &mut String, name: &str, (w, c): (Duration, Duration)| {
        let _ = writeln!(out, "  {name:<36} {:>9.3} {:>9.3}", w.as_secs_f64(), c.as_secs_f64());
    };
    line(&mut out, &msg!("cli-timings-load").say(), times.load);
    if let Some(cut) = times.cut {
        line(&mut out, &msg!("cli-timings-cut").say(), cut);
    }
    if let Some((groups, w, c)) = times.again {
        line(&mut out, &format!("  {}", msg!("cli-timings-again", groups = groups).say()), (w, c));
    }
    line(&mut out, &msg!("cli-timings-cases").say(), times.cases);
    let _ = writeln!(out, "  {:<36} {:>9} {:>9.3}", format!("  {}", msg!("cli-timings-reading").say()), "", read.as_secs_f64());
    let _ = writeln!(out, "  {:<36} {:>9} {:>9.3}", format!("  {}", msg!("cli-timings-evaluating").say()), "", evaluate.as_secs_f64());
    for (d, n) in rb.datasets().iter().zip(&totals.rows) {
        let per = |t: Duration| if t.is_zero() { 0.0 } else { *n as f64 / t.as_secs_f64() };
        let rates = msg!("cli-timings-rates", rows = *n, wall = format!("{:.0}", per(wall)), cpu = format!("{:.0}", per(evaluate))).say();
        let _ = writeln!(out, "  {:<10} {rates}", d.name, rates = rates);
    }
    out
}
