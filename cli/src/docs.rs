//! `peps docs`: a year's rulebook as a readable document — Markdown, and the same as one
//! self-contained HTML page (pulldown-cmark does the conversion).

use std::fmt::Write;
use std::path::PathBuf;

use peps_engine::data::norm::{CodeCheck, Field, Norm};
use peps_engine::message::Message;
use peps_engine::msg;
use peps_engine::rulebook::{Rulebook, Step};
use peps_engine::value::{Dated, Unit, Value};

use crate::args::RulesArgs;
use crate::exit::{EXIT_FINDINGS, EXIT_IO, EXIT_OK};
use crate::format::{Locale, human};
use crate::html::page;
use crate::language::Say;
use crate::report::Sources;
use crate::say;
use crate::workspace::{exit_code, load_year, print_diagnostics};

#[derive(clap::Args, Debug)]
pub struct DocsArgs {
    /// The year whose rulebook is documented
    #[arg(long)]
    year: i32,
    #[command(flatten)]
    rules: RulesArgs,
    /// Folder to write rules-<year>.md and rules-<year>.html into (default: Markdown on stdout)
    #[arg(long, short = 'o', value_name = "DIR")]
    out: Option<PathBuf>,
    /// Replace documents already in the folder
    #[arg(long)]
    force: bool,
}

pub fn run(args: &DocsArgs) -> u8 {
    let mut sources = Sources::default();
    let (rb, diags) = load_year(&args.rules, args.year, &mut sources);
    print_diagnostics(&diags, &sources);
    let Some(rb) = rb else { return exit_code(&diags).max(EXIT_FINDINGS) };
    let md = markdown(&rb);
    let Some(dir) = &args.out else {
        say::emit(&md);
        return EXIT_OK;
    };
    let html = page(rb.label(), &to_html(&md));
    if let Err(e) = std::fs::create_dir_all(dir) {
        say::error(msg!("cli-schema-cannot-create", dir = dir.display().to_string(), reason = e.to_string()));
        return EXIT_IO;
    }
    for (name, body) in [(format!("rules-{}.md", rb.year()), md), (format!("rules-{}.html", rb.year()), html)] {
        let path = dir.join(&name);
        if let Err(e) =
            crate::output::write_atomic(&path, body.as_bytes(), args.force, &crate::output::rule_and_norm_files(&args.rules), false)
        {
            say::error(e.message());
            return EXIT_IO;
        }
        crate::say::emit(&format!("{}\n", msg!("cli-schema-wrote", path = path.display().to_string()).say()));
    }
    EXIT_OK
}

pub fn to_html(md: &str) -> String {
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    let parser = pulldown_cmark::Parser::new_ext(md, options);
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, parser);
    out
}

/// A table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// A Markdown table's header row and its separator, from the message of its column names.
fn table_head(m: &mut String, head: Message, columns: usize) {
    let _ = writeln!(m, "{head}\n|{}", "---|".repeat(columns), head = head.say());
}

/// `Statut : **seed**. Référence : …`, the line under an item's heading.
fn status_line(status: &str, reference: &str) -> Message {
    msg!("cli-docs-status", status = status, reference = reference)
}

/// Values as people read them: `20 %`, `90,00 €`, `31/12/2025`, `oui`.
fn dated(values: &[Dated<Value>], unit: Unit) -> String {
    let shown = |v: &Value| human(v, unit, Locale::Fr);
    match values {
        [one] => shown(&one.value),
        many => {
            let then = format!("{} ", msg!("cli-docs-then").say());
            many.iter().map(|d| msg!("cli-docs-dated", value = shown(&d.value), from = d.from).say()).collect::<Vec<_>>().join(&then)
        }
    }
}

pub fn markdown(rb: &Rulebook) -> String {
    let mut m = String::new();
    let _ = writeln!(m, "# {}\n", rb.label());
    if !rb.scheme().is_empty() {
        let _ = writeln!(m, "{}  ", msg!("cli-docs-scheme", scheme = rb.scheme(), year = rb.year().to_string()).say());
    }
    let period = Message::id("cli-docs-period")
        .with("start", rb.period().start)
        .with("end", rb.period().end)
        .with("reference", rb.reference_date())
        .with("file", rb.case_file());
    let _ = writeln!(m, "{period}  ", period = period.say());
    let _ = writeln!(m, "{}\n", msg!("cli-docs-hash", hash = rb.hash()).say());
    let _ = writeln!(m, "{}\n", msg!("cli-docs-statuses").say());
    result(&mut m, rb);
    parameters(&mut m, rb);
    tables(&mut m, rb);
    lists(&mut m, rb);
    indicators(&mut m, rb);
    calendar(&mut m, rb);
    inputs(&mut m, rb);
    steps(&mut m, rb);
    for n in rb.norms() {
        norm(&mut m, n, rb.code_checks());
    }
    m
}

fn result(m: &mut String, rb: &Rulebook) {
    let name = |s: &Step| format!("`{}`", s.def.name);
    let _ = writeln!(m, "## {}\n", msg!("cli-docs-result").say());
    let _ = writeln!(m, "- {}", msg!("cli-docs-total", name = name(rb.total_step())).say());
    let parts: Vec<String> = rb.components().map(name).collect();
    let _ = writeln!(m, "- {}", msg!("cli-docs-components", names = parts.join(" + ")).say());
    if let Some(g) = rb.gate() {
        let _ = writeln!(m, "- {}", msg!("cli-docs-gate", name = name(g)).say());
    }
    let bars: Vec<String> = rb.waterfall().map(|(s, add)| if add { format!("+{}", name(s)) } else { name(s) }).collect();
    if !bars.is_empty() {
        let _ = writeln!(m, "- {}", msg!("cli-docs-waterfall", bars = bars.join(" → ")).say());
    }
    m.push('\n');
}

fn parameters(m: &mut String, rb: &Rulebook) {
    let _ = writeln!(m, "## {}\n", msg!("cli-docs-parameters").say());
    table_head(m, msg!("cli-docs-parameters-head"), 6);
    for p in rb.parameters() {
        let _ = writeln!(
            m,
            "| {} | `{}` | {} | {} | {} | {} |",
            cell(&rb.render_label(&p.provenance.label)),
            p.name,
            cell(&dated(&p.values, p.unit)),
            p.unit,
            p.provenance.status.as_str(),
            cell(&p.provenance.reference)
        );
    }
    m.push('\n');
}

fn tables(m: &mut String, rb: &Rulebook) {
    if rb.tables().is_empty() {
        return;
    }
    let _ = writeln!(m, "## {}\n", msg!("cli-docs-tables").say());
    for t in rb.tables() {
        let _ = writeln!(m, "### {} (`{}`)\n", rb.render_label(&t.provenance.label), t.name);
        let _ = writeln!(m, "{}\n", (status_line(t.provenance.status.as_str(), &t.provenance.reference)).say());
        if let Some(d) = &t.provenance.description {
            let _ = writeln!(m, "{d}\n");
        }
        let heads: Vec<String> =
            t.keys.iter().map(|k| k.name.clone()).chain(t.columns.iter().map(|c| format!("{} ({})", c.name, c.unit))).collect();
        let _ = writeln!(m, "| {} |\n|{}", heads.join(" | "), "---|".repeat(heads.len()));
        for r in &t.rows {
            let keys = r.keys.iter().map(|k| {
                let shown = match serde_json::to_value(k).unwrap_or_default() {
                    serde_json::Value::String(s) => s,
                    // A set of values of an enumerated key: `F` or `F, M`, not `["F"]`.
                    serde_json::Value::Array(values) => {
                        values.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).collect::<Vec<_>>().join(", ")
                    }
                    other => other.to_string(),
                };
                cell(&shown)
            });
            let vals = r.values.iter().map(|v| v.to_string());
            let _ = writeln!(m, "| {} |", keys.chain(vals).collect::<Vec<_>>().join(" | "));
        }
        m.push('\n');
    }
}

fn lists(m: &mut String, rb: &Rulebook) {
    if rb.lists().is_empty() {
        return;
    }
    let _ = writeln!(m, "## {}\n", msg!("cli-docs-lists").say());
    for l in rb.lists() {
        let _ = writeln!(m, "### {} (`{}`)\n", rb.render_label(&l.provenance.label), l.name);
        let _ = writeln!(m, "{}\n", (status_line(l.provenance.status.as_str(), &l.provenance.reference)).say());
        let attrs: Vec<String> = l.attributes.iter().map(|a| format!("{} ({})", a.name, a.unit)).collect();
        table_head(m, msg!("cli-docs-list-head", attributes = attrs.join(" | ")), 4 + attrs.len());
        for it in &l.items {
            let vals: Vec<String> = it.values.iter().zip(&l.attributes).map(|(v, a)| cell(&dated(v, a.unit))).collect();
            let _ = writeln!(
                m,
                "| `{}` | {} | {} | {} | {} |",
                it.code,
                cell(&rb.render_label(&it.provenance.label)),
                vals.join(" | "),
                it.provenance.status.as_str(),
                cell(&it.provenance.reference)
            );
        }
        m.push('\n');
    }
}

fn indicators(m: &mut String, rb: &Rulebook) {
    if rb.indicator_sets().is_empty() {
        return;
    }
    let _ = writeln!(m, "## {}\n", msg!("cli-docs-indicators").say());
    for s in rb.indicator_sets() {
        let _ = writeln!(m, "### {} (`{}`)\n", rb.render_label(&s.provenance.label), s.name);
        let method = Message::id("cli-docs-method")
            .with("method", format!("{:?}", s.method))
            .with("status", s.provenance.status.as_str())
            .with("reference", &s.provenance.reference);
        let _ = writeln!(m, "{method}\n", method = method.say());
        table_head(m, msg!("cli-docs-indicators-head"), 7);
        for i in &s.indicators {
            let _ = writeln!(
                m,
                "| `{}` | {} | {} | {} | {:?} | `{}` | {} |",
                i.name,
                cell(&rb.render_label(&i.provenance.label)),
                i.weight,
                i.target,
                i.direction,
                i.input,
                i.provenance.status.as_str()
            );
        }
        m.push('\n');
    }
}

fn calendar(m: &mut String, rb: &Rulebook) {
    if rb.calendar().is_empty() {
        return;
    }
    let _ = writeln!(m, "## {}\n", msg!("cli-docs-calendar").say());
    table_head(m, msg!("cli-docs-calendar-head"), 7);
    for e in rb.calendar() {
        let _ = writeln!(
            m,
            "| {} | {} | {} | {} | {} | {} | {} |",
            e.date.format("%d/%m/%Y"),
            cell(&rb.render_label(&e.provenance.label)),
            e.kind.as_str(),
            cell(&e.share_or_amount().unwrap_or_default()),
            cell(e.condition().unwrap_or_default()),
            e.provenance.status.as_str(),
            cell(&e.provenance.reference)
        );
    }
    m.push('\n');
}

fn inputs(m: &mut String, rb: &Rulebook) {
    let _ = writeln!(m, "## {}\n", msg!("cli-docs-inputs", file = rb.case_file()).say());
    table_head(m, msg!("cli-docs-inputs-head"), 5);
    for i in &rb.schema().inputs {
        let ty =
            serde_json::to_value(&i.kind).ok().and_then(|v| v.get("type").and_then(|t| t.as_str().map(str::to_string))).unwrap_or_default();
        let default = i
            .default
            .as_ref()
            .map(Value::render)
            .unwrap_or_else(|| if i.optional { msg!("cli-docs-optional").say() } else { String::new() });
        let _ = writeln!(m, "| `{}` | `{}` | {} | {} | {} |", i.section, i.name, ty, cell(&rb.render_label(&i.label)), cell(&default));
    }
    m.push('\n');
}

fn steps(m: &mut String, rb: &Rulebook) {
    let _ = writeln!(m, "## {}\n", msg!("cli-docs-steps").say());
    for (n, s) in rb.steps_in_order().enumerate() {
        let _ = writeln!(m, "### {}. {} (`{}`)\n", n + 1, rb.render_label(&s.def.label), s.def.name);
        let (mechanism, unit) = (s.def.mechanism.name(), s.unit.to_string());
        let line = match s.rounding {
            Some(r) => Message::id("cli-docs-mechanism-rounded")
                .with("mechanism", mechanism)
                .with("unit", unit)
                .with("step", r.step.to_string())
                .with("mode", format!("{:?}", r.mode)),
            None => msg!("cli-docs-mechanism", mechanism = mechanism, unit = unit),
        };
        let _ = writeln!(m, "{line}\n", line = line.say());
        let _ = writeln!(m, "```text\n{}\n```\n", s.def.describe().say());
        if let Some(src) = rb.function_source(s) {
            let _ = writeln!(m, "```rust\n{src}\n```\n");
        }
        if let Some(r) = &s.def.reference {
            let _ = writeln!(m, "{}\n", msg!("cli-docs-reference", reference = r).say());
        }
    }
}

fn norm(m: &mut String, n: &Norm, checks: &[CodeCheck]) {
    let title = msg!("cli-docs-norm", name = &n.name, version = n.version.to_string(), label = &n.provenance.label);
    let _ = writeln!(m, "## {title}\n", title = title.say());
    let _ = writeln!(m, "{}\n", (status_line(n.provenance.status.as_str(), &n.provenance.reference)).say());
    if let Some(f) = &n.file_name {
        let _ = writeln!(m, "{}  ", msg!("cli-docs-file-name", pattern = &f.pattern, format = &f.date_format).say());
    }
    let format = Message::id("cli-docs-format")
        .with("separator", (n.separator as char).to_string())
        .with("encoding", format!("{:?}", n.encoding))
        .with("dates", &n.date_format)
        .with("decimal", n.decimal_separator.to_string());
    let _ = writeln!(m, "{format}\n", format = format.say());
    let key = match (n.key.is_empty(), n.duplicate_rows_allowed()) {
        (false, _) => msg!("cli-docs-key", fields = n.key.join("`, `")),
        (true, false) => msg!("cli-docs-no-key"),
        (true, true) => msg!("cli-docs-no-key-allowed"),
    };
    let _ = writeln!(m, "{key}\n", key = key.say());
    table_head(m, msg!("cli-docs-fields-head"), 5);
    for f in &n.fields {
        let c = constraints(n, f, checks);
        let required = if f.required { msg!("cli-docs-yes") } else { msg!("cli-docs-no") };
        let _ = writeln!(
            m,
            "| `{}` | {} | {:?} | {required} | {} |",
            f.name,
            cell(&f.label),
            f.kind,
            cell(&c.join(" ; ")),
            required = required.say()
        );
    }
    m.push('\n');
    if !n.checks.is_empty() {
        let _ = writeln!(m, "{}\n", msg!("cli-docs-checks").say());
        for c in &n.checks {
            let _ = writeln!(m, "- {}", msg!("cli-docs-check", label = &c.label, when = &c.when).say());
        }
        m.push('\n');
    }
    if !n.references.is_empty() {
        let _ = writeln!(m, "{}\n", msg!("cli-docs-links").say());
        for r in &n.references {
            let (fields, keys) = (r.fields.join("`, `"), r.keys.join("`, `"));
            let link = match &r.at {
                Some(at) => Message::id("cli-docs-link-dated")
                    .with("label", &r.label)
                    .with("fields", fields)
                    .with("keys", keys)
                    .with("norm", &r.norm)
                    .with("at", at)
                    .with("from", r.valid_from.as_deref().unwrap_or("—"))
                    .with("to", r.valid_to.as_deref().unwrap_or("—")),
                None => msg!("cli-docs-link", label = &r.label, fields = fields, keys = keys, norm = &r.norm),
            };
            let _ = writeln!(m, "- {link}", link = link.say());
        }
        m.push('\n');
    }
}

/// What a field of a norm must hold, each constraint in words.
fn constraints(n: &Norm, f: &Field, checks: &[CodeCheck]) -> Vec<String> {
    let mut c: Vec<Message> = Vec::new();
    if let Some((a, b)) = f.length {
        c.push(if a == b {
            msg!("cli-docs-length", length = a)
        } else if b == usize::MAX {
            msg!("cli-docs-length-min", min = a)
        } else {
            msg!("cli-docs-length-range", min = a, max = b)
        });
    }
    if !f.values.is_empty() {
        c.push(msg!("cli-docs-values", values = f.values.join(", ")));
    }
    if let Some(p) = &f.pattern {
        c.push(msg!("cli-docs-pattern", pattern = p));
    }
    if let Some(check) = checks.iter().find(|k| k.norm == n.name && k.field == f.name) {
        if let Some(l) = &check.catalogue {
            c.push(msg!("cli-docs-in-catalogue", list = l));
        }
        match (&check.list, &check.catalogue, &check.unlisted) {
            (Some(l), Some(_), Some(u)) => c.push(msg!("cli-docs-outside-list-said", list = l, said = u)),
            (Some(l), Some(_), None) => c.push(msg!("cli-docs-outside-list", list = l)),
            (Some(l), None, _) => c.push(msg!("cli-docs-in-list", list = l)),
            (None, _, _) => {}
        }
    }
    let mut out: Vec<String> = c.into_iter().map(|m| m.say()).collect();
    if let Some(x) = f.min {
        out.push(format!("≥ {x}"));
    }
    if let Some(x) = f.max {
        out.push(format!("≤ {x}"));
    }
    if let Some(k) = f.checksum {
        out.push(msg!("cli-docs-checksum", key = format!("{k:?}")).say());
    }
    if f.identifier {
        out.push(msg!("cli-docs-identifier").say());
    }
    if let Some(r) = &f.required_if {
        out.push(msg!("cli-docs-required-if", condition = r).say());
    }
    out
}
