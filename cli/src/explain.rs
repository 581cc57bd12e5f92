//! `peps explain`: why a figure is what it is. By default a summary that starts with the answer
//! (the figure, what it is made of with the values, what weighs most, the assumptions); with
//! `--depth N` or `--full`, the tree of outputs down to the inputs (parameters with value, status
//! and reference, datasets). Each step says first, in words, how its figure came out
//! (`Output::explanation`); `--details` adds the calculation as the rules write it and each step's
//! breakdown, and in the tree the Rhai source.

use std::collections::HashSet;
use std::fmt::Write;
use std::path::PathBuf;

use peps_engine::eval::{Evaluation, Output, Read};
use serde::Serialize;

use crate::args::RulesArgs;
use crate::case_run::evaluate_case;
use crate::exit::EXIT_IO;
use crate::format::{Locale, human};
use crate::json::json;
use crate::language::Say;
use crate::say;
use peps_engine::eval::Part;
use peps_engine::msg;
use peps_engine::value::Unit;

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// The year whose rulebook applies
    #[arg(long)]
    year: i32,
    #[command(flatten)]
    rules: RulesArgs,
    /// Instead of the summary, the tree of earlier outputs, opened this many levels deep (0: only
    /// the output itself)
    #[arg(long, value_name = "N", conflicts_with = "full")]
    depth: Option<usize>,
    /// Instead of the summary, the whole tree down to the inputs
    #[arg(long)]
    full: bool,
    /// Also the calculation as the rules write it and each output's breakdown (table cells hit,
    /// groups, classes); in the tree, its Rhai source
    #[arg(long)]
    details: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
    format: ExplainFormat,
    /// Number style
    #[arg(long, value_enum, env = "PEPS_LOCALE", default_value_t = Locale::Fr)]
    locale: Locale,
    #[command(flatten)]
    reading: crate::case_run::CaseReading,
    #[command(flatten)]
    manifest: crate::manifest::ManifestArgs,
    /// The case folder
    case: PathBuf,
    /// The output to explain (default: the total)
    output: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExplainFormat {
    Text,
    Json,
}

/// One node of the explanation: an output, with what it read.
#[derive(Serialize)]
pub struct Node<'a> {
    #[serde(flatten)]
    output: &'a Output,
    /// The earlier outputs it read, explained in turn (absent when cut by the depth or already
    /// explained above).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    inputs: Vec<Node<'a>>,
    /// On the root only: what the run read (engine, rulebook, norms and input hashes).
    #[serde(skip_serializing_if = "Option::is_none")]
    manifest: Option<&'a peps_engine::eval::RunManifest>,
}

pub fn run(args: &ExplainArgs) -> u8 {
    let (evaluation, code) = match evaluate_case(&args.rules, args.year, &args.case, args.reading.options()) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if let Err(code) = args.manifest.write(&evaluation.manifest, &args.case, &[&args.rules], &[&evaluation.manifest]) {
        return code;
    }
    let name = args.output.clone().unwrap_or_else(|| evaluation.total_name.clone());
    let Some(root) = evaluation.output(&name) else {
        let names: Vec<&str> = evaluation.outputs.iter().map(|o| o.name.as_str()).collect();
        let message = match peps_engine::diagnostic::did_you_mean(&name, names.iter().copied()) {
            Some(c) => msg!("explain-no-output-suggest", name = &name, year = args.year, suggestion = c),
            None => msg!("explain-no-output", name = &name, year = args.year),
        };
        eprintln!("{message}", message = message.say());
        if !evaluation.eligible {
            eprintln!("{}", msg!("explain-stopped-at-gate").say());
        }
        return EXIT_IO;
    };
    // The JSON is for machines: the whole tree unless a depth is asked.
    let depth = if args.full { usize::MAX } else { args.depth.unwrap_or(usize::MAX) };
    let text = match args.format {
        ExplainFormat::Json => {
            let mut seen = HashSet::new();
            let mut node = tree(&evaluation, root, depth, &mut seen);
            node.manifest = Some(&evaluation.manifest);
            json(&node)
        }
        ExplainFormat::Text if args.full || args.depth.is_some() => render_tree(&evaluation, root, depth, args.locale, args.details),
        ExplainFormat::Text => summary(&evaluation, root, args.locale, args.details),
    };
    say::emit(&text);
    code
}

fn tree<'a>(e: &'a Evaluation, o: &'a Output, depth: usize, seen: &mut HashSet<&'a str>) -> Node<'a> {
    seen.insert(&o.name);
    let mut inputs = Vec::new();
    if depth > 0 {
        for r in &o.reads {
            if let Read::Output { name, .. } = r
                && !seen.contains(name.as_str())
                && let Some(child) = e.output(name)
            {
                inputs.push(tree(e, child, depth - 1, seen));
            }
        }
    }
    Node { output: o, inputs, manifest: None }
}

/// How many of the outputs read weigh most, in the summary.
const WEIGHTIEST: usize = 3;

/// The answer first: the figure and, in words, how it came out with its values; then what it is
/// made of with the values, the outputs read that weigh most and the assumptions it rests on; the
/// tree is one flag away. With `details`, also the calculation as the rules write it and the
/// step's breakdown.
pub fn summary(e: &Evaluation, o: &Output, locale: Locale, details: bool) -> String {
    let mut out = String::new();
    if !e.eligible {
        let _ = writeln!(out, "{}\n", msg!("explain-stopped-at-gate").say());
    }
    let _ = writeln!(out, "{} ({}) = {}", o.label, o.name, human(&o.value, o.unit, locale));
    let _ = writeln!(out, "  {}", o.explanation.say());
    if details {
        let _ = writeln!(out, "  {}", msg!("explain-how", formula = &o.formula).say());
        for p in &o.breakdown {
            let _ = writeln!(out, "    · {}", part_line(p, o, locale));
        }
    }
    if !o.reads.is_empty() {
        let _ = writeln!(out, "\n{}", msg!("explain-made-of").say());
        for r in &o.reads {
            let _ = writeln!(out, "  · {}", read_line(e, r, locale));
        }
    }
    let mut weighty: Vec<(&Output, rust_decimal::Decimal)> = o
        .reads
        .iter()
        .filter_map(|r| match r {
            Read::Output { name, .. } => e.output(name),
            _ => None,
        })
        .filter(|c| c.unit == Unit::Eur)
        .filter_map(|c| Some((c, c.value.as_number()?.abs())))
        .filter(|(_, v)| !v.is_zero())
        .collect();
    if weighty.len() > 1 {
        weighty.sort_by_key(|w| std::cmp::Reverse(w.1));
        let _ = writeln!(out, "\n{}", msg!("explain-weighs-most").say());
        for (c, _) in weighty.iter().take(WEIGHTIEST) {
            let _ = writeln!(out, "  · {} ({}) = {}", c.label, c.name, human(&c.value, c.unit, locale));
        }
    }
    if !o.assumed.is_empty() {
        let _ = writeln!(out, "\n{}", msg!("explain-rests-on", count = o.assumed.len()).say());
        let mut items: Vec<(&String, Option<rust_decimal::Decimal>)> =
            o.assumed.iter().map(|item| (item, e.assumed_shares.iter().find(|s| &s.item == item).map(|s| s.share))).collect();
        items.sort_by_key(|item| std::cmp::Reverse(item.1));
        for (item, share) in items {
            let _ = writeln!(out, "  · {}", crate::compute::assumed_item(e, item, share, locale, true));
        }
    }
    let _ = writeln!(out, "\n{}", msg!("explain-more").say());
    out
}

/// One thing an output read, for the summary: its label first when it has one.
fn read_line(e: &Evaluation, r: &Read, locale: Locale) -> String {
    match r {
        Read::Output { name, value } => match e.output(name) {
            Some(c) => format!("{} ({name}) = {}", c.label, human(value, c.unit, locale)),
            None => msg!("explain-not-evaluated", name = name).say(),
        },
        Read::Parameter { name, label, value, unit, status, .. } => msg!(
            "explain-read-parameter",
            label = label,
            name = name,
            value = human(value, *unit, locale),
            status = msg!("cli-status", status = status.as_str())
        )
        .say(),
        Read::Input { name, value } => msg!("explain-read-input", name = name, value = value.to_string()).say(),
        Read::Builtin { name, value } => format!("{name} = {value}"),
        Read::Table { name, label, status, .. } => {
            msg!("explain-read-table", label = label, name = name, status = msg!("cli-status", status = status.as_str())).say()
        }
        Read::List { name, label, status, .. } => {
            msg!("explain-read-list", label = label, name = name, status = msg!("cli-status", status = status.as_str())).say()
        }
        Read::Indicators { name, label, status, .. } => {
            msg!("explain-read-indicators", label = label, name = name, status = msg!("cli-status", status = status.as_str())).say()
        }
        Read::Dataset { name, rows } => {
            msg!("explain-read-dataset", name = name, rows = *rows, shown = crate::format::number(&rows.to_string(), locale)).say()
        }
    }
}

/// Renders the tree with box-drawing guides, each output with its breakdown and source.
pub fn render(e: &Evaluation, root: &Output, depth: usize, locale: Locale) -> String {
    render_tree(e, root, depth, locale, true)
}

/// Renders the tree with box-drawing guides, for a terminal.
pub fn render_tree(e: &Evaluation, root: &Output, depth: usize, locale: Locale, details: bool) -> String {
    let mut out = String::new();
    if !e.eligible {
        let _ = writeln!(out, "{}\n", msg!("explain-stopped-at-gate").say());
    }
    let mut seen = HashSet::new();
    node(&mut out, e, root, "", Tree { depth, locale, details }, &mut seen);
    out
}

/// How the tree is drawn.
#[derive(Clone, Copy)]
struct Tree {
    depth: usize,
    locale: Locale,
    details: bool,
}

fn node<'a>(out: &mut String, e: &'a Evaluation, o: &'a Output, prefix: &str, t: Tree, seen: &mut HashSet<&'a str>) {
    let (depth, locale) = (t.depth, t.locale);
    seen.insert(&o.name);
    let _ = writeln!(out, "{} ({}) = {}", o.label, o.name, human(&o.value, o.unit, locale));
    let body = format!("{prefix}│ ");
    let _ = writeln!(out, "{body}{}", o.explanation.say());
    let _ = writeln!(out, "{body}{}", msg!("explain-mechanism", mechanism = o.mechanism, formula = o.formula.clone()).say());
    if let (Some(src), true) = (&o.source, t.details) {
        for line in src.lines() {
            let _ = writeln!(out, "{body}    {line}");
        }
    }
    if let Some(r) = &o.reference {
        let _ = writeln!(out, "{body}{}", msg!("explain-reference", reference = r).say());
    }
    if !o.assumed.is_empty() {
        let _ = writeln!(out, "{body}{}", msg!("explain-rests-on-short", count = o.assumed.len()).say());
    }
    if t.details {
        for p in &o.breakdown {
            let _ = writeln!(out, "{body}  · {}", part_line(p, o, locale));
        }
    } else if !o.breakdown.is_empty() {
        let _ = writeln!(out, "{body}  · {}", msg!("explain-breakdown-hidden", count = o.breakdown.len()).say());
    }
    let n = o.reads.len();
    for (i, r) in o.reads.iter().enumerate() {
        let last = i + 1 == n;
        let (branch, next) = if last { ("└─ ", "   ") } else { ("├─ ", "│  ") };
        let child_prefix = format!("{prefix}{next}");
        let _ = write!(out, "{prefix}{branch}");
        match r {
            Read::Output { name, value } => match e.output(name) {
                Some(child) if depth > 0 && !seen.contains(name.as_str()) => {
                    node(out, e, child, &child_prefix, Tree { depth: depth - 1, ..t }, seen);
                }
                Some(child) => {
                    let why = if seen.contains(name.as_str()) { msg!("explain-above") } else { msg!("explain-not-opened") };
                    let _ = writeln!(out, "{} ({name}) = {} ({why})", child.label, human(value, child.unit, locale), why = why.say());
                }
                None => {
                    let _ = writeln!(out, "{}", msg!("explain-not-evaluated", name = name).say());
                }
            },
            Read::Parameter { reference, .. }
            | Read::Table { reference, .. }
            | Read::List { reference, .. }
            | Read::Indicators { reference, .. } => {
                let _ = writeln!(out, "{} — {reference}", read_line(e, r, locale));
            }
            other => {
                let _ = writeln!(out, "{}", read_line(e, other, locale));
            }
        }
    }
}

/// One line of a breakdown: its key and label, the rows it counts, its value and detail.
fn part_line(p: &Part, o: &Output, locale: Locale) -> String {
    let label = p.label.as_ref().map(|l| format!(" ({})", l.say())).unwrap_or_default();
    let value = p.value.as_ref().map(|v| human(v, o.unit, locale));
    let count = p.count.map(|c| msg!("explain-rows", count = c, shown = crate::format::number(&c.to_string(), locale)).say());
    let figures: Vec<String> = [count, value].into_iter().flatten().collect();
    let detail = p.detail.as_ref().map(|d| format!(" ({})", d.say())).unwrap_or_default();
    format!("{}{label} : {}{detail}", key_words(&p.key), figures.join(", "))
}

/// A breakdown's key with its yes/no cells in the run's words (`c2s false` → `c2s non`).
fn key_words(key: &str) -> String {
    key.split(" · ")
        .map(|cell| match cell.rsplit_once(' ') {
            Some((name, "true")) => format!("{name} {}", msg!("cli-docs-yes").say()),
            Some((name, "false")) => format!("{name} {}", msg!("cli-docs-no").say()),
            _ => cell.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
