//! `peps validate`: checks exchange files against their norm before they are deposited — every
//! problem at once, with its row, field and reason — and writes the rejected rows aside.
//!
//! This file chooses the norm (from `--norm`, the file name or the header), the norm version and
//! code lists (from the year's rulebook), opens the files and renders the report; the checks are
//! the engine's (`peps_engine::validate`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use peps_engine::data::norm::{CodeCheck, Encoding, Norm, load_norm};
use peps_engine::diagnostic::{Diagnostic, did_you_mean};
use peps_engine::message::Message;
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;
use peps_engine::rules::list::CodeList;
use peps_engine::validate::{self, CodeCount, FileReport, Links, Options, Problem, Sink, Validator};
use serde_json::{Map, Value as Json, json};

use crate::args::RulesArgs;
use crate::exit::{EXIT_FINDINGS, EXIT_IO, EXIT_OK};
use crate::language::Say;
use crate::output::AtomicFile;
use crate::report::Sources;
use crate::say;
use crate::workspace::{load_year, norms_roots, norms_source, print_diagnostics, rules_root, years};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// The files to check
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The norm to check against (default: the one whose file-name pattern the name follows,
    /// else the one whose columns the first line names)
    #[arg(long, value_name = "NAME")]
    norm: Option<String>,
    /// The year whose rulebook gives the norm's version and code lists (default: the year in
    /// which the period of the file name starts)
    #[arg(long)]
    year: Option<i32>,
    #[command(flatten)]
    rules: RulesArgs,
    /// Report format
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    format: ReportFormat,
    /// Write every rejected row in the header's columns, identifiers masked (unless
    /// --show-identifiers), with its line and reasons, to PATH (one FILE only); a row of another
    /// width is written whole in the first column
    #[arg(long, value_name = "PATH")]
    rejects: Option<PathBuf>,
    /// Replace the rejects file if it exists
    #[arg(long)]
    force: bool,
    /// Show personal identifiers in the report and the rejects file (masked by default)
    #[arg(long)]
    show_identifiers: bool,
    /// Problems shown per code (default: 5 in a table, all in JSON)
    #[arg(long, value_name = "N")]
    max_examples: Option<u64>,
    /// The day the files are deposited (JJ/MM/AAAA or AAAA-MM-JJ): warns about data deposited
    /// after its deadline, and about days no deposit period of the year's calendar covers
    #[arg(long, value_name = "DATE", value_parser = crate::schedule::parse_day)]
    deposit_date: Option<chrono::NaiveDate>,
}

/// Problems of each code a table shows unless told otherwise.
const TABLE_EXAMPLES: u64 = 5;

pub fn run(args: &ValidateArgs) -> u8 {
    if let Some(code) = check_usage(args) {
        return code;
    }
    let mut ctx = Context::new(args);
    let json_stream = args.format == ReportFormat::Json && args.max_examples.is_none();
    let mut out = Output::new(args.format);
    let mut worst = EXIT_OK;
    let mut outcomes = Vec::new();
    let examples = args.max_examples.unwrap_or(if json_stream { 0 } else { TABLE_EXAMPLES });
    // The files of the run, a folder standing for its CSV files; each with its norm chosen.
    let files: Vec<PathBuf> = args.files.iter().flat_map(|p| files_of(p)).collect();
    let mut chosen: Vec<(PathBuf, Result<NormChoice, Message>)> = files
        .into_iter()
        .map(|path| {
            let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            let choice = if path.is_file() { choose_norm(&mut ctx, &path, &name) } else { Err(Message::text("")) };
            (path, choice)
        })
        .collect();
    // A file the others refer to (a list that another file's rows name) is read first, and its
    // keys are checked in theirs.
    let norms: Vec<&Norm> = chosen.iter().filter_map(|(_, c)| c.as_ref().ok().map(|c| &c.0)).collect();
    let (links, problems) = Links::new(norms.iter().copied());
    for p in problems {
        say::note(msg!("cli-validate-link-unchecked", problem = p));
    }
    let links = links.with_period(run_period(&mut ctx, args, &chosen));
    let referred: Vec<bool> = chosen.iter().map(|(_, c)| c.as_ref().is_ok_and(|c| links.is_referred_to(&c.0.name))).collect();
    let mut order: Vec<usize> = (0..chosen.len()).collect();
    order.sort_by_key(|&i| !referred[i]);
    let mut links = links;
    // The references of each file checked that no file of the run gave keys to, as they were read.
    let mut unchecked: Vec<Unchecked> = Vec::new();
    for i in order {
        let (path, choice) = std::mem::replace(&mut chosen[i], (PathBuf::new(), Err(Message::text(""))));
        let written = out.n_files;
        let norm = choice.as_ref().ok().map(|c| c.0.clone());
        let outcome = validate_file(args, &mut ctx, (&path, choice), &mut links, &mut out, json_stream, examples);
        if let (Some(norm), Outcome::Checked { report, .. }) = (&norm, &outcome) {
            let file = report.file.clone();
            unchecked.extend(links.unchecked(norm).into_iter().map(|r| Unchecked { file: file.clone(), reference: r.clone() }));
        }
        if let Outcome::Failed { reason, .. } = &outcome {
            say::error(reason.clone());
        }
        // A streamed file is written as it is read; the others now.
        if out.n_files == written {
            out.file(&outcome, examples);
        }
        worst = worst.max(outcome.exit_code());
        outcomes.push(outcome);
    }
    let skipped = skipped_checks(&unchecked, &outcomes);
    out.finish(&outcomes, &skipped);
    worst
}

/// A reference of a file's rows that was not checked: no file of the run gave its keys.
struct Unchecked {
    file: String,
    reference: peps_engine::data::norm::Reference,
}

/// A check across files that could not run, and why: the file it reads is in the run but has
/// errors that keep its keys unread, or no file of its norm could be read or recognized.
struct Skipped {
    file: String,
    label: String,
    norm: String,
    reason: Message,
}

/// The checks across files that the run skipped because a file they read could not serve. A
/// reference to a norm no file of the run has is not checked either, as a file checked alone
/// is; it is said only when a file of the run could not be read or recognized (it may be that one).
fn skipped_checks(unchecked: &[Unchecked], outcomes: &[Outcome]) -> Vec<Skipped> {
    let unknown: Vec<&str> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Failed { file, .. } | Outcome::Empty { file, .. } => Some(file.as_str()),
            Outcome::Checked { .. } => None,
        })
        .collect();
    let mut out = Vec::new();
    for u in unchecked {
        let target = &u.reference.norm;
        let broken: Vec<&str> = outcomes
            .iter()
            .filter_map(|o| match o {
                Outcome::Checked { report, .. } if &report.norm == target => Some(report.file.as_str()),
                _ => None,
            })
            .collect();
        let reason = if !broken.is_empty() {
            msg!("cli-validate-skipped-broken", files = broken.join(", "), norm = target)
        } else if !unknown.is_empty() {
            msg!("cli-validate-skipped-unread", files = unknown.join(", "), norm = target)
        } else {
            continue;
        };
        out.push(Skipped { file: u.file.clone(), label: u.reference.label.clone(), norm: target.clone(), reason });
    }
    out
}

/// The period the files of the run are about, which the rules of a norm that read the period
/// compare dates with when a file's name names none: a case folder's, as the case reader of
/// `compute` reads it (its files' names, else its case file's dates, else its year's period), else
/// the period a file's name gives, else the period of `--year`. A case folder's CSV files that no
/// input reads are reported (D233), as `compute` reports them.
fn run_period(
    ctx: &mut Context<'_>,
    args: &ValidateArgs,
    chosen: &[(PathBuf, Result<NormChoice, Message>)],
) -> Option<peps_engine::value::Period> {
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let from_names = chosen.iter().find_map(|(p, c)| c.as_ref().ok().and_then(|c| validate::file_name_period(&c.0, &name(p))));
    let mut period = None;
    for dir in args.files.iter().filter(|p| p.is_dir()) {
        // The year of the folder: --year, else a file name's, else the newest whose case file it holds.
        let named = chosen
            .iter()
            .filter(|(p, _)| p.parent() == Some(dir.as_path()))
            .find_map(|(p, c)| c.as_ref().ok().and_then(|c| validate::file_name_year(&c.0, &name(p))));
        let year = args.year.or(named).or_else(|| years(&rules_root(&args.rules)).last().copied());
        if let Some(Ok(Some(rb))) = year.map(|y| ctx.rulebook(y))
            && let Some((p, unread)) = rb.cases().outline(dir)
        {
            print_diagnostics(&unread, &ctx.sources);
            period = period.or(p);
        }
    }
    let period = period.or(from_names).or_else(|| args.year.and_then(|y| ctx.rulebook(y).ok().flatten().map(|rb| rb.period())));
    if period.is_some() || chosen.iter().all(|(_, c)| c.as_ref().is_ok_and(|c| c.0.rules.iter().all(|r| !r.reads_period()))) {
        return period;
    }
    // Nothing says which year the files are about: a date after the newest year of the rules is
    // after the period of any of them.
    let newest = years(&rules_root(&args.rules)).last().copied()?;
    let (start, end) = (chrono::NaiveDate::from_ymd_opt(newest, 1, 1)?, chrono::NaiveDate::from_ymd_opt(newest, 12, 31)?);
    say::note(msg!("cli-validate-period-assumed", year = newest.to_string()));
    Some(peps_engine::value::Period { start, end })
}

/// Refuses what cannot work before reading anything.
fn check_usage(args: &ValidateArgs) -> Option<u8> {
    args.rejects.as_ref()?;
    let n: usize = args.files.iter().map(|p| files_of(p).len()).sum();
    if n > 1 {
        say::error(msg!("cli-validate-rejects-one-file", count = n));
        return Some(EXIT_IO);
    }
    None
}

/// What one file came to.
enum Outcome {
    Checked {
        report: FileReport,
        rejects: Option<PathBuf>,
    },
    /// An empty file whose norm nothing tells: the V405 of an empty file of any norm.
    Empty {
        file: String,
        problem: Problem,
    },
    /// Not checked, or not to the end: the file or its norm cannot be read.
    Failed {
        file: String,
        reason: Message,
    },
}

impl Outcome {
    fn exit_code(&self) -> u8 {
        match self {
            Outcome::Checked { report, .. } if report.is_clean() => EXIT_OK,
            Outcome::Checked { .. } | Outcome::Empty { .. } => EXIT_FINDINGS,
            Outcome::Failed { .. } => EXIT_IO,
        }
    }
}

/// Norms and rulebooks, loaded once for all the files.
struct Context<'a> {
    args: &'a ValidateArgs,
    sources: Sources,
    /// The newest version of each norm of the norms folder.
    newest: Vec<Norm>,
    norm_diags: Vec<Diagnostic>,
    rulebooks: HashMap<i32, Option<Rulebook>>,
}

impl<'a> Context<'a> {
    fn new(args: &'a ValidateArgs) -> Self {
        let source = norms_source(&args.rules);
        let (mut newest, mut norm_diags, mut files) = (Vec::new(), Vec::new(), Vec::new());
        let mut versions: Vec<(String, u32)> = norms_roots(&args.rules).iter().flat_map(|root| norm_versions(root)).collect();
        // The newest version of each norm, wherever along the search path it is.
        versions.sort();
        versions.reverse();
        versions.dedup_by(|a, b| a.0 == b.0);
        versions.reverse();
        for (name, version) in versions {
            if let Some(n) = load_norm(&source, &name, version, &mut norm_diags, &mut files) {
                newest.push(n);
            }
        }
        let mut sources = Sources::default();
        sources.add(&files);
        // Warnings of the norms (a pattern without its form in words, R140) are the policy
        // officer's: said once; errors stop every file that needs a norm (`choose_norm`).
        if !norm_diags.is_empty() && !norm_diags.iter().any(Diagnostic::is_error) {
            print_diagnostics(&norm_diags, &sources);
        }
        Context { args, sources, newest, norm_diags, rulebooks: HashMap::new() }
    }

    /// The rulebook of `year`: `Ok(None)` when there is none, `Err` when it does not load.
    fn rulebook(&mut self, year: i32) -> Result<Option<&Rulebook>, Message> {
        if !self.rulebooks.contains_key(&year) {
            let exists = rules_root(&self.args.rules).join(year.to_string()).join("rulebook.toml").is_file();
            let rb = if exists {
                let (rb, diags) = load_year(&self.args.rules, year, &mut self.sources);
                if rb.is_none() || diags.iter().any(Diagnostic::is_error) {
                    print_diagnostics(&diags, &self.sources);
                    return Err(msg!("cli-validate-rulebook-broken", year = year.to_string()));
                }
                rb
            } else {
                None
            };
            self.rulebooks.insert(year, rb);
        }
        Ok(self.rulebooks[&year].as_ref())
    }
}

/// The newest version of each norm under `root` (`<name>/v<N>.toml`), by name.
fn norm_versions(root: &Path) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|dir| {
            let name = dir.file_name().to_str()?.to_string();
            let newest = std::fs::read_dir(dir.path())
                .ok()?
                .flatten()
                .filter_map(|f| f.file_name().to_str()?.strip_prefix('v')?.strip_suffix(".toml")?.parse::<u32>().ok())
                .max()?;
            Some((name, newest))
        })
        .collect();
    out.sort();
    out
}

/// The files a path stands for: itself, or the CSV files of a folder (a case folder), sorted.
fn files_of(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")))
        .collect();
    files.sort();
    if files.is_empty() {
        // Reported as the folder it is.
        files.push(path.to_path_buf());
    }
    files
}

fn validate_file(
    args: &ValidateArgs,
    ctx: &mut Context<'_>,
    (path, choice): (&Path, Result<NormChoice, Message>),
    links: &mut Links,
    out: &mut Output,
    json_stream: bool,
    examples: u64,
) -> Outcome {
    let shown = path.display().to_string();
    let failed = |reason: Message| Outcome::Failed { file: shown.clone(), reason };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| shown.clone());
    let file = match File::open(path).and_then(|f| f.metadata().map(|m| (f, m))) {
        Ok((_, m)) if m.is_dir() => return failed(msg!("cli-validate-folder", file = &shown)),
        Ok((f, m)) => (f, m.len()),
        Err(e) => return failed(msg!("cli-validate-unreadable", file = &shown, reason = peps_engine::rules::source::io_reason(&e))),
    };
    let (norm, lists, checks) = match choice {
        Ok(choice) => choice,
        // An empty file tells no norm, but it is empty whatever its norm: said as for any norm.
        Err(_) if starts_empty(path) => return Outcome::Empty { file: shown, problem: validate::empty_file_problem() },
        Err(reason) => return failed(reason),
    };
    let plan = match Validator::new(&norm, &lists, &checks) {
        Ok(p) => p,
        Err(diags) => {
            print_diagnostics(&diags, &ctx.sources);
            return failed(msg!("cli-validate-norm-unusable", norm = &norm.name, version = norm.version.to_string()));
        }
    };
    let options = Options { show_identifiers: args.show_identifiers, examples_per_code: examples, any_file_name: false };
    let mut rejects = match &args.rejects {
        // Never over the file checked, nor over a rule or norm file.
        Some(p) => match AtomicFile::create(
            p,
            args.force,
            &[&[path.to_path_buf()][..], &crate::output::rule_and_norm_files(&args.rules)].concat(),
            true,
        ) {
            Ok(f) => Some(RejectsFile::new(f, norm.separator, norm.encoding)),
            Err(e) => return failed(e.message()),
        },
        None => None,
    };
    let mut sink = Both { json: json_stream.then_some(&mut *out), rejects: rejects.as_mut(), wrote_problem: false };
    if let Some(json) = &mut sink.json {
        json.begin_file(&shown, &norm);
    }
    let (input, size) = file;
    // A regular file is read in chunks on every core; anything else (a pipe) as a stream.
    let result = match input.metadata() {
        Ok(m) if m.is_file() => plan.run_source(&name, &input, size, &options, &mut sink, links),
        _ => plan.run_linked(&name, input, Some(size), &options, &mut sink, links),
    };
    let mut report = match result {
        Ok(r) => r,
        Err(e) => {
            if let Some(json) = sink.json {
                json.abort_file(&e.to_string());
            }
            return failed(msg!("cli-validate-unreadable-end", file = &shown, reason = e.to_string()));
        }
    };
    report.file = shown.clone();
    if let Some(day) = args.deposit_date {
        let deadlines = |y: i32| {
            ctx.rulebook(y)
                .ok()
                .flatten()
                .map_or_else(Vec::new, |rb| peps_engine::rules::calendar::deadlines::deposit_deadlines(rb.calendar()))
        };
        for p in crate::schedule::deposit_problems(deadlines, &mut report, day, examples) {
            let _ = sink.problem(&p);
        }
    }
    if let Some(json) = sink.json {
        json.end_file(&report);
    }
    let rejects = match (rejects, &args.rejects) {
        (Some(r), Some(p)) => match r.commit() {
            Ok(()) => Some(p.clone()),
            Err(e) => return failed(e),
        },
        _ => None,
    };
    Outcome::Checked { report, rejects }
}

/// Whether the file at `path` is empty (nothing, or a byte-order mark alone).
fn starts_empty(path: &Path) -> bool {
    let mut start = Vec::new();
    File::open(path).and_then(|f| f.take(4).read_to_end(&mut start)).is_ok() && validate::is_empty_file(&start)
}

/// The norm of a file, and the code lists its code fields are checked against: `--norm`, else
/// the file name's pattern, else the header; its version, lists and code checks are those of the
/// year's rulebook.
fn choose_norm(ctx: &mut Context<'_>, path: &Path, name: &str) -> Result<NormChoice, Message> {
    if ctx.norm_diags.iter().any(Diagnostic::is_error) {
        print_diagnostics(&ctx.norm_diags, &ctx.sources);
        return Err(msg!("cli-validate-norms-broken"));
    }
    let names: Vec<&str> = ctx.newest.iter().map(|n| n.name.as_str()).collect();
    let newest = match &ctx.args.norm {
        Some(wanted) => match ctx.newest.iter().find(|n| &n.name == wanted) {
            Some(n) => n,
            None => {
                let norms = names.join(", ");
                return Err(match did_you_mean(wanted, names.iter().copied()) {
                    Some(close) => msg!("cli-validate-no-norm-close", norm = wanted, norms = norms, close = close),
                    None => msg!("cli-validate-no-norm", norm = wanted, norms = norms),
                });
            }
        },
        None => match by_name(&ctx.newest, name).or_else(|| by_header(&ctx.newest, path)) {
            Some(n) => n,
            None => {
                let patterns: Vec<String> =
                    ctx.newest.iter().filter_map(|n| n.file_name.as_ref().map(|f| format!("{} ({})", f.pattern, n.name))).collect();
                return Err(msg!("cli-validate-norm-unknown", file = name, patterns = patterns.join(", "), norms = names.join(", ")));
            }
        },
    };
    let year = ctx.args.year.or_else(|| validate::file_name_year(newest, name));
    let newest = newest.clone();
    let Some(year) = year else {
        // The file is still checked, its name first (V400 says the pattern it should follow);
        // only its codes cannot be checked against a year's lists.
        say::note(msg!("cli-validate-no-year", file = name));
        return Ok((newest, Vec::new(), Vec::new()));
    };
    match ctx.rulebook(year)? {
        Some(rb) => {
            let norm = rb.norms().iter().find(|n| n.name == newest.name).cloned().unwrap_or(newest);
            Ok((norm, rb.lists().to_vec(), rb.code_checks().to_vec()))
        }
        None => {
            let known = years(&rules_root(&ctx.args.rules));
            let known = known.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
            say::note(msg!("cli-validate-no-rulebook", year = year.to_string(), years = known, file = name));
            Ok((newest, Vec::new(), Vec::new()))
        }
    }
}

/// A file's norm, the lists of its year and the code checks its year's rulebook declares.
type NormChoice = (Norm, Vec<CodeList>, Vec<CodeCheck>);

/// The norm whose file-name pattern `name` follows (letter case aside).
fn by_name<'n>(norms: &'n [Norm], name: &str) -> Option<&'n Norm> {
    norms.iter().find(|n| validate::follows_file_name(n, name))
}

/// The norm whose columns the first line of the file names best (at least half of them).
fn by_header<'n>(norms: &'n [Norm], path: &Path) -> Option<&'n Norm> {
    let mut first = Vec::new();
    File::open(path).ok()?.take(64 << 10).read_to_end(&mut first).ok()?;
    let line = first.split(|&b| b == b'\n').next().unwrap_or(&[]);
    norms
        .iter()
        .map(|n| (validate::header_score(n, line), n))
        .filter(|(score, n)| *score >= 2 && score * 2 >= n.fields.len())
        .max_by_key(|(score, _)| *score)
        .map(|(_, n)| n)
}

/// The two places a problem can go while the file is read: the JSON stream and the rejects file.
struct Both<'o, 'r> {
    json: Option<&'o mut Output>,
    rejects: Option<&'r mut RejectsFile>,
    wrote_problem: bool,
}

impl Sink for Both<'_, '_> {
    fn problem(&mut self, problem: &Problem) -> io::Result<()> {
        if let Some(json) = &mut self.json {
            json.problem(problem, !self.wrote_problem);
            self.wrote_problem = true;
        }
        Ok(())
    }

    fn header(&mut self, raw: &[u8], terminator: &[u8]) -> io::Result<()> {
        match &mut self.rejects {
            Some(r) => r.header(raw, terminator),
            None => Ok(()),
        }
    }

    fn rejected(&mut self, row: u64, record: &[u8], terminator: &[u8], problems: &[Problem]) -> io::Result<()> {
        match &mut self.rejects {
            Some(r) => r.row(row, record, terminator, problems),
            None => Ok(()),
        }
    }

    fn wants_rejected_rows(&self) -> bool {
        self.rejects.is_some()
    }

    /// The JSON stream shows every problem, and a rejects file every reason of its rows; a report
    /// alone shows its examples, always in full: the others are only counted, their words never
    /// built (5 % of the wall time of a million rows with a warning on 593,000 of them:
    /// farm-bench, 6 December 2026).
    fn wants_every_problem(&self) -> bool {
        self.json.is_some() || self.rejects.is_some()
    }
}

/// The rejects file, streamed row by row into an [`AtomicFile`]: private (it may hold
/// identifiers, with --show-identifiers), never half-written, never over the file being checked.
/// Each rejected row keeps the header's columns (the engine masks identifiers and puts a row of
/// another width in one field), then its line and its reasons.
struct RejectsFile {
    out: BufWriter<AtomicFile>,
    sep: u8,
    encoding: Encoding,
}

impl RejectsFile {
    fn new(file: AtomicFile, sep: u8, encoding: Encoding) -> Self {
        RejectsFile { out: BufWriter::with_capacity(1 << 16, file), sep, encoding }
    }

    fn header(&mut self, raw: &[u8], terminator: &[u8]) -> io::Result<()> {
        self.out.write_all(raw)?;
        let sep = char::from(self.sep);
        self.text(&format!("{sep}SOURCE_ROW{sep}REJECT_REASONS"))?;
        self.out.write_all(if terminator.is_empty() { b"\n" } else { terminator })
    }

    fn row(&mut self, row: u64, raw: &[u8], terminator: &[u8], problems: &[Problem]) -> io::Result<()> {
        let reasons: Vec<String> = problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| match &p.field {
                Some(f) => format!("{} {f}: {}", p.code, p.message.say(), f = f.say()),
                None => format!("{} {}", p.code, p.message.say()),
            })
            .collect();
        self.out.write_all(raw)?;
        let sep = char::from(self.sep);
        self.text(&format!("{sep}{row}{sep}{}", quoted(&reasons.join(" | "), self.sep)))?;
        self.out.write_all(if terminator.is_empty() { b"\n" } else { terminator })
    }

    /// Writes text of our own in the file's encoding.
    fn text(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(&validate::encode_text(text, self.encoding))
    }

    fn commit(self) -> Result<(), Message> {
        let file = self.out.into_inner().map_err(|e| msg!("cli-validate-rejects-unwritable", reason = e.error().to_string()))?;
        file.commit().map_err(|e| e.message())
    }
}

/// A CSV field, quoted when it holds the separator, a quote or a line break.
fn quoted(text: &str, sep: u8) -> String {
    if text.bytes().any(|b| b == sep || b == b'"' || b == b'\n' || b == b'\r') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The report on stdout: a table, or one JSON document written as the files are read (so that
/// every problem of a large file is listed without being held in memory).
struct Output {
    format: ReportFormat,
    out: BufWriter<io::Stdout>,
    n_files: usize,
}

impl Output {
    fn new(format: ReportFormat) -> Self {
        let mut out = Output { format, out: BufWriter::new(io::stdout()), n_files: 0 };
        if format == ReportFormat::Json {
            out.write("{\"files\": [\n");
        }
        out
    }

    /// Writes to stdout; a closed pipe (`peps validate … | head`) ends the program quietly.
    fn write(&mut self, text: &str) {
        if self.out.write_all(text.as_bytes()).is_err() {
            crate::temp::exit(i32::from(EXIT_OK));
        }
    }

    fn next_file(&mut self) {
        if self.format == ReportFormat::Json && self.n_files > 0 {
            self.write(",\n");
        }
        self.n_files += 1;
    }

    /// Opens a file's JSON object up to its list of problems.
    fn begin_file(&mut self, file: &str, norm: &Norm) {
        self.next_file();
        let head = json!({"file": file, "norm": norm.name, "version": norm.version, "norm_status": norm.provenance.status});
        let text = serde_json::to_string(&head).unwrap_or_default();
        self.write(&format!("{}, \"problems\": [", text.trim_end_matches('}')));
    }

    fn problem(&mut self, problem: &Problem, first: bool) {
        let text = serde_json::to_string(&crate::language::json_value(problem, crate::language::lang())).unwrap_or_default();
        self.write(&format!("{}\n  {text}", if first { "" } else { "," }));
    }

    fn end_file(&mut self, report: &FileReport) {
        let tail = summary_json(report, true);
        let text = serde_json::to_string(&crate::language::json_value(&tail, crate::language::lang())).unwrap_or_default();
        self.write(&format!("\n], {}", text.trim_start_matches('{')));
    }

    fn abort_file(&mut self, reason: &str) {
        let text = serde_json::to_string(&json!({"status": "unreadable", "error": reason})).unwrap_or_default();
        self.write(&format!("\n], {}", text.trim_start_matches('{')));
    }

    /// A file's whole report, when it is not streamed.
    fn file(&mut self, outcome: &Outcome, examples: u64) {
        let text = match (self.format, outcome) {
            (ReportFormat::Json, _) => {
                serde_json::to_string_pretty(&crate::language::json_value(&outcome_json(outcome), crate::language::lang()))
                    .unwrap_or_default()
            }
            // The reason went to stderr.
            (ReportFormat::Table, Outcome::Failed { .. }) => return,
            (ReportFormat::Table, Outcome::Checked { report, rejects }) => table(report, rejects.as_deref(), examples),
            (ReportFormat::Table, Outcome::Empty { file, problem }) => empty_table(file, problem),
        };
        self.next_file();
        self.write(&text);
    }

    fn finish(mut self, outcomes: &[Outcome], skipped: &[Skipped]) {
        let clean = outcomes.iter().filter(|o| o.exit_code() == EXIT_OK).count();
        let failed = outcomes.iter().filter(|o| matches!(o, Outcome::Failed { .. })).count();
        let with_errors = outcomes.len() - clean - failed;
        match self.format {
            ReportFormat::Json => {
                let mut summary = json!({"files": outcomes.len(), "clean": clean, "with_errors": with_errors, "unreadable": failed});
                if !skipped.is_empty() {
                    let list: Vec<Json> = skipped
                        .iter()
                        .map(|s| json!({"file": s.file, "check": s.label, "norm": s.norm, "reason": s.reason.say()}))
                        .collect();
                    summary["skipped_checks"] = json!(list);
                }
                self.write(&format!("\n],\n\"summary\": {}}}\n", serde_json::to_string(&summary).unwrap_or_default()));
            }
            ReportFormat::Table => {
                if outcomes.len() > 1 {
                    let line =
                        msg!("cli-validate-files", files = outcomes.len(), clean = clean, with_errors = with_errors, unreadable = failed);
                    self.write(&format!("{line}\n", line = line.say()));
                }
                if !skipped.is_empty() {
                    let mut text = format!("{}\n", msg!("cli-validate-skipped-title", count = skipped.len()).say());
                    for s in skipped {
                        let line = msg!("cli-validate-skipped", file = &s.file, check = &s.label, reason = s.reason.clone());
                        let _ = writeln!(text, "  {}", line.say());
                    }
                    self.write(&text);
                }
            }
        }
        if self.out.flush().is_err() {
            crate::temp::exit(i32::from(EXIT_OK));
        }
    }
}

/// An encoding as norms write it.
fn encoding_label(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => "utf-8",
        Encoding::Windows1252 => "windows-1252",
    }
}

/// A file's counts as JSON; `complete` says whether its problems are all listed.
fn summary_json(report: &FileReport, streamed: bool) -> Json {
    let mut m = Map::new();
    let status = if report.is_clean() { "clean" } else { "errors" };
    m.insert("status".into(), json!(status));
    m.insert("period".into(), json!(report.period));
    m.insert("encoding".into(), json!(encoding_label(report.encoding)));
    m.insert("rows".into(), json!(report.rows));
    m.insert("valid".into(), json!(report.valid));
    m.insert("rejected".into(), json!(report.rejected));
    m.insert("errors".into(), json!(report.errors));
    m.insert("warnings".into(), json!(report.warnings));
    m.insert("notes".into(), json!(report.notes));
    // A streamed report lists every problem: each code is shown in full.
    let counts: Vec<CodeCount> =
        report.counts.iter().map(|c| CodeCount { shown: if streamed { c.count } else { c.shown }, ..c.clone() }).collect();
    m.insert("counts".into(), json!(counts));
    let not_shown = if streamed { 0 } else { report.not_shown };
    m.insert("problems_not_listed".into(), json!(not_shown));
    m.insert("complete".into(), json!(not_shown == 0));
    Json::Object(m)
}

fn outcome_json(outcome: &Outcome) -> Json {
    match outcome {
        Outcome::Checked { report, rejects } => {
            let mut m = Map::new();
            m.insert("file".into(), json!(report.file));
            m.insert("norm".into(), json!(report.norm));
            m.insert("version".into(), json!(report.version));
            m.insert("norm_status".into(), json!(report.norm_status));
            m.insert("problems".into(), json!(report.examples));
            if let Json::Object(tail) = summary_json(report, false) {
                m.extend(tail);
            }
            if let Some(p) = rejects {
                m.insert("rejects".into(), json!(p.display().to_string()));
            }
            Json::Object(m)
        }
        Outcome::Empty { file, problem } => json!({
            "file": file, "norm": null, "status": "errors", "problems": [problem],
            "rows": 0, "valid": 0, "rejected": 0, "errors": 1, "warnings": 0, "notes": 0,
        }),
        Outcome::Failed { file, reason } => json!({"file": file, "status": "unreadable", "error": reason.say()}),
    }
}

/// The table for people: a summary line, then per code its count and first examples.
fn table(report: &FileReport, rejects: Option<&Path>, examples: u64) -> String {
    let mut out = String::new();
    let mut verdict = if report.is_clean() { msg!("cli-validate-clean") } else { msg!("cli-validate-errors", count = report.errors) };
    if report.warnings > 0 {
        verdict = msg!("cli-validate-with-warnings", verdict = verdict, count = report.warnings);
    }
    if report.notes > 0 {
        verdict = msg!("cli-validate-with-notes", verdict = verdict, count = report.notes);
    }
    let summary = Message::id("cli-validate-summary")
        .with("file", &report.file)
        .with("verdict", verdict)
        .with("rows", report.rows)
        .with("valid", report.valid)
        .with("rejected", report.rejected);
    let _ = writeln!(out, "{summary}", summary = summary.say());
    let period =
        report.period.map_or_else(|| msg!("cli-validate-no-period"), |p| msg!("cli-validate-period", start = p.start, end = p.end));
    let status = serde_json::to_value(report.norm_status).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let norm = msg!(
        "cli-validate-norm",
        norm = &report.norm,
        version = report.version.to_string(),
        status = msg!("cli-status", status = status),
        period = period
    );
    let _ = writeln!(out, "  {norm}", norm = norm.say());
    for count in &report.counts {
        let (code, n) = (crate::report::code_id(count.code), count.count);
        let line = match count.severity {
            peps_engine::diagnostic::Severity::Error => msg!("cli-validate-code-errors", code = code, count = n),
            peps_engine::diagnostic::Severity::Warning => msg!("cli-validate-code-warnings", code = code, count = n),
            peps_engine::diagnostic::Severity::Note => msg!("cli-validate-code-notes", code = code, count = n),
        };
        let _ = writeln!(out, "\n  {line}", line = line.say());
        for p in report.examples.iter().filter(|p| p.code == count.code) {
            let _ = writeln!(out, "    {}", example(p));
            if let Some(h) = &p.hint {
                let _ = writeln!(out, "      {}", msg!("cli-validate-help", hint = h.clone()).say());
            }
        }
        let hidden = count.count - count.shown;
        if hidden > 0 {
            let _ = writeln!(out, "    {}", msg!("cli-validate-more", count = hidden).say());
        }
    }
    if report.not_shown == 0 && examples > 0 && !report.counts.is_empty() {
        let _ = writeln!(out, "\n  {}", msg!("cli-validate-all-shown").say());
    }
    if let Some(p) = rejects {
        let _ =
            writeln!(out, "\n  {}", msg!("cli-validate-rejects-written", count = report.rejected, path = p.display().to_string()).say());
    }
    out.push('\n');
    out
}

/// The table of an empty file whose norm nothing tells: its one problem.
fn empty_table(file: &str, problem: &Problem) -> String {
    let code = problem.code;
    let verdict = msg!("cli-validate-errors", count = 1);
    let mut out = format!("{}\n", msg!("cli-validate-empty-summary", file = file, verdict = verdict).say());
    let _ = writeln!(out, "\n  {}", msg!("cli-validate-code-errors", code = crate::report::code_id(code), count = 1).say());
    let _ = writeln!(out, "    {}\n", example(problem));
    out
}

/// `row 12, NUM_PS = "…": message`.
fn example(p: &Problem) -> String {
    let mut where_ = match p.row {
        Some(r) => msg!("cli-validate-row", row = r.to_string()).say(),
        None => msg!("cli-validate-whole-file").say(),
    };
    if let Some(f) = &p.field {
        where_.push_str(&format!(", {f}", f = f.say()));
        if let Some(v) = p.value.as_ref().map(Say::say) {
            if v.starts_with("[masked") {
                where_.push_str(&format!(" = {v}"));
            } else {
                where_.push_str(&format!(" = \"{}\"", clip(&v, 60)));
            }
        }
    } else if let Some(v) = p.value.as_ref().map(Say::say) {
        where_.push_str(&format!(" \"{}\"", clip(&v, 60)));
    }
    msg!("cli-validate-example", place = where_, message = p.message.clone()).say()
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max { text.to_string() } else { format!("{}…", text.chars().take(max).collect::<String>()) }
}
