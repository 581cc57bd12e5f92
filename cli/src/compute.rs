//! `peps compute`: the remuneration of one team for one year, component by component.

use std::fmt::Write;
use std::path::PathBuf;

use peps_engine::eval::Evaluation;
use peps_engine::message::Message;
use peps_engine::msg;
use peps_engine::value::{Unit, Value};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::args::{Format, RulesArgs};
use crate::exit::EXIT_IO;
use crate::format::{Locale, failed_check, human};
use crate::language::Say;
use crate::manifest::ManifestArgs;
use crate::say;

mod xlsx;

#[derive(clap::Args, Debug)]
pub struct ComputeArgs {
    /// The year whose rulebook applies
    #[arg(long)]
    year: i32,
    #[command(flatten)]
    rules: RulesArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Number style of the table
    #[arg(long, value_enum, env = "PEPS_LOCALE", default_value_t = Locale::Fr)]
    locale: Locale,
    #[command(flatten)]
    reading: crate::case_run::CaseReading,
    #[command(flatten)]
    manifest: ManifestArgs,
    #[command(flatten)]
    output: crate::xlsx::OutputArgs,
    /// With a folder of case folders: threads to use (0: one per core)
    #[arg(long, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// With a folder of case folders: print where the time went on stderr
    #[arg(long)]
    timings: bool,
    /// With a folder of case folders: also give these outputs for each case, by name
    /// (`--outputs total,bonus`), or every output (`--outputs all`)
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    outputs: Vec<String>,
    /// National files: every case's rows of a data input in one file, this column naming each
    /// row's case; CASE is then the folder of the files (`NAME.csv` per data input, or --input)
    #[arg(long, value_name = "COLUMN")]
    partition_by: Option<String>,
    /// With --partition-by: the national file of a data input (`--input people=all.csv`)
    #[arg(long, value_name = "NAME=FILE", requires = "partition_by")]
    input: Vec<String>,
    /// With --partition-by: a folder of case folders giving each case's values (its case file)
    #[arg(long, value_name = "DIR", requires = "partition_by")]
    cases: Option<PathBuf>,
    /// With --partition-by: the files are sorted by the column; read case by case, memory then
    /// follows the largest case (otherwise the cases are cut in memory)
    #[arg(long, requires = "partition_by")]
    sorted: bool,
    /// With --partition-by, unsorted files: the most MiB of their rows held in memory at once;
    /// beyond, the files are read again for each group of cases that fits
    #[arg(long, value_name = "MIB", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..), requires = "partition_by", conflicts_with = "sorted")]
    held: u64,
    /// With --format csv over many cases: these columns only, `NAME` or `HEADER=NAME`
    /// (`--columns id=case,total`), and no totals line
    #[arg(long, value_name = "COLUMNS", value_delimiter = ',')]
    columns: Vec<String>,
    /// With --format csv over many cases: the field separator
    #[arg(long, default_value_t = ';', value_name = "CHAR")]
    delimiter: char,
    /// The table shows each figure's rule name beside its label
    #[arg(long)]
    names: bool,
    /// The case folder (its case file and data files), or a folder of case folders: then
    /// one row per case and the totals
    case: PathBuf,
}

/// What `compute --format json` prints: the evaluation and the case it ran on.
#[derive(Serialize)]
struct Report<'a> {
    case: String,
    #[serde(flatten)]
    evaluation: &'a Evaluation,
}

pub fn run(args: &ComputeArgs) -> u8 {
    let national = args.partition_by.as_ref().map(|column| crate::national::NationalArgs {
        column: column.clone(),
        dir: args.case.clone(),
        inputs: args.input.clone(),
        cases: args.cases.clone(),
        sorted: args.sorted,
        held: args.held.saturating_mul(1 << 20),
    });
    let Ok(delimiter) = u8::try_from(args.delimiter) else {
        say::error(msg!("cli-compute-delimiter"));
        return EXIT_IO;
    };
    // National files named with --input may lie outside the folder.
    let national_files: Vec<PathBuf> =
        args.input.iter().filter_map(|i| i.split_once('=')).flat_map(|(_, f)| [PathBuf::from(f), args.case.join(f)]).collect();
    let mut read = vec![args.case.as_path()];
    read.extend(args.cases.as_deref().into_iter().chain(national_files.iter().map(PathBuf::as_path)));
    let out = args.output.destination(args.manifest.force, &read, &[&args.rules]);
    if args.format == Format::Xlsx
        && let Err(code) = out.binary()
    {
        return code;
    }
    if national.is_some() || crate::case_folders::is_folder_of_cases(&args.case) {
        if args.manifest.manifest.is_some() || args.format == Format::Html {
            eprintln!("{}", msg!("report-one-case-only", folder = args.case.display().to_string()).say());
            return crate::exit::EXIT_IO;
        }
        return crate::batch::run(&crate::batch::BatchArgs {
            rules: &args.rules,
            year: args.year,
            dir: &args.case,
            format: args.format,
            locale: args.locale,
            options: args.reading.options(),
            threads: args.threads,
            timings: args.timings,
            outputs: &args.outputs,
            national: national.as_ref(),
            columns: &args.columns,
            delimiter,
            out: &out,
            names: args.names,
        });
    }
    let (evaluation, mut code) = match crate::case_run::evaluate_case(&args.rules, args.year, &args.case, args.reading.options()) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if let Err(code) = args.manifest.write(&evaluation.manifest, &args.case, &[&args.rules], &[&evaluation.manifest]) {
        return code;
    }
    let name = evaluation.case.clone();
    let text = match args.format {
        Format::Json => crate::json::json(&Report { case: name, evaluation: &evaluation.evaluation }),
        Format::Csv => csv(&evaluation.evaluation),
        Format::Table => table(&evaluation.evaluation, &name, args.locale, args.names),
        Format::Html => {
            let (page, schedule) = crate::html::report(&evaluation, args.locale, crate::html::generated_on());
            code = code.max(schedule);
            page
        }
        Format::Xlsx => return out.book(xlsx::book(&evaluation.evaluation, &name, args.locale), code),
    };
    if let Err(code) = out.text(&text) {
        return code;
    }
    code
}

fn csv(e: &Evaluation) -> String {
    let mut w = ::csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let _ = w.write_record(["name", "label", "value", "unit", "assumed"]);
    for o in &e.outputs {
        let _ = w.write_record([o.name.as_str(), o.label.as_str(), &o.value.render(), o.unit.as_str(), &o.assumed.len().to_string()]);
    }
    let _ = w.write_record(["total", "Total", &e.total.render(), "EUR", &e.assumed_count.to_string()]);
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn table(e: &Evaluation, name: &str, locale: Locale, names: bool) -> String {
    let mut out = String::new();
    let columns = crate::width::columns();
    let _ = writeln!(out, "{}", crate::width::wrap_indented(&format!("{} — {}", e.rulebook, name), columns, "", 2));
    if let Some(s) = &e.data_shift {
        let _ = writeln!(out, "{}", msg!("report-data-shift", from = s.from, to = s.to).say());
    }
    if !e.eligible {
        let _ = writeln!(out, "\n{}", msg!("report-not-eligible").say());
        for c in &e.failed_checks {
            let _ = writeln!(out, "{}", crate::width::wrap_indented(&failed_check(c, locale), columns, "  ✗ ", 4));
        }
    }
    let _ = writeln!(out);
    let rows: Vec<(&str, String, String, &str)> = e
        .outputs
        .iter()
        .map(|o| {
            let marker = if e.components.contains(&o.name) { "▸" } else { " " };
            (marker, o.label.clone(), human(&o.value, o.unit, locale), o.name.as_str())
        })
        .chain(std::iter::once((" ", msg!("cli-table-total").say(), human(&e.total, e.total_unit, locale), "")))
        .collect();
    let lines = crate::width::label_table(&rows, columns, names);
    let (body, total) = lines.split_at(lines.len().saturating_sub(1));
    for line in body {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out);
    for line in total {
        let _ = writeln!(out, "{line}");
    }
    if !e.components.is_empty() {
        let shown: Vec<String> = e.components.iter().map(|c| output_label(e, c, names)).collect();
        let line = msg!("report-components", names = shown.join(" + ")).say();
        let _ = writeln!(out, "{}", crate::width::wrap_indented(&line, columns, "  ▸ ", 4));
    }
    if e.eligible {
        let total = e.outputs.iter().find(|o| o.name == e.total_name);
        match total {
            Some(t) if !t.assumed.is_empty() => {
                let _ = writeln!(
                    out,
                    "{}",
                    crate::width::wrap_indented(&msg!("report-rests-on", count = t.assumed.len()).say(), columns, "  ", 4)
                );
                // The items that carry most of the total first.
                let mut items: Vec<(&String, Option<Decimal>)> =
                    t.assumed.iter().map(|item| (item, e.assumed_shares.iter().find(|s| &s.item == item).map(|s| s.share))).collect();
                items.sort_by_key(|item| std::cmp::Reverse(item.1));
                for (item, share) in items {
                    let _ = writeln!(
                        out,
                        "{}",
                        crate::width::wrap_indented(&assumed_item(e, item, share, locale, names), columns, "    · ", 6)
                    );
                }
            }
            Some(_) => {
                let _ = writeln!(out, "  {}", msg!("report-rests-on-nothing").say());
            }
            None => {}
        }
    }
    out.push_str(&rows_left_out(e));
    out
}

/// An output as people read it: its label, and its rule name beside it with `--names`.
fn output_label(e: &Evaluation, name: &str, names: bool) -> String {
    let label = e.outputs.iter().find(|o| o.name == name).map_or(name, |o| o.label.as_str());
    if names && label != name { format!("{label} ({name})") } else { label.to_string() }
}

/// An assumed rule item as people read it: its label first, then what it is and its name, and
/// the share of the total that rests on it.
pub fn assumed_item(e: &Evaluation, item: &str, share: Option<Decimal>, locale: Locale, names: bool) -> String {
    let (kind, name) = item.split_once(' ').unwrap_or(("", item));
    let label = e.assumed_labels.get(item).cloned();
    let what = match label {
        Some(label) if !names => Message::text(label),
        label => msg!("report-item", label = label.unwrap_or_else(|| name.to_string()), kind = kind, name = name),
    };
    match share {
        Some(s) => msg!("report-item-share", item = what, share = human(&Value::Number(s), Unit::Rate, locale)).say(),
        None => what.say(),
    }
}

/// The rows the rulebook left out of the case because their norm rejects them, per dataset and
/// code: the result is computed without them.
pub fn rows_left_out(e: &Evaluation) -> String {
    let mut out = String::new();
    for l in &e.rows_left_out {
        let codes: Vec<String> = l.by_code.iter().map(|c| format!("{} ×{}", crate::report::code_id(c.code), c.rows)).collect();
        let _ = writeln!(
            out,
            "  ! {}",
            msg!("report-rows-left-out", rows = l.rows, dataset = &l.dataset, file = &l.file, codes = codes.join(", ")).say()
        );
    }
    out
}
