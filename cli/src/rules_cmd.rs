//! `peps rules`: check every rulebook and norm strictly (with coverage from one year to the next),
//! compare two years value by value, start a new year from an existing one, copy a year to a
//! draft folder anywhere, and write the JSON Schemas editors use.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use peps_engine::compare::coverage;
use peps_engine::data::norm::load_norm;
use peps_engine::diagnostic::{Code, Diagnostic, Diagnostics, Location, SourceFile};
use peps_engine::msg;
use peps_engine::rulebook::{self, Rulebook};
use peps_engine::rules::removals::REMOVALS_FILE;
use peps_engine::rules::source::{DirSource, Source};
use rayon::prelude::*;
use serde::Serialize;

use crate::args::RulesArgs;
use crate::exit::{EXIT_FINDINGS, EXIT_IO, EXIT_OK};
use crate::json::json;
use crate::language::Say;
use crate::report::Sources;
use crate::say;
use crate::workspace::{exit_code, load_year, norms_roots, norms_source, print_diagnostics, rules_root, years};

mod diff;
mod draft;
mod matrix;
mod new_year;
mod regress;
mod schema;

#[derive(clap::Args, Debug)]
pub struct RulesCommandArgs {
    #[command(subcommand)]
    command: RulesCommand,
}

#[derive(clap::Subcommand, Debug)]
enum RulesCommand {
    /// Load rulebooks and norms strictly and report every diagnostic, with coverage in time
    Check(CheckArgs),
    /// What changed between two years, value by value, with the new references
    Diff(diff::DiffArgs),
    /// Start year YEAR from year --from: dates moved, carried values marked, checked
    NewYear(new_year::NewYearArgs),
    /// Copy year YEAR to DIR/YEAR, anywhere, to edit and try it (editors still find the schemas)
    Draft(draft::DraftArgs),
    /// Write the JSON Schemas of the rule, norm and test files, for editors (`--check` compares)
    Schema(schema::SchemaArgs),
    /// Cases under every year side by side, their data brought into each year
    Matrix(matrix::MatrixArgs),
    /// Every example under every year against the blessed results in snapshots/ (`--accept` blesses)
    Regress(regress::RegressArgs),
    /// Write the rules and norms built into the program to DIR/rules and DIR/norms, to edit them
    Export(ExportArgs),
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// Where to write them: DIR/rules and DIR/norms, which must not exist yet
    dir: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The years to check (default: every year under the rules folder)
    years: Vec<i32>,
    #[command(flatten)]
    rules: RulesArgs,
    /// Output format of the summary (diagnostics always go to stderr)
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    format: RulesFormat,
    /// Also compare each year with year YEAR: a changed value whose reference still says
    /// "(reconduit de …)" is listed
    #[arg(long, value_name = "YEAR")]
    against: Option<i32>,
}

pub fn run(args: &RulesCommandArgs) -> u8 {
    match &args.command {
        RulesCommand::Check(a) => check(a),
        RulesCommand::Diff(a) => diff::run(a),
        RulesCommand::NewYear(a) => new_year::run(a),
        RulesCommand::Draft(a) => draft::run(a),
        RulesCommand::Schema(a) => schema::run(a),
        RulesCommand::Matrix(a) => matrix::run(a),
        RulesCommand::Regress(a) => regress::run(a),
        RulesCommand::Export(a) => export(a),
    }
}

/// Writes the built-in rules and norms out, refusing to replace folders that exist.
fn export(args: &ExportArgs) -> u8 {
    let (rules, norms) = (args.dir.join("rules"), args.dir.join("norms"));
    if let Some(existing) = [&rules, &norms].into_iter().find(|p| p.exists()) {
        say::error(msg!("cli-export-exists", path = existing.display().to_string()));
        return EXIT_IO;
    }
    if let Err(e) = crate::builtin::export_into(&args.dir) {
        say::error(msg!("cli-output-io", path = args.dir.display().to_string(), reason = e.to_string()));
        return EXIT_IO;
    }
    let (rules, norms) = (rules.display().to_string(), norms.display().to_string());
    crate::say::emit(&format!(
        "{}\n",
        msg!("cli-export-done", rules = rules, norms = norms, fingerprint = &crate::builtin::fingerprint()[..16]).say()
    ));
    crate::exit::EXIT_OK
}

// ---------------------------------------------------------------------------------------------
// check

#[derive(Serialize)]
struct CheckReport {
    ok: bool,
    errors: usize,
    warnings: usize,
    years: Vec<YearReport>,
    norms: Vec<NormReport>,
    coverage: Vec<CoverageReport>,
    diagnostics: Vec<Diagnostic>,
    /// With `--against`: changed values whose reference still says they were carried over.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    stale_references: Vec<diff::StaleValue>,
    #[serde(skip)]
    books: BTreeMap<i32, Rulebook>,
}

#[derive(Serialize)]
struct YearReport {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    ok: bool,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct NormReport {
    name: String,
    version: u32,
    ok: bool,
    /// A norm a rulebook lists that no folder of the search path has.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    missing: bool,
}

#[derive(Serialize)]
struct CoverageReport {
    from: i32,
    to: i32,
    /// False when one of the two years does not load, so coverage could not be checked.
    checked: bool,
    ok: bool,
    errors: usize,
    /// Whether the earlier year loads (when coverage could not be checked, the later one is the
    /// broken one).
    #[serde(skip)]
    from_loads: bool,
}

/// Errors and warnings, not counting the errors that follow from another (as they are shown).
fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let own: Vec<&Diagnostic> = diags.iter().filter(|d| d.follows().is_none()).collect();
    let errors = own.iter().filter(|d| d.is_error()).count();
    (errors, own.len() - errors)
}

fn check(args: &CheckArgs) -> u8 {
    let root = rules_root(&args.rules);
    let mut sources = Sources::default();
    if years(&root).is_empty() {
        let d = Diagnostic::error(Code::MissingFile, msg!("cli-no-rulebook-under", root = root.display().to_string()))
            .at(Location::File { file: root.display().to_string() })
            .hint(msg!("cli-rules-folder-hint"));
        print_diagnostics(std::slice::from_ref(&d), &sources);
        return EXIT_IO;
    }
    let mut report = check_report(&args.rules, &args.years, &mut sources);
    if let Some(base) = args.against {
        match load_year(&args.rules, base, &mut sources) {
            (Some(base), _) => {
                report.stale_references = report
                    .books
                    .values()
                    .filter(|b| b.year() != base.year())
                    .flat_map(|b| diff::stale_values(&peps_engine::compare::diff::diff(&base, b)))
                    .collect();
            }
            (None, diags) => {
                print_diagnostics(&diags, &sources);
                return exit_code(&diags).max(EXIT_FINDINGS);
            }
        }
    }
    print_diagnostics(&report.diagnostics, &sources);
    for c in report.coverage.iter().filter(|c| !c.checked) {
        let broken = if c.from_loads { c.to } else { c.from };
        say::note(msg!("cli-rules-coverage-unchecked", from = c.from.to_string(), to = c.to.to_string(), broken = broken.to_string()));
    }
    let text = match args.format {
        RulesFormat::Json => json(&report),
        RulesFormat::Table => check_table(&report),
    };
    say::emit(&text);
    let unchecked = report.coverage.iter().any(|c| !c.checked);
    match exit_code(&report.diagnostics) {
        EXIT_OK if unchecked => EXIT_FINDINGS,
        code => code,
    }
}

/// The summary `peps rules check` prints for every year under the rules folder, as a table in
/// the run's language: what `peps rules regress` compares with the blessed `rules_check.snap`.
pub(crate) fn check_summary(rules: &RulesArgs) -> String {
    check_table(&check_report(rules, &[], &mut Sources::default()))
}

/// Loads the `selected` years (every year under the rules folder when empty), the year before
/// each (for coverage) and the norms, and reports on each with every diagnostic, sorted.
fn check_report(rules: &RulesArgs, selected: &[i32], sources: &mut Sources) -> CheckReport {
    let root = rules_root(rules);
    let available = years(&root);
    let selected: Vec<i32> = if selected.is_empty() { available.clone() } else { selected.to_vec() };
    let norms_prefixes: Vec<String> = norms_roots(rules).iter().map(|d| d.display().to_string()).collect();

    // Every selected year, and the year before each, so coverage can be followed.
    let mut needed: Vec<i32> = selected.clone();
    for y in &selected {
        if let Some(prev) = available.iter().copied().filter(|a| a < y).max() {
            needed.push(prev);
        }
    }
    needed.sort_unstable();
    needed.dedup();
    // Each year loads on its own (a year reads nothing of another), and the norms are checked
    // beside them, on the cores there are; what each says is then taken in the order of the years,
    // as one after the other would have said it.
    let (loaded, (mut norm_reports, norm_diags, norm_sources)) = rayon::join(
        || {
            needed
                .par_iter()
                .map(|&y| {
                    let mut own = Sources::default();
                    let (rb, diags) = load_year(rules, y, &mut own);
                    (y, rb, diags, own)
                })
                .collect::<Vec<_>>()
        },
        || {
            let mut own = Sources::default();
            let (reports, diags) = check_norms(&norms_source(rules), &mut own);
            (reports, diags, own)
        },
    );
    // The norms a rulebook lists and could not read: failing norms, whatever the folders hold.
    let mut missing: Vec<(String, u32)> = Vec::new();
    let mut books: BTreeMap<i32, Rulebook> = BTreeMap::new();
    let mut all = Diagnostics::default();
    let mut year_reports = Vec::new();
    for (y, rb, diags, own) in loaded {
        sources.merge(own);
        if selected.contains(&y) {
            let own: Vec<Diagnostic> = diags.iter().filter(|d| !norms_prefixes.iter().any(|p| located_under(d, p))).cloned().collect();
            let (errors, warnings) = count(&own);
            year_reports.push(YearReport {
                year: y,
                label: rb.as_ref().map(|r| r.label().to_string()),
                ok: rb.is_some() && errors == 0,
                errors,
                warnings,
            });
            for d in diags.iter().filter(|d| d.is_error() && d.code == Code::MissingFile) {
                if let Some(norm) = norms_prefixes.iter().find_map(|p| missing_norm(d, p))
                    && !missing.contains(&norm)
                {
                    missing.push(norm);
                }
            }
            for d in diags {
                all.push(d);
            }
        }
        if let Some(rb) = rb {
            books.insert(y, rb);
        }
    }

    sources.merge(norm_sources);
    for d in norm_diags {
        all.push(d);
    }
    for (name, version) in missing {
        if !norm_reports.iter().any(|n| n.name == name && n.version == version) {
            norm_reports.push(NormReport { name, version, ok: false, missing: true });
        }
    }

    let mut coverage_reports = Vec::new();
    for &y in &selected {
        let Some(prev) = available.iter().copied().filter(|a| *a < y).max() else { continue };
        let (Some(a), Some(b)) = (books.get(&prev), books.get(&y)) else {
            if available.contains(&y) {
                let from_loads = books.contains_key(&prev);
                coverage_reports.push(CoverageReport { from: prev, to: y, checked: false, ok: false, errors: 0, from_loads });
            }
            continue;
        };
        let mut diags = Vec::new();
        let removals = read_removals(&root.join(y.to_string()), &mut diags, sources);
        diags.extend(coverage::check(a, b, &removals));
        let (errors, _) = count(&diags);
        coverage_reports.push(CoverageReport { from: prev, to: y, checked: true, ok: errors == 0, errors, from_loads: true });
        for d in diags {
            all.push(d);
        }
    }

    let diags = all.into_sorted();
    let (errors, warnings) = count(&diags);
    let unchecked = coverage_reports.iter().any(|c| !c.checked);
    CheckReport {
        ok: errors == 0 && !unchecked,
        errors,
        warnings,
        years: year_reports,
        norms: norm_reports,
        coverage: coverage_reports,
        diagnostics: diags,
        stale_references: Vec::new(),
        books: books.into_iter().filter(|(y, _)| selected.contains(y)).collect(),
    }
}

/// The norm (name, version) a missing-file error under the norms folder `prefix` is about.
fn missing_norm(d: &Diagnostic, prefix: &str) -> Option<(String, u32)> {
    let Some(Location::File { file } | Location::Source { file, .. }) = &d.location else { return None };
    let rest = file.strip_prefix(prefix)?.trim_start_matches(['/', '\\']);
    let (name, file) = rest.split_once(['/', '\\'])?;
    let version = file.strip_prefix('v')?.strip_suffix(".toml")?.parse().ok()?;
    Some((name.to_string(), version))
}

fn located_under(d: &Diagnostic, prefix: &str) -> bool {
    match &d.location {
        Some(Location::Source { file, .. } | Location::Data { file, .. } | Location::File { file }) => file.starts_with(prefix),
        None => false,
    }
}

/// Loads every `<name>/v<N>.toml` of the norms folder, whether a rulebook names it or not.
/// Every norm file along the search path, each loaded and checked: a scheme's own norms first,
/// then the shared ones it does not redefine.
fn check_norms(source: &dyn Source, sources: &mut Sources) -> (Vec<NormReport>, Vec<Diagnostic>) {
    let mut reports = Vec::new();
    let mut all = Vec::new();
    for path in source.list("") {
        let Some((name, file)) = path.split_once('/') else { continue };
        let Some(version) = file.strip_prefix('v').and_then(|f| f.strip_suffix(".toml")).and_then(|v| v.parse::<u32>().ok()) else {
            continue;
        };
        let mut diags = Vec::new();
        let mut files = Vec::new();
        let norm = load_norm(source, name, version, &mut diags, &mut files);
        sources.add(&files);
        let (errors, _) = count(&diags);
        reports.push(NormReport { name: name.to_string(), version, ok: norm.is_some() && errors == 0, missing: false });
        for d in diags {
            all.push(d);
        }
    }
    // No norm at all is no error: a rulebook that names one it cannot find says so itself.
    (reports, all)
}

/// Reads the `retraits.toml` of a year's folder, if it has one.
fn read_removals(year_dir: &Path, diags: &mut Vec<Diagnostic>, sources: &mut Sources) -> Vec<coverage::Removal> {
    let path = year_dir.join(REMOVALS_FILE);
    // Read as every rule file is, through the year's folder: a link leading out of it is refused.
    let text = match DirSource::new(year_dir).read(REMOVALS_FILE) {
        Ok(text) => text,
        Err(e) if e.escapes() => {
            let d = Diagnostic::error(e.code(), e.message()).at(Location::File { file: path.display().to_string() });
            diags.push(d.hint(msg!("rules-path-escape-hint")));
            return Vec::new();
        }
        Err(_) => return Vec::new(),
    };
    let file = SourceFile { path: path.display().to_string(), text };
    sources.add(std::slice::from_ref(&file));
    let (removals, d) = coverage::read_removals(&file);
    diags.extend(d);
    removals
}

fn status(ok: bool, errors: usize, warnings: usize) -> String {
    match (ok, errors, warnings) {
        (true, _, 0) => msg!("cli-rules-ok"),
        (true, _, w) => msg!("cli-rules-ok-warnings", warnings = w),
        (false, 0, _) => msg!("cli-rules-does-not-load"),
        (false, e, 0) => msg!("cli-rules-errors", errors = e),
        (false, e, w) => msg!("cli-rules-errors-warnings", errors = e, warnings = w),
    }
    .say()
}

fn check_table(r: &CheckReport) -> String {
    let mut lines: Vec<(String, String, String)> = Vec::new();
    for y in &r.years {
        lines.push((y.year.to_string(), status(y.ok, y.errors, y.warnings), y.label.clone().unwrap_or_default()));
    }
    let names: Vec<String> = r
        .norms
        .iter()
        .map(|n| {
            let name = format!("{} v{}", n.name, n.version);
            if n.missing { msg!("cli-rules-norm-missing", norm = name).say() } else { name }
        })
        .collect();
    let failing = r.norms.iter().filter(|n| !n.ok).count();
    let norm_status = if failing == 0 { msg!("cli-rules-ok") } else { msg!("cli-rules-norms-failing", count = failing) };
    lines.push((msg!("cli-rules-norms").say(), norm_status.say(), names.join(", ")));
    for c in &r.coverage {
        let state = match (c.checked, c.ok) {
            (false, _) => msg!("cli-rules-not-checked").say(),
            (true, true) => msg!("cli-rules-ok").say(),
            (true, false) => status(false, c.errors, 0),
        };
        let what = if c.checked {
            msg!("cli-rules-coverage", from = c.from.to_string(), to = c.to.to_string(), removals = REMOVALS_FILE)
        } else {
            msg!("cli-rules-coverage-broken")
        };
        let what = what.say();
        lines.push((format!("{} → {}", c.from, c.to), state, what));
    }
    let w0 = lines.iter().map(|l| l.0.chars().count()).max().unwrap_or(0);
    let w1 = lines.iter().map(|l| l.1.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (a, b, c) in &lines {
        let _ = writeln!(out, "{}", format!("{a:<w0$}  {b:<w1$}  {c}").trim_end());
    }
    let verdict = if r.ok {
        msg!("cli-rules-all-pass", rulebooks = r.years.len(), norms = r.norms.len())
    } else {
        msg!("cli-rules-see-above", status = status(false, r.errors, r.warnings))
    };
    let _ = writeln!(out, "\n{verdict}", verdict = verdict.say());
    for v in &r.stale_references {
        let kind = msg!("cli-diff-kind", kind = v.kind);
        let line = msg!("cli-rules-stale-reference", year = v.year.to_string(), kind = kind, item = &v.item, old = &v.old, new = &v.new);
        let _ = writeln!(out, "{line}", line = line.say());
    }
    out
}

/// Loads a rulebook folder that is not (yet) a year of the rules folder.
pub(crate) fn load_dir(dir: &Path, norms: &dyn Source) -> (Option<Rulebook>, Vec<Diagnostic>) {
    rulebook::load(&DirSource::new(dir), norms)
}

/// Where a year's rulebook lives.
pub(crate) fn year_dir(args: &RulesArgs, year: i32) -> PathBuf {
    rules_root(args).join(year.to_string())
}
