//! `peps rules regress`: every example case under every year with the given rules, compared with
//! the blessed cross-year matrices in `snapshots/` — the same files `cargo insta` reads, so that
//! policy staff can see and bless the effect of a rules edit with the `peps` binary alone.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use peps_engine::case::CaseOptions;
use peps_engine::message::Lang;
use peps_engine::msg;
use serde::Serialize;

use super::matrix::{Column, columns, load_every_year, matrix, row_names};
use crate::args::RulesArgs;
use crate::exit::{EXIT_FINDINGS, EXIT_IO, EXIT_OK};
use crate::json::json;
use crate::language::Say;
use crate::say;
use crate::workspace::default_dir;

/// The header the test suite's matrix assertion gives these snapshots (`snapshots/blessing.rs`),
/// so that a snapshot accepted here and one accepted by `cargo insta` are the same file.
const HEADER: &str = "---\nsource: cli/../snapshots/blessing.rs\nexpression: matrix\n---\n";

/// The blessed summary of `peps rules check` over every year, beside the matrices: a new year
/// adds a line to it, so blessing a yearly update rewrites it too.
const CHECK_SNAPSHOT: &str = "rules_check.snap";
const CHECK_HEADER: &str = "---\nsource: cli/../snapshots/blessing.rs\nexpression: checked\n---\n";

#[derive(clap::Args, Debug)]
pub struct RegressArgs {
    #[command(flatten)]
    rules: RulesArgs,
    /// Folder of the example cases (default: the repository's `examples/`, or `examples/<NAME>`
    /// with `--scheme NAME`)
    #[arg(long, value_name = "DIR")]
    examples: Option<PathBuf>,
    /// Folder of the blessed snapshots (default: the repository's `snapshots/`, or
    /// `snapshots/<NAME>` with `--scheme NAME`)
    #[arg(long, value_name = "DIR")]
    snapshots: Option<PathBuf>,
    /// Rewrite the snapshots with the new results: they become the reference
    #[arg(long)]
    accept: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = super::RulesFormat::Table)]
    format: super::RulesFormat,
}

/// One cell of a matrix that changed.
#[derive(Debug, Serialize)]
struct Changed {
    case: String,
    year: String,
    output: String,
    before: String,
    after: String,
}

/// What a run found, case by case.
#[derive(Debug, Serialize)]
struct Report {
    /// Cases whose matrix equals the blessed one.
    unchanged: Vec<String>,
    /// Cases without a blessed matrix yet.
    new: Vec<String>,
    changes: Vec<Changed>,
    /// The summary of `peps rules check` against the blessed one.
    rules_check: Blessed,
    accepted: bool,
}

/// How a result compares with its blessed snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Blessed {
    Unchanged,
    Changed,
    New,
}

pub fn run(args: &RegressArgs) -> u8 {
    let books = match load_every_year(&args.rules) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let examples = args.examples.clone().unwrap_or_else(|| in_scheme(default_dir("examples"), args));
    let snapshots = args.snapshots.clone().unwrap_or_else(|| in_scheme(default_dir("snapshots"), args));
    let label = examples_label(args);
    let case_file = books[0].case_file().to_string();
    let cases = match case_folders(&examples, &case_file) {
        Ok(c) if !c.is_empty() => c,
        Ok(_) => {
            say::error(msg!("cli-regress-no-case", folder = examples.display().to_string(), file = &case_file));
            return EXIT_IO;
        }
        Err(e) => {
            say::error(msg!("cli-regress-cannot-list", folder = examples.display().to_string(), reason = e.to_string()));
            return EXIT_IO;
        }
    };
    let mut report =
        Report { unchanged: Vec::new(), new: Vec::new(), changes: Vec::new(), rules_check: Blessed::Unchanged, accepted: args.accept };
    for (name, dir) in &cases {
        let shown = format!("{label}/{name}");
        let path = snapshots.join(format!("years_{name}.snap"));
        let text = in_english(|| {
            let cols = columns(&books, dir, CaseOptions::default());
            let text = matrix(&shown, &cols);
            match std::fs::read_to_string(&path) {
                Ok(old) if contents(&old).trim_end() == text.trim_end() => report.unchanged.push(shown),
                Ok(old) => report.changes.extend(compare(&shown, contents(&old), &cols)),
                Err(_) => report.new.push(shown),
            }
            text
        });
        if args.accept
            && let Err(e) = std::fs::write(&path, format!("{HEADER}{text}"))
        {
            say::error(msg!("cli-output-io", path = path.display().to_string(), reason = e.to_string()));
            return EXIT_IO;
        }
    }
    let check_path = snapshots.join(CHECK_SNAPSHOT);
    let summary = in_english(|| super::check_summary(&args.rules));
    report.rules_check = match std::fs::read_to_string(&check_path) {
        Ok(old) if contents(&old).trim_end() == summary.trim_end() => Blessed::Unchanged,
        Ok(_) => Blessed::Changed,
        Err(_) => Blessed::New,
    };
    if args.accept
        && let Err(e) = std::fs::write(&check_path, format!("{CHECK_HEADER}{summary}"))
    {
        say::error(msg!("cli-output-io", path = check_path.display().to_string(), reason = e.to_string()));
        return EXIT_IO;
    }
    let text = match args.format {
        super::RulesFormat::Json => json(&report),
        super::RulesFormat::Table => table(&report),
    };
    say::emit(&text);
    let changed = !report.changes.is_empty() || !report.new.is_empty() || report.rules_check != Blessed::Unchanged;
    if changed && !args.accept { EXIT_FINDINGS } else { EXIT_OK }
}

/// A scheme shipped beside the default one keeps its examples and blessed matrices in a folder of
/// its name, as its rules: `examples/capitation/`, `snapshots/capitation/`.
fn in_scheme(dir: PathBuf, args: &RegressArgs) -> PathBuf {
    match &args.rules.scheme {
        Some(scheme) => dir.join(scheme),
        None => dir,
    }
}

/// How a case folder is named in the matrices: from the repository root, as `peps rules matrix`
/// is run on it (`examples/msp`, `examples/capitation/centre`), or as `--examples` gives it.
fn examples_label(args: &RegressArgs) -> String {
    match (&args.examples, &args.rules.scheme) {
        (Some(dir), _) if dir.is_relative() => dir.display().to_string(),
        (None, Some(scheme)) => format!("examples/{scheme}"),
        _ => "examples".to_string(),
    }
}

/// The folders of `dir` that hold a case file, by name.
fn case_folders(dir: &Path, case_file: &str) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join(case_file).is_file())
        .filter_map(|p| Some((p.file_name()?.to_str()?.to_string(), p)))
        .collect();
    out.sort();
    Ok(out)
}

/// A snapshot file's contents, without its header.
fn contents(file: &str) -> &str {
    let Some(rest) = file.strip_prefix("---\n") else { return file };
    match rest.find("\n---\n") {
        Some(end) => &rest[end + 5..],
        None => file,
    }
}

/// The columns of a matrix line: separated by two spaces or more (a row name may hold one).
fn split_columns(line: &str) -> Vec<String> {
    line.split("  ").map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// The years and the rows (name, cells) of a blessed matrix, read back from its text.
fn cells(text: &str) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let mut lines = text.lines().skip(2);
    let header: Vec<String> = split_columns(lines.next().unwrap_or_default()).into_iter().skip(1).collect();
    let mut rows = Vec::new();
    for line in lines {
        if line.is_empty() {
            break;
        }
        let mut parts = split_columns(line).into_iter();
        let Some(name) = parts.next() else { continue };
        rows.push((name, parts.collect()));
    }
    (header, rows)
}

/// Every cell that differs between the blessed matrix `old` and the new columns.
fn compare(case: &str, old: &str, cols: &[Column]) -> Vec<Changed> {
    let (years, rows) = cells(old);
    let before = |year: &str, output: &str| -> String {
        let Some(y) = years.iter().position(|x| x == year) else { return "—".into() };
        rows.iter().find(|(n, _)| n == output).and_then(|(_, v)| v.get(y).cloned()).unwrap_or_else(|| "—".into())
    };
    let mut outputs: Vec<String> = row_names(cols);
    for (name, _) in &rows {
        if !outputs.contains(name) {
            outputs.push(name.clone());
        }
    }
    let mut all_years: BTreeSet<String> = years.iter().cloned().collect();
    all_years.extend(cols.iter().map(|c| c.year.to_string()));
    let mut out = Vec::new();
    for year in &all_years {
        let col = cols.iter().find(|c| c.year.to_string() == *year);
        for output in &outputs {
            let after = col.and_then(|c| c.values.get(output).cloned()).unwrap_or_else(|| "—".into());
            let before = before(year, output);
            if before != after {
                out.push(Changed { case: case.to_string(), year: year.clone(), output: output.clone(), before, after });
            }
        }
    }
    if out.is_empty() {
        // The cells agree but the text does not (a note, the title): show it as one change.
        out.push(Changed {
            case: case.to_string(),
            year: "—".into(),
            output: "(notes)".into(),
            // A value of the JSON report too: the same in every language.
            before: "see the snapshot".into(), // not prose
            after: "changed".into(),
        });
    }
    out
}

/// Runs `f` with messages in English: the blessed matrices are snapshots the tests read too, so
/// they are written in one language whatever the run's.
fn in_english<T>(f: impl FnOnce() -> T) -> T {
    let lang = crate::language::lang();
    crate::language::set(Lang::En);
    let out = f();
    crate::language::set(lang);
    out
}

fn table(r: &Report) -> String {
    let mut out = String::new();
    if r.changes.is_empty() && r.new.is_empty() && r.rules_check == Blessed::Unchanged {
        let _ = writeln!(out, "{}", msg!("cli-regress-all-unchanged", count = r.unchanged.len()).say());
        return out;
    }
    if !r.changes.is_empty() {
        let [case, year, output, before, after] = [
            msg!("cli-regress-col-case"),
            msg!("cli-regress-col-year"),
            msg!("cli-regress-col-output"),
            msg!("cli-regress-col-before"),
            msg!("cli-regress-col-after"),
        ]
        .map(|m| m.say());
        let w = |f: &dyn Fn(&Changed) -> usize, title: &str| r.changes.iter().map(f).max().unwrap_or(0).max(title.chars().count());
        let (wc, wy, wo, wb) = (
            w(&|c| c.case.chars().count(), &case),
            w(&|c| c.year.chars().count(), &year),
            w(&|c| c.output.chars().count(), &output),
            w(&|c| c.before.chars().count(), &before),
        );
        let _ = writeln!(out, "{case:<wc$}  {year:<wy$}  {output:<wo$}  {before:>wb$}  {after}");
        for c in &r.changes {
            let _ = writeln!(out, "{:<wc$}  {:<wy$}  {:<wo$}  {:>wb$}  {}", c.case, c.year, c.output, c.before, c.after);
        }
        out.push('\n');
    }
    for n in &r.new {
        let _ = writeln!(out, "{}", msg!("cli-regress-new", case = n).say());
    }
    match r.rules_check {
        Blessed::Unchanged => {}
        Blessed::Changed => {
            let _ = writeln!(out, "{}", msg!("cli-regress-check-changed", file = CHECK_SNAPSHOT).say());
        }
        Blessed::New => {
            let _ = writeln!(out, "{}", msg!("cli-regress-check-new", file = CHECK_SNAPSHOT).say());
        }
    }
    let cases: BTreeSet<&str> = r.changes.iter().map(|c| c.case.as_str()).collect();
    let counts = msg!("cli-regress-counts", cells = r.changes.len(), cases = cases.len(), new = r.new.len(), unchanged = r.unchanged.len());
    let _ = writeln!(out, "{counts}", counts = counts.say());
    let last = if r.accepted { msg!("cli-regress-accepted") } else { msg!("cli-regress-bless") };
    let _ = writeln!(out, "{last}", last = last.say());
    out
}
