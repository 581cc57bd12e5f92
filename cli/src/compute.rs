//! `peps compute`: the remuneration of one team for one year, component by component.

use std::fmt::Write;
use std::path::PathBuf;

use peps_engine::data::case::CaseOptions;
use peps_engine::eval::{Evaluation, evaluate};
use serde::Serialize;

use crate::format::{Locale, human};
use crate::report::Sources;
use crate::workspace::{exit_code, load_year, print_diagnostics};
use crate::{Format, RulesArgs};

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
    #[arg(long, value_enum, default_value_t = Locale::Plain)]
    locale: Locale,
    /// Let data paths in the case file leave the case folder
    #[arg(long)]
    allow_outside_paths: bool,
    #[command(flatten)]
    manifest: ManifestArgs,
    /// With a folder of case folders: threads to use (0: one per core)
    #[arg(long, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// With a folder of case folders: print where the time went on stderr
    #[arg(long)]
    timings: bool,
    /// The case folder (holding team.toml and its data files), or a folder of case folders: then
    /// one row per case and the totals
    case: PathBuf,
}

/// `--manifest PATH`: also write what the run read (engine, rulebook, norm and input hashes).
#[derive(clap::Args, Debug, Clone)]
pub struct ManifestArgs {
    /// Write the run's manifest (engine version, rulebook, norm and input SHA-256) to this file
    #[arg(long, value_name = "PATH")]
    pub manifest: Option<PathBuf>,
    /// Replace an existing output file
    #[arg(long)]
    pub force: bool,
}

impl ManifestArgs {
    /// Writes `manifest` as JSON if asked; the case's files are never overwritten.
    pub fn write<T: Serialize>(&self, manifest: &T, case: &std::path::Path) -> Result<(), u8> {
        let Some(path) = &self.manifest else { return Ok(()) };
        let inputs: Vec<PathBuf> = std::fs::read_dir(case).into_iter().flatten().flatten().map(|e| e.path()).collect();
        crate::output::write_atomic(path, json(manifest).as_bytes(), self.force, &inputs, false).map_err(|e| {
            eprintln!("error: {e}");
            crate::EXIT_IO
        })
    }
}

/// What `compute --format json` prints: the evaluation and the case it ran on.
#[derive(Serialize)]
struct Report<'a> {
    case: String,
    #[serde(flatten)]
    evaluation: &'a Evaluation,
}

pub fn run(args: &ComputeArgs) -> u8 {
    if crate::batch::is_folder_of_cases(&args.case) {
        if args.manifest.manifest.is_some() || args.format == Format::Html {
            eprintln!("error: --manifest and --format html are for one case; {} is a folder of cases", args.case.display());
            return crate::EXIT_IO;
        }
        return crate::batch::run(&crate::batch::BatchArgs {
            rules: &args.rules,
            year: args.year,
            dir: &args.case,
            format: args.format,
            locale: args.locale,
            allow_outside_paths: args.allow_outside_paths,
            threads: args.threads,
            timings: args.timings,
        });
    }
    let (evaluation, code) = match evaluate_case(&args.rules, args.year, &args.case, args.allow_outside_paths) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if let Err(code) = args.manifest.write(&evaluation.manifest, &args.case) {
        return code;
    }
    let name = evaluation.case.clone();
    let text = match args.format {
        Format::Json => json(&Report { case: name, evaluation: &evaluation.evaluation }),
        Format::Csv => csv(&evaluation.evaluation),
        Format::Table => table(&evaluation.evaluation, &name, args.locale),
        Format::Html => crate::html::report(&evaluation.evaluation, &name, Locale::Fr),
    };
    crate::emit(&text);
    code
}

/// An evaluation with the name of its case.
pub struct CaseEvaluation {
    pub case: String,
    pub evaluation: Evaluation,
}

impl std::ops::Deref for CaseEvaluation {
    type Target = Evaluation;
    fn deref(&self) -> &Evaluation {
        &self.evaluation
    }
}

/// Loads the year's rulebook and the case, evaluates, prints every diagnostic on stderr.
/// `Err` carries the exit code when nothing could be evaluated.
pub fn evaluate_case(rules: &RulesArgs, year: i32, dir: &std::path::Path, allow_outside_paths: bool) -> Result<(CaseEvaluation, u8), u8> {
    let mut sources = Sources::default();
    let (rb, diags) = load_year(rules, year, &mut sources);
    let Some(rb) = rb else {
        print_diagnostics(&diags, &sources);
        return Err(exit_code(&diags).max(crate::EXIT_FINDINGS));
    };
    if !dir.is_dir() {
        eprintln!("error: case folder {} does not exist or is not a folder", dir.display());
        return Err(crate::EXIT_IO);
    }
    let options = CaseOptions { allow_outside_paths };
    let (case, case_diags) = rb.load_case(dir, options);
    let mut all = diags;
    all.extend(case_diags);
    if let Some(c) = &case {
        sources.add(std::slice::from_ref(&c.file));
    }
    if all.iter().any(|d| d.is_error()) {
        print_diagnostics(&all, &sources);
        return Err(exit_code(&all));
    }
    let Some(case) = case else { return Err(crate::EXIT_IO) };
    let evaluation = evaluate(&rb, &case);
    all.extend(evaluation.diagnostics.iter().cloned());
    print_diagnostics(&all, &sources);
    let code = exit_code(&all);
    Ok((CaseEvaluation { case: rb.case_name(&case), evaluation }, code))
}

pub fn json<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
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

fn table(e: &Evaluation, name: &str, locale: Locale) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", e.rulebook, name);
    if !e.eligible {
        let _ = writeln!(out, "\nThe team is NOT eligible: the remuneration is 0.");
        for c in &e.failed_checks {
            let _ = writeln!(out, "  ✗ {} ({})", c.label.as_deref().unwrap_or(&c.key), c.key);
        }
    }
    let width = e.outputs.iter().map(|o| o.label.chars().count()).max().unwrap_or(10).min(100);
    let _ = writeln!(out);
    for o in &e.outputs {
        let marker = if e.components.contains(&o.name) { "▸" } else { " " };
        let label: String = o.label.chars().take(width).collect();
        let _ = writeln!(out, "{marker} {label:<width$}  {:>16}  {}", human(&o.value, o.unit, locale), o.name);
    }
    let _ = writeln!(out, "\n  {:<width$}  {:>16}", "TOTAL", human(&e.total, peps_engine::value::Unit::Eur, locale));
    if !e.components.is_empty() {
        let _ = writeln!(out, "  ▸ components of the total: {}", e.components.join(" + "));
    }
    if e.eligible {
        let total = e.outputs.iter().find(|o| o.name == e.total_name);
        if let Some(t) = total {
            let _ = writeln!(out, "  the total rests on {} assumed rule items: {}", t.assumed.len(), t.assumed.join(", "));
        }
    }
    out
}
