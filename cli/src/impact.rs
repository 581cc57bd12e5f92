//! `peps impact`: the same case under two years — each output's delta, and the delta of the
//! total attributed to the groups of rule changes that cause it.

use std::fmt::Write;
use std::path::PathBuf;

use peps_engine::compare::impact::{Impact, impact};
use peps_engine::data::case::CaseOptions;
use peps_engine::rulebook::Rulebook;
use peps_engine::value::Value;

use crate::RulesArgs;
use crate::format::{Locale, human, number};
use crate::json::json;
use crate::report::Sources;
use crate::workspace::{exit_code, load_year, print_diagnostics};

#[derive(clap::Args, Debug)]
pub struct ImpactArgs {
    /// The earlier year
    #[arg(long)]
    from: i32,
    /// The later year
    #[arg(long)]
    to: i32,
    #[command(flatten)]
    rules: RulesArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = ImpactFormat::Table)]
    format: ImpactFormat,
    /// Number style
    #[arg(long, value_enum, default_value_t = Locale::Plain)]
    locale: Locale,
    #[command(flatten)]
    manifest: crate::manifest::ManifestArgs,
    /// The case folder
    case: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImpactFormat {
    Table,
    Json,
}

pub fn run(args: &ImpactArgs) -> u8 {
    let mut sources = Sources::default();
    let load = |year: i32, sources: &mut Sources| -> Result<Rulebook, u8> {
        let (rb, diags) = load_year(&args.rules, year, sources);
        print_diagnostics(&diags, sources);
        rb.ok_or_else(|| exit_code(&diags).max(crate::EXIT_FINDINGS))
    };
    let (from, to) = match (load(args.from, &mut sources), load(args.to, &mut sources)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(c), _) | (_, Err(c)) => return c,
    };
    if !args.case.is_dir() {
        eprintln!("error: case folder {} does not exist or is not a folder", args.case.display());
        return crate::EXIT_IO;
    }
    let mut all = Vec::new();
    let mut read = |rb: &Rulebook| {
        let (case, diags) = rb.load_case(&args.case, CaseOptions::default());
        all.extend(diags);
        case
    };
    let (case_from, case_to) = (read(&from), read(&to));
    if all.iter().any(|d| d.is_error()) {
        print_diagnostics(&all, &sources);
        return exit_code(&all);
    }
    let (Some(case_from), Some(case_to)) = (case_from, case_to) else { return crate::EXIT_IO };
    let fresh = || load_year(&args.rules, args.from, &mut Sources::default()).0;
    let result = impact(&from, &to, &case_from, &case_to, &fresh);
    let manifests = serde_json::json!({ "from": &result.manifest_from, "to": &result.manifest_to });
    if let Err(code) = args.manifest.write(&manifests, &args.case) {
        return code;
    }
    let text = match args.format {
        ImpactFormat::Json => json(&result),
        ImpactFormat::Table => table(&result, args.locale),
    };
    crate::emit(&text);
    crate::EXIT_OK
}

fn money(d: rust_decimal::Decimal, locale: Locale) -> String {
    let sign = if d.is_sign_positive() && !d.is_zero() { "+" } else { "" };
    format!("{sign}{} €", number(&d.to_string(), locale))
}

fn table(i: &Impact, locale: Locale) -> String {
    let mut out = String::new();
    let eur = peps_engine::value::Unit::Eur;
    let _ = writeln!(out, "Impact {} → {}", i.from, i.to);
    let _ = writeln!(out, "  total {}: {}", i.from, human(&i.total_from, eur, locale));
    let _ = writeln!(out, "  total {}: {}", i.to, human(&i.total_to, eur, locale));
    let pct = match i.total_from.as_number() {
        Some(f) if !f.is_zero() => format!(
            " ({}{} %)",
            if i.delta.is_sign_positive() { "+" } else { "" },
            number(&(i.delta / f * rust_decimal::Decimal::ONE_HUNDRED).round_dp(1).to_string(), locale)
        ),
        _ => String::new(),
    };
    let _ = writeln!(out, "  delta: {}{pct}\n", money(i.delta, locale));
    let _ = writeln!(out, "Attribution of the delta (method: {})", i.method);
    for a in &i.attribution {
        let changed = if a.changed.is_empty() { "no change".to_string() } else { a.changed.join(", ") };
        let _ = writeln!(out, "  {:<12} {:>16}  {changed}", a.group, money(a.delta, locale));
        if let Some(n) = &a.note {
            let _ = writeln!(out, "  {:<12} {:>16}  note: {n}", "", "");
        }
    }
    let sum: rust_decimal::Decimal = i.attribution.iter().map(|a| a.delta).sum();
    let _ = writeln!(out, "  {:<12} {:>16}  (sum of the attributions = the delta)\n", "sum", money(sum, locale));
    let _ = writeln!(out, "Outputs");
    let width = i.outputs.iter().map(|o| o.name.len()).max().unwrap_or(10);
    for o in &i.outputs {
        let show = |v: &Option<Value>| v.as_ref().map_or("—".to_string(), |v| human(v, o.unit, locale));
        let delta = o
            .delta
            .map(|d| {
                if d.is_zero() {
                    "=".to_string()
                } else {
                    format!("{}{}", if d.is_sign_positive() { "+" } else { "" }, number(&d.to_string(), locale))
                }
            })
            .unwrap_or_default();
        let _ = writeln!(out, "  {:<width$}  {:>16}  {:>16}  {:>14}", o.name, show(&o.from), show(&o.to), delta);
    }
    out
}
