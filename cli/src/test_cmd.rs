//! `peps test`: declarative test cases written by policy staff. A case is a TOML file — a few
//! case values and rows of data, the years it applies to, the outputs expected — that the runner
//! writes out as a real case folder (case file and data files in the formats of the norms),
//! loads with the normal loader, evaluates under each year and compares output by output. A
//! failure shows expected against got for each output, and the explanation of the first output
//! that differs.
//!
//! Exit codes: 0 every case passes, 1 an output differs, 2 a case cannot be read or run.

mod case_file;
mod folder;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub use case_file::{DEFAULTS_FILE, TestCase, TestDefaults};
use case_file::{Expected, read_case, read_defaults};
use peps_engine::case::CaseOptions;
use peps_engine::diagnostic::{Diagnostic, did_you_mean};
use peps_engine::eval::{Evaluation, Read, evaluate};
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;
use peps_engine::value::Value;
use rust_decimal::Decimal;

use crate::args::RulesArgs;
use crate::exit::{EXIT_FINDINGS, EXIT_IO, EXIT_OK};
use crate::format::Locale;
use crate::language::Say;
use crate::report::{Sources, render_text};
use crate::say;
use crate::workspace::{default_dir, load_year};

#[derive(clap::Args, Debug)]
pub struct TestArgs {
    /// Case files, or folders of case files (default: tests/cases)
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rules: RulesArgs,
    /// Also write each generated case folder under DIR (DIR/<case>-<year>), to open it with
    /// `peps compute` or `peps explain`
    #[arg(long, value_name = "DIR")]
    keep: Option<PathBuf>,
}

/// How one case went under one year.
enum Outcome {
    Pass,
    /// Expected against got for the outputs that differ, and the explanation of the first
    /// difference.
    Fail {
        table: String,
        explain: String,
    },
    /// The case could not be run: why.
    Broken(String),
}

pub fn run(args: &TestArgs) -> u8 {
    let paths = if args.paths.is_empty() { vec![default_cases_dir()] } else { args.paths.clone() };
    let files = match case_files(&paths) {
        Ok(f) => f,
        Err(e) => {
            say::error(e);
            return EXIT_IO;
        }
    };
    if files.is_empty() {
        let paths = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
        crate::say::error(msg!("cli-test-no-case", paths = paths));
        eprintln!("  {}", msg!("cli-test-no-case-help").say());
        return crate::exit::EXIT_IO;
    }
    let mut runner = Runner { rules: &args.rules, keep: args.keep.clone(), books: HashMap::new(), defaults: HashMap::new() };
    let (mut passed, mut failed, mut broken, mut runs) = (0usize, 0usize, 0usize, 0usize);
    for file in &files {
        let outcomes = runner.run_case(file);
        runs += outcomes.len();
        if outcomes.iter().any(|(_, o)| matches!(o, Outcome::Broken(_))) {
            broken += 1;
        } else if outcomes.iter().any(|(_, o)| matches!(o, Outcome::Fail { .. })) {
            failed += 1;
        } else {
            passed += 1;
        }
        say::emit(&case_report(file, &outcomes));
    }
    let mut summary = msg!("cli-test-summary", cases = files.len(), runs = runs, passed = passed).say();
    if failed > 0 {
        let _ = write!(summary, "{}", msg!("cli-test-summary-failed", count = failed).say());
    }
    if broken > 0 {
        let _ = write!(summary, "{}", msg!("cli-test-summary-broken", count = broken).say());
    }
    say::emit(&format!("\n{summary}\n"));
    if broken > 0 {
        EXIT_IO
    } else if failed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// One line for a case that passes; for one that does not, its description and reference (how
/// the expected numbers are derived), then each difference, years with the same differences
/// together, and the explanation of the first difference.
fn case_report(file: &Path, outcomes: &[(Option<i32>, Outcome)]) -> String {
    let years = |ys: &[Option<i32>]| ys.iter().flatten().map(i32::to_string).collect::<Vec<_>>().join(" ");
    let all: Vec<Option<i32>> = outcomes.iter().map(|(y, _)| *y).collect();
    let state = if outcomes.iter().any(|(_, o)| matches!(o, Outcome::Broken(_))) {
        msg!("cli-test-state-error")
    } else if outcomes.iter().any(|(_, o)| matches!(o, Outcome::Fail { .. })) {
        msg!("cli-test-state-failed")
    } else {
        return format!("{:<6}  {}  {}\n", msg!("cli-test-state-ok").say(), file.display(), years(&all));
    };
    let mut out = format!("{:<6}  {}  {}", state.say(), file.display(), years(&all)).trim_end().to_string();
    out.push('\n');
    if let Ok(case) = read_case(file) {
        for line in case.description.trim().lines() {
            let _ = writeln!(out, "{}", format!("  | {line}").trim_end());
        }
        let _ = writeln!(out, "  {}", msg!("cli-diff-reference", reference = &case.reference).say());
    }
    // Years whose differences read the same are reported once.
    let mut groups: Vec<(Vec<Option<i32>>, &str, &str)> = Vec::new();
    for (year, o) in outcomes {
        let (text, explain) = match o {
            Outcome::Pass => continue,
            Outcome::Fail { table, explain } => (table.as_str(), explain.as_str()),
            Outcome::Broken(why) => (why.as_str(), ""),
        };
        match groups.iter_mut().find(|g| g.1 == text) {
            Some(g) => g.0.push(*year),
            None => groups.push((vec![*year], text, explain)),
        }
    }
    let passing: Vec<Option<i32>> = outcomes.iter().filter(|(_, o)| matches!(o, Outcome::Pass)).map(|(y, _)| *y).collect();
    for (ys, text, explain) in groups {
        let head = if ys.iter().any(Option::is_some) { format!("  {}: ", years(&ys)) } else { "  ".to_string() };
        let _ = write!(out, "{head}{}", indent_after_first(text, "    "));
        if !explain.is_empty() {
            out.push('\n');
            let _ = write!(out, "{}", indent_after_first(&format!("    {}", explain.trim_start()), "    "));
        }
    }
    if !passing.is_empty() {
        let _ = writeln!(out, "  {}", msg!("cli-test-as-expected", years = years(&passing)).say());
    }
    out.push('\n');
    out
}

/// The current folder's `tests/cases`, else the repository's.
fn default_cases_dir() -> PathBuf {
    let dir = default_dir("tests/cases");
    if dir.is_relative() { dir } else { dir.canonicalize().unwrap_or(dir) }
}

/// The case files among `paths`: files as given, folders searched for `.toml` files (not their
/// `defaults.toml`), sorted.
fn case_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            collect(p, &mut out).map_err(|e| msg!("cli-cannot-read", path = p.display().to_string(), reason = e.to_string()).say())?;
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            return Err(msg!("cli-test-missing-path", path = p.display().to_string()).say());
        }
    }
    Ok(out)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "toml") && p.file_name().is_some_and(|n| n != DEFAULTS_FILE) {
            out.push(p);
        }
    }
    Ok(())
}

fn indent_after_first(text: &str, pad: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        if i > 0 && !line.is_empty() {
            out.push_str(pad);
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Rulebooks and defaults, each read once for the whole run.
struct Runner<'a> {
    rules: &'a RulesArgs,
    keep: Option<PathBuf>,
    books: HashMap<i32, Result<Rulebook, String>>,
    defaults: HashMap<PathBuf, Result<Rc<TestDefaults>, String>>,
}

impl Runner<'_> {
    /// Runs one case file under each of its years.
    fn run_case(&mut self, file: &Path) -> Vec<(Option<i32>, Outcome)> {
        let case = match read_case(file) {
            Ok(c) => c,
            Err(e) => return vec![(None, Outcome::Broken(format!("{e}\n")))],
        };
        let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        let defaults = match self.defaults.entry(dir.clone()).or_insert_with(|| read_defaults(&dir).map(Rc::new)) {
            Ok(d) => Rc::clone(d),
            Err(e) => return vec![(None, Outcome::Broken(format!("{e}\n")))],
        };
        case.years.iter().map(|&y| (Some(y), self.run_year(file, &case, &defaults, y))).collect()
    }

    fn book(&mut self, year: i32) -> Result<&Rulebook, String> {
        let rules = self.rules;
        let entry = self.books.entry(year).or_insert_with(|| {
            let mut sources = Sources::default();
            let (rb, diags) = load_year(rules, year, &mut sources);
            rb.ok_or_else(|| {
                format!("{}\n{}", msg!("cli-test-rulebook-broken", year = year.to_string()).say(), render_text(&diags, &sources, false))
            })
        });
        entry.as_ref().map_err(Clone::clone)
    }

    fn run_year(&mut self, file: &Path, case: &TestCase, defaults: &TestDefaults, year: i32) -> Outcome {
        let keep = self.keep.clone();
        let rb = match self.book(year) {
            Ok(rb) => rb,
            Err(e) => return Outcome::Broken(e),
        };
        let stem = file.file_stem().map_or_else(|| "case".to_string(), |s| s.to_string_lossy().into_owned());
        let temp;
        // Declared after `temp`, dropped before it: an interrupt removes the folder meanwhile.
        let _registered;
        let dir = match &keep {
            Some(k) => k.join(format!("{stem}-{year}")),
            None => match tempfile::tempdir() {
                Ok(t) => {
                    temp = t;
                    _registered = crate::temp::guard(temp.path());
                    temp.path().join(&stem)
                }
                Err(e) => return Outcome::Broken(format!("{}\n", msg!("cli-test-no-temp", reason = e.to_string()).say())),
            },
        };
        if let Err(e) = std::fs::create_dir_all(&dir) {
            return Outcome::Broken(format!(
                "{}\n",
                msg!("cli-schema-cannot-create", dir = dir.display().to_string(), reason = e.to_string()).say()
            ));
        }
        let case_dir = file.parent().unwrap_or(Path::new("."));
        if let Err(problems) = folder::write_folder(case, defaults, case_dir, rb, &dir) {
            return Outcome::Broken(problems.iter().map(|p| format!("{p}\n")).collect());
        }
        let (loaded, diags) = rb.cases().load(&dir, CaseOptions::default());
        let errors: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
        let Some(loaded) = loaded.filter(|_| errors.is_empty()) else {
            let mut sources = Sources::default();
            crate::workspace::add_files_of(&errors, &mut sources);
            let text = render_text(&errors, &sources, false);
            let shown = dir.display().to_string();
            let head = msg!("cli-test-case-broken", file = file.display().to_string());
            return Outcome::Broken(format!("{head}\n{}", text.replace(&shown, "<case>"), head = head.say()));
        };
        let evaluation = evaluate(rb, &loaded);
        compare(case, &evaluation, year)
    }
}

/// What one expectation found.
struct Check {
    name: String,
    expected: String,
    got: String,
    ok: bool,
    note: Option<String>,
}

/// Compares every expected output of `case` for `year` with the evaluation.
fn compare(case: &TestCase, e: &Evaluation, year: i32) -> Outcome {
    let mut expected: BTreeMap<&str, &Expected> = case.expected.iter().map(|(k, v)| (k.as_str(), v)).collect();
    if let Some(by_year) = case.expected_by_year.get(&year.to_string()) {
        expected.extend(by_year.iter().map(|(k, v)| (k.as_str(), v)));
    }
    // Keep the order of evaluation: the outputs first, in the order they were computed.
    let position = |name: &str| {
        let base = name.split_once('.').map_or(name, |(b, _)| b);
        e.outputs.iter().position(|o| o.name == base).unwrap_or(usize::MAX)
    };
    let mut names: Vec<&str> = expected.keys().copied().collect();
    names.sort_by_key(|n| (position(n), n.to_string()));
    let checks: Vec<Check> = names.iter().map(|n| check(n, expected[n], e)).collect();
    let failing: Vec<&Check> = checks.iter().filter(|c| !c.ok).collect();
    let errors: Vec<&Diagnostic> = e.diagnostics.iter().filter(|d| d.is_error()).collect();
    if failing.is_empty() && errors.is_empty() {
        return Outcome::Pass;
    }
    let mut out = format!("{}\n", msg!("cli-test-differ", failing = failing.len(), count = checks.len()).say());
    for d in &errors {
        let _ = writeln!(out, "error[{}]: {}", d.code.as_str(), d.message.say());
    }
    let w = failing.iter().map(|c| c.name.chars().count()).max().unwrap_or(0);
    let we = failing.iter().map(|c| c.expected.chars().count()).max().unwrap_or(0);
    for c in &failing {
        let note = c.note.as_ref().map(|n| format!("  ({n})")).unwrap_or_default();
        let expected = msg!("cli-test-expected", value = format!("{:<we$}", c.expected)).say();
        let got = msg!("cli-test-got", value = &c.got);
        let _ = writeln!(out, "  {:<w$}  {expected}  {got}{note}", c.name, expected = expected, got = got.say());
    }
    if !e.eligible && failing.iter().any(|c| c.got == msg!("cli-test-none").say()) {
        let failed: Vec<&str> = e.failed_checks.iter().map(|p| p.key.as_str()).collect();
        let _ = writeln!(out, "{}", msg!("cli-note", message = msg!("cli-test-not-eligible", failed = failed.join(", "))).say());
    }
    let explain = first_difference(&failing, e).map(|first| explain_path(e, first, &checks)).unwrap_or_default();
    Outcome::Fail { table: out, explain }
}

/// How many outputs the explanation of a failure opens at most.
const EXPLAIN_NODES: usize = 4;

/// The explanation of the first difference: that output as `peps explain` shows it (its
/// mechanism and what it read), then, one level at a time, the outputs it read that the case
/// does not check — where a difference it does not name can hide — down to the inputs. The
/// outputs the case checks and found as expected are named, not opened.
fn explain_path(e: &Evaluation, first: &str, checks: &[Check]) -> String {
    let verified: HashSet<&str> = checks.iter().filter(|c| c.ok && !c.name.contains('.')).map(|c| c.name.as_str()).collect();
    let mut out = format!("\n{}\n", msg!("cli-test-explain-path", output = first, year = e.year.to_string()).say());
    let mut queue = std::collections::VecDeque::from([first.to_string()]);
    let mut seen: HashSet<String> = HashSet::from([first.to_string()]);
    let mut opened = 0;
    while let Some(name) = queue.pop_front() {
        let Some(o) = e.output(&name) else { continue };
        if opened == EXPLAIN_NODES {
            queue.push_front(name);
            break;
        }
        opened += 1;
        if opened > 1 {
            out.push('\n');
        }
        let read: Vec<&str> =
            o.reads.iter().filter_map(|r| if let Read::Output { name, .. } = r { Some(name.as_str()) } else { None }).collect();
        for line in crate::explain::render(e, o, 0, Locale::Plain).lines().filter(|l| !l.starts_with("note: ") && !l.is_empty()) {
            // Say of each earlier output whether the case checked it, rather than `--depth`.
            let child = read.iter().find(|r| line.starts_with(['├', '└']) && line.contains(&format!("({r}) = ")));
            let not_opened = format!("({})", peps_engine::msg!("explain-not-opened").say());
            let line = match child {
                Some(r) if verified.contains(r) => line.replace(&not_opened, &msg!("cli-test-as-the-case-expects").say()),
                Some(_) => line.replace(&not_opened, &msg!("cli-test-not-checked").say()),
                None => line.to_string(),
            };
            let _ = writeln!(out, "  {line}");
        }
        for r in read.into_iter().filter(|r| !verified.contains(r)) {
            if seen.insert(r.to_string()) {
                queue.push_back(r.to_string());
            }
        }
    }
    if !queue.is_empty() {
        let rest: Vec<String> = queue.into_iter().collect();
        let _ = writeln!(out, "\n  {}", msg!("cli-test-not-opened", outputs = rest.join(", ")).say());
    }
    out
}

/// The differing output that no other differing output feeds: where the difference starts.
fn first_difference<'a>(failing: &[&'a Check], e: &Evaluation) -> Option<&'a str> {
    let bases: Vec<&str> = failing.iter().map(|c| c.name.split_once('.').map_or(c.name.as_str(), |(b, _)| b)).collect();
    let present: Vec<&str> = bases.iter().copied().filter(|b| e.output(b).is_some()).collect();
    present.iter().copied().find(|&b| {
        let upstream = upstream_outputs(e, b);
        !present.iter().any(|other| *other != b && upstream.contains(other))
    })
}

/// Every output `name` reads, directly or through other outputs.
fn upstream_outputs<'a>(e: &'a Evaluation, name: &str) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    let mut todo = vec![name.to_string()];
    while let Some(n) = todo.pop() {
        let Some(o) = e.output(&n) else { continue };
        for r in &o.reads {
            if let Read::Output { name, .. } = r
                && seen.insert(name.as_str())
            {
                todo.push(name.clone());
            }
        }
    }
    seen
}

/// Checks one expectation: `output` or `output.part` (a line of the output's breakdown).
fn check(name: &str, exp: &Expected, e: &Evaluation) -> Check {
    let got = actual(name, e);
    let (value, tolerance) = match exp {
        Expected::Exact(v) => (&v.0, Tolerance::Exact),
        Expected::Tolerant(t) => {
            let tol = match (&t.tolerance, &t.relative) {
                (Some(a), _) => Tolerance::Absolute(decimal(&a.0)),
                (None, Some(r)) => Tolerance::Relative(decimal(&r.0)),
                (None, None) => Tolerance::Exact,
            };
            (&t.value.0, tol)
        }
    };
    let expected_text = match (&tolerance, value) {
        (Tolerance::Absolute(t), v) => format!("{} ± {}", show(v), t.normalize()),
        (Tolerance::Relative(r), v) => format!("{} ± {} %", show(v), (r * Decimal::ONE_HUNDRED).normalize()),
        (Tolerance::Exact, v) => show(v),
    };
    let Ok(got) = got else {
        return Check { name: name.into(), expected: expected_text, got: msg!("cli-test-none").say(), ok: false, note: got.err() };
    };
    let (ok, note) = matches(value, &got, tolerance);
    Check { name: name.into(), expected: expected_text, got: shown_value(&got), ok, note }
}

#[derive(Clone, Copy)]
enum Tolerance {
    Exact,
    Absolute(Decimal),
    Relative(Decimal),
}

fn decimal(s: &str) -> Decimal {
    peps_engine::value::parse_rule_decimal(s).unwrap_or_default()
}

/// An expected value as the case wrote it.
fn show(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn shown_value(v: &Value) -> String {
    match v {
        Value::Null => msg!("cli-test-empty").say(),
        other => other.render(),
    }
}

/// The value under `name` in the evaluation, or why there is none.
fn actual(name: &str, e: &Evaluation) -> Result<Value, String> {
    let names = || e.outputs.iter().map(|o| o.name.as_str());
    if let Some((output, part)) = name.split_once('.') {
        let o = e.output(output).ok_or_else(|| missing(output, e, names()))?;
        let p = o.breakdown.iter().find(|p| p.key == part).ok_or_else(|| {
            let keys: Vec<&str> = o.breakdown.iter().map(|p| p.key.as_str()).collect();
            match did_you_mean(part, keys.iter().copied()) {
                Some(c) => msg!("cli-test-no-line-close", output = output, part = part, close = c).say(),
                None => msg!("cli-test-no-line", output = output, part = part, lines = keys.join(", ")).say(),
            }
        })?;
        return match (&p.value, p.count) {
            (Some(v), _) => Ok(v.clone()),
            (None, Some(c)) => Ok(Value::Number(Decimal::from(c))),
            (None, None) => Err(msg!("cli-test-line-empty", output = output, part = part).say()),
        };
    }
    match e.output(name) {
        Some(o) => Ok(o.value.clone()),
        None if name == e.total_name => Ok(e.total.clone()),
        None => Err(missing(name, e, names())),
    }
}

fn missing<'a>(name: &str, e: &Evaluation, names: impl Iterator<Item = &'a str>) -> String {
    let gate = if e.eligible { "no" } else { "yes" };
    match did_you_mean(name, names) {
        Some(c) => msg!("cli-test-no-output-close", output = name, gate = gate, close = c),
        None => msg!("cli-test-no-output", output = name, gate = gate),
    }
    .say()
}

/// Whether `got` is what `expected` says, with a note on the difference.
fn matches(expected: &toml::Value, got: &Value, tolerance: Tolerance) -> (bool, Option<String>) {
    match (expected, got) {
        (toml::Value::String(_) | toml::Value::Integer(_), Value::Number(g)) => {
            let Some(x) = (match expected {
                toml::Value::String(s) => peps_engine::value::parse_rule_decimal(s),
                toml::Value::Integer(i) => Some(Decimal::from(*i)),
                _ => None,
            }) else {
                return (false, Some(msg!("cli-test-not-a-number").say()));
            };
            let diff = *g - x;
            let ok = match tolerance {
                Tolerance::Exact => diff.is_zero(),
                Tolerance::Absolute(t) => diff.abs() <= t,
                Tolerance::Relative(r) => diff.abs() <= r * x.abs(),
            };
            let off = |d: Decimal| format!("{}{}", if d.is_sign_positive() { "+" } else { "" }, d.normalize());
            let note = (!diff.is_zero()).then(|| msg!("cli-test-off-by", diff = off(diff)).say());
            (ok, if ok { None } else { note })
        }
        (toml::Value::Boolean(x), Value::Bool(g)) => (x == g, None),
        (toml::Value::Datetime(x), Value::Date(g)) => (x.to_string() == g.format("%Y-%m-%d").to_string(), None),
        (toml::Value::String(x), Value::Text(g)) => (x.as_str() == g.as_str(), None),
        (toml::Value::String(x), Value::Date(g)) => (*x == g.format("%Y-%m-%d").to_string(), None),
        (_, Value::Null) => (false, Some(msg!("cli-test-no-value").say())),
        _ => (false, Some(msg!("cli-test-kinds-differ").say())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Value {
        Value::Number(s.parse().unwrap())
    }

    #[test]
    fn numbers_compare_exactly_by_default_whatever_their_scale() {
        assert!(matches(&toml::Value::String("0.90".into()), &num("0.9"), Tolerance::Exact).0);
        assert!(matches(&toml::Value::Integer(3), &num("3"), Tolerance::Exact).0);
        let (ok, note) = matches(&toml::Value::String("108.00".into()), &num("108.01"), Tolerance::Exact);
        assert!(!ok);
        assert_eq!(note.as_deref(), Some("off by +0.01"));
    }

    #[test]
    fn tolerances_are_absolute_or_relative() {
        let x = toml::Value::String("100".into());
        assert!(matches(&x, &num("100.01"), Tolerance::Absolute(decimal("0.01"))).0);
        assert!(!matches(&x, &num("100.02"), Tolerance::Absolute(decimal("0.01"))).0);
        assert!(matches(&x, &num("99.9"), Tolerance::Relative(decimal("0.001"))).0);
        assert!(!matches(&x, &num("99.8"), Tolerance::Relative(decimal("0.001"))).0);
    }

    #[test]
    fn booleans_dates_and_texts_compare_by_kind() {
        assert!(matches(&toml::Value::Boolean(false), &Value::Bool(false), Tolerance::Exact).0);
        assert!(!matches(&toml::Value::Boolean(true), &num("1"), Tolerance::Exact).0);
        let d = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        assert!(matches(&toml::Value::String("2025-12-31".into()), &Value::Date(d), Tolerance::Exact).0);
        assert!(matches(&toml::Value::String("MSP".into()), &Value::Text("MSP".into()), Tolerance::Exact).0);
    }
}
