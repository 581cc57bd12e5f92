//! `peps explain`: why a figure is what it is — an output as a tree down to its inputs: each step
//! with its value and mechanism, the parameters read (value, unit, status, reference), the table
//! cells hit with their row counts and subtotals, the datasets and their row counts.

use std::collections::HashSet;
use std::fmt::Write;
use std::path::PathBuf;

use peps_engine::eval::{Evaluation, Output, Read};
use serde::Serialize;

use crate::RulesArgs;
use crate::case_run::evaluate_case;
use crate::format::{Locale, human};
use crate::json::json;

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// The year whose rulebook applies
    #[arg(long)]
    year: i32,
    #[command(flatten)]
    rules: RulesArgs,
    /// How many levels of earlier outputs to open (0: only the output itself)
    #[arg(long, default_value_t = 64)]
    depth: usize,
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
    if let Err(code) = args.manifest.write(&evaluation.manifest, &args.case) {
        return code;
    }
    let name = args.output.clone().unwrap_or_else(|| evaluation.total_name.clone());
    let Some(root) = evaluation.output(&name) else {
        let names: Vec<&str> = evaluation.outputs.iter().map(|o| o.name.as_str()).collect();
        let hint = peps_engine::diagnostic::did_you_mean(&name, names.iter().copied())
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        eprintln!("error: no output `{name}` in the {} evaluation{hint}", args.year);
        if !evaluation.eligible {
            eprintln!("note: not eligible, so the evaluation stopped at the eligibility checks");
        }
        return crate::EXIT_IO;
    };
    let text = match args.format {
        ExplainFormat::Json => {
            let mut seen = HashSet::new();
            let mut node = tree(&evaluation, root, args.depth, &mut seen);
            node.manifest = Some(&evaluation.manifest);
            json(&node)
        }
        ExplainFormat::Text => render(&evaluation, root, args.depth, args.locale),
    };
    crate::emit(&text);
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

/// Renders the tree with box-drawing guides, for a terminal.
pub fn render(e: &Evaluation, root: &Output, depth: usize, locale: Locale) -> String {
    let mut out = String::new();
    if !e.eligible {
        let _ = writeln!(out, "note: not eligible; the evaluation stopped at the eligibility checks\n");
    }
    let mut seen = HashSet::new();
    node(&mut out, e, root, "", depth, locale, &mut seen);
    out
}

fn node<'a>(out: &mut String, e: &'a Evaluation, o: &'a Output, prefix: &str, depth: usize, locale: Locale, seen: &mut HashSet<&'a str>) {
    seen.insert(&o.name);
    let _ = writeln!(out, "{} = {} — {}", o.name, human(&o.value, o.unit, locale), o.label);
    let body = format!("{prefix}│ ");
    let _ = writeln!(out, "{body}{}: {}", o.mechanism, o.formula);
    if let Some(src) = &o.source {
        for line in src.lines() {
            let _ = writeln!(out, "{body}    {line}");
        }
    }
    if let Some(r) = &o.reference {
        let _ = writeln!(out, "{body}reference: {r}");
    }
    if !o.assumed.is_empty() {
        let _ = writeln!(out, "{body}rests on {} assumed item{}", o.assumed.len(), if o.assumed.len() == 1 { "" } else { "s" });
    }
    for p in &o.breakdown {
        let count = p.count.map(|c| format!("{} × ", crate::format::number(&c.to_string(), locale))).unwrap_or_default();
        let value = p.value.as_ref().map(|v| human(v, o.unit, locale)).unwrap_or_default();
        let label = p.label.as_deref().map(|l| format!(" ({l})")).unwrap_or_default();
        let detail = p.detail.as_ref().map(|d| format!(" — {d}")).unwrap_or_default();
        let _ = writeln!(out, "{body}  · {}{label}: {count}{value}{detail}", p.key);
    }
    let n = o.reads.len();
    for (i, r) in o.reads.iter().enumerate() {
        let last = i + 1 == n;
        let (branch, next) = if last { ("└─ ", "   ") } else { ("├─ ", "│  ") };
        let child_prefix = format!("{prefix}{next}");
        let _ = write!(out, "{prefix}{branch}");
        match r {
            Read::Output { name, value } => match e.output(name) {
                Some(child) if depth > 0 && !seen.contains(name.as_str()) => node(out, e, child, &child_prefix, depth - 1, locale, seen),
                Some(child) => {
                    let why = if seen.contains(name.as_str()) { "explained above" } else { "not opened: raise --depth" };
                    let _ = writeln!(out, "{name} = {} — {} ({why})", human(value, child.unit, locale), child.label);
                }
                None => {
                    let _ = writeln!(out, "{name} (not evaluated)");
                }
            },
            Read::Parameter { name, value, unit, status, reference } => {
                let _ = writeln!(out, "parameter {name} = {} [{}] — {reference}", human(value, *unit, locale), status.as_str());
            }
            Read::Input { name, value } => {
                let _ = writeln!(out, "input {name} = {value} (case file)");
            }
            Read::Builtin { name, value } => {
                let _ = writeln!(out, "{name} = {value}");
            }
            Read::Table { name, status, reference } => {
                let _ = writeln!(out, "table {name} [{}] — {reference}", status.as_str());
            }
            Read::List { name, status, reference } => {
                let _ = writeln!(out, "list {name} [{}] — {reference}", status.as_str());
            }
            Read::Indicators { name, status, reference } => {
                let _ = writeln!(out, "indicators {name} [{}] — {reference}", status.as_str());
            }
            Read::Dataset { name, rows } => {
                let _ = writeln!(out, "dataset {name}: {} rows", crate::format::number(&rows.to_string(), locale));
            }
        }
    }
}
