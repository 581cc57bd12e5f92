//! `peps impact`: the same cases under two sets of rules, each output's delta and the delta of
//! the total attributed to each changed rule item. Two questions: what a draft costs
//! (`--year Y --rules DRAFT [--baseline-rules DIR]`), and what changed from one year to another
//! (`--from X --to Y`). Over several cases or a folder of cases: a row per team, ranked by
//! impact, the sum, and the credits summed item by item.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use peps_engine::case::CaseOptions;
use peps_engine::compare::impact::{Impact, ImpactItem, impact};
use peps_engine::diagnostic::{Code, Diagnostic, Location};
use peps_engine::message::Message;
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;
use peps_engine::value::{Unit, Value};
use rayon::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::args::RulesArgs;
use crate::exit::{EXIT_FINDINGS, EXIT_IO};
use crate::format::{Locale, human, number};
use crate::json::json;
use crate::language::Say;
use crate::report::Sources;
use crate::say;
use crate::workspace::{exit_code, load_year, print_diagnostics};

mod html;
mod show;
mod sweep;
mod xlsx;

#[derive(clap::Args, Debug)]
pub struct ImpactArgs {
    /// The earlier year (with --to): what changed from one year to the next
    #[arg(long, requires = "to", conflicts_with = "year")]
    from: Option<i32>,
    /// The later year (with --from)
    #[arg(long, requires = "from")]
    to: Option<i32>,
    /// The year of a draft (with --rules DRAFT): what the draft costs against the shipped rules
    #[arg(long)]
    year: Option<i32>,
    #[command(flatten)]
    rules: RulesArgs,
    /// With --year: the rules the draft is compared with (default: the repository's `rules/`)
    #[arg(long, value_name = "DIR", requires = "year")]
    baseline_rules: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ImpactFormat::Table)]
    format: ImpactFormat,
    /// With --year: a cost curve, one rule value swept (NAME=FROM..TO:STEP; see docs/courbes-de-cout.md)
    #[arg(long, value_name = "NAME=FROM..TO:STEP", requires = "year", conflicts_with = "baseline_rules")]
    sweep: Option<String>,
    /// Number style
    #[arg(long, value_enum, env = "PEPS_LOCALE", default_value_t = Locale::Fr)]
    locale: Locale,
    #[command(flatten)]
    reading: crate::case_run::CaseReading,
    #[command(flatten)]
    manifest: crate::manifest::ManifestArgs,
    #[command(flatten)]
    output: crate::xlsx::OutputArgs,
    /// With several cases: threads to use (0: one per core)
    #[arg(long, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// The case folders, or folders of case folders
    #[arg(required = true)]
    cases: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImpactFormat {
    Table,
    Json,
    /// With --sweep: one row per value
    Csv,
    /// One self-contained page: totals per team, a chart of the deltas, each item's own delta (with
    /// --sweep: the curve drawn)
    Html,
    /// A workbook for spreadsheets: one sheet per table, figures as numbers (needs -o FILE on a terminal)
    Xlsx,
}

/// The two rulebooks compared: (earlier or shipped, later or draft).
fn rulebooks(args: &ImpactArgs, sources: &mut Sources) -> Result<(Rulebook, Rulebook), u8> {
    let load = |rules: &RulesArgs, year: i32, sources: &mut Sources| -> Result<Rulebook, u8> {
        let (rb, diags) = load_year(rules, year, sources);
        print_diagnostics(&diags, sources);
        rb.ok_or_else(|| exit_code(&diags).max(EXIT_FINDINGS))
    };
    match (args.from, args.to, args.year) {
        (Some(from), Some(to), None) => Ok((load(&args.rules, from, sources)?, load(&args.rules, to, sources)?)),
        (None, None, Some(year)) => {
            let Some(draft) = &args.rules.rules else {
                say::error(msg!("cli-impact-draft-needs-rules"));
                return Err(EXIT_IO);
            };
            let baseline = RulesArgs { rules: args.baseline_rules.clone(), norms: args.rules.norms.clone(), scheme: None };
            let draft = RulesArgs { rules: Some(draft.clone()), norms: args.rules.norms.clone(), scheme: None };
            Ok((load(&baseline, year, sources)?, load(&draft, year, sources)?))
        }
        _ => {
            say::error(msg!("cli-impact-usage"));
            Err(EXIT_IO)
        }
    }
}

/// The case folders named, folders of cases expanded, in order. A folder of cases gives its
/// sub-folders that hold the rulebook's case file or other data, as `compute` reads it: another
/// scheme's examples beside them (`examples/capitation/`, no data of its own) are not cases of
/// this one.
fn case_dirs(args: &ImpactArgs, rb: &Rulebook) -> Result<Vec<PathBuf>, u8> {
    let mut out = Vec::new();
    for p in &args.cases {
        if !p.is_dir() {
            say::error(msg!("cli-no-case-folder", dir = p.display().to_string()));
            return Err(EXIT_IO);
        }
        if crate::case_folders::is_folder_of_cases(p) {
            // A folder that holds data but no case file is read too: its row says the case
            // file is missing, rather than the team vanishing from the run.
            let inner = crate::case_folders::case_folders(p, rb).unwrap_or_default();
            out.extend(inner.iter().map(|f| f.path().to_path_buf()));
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

pub fn run(args: &ImpactArgs) -> u8 {
    if args.format == ImpactFormat::Xlsx
        && let Err(code) = destination(args).binary()
    {
        return code;
    }
    if let Some(spec) = &args.sweep {
        return sweep::run(args, spec);
    }
    if args.format == ImpactFormat::Csv {
        say::error(msg!("cli-sweep-format-needs-sweep"));
        return EXIT_IO;
    }
    let mut sources = Sources::default();
    let (from, to) = match rulebooks(args, &mut sources) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let dirs = match case_dirs(args, &to) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let options = args.reading.options();
    if let [dir] = dirs.as_slice() {
        return one(args, &from, &to, dir, options, &mut sources);
    }
    many(args, &from, &to, &dirs, options, &mut sources)
}

fn one(args: &ImpactArgs, from: &Rulebook, to: &Rulebook, dir: &Path, options: CaseOptions, sources: &mut Sources) -> u8 {
    let (result, diags) = impact(from, to, dir, options);
    print_diagnostics(&diags, sources);
    let Some(result) = result else { return exit_code(&diags).max(EXIT_FINDINGS) };
    let manifests = serde_json::json!({ "from": &result.manifest_from, "to": &result.manifest_to });
    // The baseline's rules are read too (the repository's by default).
    let baseline = RulesArgs {
        rules: Some(args.baseline_rules.clone().unwrap_or_else(|| crate::workspace::default_dir("rules"))),
        norms: args.rules.norms.clone(),
        scheme: None,
    };
    if let Err(code) = args.manifest.write(&manifests, dir, &[&args.rules, &baseline], &[&result.manifest_from, &result.manifest_to]) {
        return code;
    }
    let text = match args.format {
        ImpactFormat::Json => json(&result),
        ImpactFormat::Table | ImpactFormat::Csv => table(&result, [from, to], args.locale),
        ImpactFormat::Html => html::one(&result, [from, to], args.locale),
        ImpactFormat::Xlsx => return destination(args).book(xlsx::one(&result, [from, to], args.locale), exit_code(&diags)),
    };
    if let Err(code) = destination(args).text(&text) {
        return code;
    }
    exit_code(&diags)
}

/// Where the output goes (`-o FILE`): never over a case's file, nor a rule or norm file of
/// either side.
fn destination(args: &ImpactArgs) -> crate::xlsx::Destination {
    let baseline = RulesArgs { rules: args.baseline_rules.clone(), norms: args.rules.norms.clone(), scheme: None };
    let read: Vec<&Path> = args.cases.iter().map(PathBuf::as_path).collect();
    args.output.destination(args.manifest.force, &read, &[&args.rules, &baseline])
}

/// How a side is named: its year and label, or, comparing two sets of rules of one year, the
/// folder each comes from.
fn side(year: i32, label: &str, root: &str, same_year: bool) -> String {
    if same_year { format!("{year} {root}") } else { format!("{year} ({label})") }
}

fn money(mut d: Decimal, locale: Locale) -> String {
    let sign = if d.is_sign_positive() && !d.is_zero() { "+" } else { "" };
    if d.scale() < 2 {
        d.rescale(2);
    }
    format!("{sign}{} €", number(&d.to_string(), locale))
}

fn percent(delta: Decimal, base: &Value, locale: Locale) -> String {
    match base.as_number() {
        Some(f) if !f.is_zero() => format!(
            " ({}{} %)",
            if delta.is_sign_positive() && !delta.is_zero() { "+" } else { "" },
            number(&(delta / f * Decimal::ONE_HUNDRED).round_dp(1).to_string(), locale)
        ),
        _ => String::new(),
    }
}

/// A value as one line: whole when it is one line (a value people check is never cut), else its
/// first line and an ellipsis (a script function's code).
fn one_line(text: &str) -> String {
    match text.split_once('\n') {
        Some((first, _)) => format!("{first} …"),
        None => text.to_string(),
    }
}

fn items_table(out: &mut String, items: &[ImpactItem], rbs: [&Rulebook; 2], locale: Locale) {
    if items.is_empty() {
        let _ = writeln!(out, "  {}", msg!("cli-impact-no-item").say());
        return;
    }
    let columns = crate::width::columns();
    let kind = |i: &ImpactItem| msg!("cli-diff-kind", kind = i.kind.as_str()).say();
    // The item by its whole label first, then its name, wrapped in its column; under it, its
    // values the French way (a value people check is never cut) and its note.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut under: Vec<Vec<String>> = Vec::new();
    for i in items {
        let [before, after] = show::item_values(i, rbs, locale).map(|v| one_line(&v));
        rows.push(vec![kind(i), show::item_name(i), money(i.delta, locale)]);
        let mut lines = vec![format!("{before} → {after}")];
        lines.extend(i.note.iter().map(|n| format!("({})", n.say())));
        under.push(lines);
    }
    let sum: Decimal = items.iter().map(|i| i.delta).sum();
    let (label, note) = (msg!("cli-impact-sum").say(), msg!("cli-impact-sum-note"));
    rows.push(vec![String::new(), label, money(sum, locale)]);
    under.push(vec![note.say()]);
    let indent = 2 + rows.iter().map(|r| crate::width::width(&r[0])).max().unwrap_or(0) + 2;
    for (lines, notes) in crate::width::table_rows(&rows, 1, &[false, false, true], "  ", columns).iter().zip(&under) {
        for line in lines {
            let _ = writeln!(out, "{line}");
        }
        for n in notes {
            let _ = writeln!(out, "{}", crate::width::wrap_indented(n, columns, &" ".repeat(indent + 2), indent + 4));
        }
    }
}

fn table(i: &Impact, rbs: [&Rulebook; 2], locale: Locale) -> String {
    let roots = [rbs[0].root(), rbs[1].root()];
    let mut out = String::new();
    let eur = Unit::Eur;
    let same = i.from == i.to;
    let columns = crate::width::columns();
    let title =
        format!("Impact {} → {} — {}", side(i.from, &i.rules_from, roots[0], same), side(i.to, &i.rules_to, roots[1], same), i.case);
    let _ = writeln!(out, "{}", crate::width::wrap_indented(&title, columns, "", 2));
    // Comparing two sets of rules of one year, both sides bring the data the same way: said once.
    let shifts = [&i.data_shift_from, &i.data_shift_to];
    for s in shifts.into_iter().flatten().take(if i.data_shift_from == i.data_shift_to { 1 } else { 2 }) {
        let _ = writeln!(out, "  {}", msg!("cli-impact-data-shift", from = s.from.to_string(), to = s.to.to_string()).say());
    }
    let _ = writeln!(out, "  {}", msg!("cli-impact-total", year = i.from.to_string(), amount = human(&i.total_from, eur, locale)).say());
    let _ = writeln!(out, "  {}", msg!("cli-impact-total", year = i.to.to_string(), amount = human(&i.total_to, eur, locale)).say());
    let delta = format!("{}{}", money(i.delta, locale), percent(i.delta, &i.total_from, locale));
    let _ = writeln!(out, "  {}\n", msg!("cli-impact-delta", delta = delta).say());
    let attribution = msg!("cli-impact-attribution", method = i.method.say()).say();
    let _ = writeln!(out, "{}", crate::width::wrap_indented(&attribution, columns, "", 2));
    items_table(&mut out, &i.items, rbs, locale);
    let _ = writeln!(out, "\n{}", msg!("cli-impact-outputs").say());
    // Each output by its label first, then its name.
    let shown = |o: &peps_engine::compare::impact::OutputDelta| format!("{} ({})", o.label, o.name);
    let rows: Vec<Vec<String>> = i
        .outputs
        .iter()
        .map(|o| {
            let show = |v: &Option<Value>| v.as_ref().map_or("—".to_string(), |v| human(v, o.unit, locale));
            let delta = o.delta.map(|d| if d.is_zero() { "=".to_string() } else { show::signed(d, o.unit, locale) }).unwrap_or_default();
            vec![shown(o), show(&o.from), show(&o.to), delta]
        })
        .collect();
    for line in crate::width::table(&rows, 0, &[false, true, true, true], "  ", columns) {
        let _ = writeln!(out, "{line}");
    }
    out
}

/// One case's row of a run over many.
#[derive(Debug, Serialize)]
struct CaseRow {
    case: String,
    name: String,
    /// `ok`, or `error` when the case could not be compared (see the diagnostics).
    status: &'static str,
    total_from: Decimal,
    total_to: Decimal,
    delta: Decimal,
}

/// What a run over many cases prints as JSON.
#[derive(Debug, Serialize)]
struct Many<'a> {
    from: i32,
    to: i32,
    rules_from: &'a str,
    rules_to: &'a str,
    #[serde(skip)]
    roots: [&'a str; 2],
    method: peps_engine::message::Message,
    /// The cases, the largest impact first.
    cases: Vec<CaseRow>,
    total_from: Decimal,
    total_to: Decimal,
    delta: Decimal,
    /// The credits of each changed item, summed over the cases.
    items: Vec<ImpactItem>,
}

fn many(args: &ImpactArgs, from: &Rulebook, to: &Rulebook, dirs: &[PathBuf], options: CaseOptions, sources: &mut Sources) -> u8 {
    // Cases are read on every core at once: each file on its case's thread.
    let options = CaseOptions { one_thread: true, ..options };
    let pool = match crate::parallel::pool(args.threads) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let bar = crate::parallel::progress(dirs.len() as u64, &msg!("cli-impact-cases").say());
    let results: Vec<(Option<Impact>, Vec<Diagnostic>)> = pool.install(|| {
        dirs.par_iter()
            .map(|d| {
                // A case that panics gets its row in error (D236); the others go on.
                let r = crate::caught::catch(|| impact(from, to, d, options)).unwrap_or_else(|panic| {
                    let case = d.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    let diag = Diagnostic::error(Code::CasePanicked, msg!("cli-batch-case-panicked", case = case, panic = panic))
                        .at(Location::File { file: d.display().to_string() })
                        .hint(msg!("cli-batch-case-panicked-hint"));
                    (None, vec![diag])
                });
                bar.inc(1);
                r
            })
            .collect()
    });
    bar.finish_and_clear();
    let all: Vec<Diagnostic> = results.iter().flat_map(|(_, d)| d.iter().cloned()).collect();
    print_diagnostics(&all, sources);
    let mut rows = Vec::new();
    let mut items: Vec<ImpactItem> = Vec::new();
    let (mut total_from, mut total_to) = (Decimal::ZERO, Decimal::ZERO);
    for (dir, (result, _)) in dirs.iter().zip(&results) {
        let folder = dir.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let Some(r) = result else {
            rows.push(CaseRow {
                case: folder.clone(),
                name: folder,
                status: "error",
                total_from: Decimal::ZERO,
                total_to: Decimal::ZERO,
                delta: Decimal::ZERO,
            });
            continue;
        };
        let (f, t) = (r.total_from.as_number().unwrap_or_default(), r.total_to.as_number().unwrap_or_default());
        total_from += f;
        total_to += t;
        rows.push(CaseRow { case: folder, name: r.case.clone(), status: "ok", total_from: f, total_to: t, delta: r.delta });
        for item in &r.items {
            match items.iter_mut().find(|i| i.kind == item.kind && i.name == item.name) {
                Some(i) => i.delta += item.delta,
                None => items.push(ImpactItem { note: None, ..item.clone() }),
            }
        }
    }
    rows.sort_by(|a, b| b.delta.abs().cmp(&a.delta.abs()).then_with(|| a.case.cmp(&b.case)));
    let report = Many {
        from: from.year(),
        to: to.year(),
        rules_from: from.label(),
        rules_to: to.label(),
        roots: [from.root(), to.root()],
        method: peps_engine::compare::impact::method(),
        cases: rows,
        total_from,
        total_to,
        delta: total_to - total_from,
        items,
    };
    let text = match args.format {
        ImpactFormat::Json => json(&report),
        ImpactFormat::Table | ImpactFormat::Csv => many_table(&report, [from, to], args.locale),
        ImpactFormat::Html => html::many(&report, [from, to], args.locale),
        ImpactFormat::Xlsx => String::new(),
    };
    let errors = report.cases.iter().any(|c| c.status == "error");
    let code = if errors { exit_code(&all).max(crate::exit::EXIT_FINDINGS) } else { exit_code(&all) };
    match args.format {
        ImpactFormat::Xlsx => destination(args).book(xlsx::many(&report, [from, to], args.locale), code),
        _ => destination(args).text(&text).map_or_else(|c| c, |()| code),
    }
}

fn many_table(m: &Many<'_>, rbs: [&Rulebook; 2], locale: Locale) -> String {
    let mut out = String::new();
    let same = m.from == m.to;
    let title = Message::id("cli-impact-many-title")
        .with("from", side(m.from, m.rules_from, m.roots[0], same))
        .with("to", side(m.to, m.rules_to, m.roots[1], same))
        .with("count", m.cases.len());
    let columns = crate::width::columns();
    let _ = writeln!(out, "{}\n", crate::width::wrap_indented(&title.say(), columns, "", 2));
    let [case, name, delta, error, total] = [
        msg!("cli-impact-col-case"),
        msg!("cli-impact-col-name"),
        msg!("cli-impact-col-delta"),
        msg!("cli-impact-error"),
        msg!("cli-impact-total-row"),
    ]
    .map(|m| m.say());
    let amount = |d: Decimal| human(&Value::Number(d), Unit::Eur, locale);
    // The team's name wraps in its column; the figures never do.
    let mut rows = vec![vec![case, name, m.from.to_string(), m.to.to_string(), delta]];
    for c in &m.cases {
        if c.status == "error" {
            rows.push(vec![c.case.clone(), c.name.clone(), error.clone()]);
        } else {
            rows.push(vec![c.case.clone(), c.name.clone(), amount(c.total_from), amount(c.total_to), money(c.delta, locale)]);
        }
    }
    rows.push(vec![total, String::new(), amount(m.total_from), amount(m.total_to), money(m.delta, locale)]);
    for line in crate::width::table(&rows, 1, &[false, false, true, true, true], "", columns) {
        let _ = writeln!(out, "{line}");
    }
    let attribution = msg!("cli-impact-attribution-many", method = m.method.clone()).say();
    let _ = writeln!(out, "\n{}", crate::width::wrap_indented(&attribution, columns, "", 2));
    items_table(&mut out, &m.items, rbs, locale);
    out
}
