//! `peps impact --year Y --sweep NAME=FROM..TO:STEP CASES`: a cost curve. One rule value (a
//! parameter, a table cell, a list item's attribute: see `peps_engine::compare::sweep`) takes each
//! value of the range; every case is evaluated under each, giving the total and each case's cost
//! per value, and the largest step between two successive values is attributed item by item as
//! `impact` does. The cases are read once; each value only rebinds the rulebook.

use std::fmt::Write;
use std::path::PathBuf;

use peps_engine::case::Case;
use peps_engine::compare::impact::{ImpactItem, impact_of_case};
use peps_engine::compare::sweep::{SweepError, SweepItem, SweepSpec};
use peps_engine::diagnostic::{Code, Diagnostic, Location};
use peps_engine::eval::evaluate;
use peps_engine::message::Message;
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;
use peps_engine::value::{Unit, Value};
use rayon::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{ImpactArgs, ImpactFormat, items_table, money};
use crate::exit::{EXIT_FINDINGS, EXIT_IO};
use crate::format::{Locale, human, number};
use crate::html::{escape, page};
use crate::json::json;
use crate::language::Say;
use crate::report::Sources;
use crate::say;
use crate::workspace::{exit_code, load_year, print_diagnostics};

mod xlsx;

/// A sweep that cannot run, worded for people.
fn usage(e: &SweepError, spec: &str) -> Message {
    match e {
        SweepError::Syntax => msg!("cli-sweep-syntax", spec = spec),
        SweepError::NotANumber { text } => msg!("cli-sweep-not-a-number", text = text),
        SweepError::Reversed { from, to } => msg!("cli-sweep-reversed", from = from.to_string(), to = to.to_string()),
        SweepError::StepNotPositive { step } => msg!("cli-sweep-step", step = step.to_string()),
        SweepError::TooMany { count, max } => {
            let count = if *count == usize::MAX { format!(">{max}") } else { count.to_string() };
            msg!("cli-sweep-too-many", count = count, max = max.to_string())
        }
        SweepError::UnknownName { name, suggestion } => with_suggestion(msg!("cli-sweep-unknown", name = name), suggestion),
        SweepError::UnknownPart { name, part, suggestion } => {
            with_suggestion(msg!("cli-sweep-unknown-part", name = name, part = part), suggestion)
        }
        SweepError::WhichPart { name, choices } => msg!("cli-sweep-which-part", name = name, choices = choices),
        SweepError::BadKeys { table, keys, expected } => msg!("cli-sweep-bad-keys", table = table, keys = keys, expected = expected),
        SweepError::NoRow { table, keys } => msg!("cli-sweep-no-row", table = table, keys = keys),
        SweepError::NotANumberItem { name, unit } => msg!("cli-sweep-not-a-number-item", name = name, unit = unit.as_str()),
    }
}

fn with_suggestion(m: Message, suggestion: &Option<String>) -> Message {
    match suggestion {
        Some(s) => msg!("cli-sweep-did-you-mean", message = m, name = s),
        None => m,
    }
}

/// One case of the sweep.
#[derive(Debug, Serialize)]
struct SweepCase {
    /// The case folder.
    case: String,
    name: String,
}

/// One value of the sweep: the total over the cases and each case's cost (`None`: the case
/// could not be evaluated with this value).
#[derive(Debug, Serialize)]
struct ValueRow {
    value: Decimal,
    total: Decimal,
    /// The cases left out of the total (errors, see the diagnostics).
    errors: usize,
    cases: Vec<Option<Decimal>>,
}

/// The step between two successive values whose total changes most, attributed item by item.
#[derive(Debug, Serialize)]
struct LargestStep {
    from: Decimal,
    to: Decimal,
    delta: Decimal,
    method: Message,
    /// The credits of each changed item, summed over the cases.
    items: Vec<ImpactItem>,
}

/// What `--sweep` prints as JSON.
#[derive(Debug, Serialize)]
struct Sweep {
    year: i32,
    rules: String,
    item: SweepItem,
    from: Decimal,
    to: Decimal,
    step: Decimal,
    cases: Vec<SweepCase>,
    values: Vec<ValueRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    largest_step: Option<LargestStep>,
}

pub fn run(args: &ImpactArgs, text: &str) -> u8 {
    let spec = match SweepSpec::parse(text) {
        Ok(s) => s,
        Err(e) => {
            say::error(usage(&e, text));
            return EXIT_IO;
        }
    };
    let Some(year) = args.year else {
        say::error(msg!("cli-sweep-needs-year"));
        return EXIT_IO;
    };
    let mut sources = Sources::default();
    let (rb, diags) = load_year(&args.rules, year, &mut sources);
    print_diagnostics(&diags, &sources);
    let Some(rb) = rb else { return exit_code(&diags).max(EXIT_FINDINGS) };
    let item = match SweepItem::find(&rb, &spec.name) {
        Ok(i) => i,
        Err(e) => {
            say::error(usage(&e, text));
            return EXIT_IO;
        }
    };
    let values = match spec.values() {
        // Each value with the digits the rules write (`28.50`, not `28.5`).
        Ok(v) => v
            .into_iter()
            .map(|mut x| {
                if let Some(c) = item.current
                    && c.scale() > x.scale()
                {
                    x.rescale(c.scale());
                }
                x
            })
            .collect::<Vec<_>>(),
        Err(e) => {
            say::error(usage(&e, text));
            return EXIT_IO;
        }
    };
    let dirs = match super::case_dirs(args, &rb) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let pool = match crate::parallel::pool(args.threads) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // Cases are read on every core at once: each file on its case's thread.
    let options = peps_engine::case::CaseOptions { one_thread: true, ..args.reading.options() };
    // The cases, read once.
    let cases = rb.cases();
    let read: Vec<(Option<Case>, Vec<Diagnostic>)> = pool.install(|| dirs.par_iter().map(|d| cases.load(d, options)).collect());
    let mut all: Vec<Diagnostic> = Vec::new();
    let mut cases: Vec<(PathBuf, Option<Case>)> = Vec::new();
    for (dir, (case, diags)) in dirs.iter().zip(read) {
        if let Some(c) = &case {
            sources.add(std::slice::from_ref(&c.file));
        }
        let ok = !diags.iter().any(Diagnostic::is_error);
        all.extend(diags);
        cases.push((dir.clone(), case.filter(|_| ok)));
    }
    let bar = crate::parallel::progress(values.len() as u64, &msg!("cli-sweep-values").say());
    let mut rows = Vec::new();
    for &value in &values {
        let rb_v = match item.rulebook(&rb, value) {
            Ok(r) => r,
            Err(diags) => {
                bar.finish_and_clear();
                print_diagnostics(&diags, &sources);
                say::error(msg!("cli-sweep-rulebook-failed", item = &item.name, value = value.to_string()));
                return EXIT_FINDINGS;
            }
        };
        let evaluated: Vec<(Option<Decimal>, Vec<Diagnostic>)> = pool.install(|| {
            cases
                .par_iter()
                .map(|(dir, case)| {
                    let Some(case) = case else { return (None, Vec::new()) };
                    // A case that panics is in error for this value (D236); the others go on.
                    let e = match crate::caught::catch(|| evaluate(&rb_v, case)) {
                        Ok(e) => e,
                        Err(panic) => {
                            let shown = dir.display().to_string();
                            let diag = Diagnostic::error(Code::CasePanicked, msg!("cli-batch-case-panicked", case = &shown, panic = panic))
                                .at(Location::File { file: shown })
                                .hint(msg!("cli-batch-case-panicked-hint"));
                            return (None, vec![diag]);
                        }
                    };
                    let total = if e.has_errors() { None } else { e.total.as_number() };
                    (total, e.diagnostics)
                })
                .collect()
        });
        let mut row = ValueRow { value, total: Decimal::ZERO, errors: 0, cases: Vec::new() };
        for (total, diags) in evaluated {
            for d in diags {
                if !all.contains(&d) {
                    all.push(d);
                }
            }
            match total {
                Some(t) => row.total += t,
                None => row.errors += 1,
            }
            row.cases.push(total);
        }
        rows.push(row);
        bar.inc(1);
    }
    bar.finish_and_clear();
    print_diagnostics(&all, &sources);
    let largest_step = match largest(&rows) {
        Some(i) => match attribute(&item, &rb, &cases, rows[i].value, rows[i + 1].value, &pool) {
            Ok(items) => Some(LargestStep {
                from: rows[i].value,
                to: rows[i + 1].value,
                delta: rows[i + 1].total - rows[i].total,
                method: peps_engine::compare::impact::method(),
                items,
            }),
            Err(code) => return code,
        },
        None => None,
    };
    let report = Sweep {
        year: rb.year(),
        rules: rb.label().to_string(),
        from: spec.from,
        to: spec.to,
        step: spec.step,
        cases: cases
            .iter()
            .map(|(dir, case)| {
                let folder = dir.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                SweepCase { name: case.as_ref().map_or_else(|| folder.clone(), |c| rb.case_name(c)), case: folder }
            })
            .collect(),
        item,
        values: rows,
        largest_step,
    };
    let text = match args.format {
        ImpactFormat::Json => json(&report),
        ImpactFormat::Csv => csv(&report),
        ImpactFormat::Html => html(&report, args.locale),
        ImpactFormat::Table => table(&report, &rb, args.locale),
        ImpactFormat::Xlsx => String::new(),
    };
    let errors = report.values.iter().any(|v| v.errors > 0);
    let code = if errors { exit_code(&all).max(crate::exit::EXIT_FINDINGS) } else { exit_code(&all) };
    match args.format {
        ImpactFormat::Xlsx => super::destination(args).book(xlsx::book(&report, &rb, args.locale), code),
        _ => super::destination(args).text(&text).map_or_else(|c| c, |()| code),
    }
}

/// The index `i` of the step from value `i` to `i + 1` whose total changes most (the first of
/// equal ones); `None` with a single value.
fn largest(rows: &[ValueRow]) -> Option<usize> {
    let deltas = rows.windows(2).map(|w| (w[1].total - w[0].total).abs());
    deltas
        .enumerate()
        .fold(None, |best: Option<(usize, Decimal)>, (i, d)| match best {
            Some((_, b)) if b >= d => best,
            _ => Some((i, d)),
        })
        .map(|(i, _)| i)
}

/// The step from `a` to `b` attributed item by item on each case read, the credits summed.
fn attribute(
    item: &SweepItem,
    rb: &Rulebook,
    cases: &[(PathBuf, Option<Case>)],
    a: Decimal,
    b: Decimal,
    pool: &rayon::ThreadPool,
) -> Result<Vec<ImpactItem>, u8> {
    let (Ok(from), Ok(to)) = (item.rulebook(rb, a), item.rulebook(rb, b)) else { return Err(EXIT_FINDINGS) };
    let per_case: Vec<Vec<ImpactItem>> = pool.install(|| {
        cases
            .par_iter()
            .filter_map(|(_, c)| c.as_ref())
            .map(|c| impact_of_case(&from, &to, c).0.map(|i| i.items).unwrap_or_default())
            .collect()
    });
    let mut items: Vec<ImpactItem> = Vec::new();
    for item in per_case.into_iter().flatten() {
        match items.iter_mut().find(|i| i.kind == item.kind && i.name == item.name) {
            Some(i) => i.delta += item.delta,
            None => items.push(ImpactItem { note: None, ..item }),
        }
    }
    Ok(items)
}

/// A swept value as people read it, in the item's unit.
fn shown(v: Decimal, unit: Unit, locale: Locale) -> String {
    human(&Value::Number(v), unit, locale)
}

fn amount(d: Decimal, locale: Locale) -> String {
    human(&Value::Number(d), Unit::Eur, locale)
}

fn title(s: &Sweep) -> Message {
    Message::id("cli-sweep-title")
        .with("item", s.item.name.clone())
        .with("year", s.year)
        .with("rules", s.rules.clone())
        .with("cases", s.cases.len())
        .with("count", s.values.len())
}

/// At most this many cases get a column of their own in the table; beyond, CSV and JSON.
const CASE_COLUMNS: usize = 6;

fn table(s: &Sweep, rb: &Rulebook, locale: Locale) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", title(s).say());
    if let Some(c) = s.item.current {
        let _ = writeln!(out, "{}", msg!("cli-sweep-current", value = shown(c, s.item.unit, locale)).say());
    }
    let _ = writeln!(out);
    let [value, total, step, error, mark] = [
        msg!("cli-sweep-col-value"),
        msg!("cli-sweep-col-total"),
        msg!("cli-sweep-col-step"),
        msg!("cli-impact-error"),
        msg!("cli-sweep-current-mark"),
    ]
    .map(|m| m.say());
    let per_case = s.cases.len() <= CASE_COLUMNS;
    let wv = s.values.iter().map(|v| shown(v.value, s.item.unit, locale).chars().count()).max().unwrap_or(0).max(value.chars().count());
    let mut header = format!("{value:>wv$}  {total:>18}  {step:>16}");
    if per_case {
        for c in &s.cases {
            let name: String = c.case.chars().take(18).collect();
            let _ = write!(header, "  {name:>18}");
        }
    }
    let _ = writeln!(out, "{}", header.trim_end());
    let mut previous: Option<Decimal> = None;
    for v in &s.values {
        let delta = previous.map_or_else(String::new, |p| money(v.total - p, locale));
        let mut line = format!("{:>wv$}  {:>18}  {delta:>16}", shown(v.value, s.item.unit, locale), amount(v.total, locale));
        if per_case {
            for c in &v.cases {
                let cell = c.map_or_else(|| error.clone(), |d| amount(d, locale));
                let _ = write!(line, "  {cell:>18}");
            }
        } else if v.errors > 0 {
            let _ = write!(line, "  {}", msg!("cli-sweep-errors", count = v.errors).say());
        }
        if s.item.current == Some(v.value) || s.item.current.is_some_and(|c| c == v.value.normalize()) {
            let _ = write!(line, "  {mark}");
        }
        let _ = writeln!(out, "{}", line.trim_end());
        previous = Some(v.total);
    }
    if !per_case {
        let _ = writeln!(out, "\n{}", msg!("cli-sweep-per-case-note", cases = s.cases.len()).say());
    }
    match &s.largest_step {
        Some(l) => {
            let _ = writeln!(
                out,
                "\n{}",
                (Message::id("cli-sweep-largest-step")
                    .with("from", shown(l.from, s.item.unit, locale))
                    .with("to", shown(l.to, s.item.unit, locale))
                    .with("delta", money(l.delta, locale))
                    .with("method", l.method.clone()))
                .say()
            );
            // Labels show their parameters at the rules' own values: only the swept item differs.
            items_table(&mut out, &l.items, [rb, rb], locale);
        }
        None => {
            let _ = writeln!(out, "\n{}", msg!("cli-sweep-no-step").say());
        }
    }
    out
}

/// One row per value: the value, the total, then each case's cost (empty: not evaluated), with
/// plain decimals as compute's CSV has them.
fn csv(s: &Sweep) -> String {
    let mut w = ::csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let mut header = vec!["value".to_string(), "total".to_string(), "errors".to_string()];
    header.extend(s.cases.iter().map(|c| c.case.clone()));
    let _ = w.write_record(&header);
    for v in &s.values {
        let mut record = vec![v.value.to_string(), v.total.to_string(), v.errors.to_string()];
        record.extend(v.cases.iter().map(|c| c.map_or_else(String::new, |d| d.to_string())));
        let _ = w.write_record(&record);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The total as a line over the values, drawn in SVG inside the page (no script, no link).
fn chart(s: &Sweep, locale: Locale) -> String {
    let (w, h, left, right, top, bottom) = (720.0_f64, 320.0_f64, 110.0_f64, 20.0_f64, 20.0_f64, 50.0_f64);
    // Positions on the drawing only: the figures shown are the exact decimals.
    let f = |d: Decimal| d.to_string().parse::<f64>().unwrap_or(0.0);
    let xs: Vec<f64> = s.values.iter().map(|v| f(v.value)).collect();
    let ys: Vec<f64> = s.values.iter().map(|v| f(v.total)).collect();
    let (x0, x1) = (xs.first().copied().unwrap_or(0.0), xs.last().copied().unwrap_or(1.0));
    let (mut y0, mut y1) = ys.iter().fold((f64::MAX, f64::MIN), |(a, b), &y| (a.min(y), b.max(y)));
    if (y1 - y0).abs() < f64::EPSILON {
        y0 -= 1.0;
        y1 += 1.0;
    }
    let px = |x: f64| {
        if (x1 - x0).abs() < f64::EPSILON { left + (w - left - right) / 2.0 } else { left + (x - x0) / (x1 - x0) * (w - left - right) }
    };
    let py = |y: f64| top + (y1 - y) / (y1 - y0) * (h - top - bottom);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\n",
        escape(&msg!("cli-sweep-chart", item = &s.item.name).say())
    );
    let _ = writeln!(svg, "<line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#888\"/>", h - bottom, w - right, h - bottom);
    let _ = writeln!(svg, "<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{}\" stroke=\"#888\"/>", h - bottom);
    let (lo, hi) = (s.values.iter().map(|v| v.total).min().unwrap_or_default(), s.values.iter().map(|v| v.total).max().unwrap_or_default());
    for (t, y) in [(hi, py(y1)), (lo, py(y0))] {
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\">{}</text>",
            left - 6.0,
            y + 4.0,
            escape(&amount(t, locale))
        );
    }
    if let (Some(a), Some(b)) = (s.values.first(), s.values.last()) {
        for (v, anchor) in [(a, "start"), (b, "end")] {
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"12\">{}</text>",
                px(f(v.value)),
                h - bottom + 18.0,
                escape(&shown(v.value, s.item.unit, locale))
            );
        }
    }
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\">{}</text>",
        (left + w - right) / 2.0,
        h - 8.0,
        escape(&s.item.name)
    );
    if let Some(c) = s.item.current
        && xs.first().is_some_and(|&a| f(c) >= a)
        && xs.last().is_some_and(|&b| f(c) <= b)
    {
        let x = px(f(c));
        let _ = writeln!(
            svg,
            "<line x1=\"{x:.1}\" y1=\"{top}\" x2=\"{x:.1}\" y2=\"{}\" stroke=\"#c0504d\" stroke-dasharray=\"4 3\"/>",
            h - bottom
        );
    }
    let points: Vec<String> = xs.iter().zip(&ys).map(|(&x, &y)| format!("{:.1},{:.1}", px(x), py(y))).collect();
    let _ = writeln!(svg, "<polyline fill=\"none\" stroke=\"#0b5394\" stroke-width=\"2\" points=\"{}\"/>", points.join(" "));
    for (v, (&x, &y)) in s.values.iter().zip(xs.iter().zip(&ys)) {
        let _ = writeln!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"#0b5394\"><title>{} : {}</title></circle>",
            px(x),
            py(y),
            escape(&shown(v.value, s.item.unit, locale)),
            escape(&amount(v.total, locale))
        );
    }
    svg.push_str("</svg>\n");
    svg
}

fn html(s: &Sweep, locale: Locale) -> String {
    let heading = title(s).say();
    let mut body = format!("<h1>{}</h1>\n", escape(&heading));
    if let Some(c) = s.item.current {
        let _ = writeln!(body, "<p>{}</p>", escape(&msg!("cli-sweep-current", value = shown(c, s.item.unit, locale)).say()));
    }
    body.push_str(&chart(s, locale));
    let th = |id: &'static str| format!("<th>{}</th>", escape(&Message::id(id).say()));
    let _ = write!(body, "<table>\n<tr>{}{}{}", th("cli-sweep-col-value"), th("cli-sweep-col-total"), th("cli-sweep-col-step"));
    for c in &s.cases {
        let _ = write!(body, "<th>{}</th>", escape(&c.name));
    }
    body.push_str("</tr>\n");
    let mut previous: Option<Decimal> = None;
    for v in &s.values {
        let delta = previous.map_or_else(String::new, |p| money(v.total - p, locale));
        let _ = write!(
            body,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            escape(&shown(v.value, s.item.unit, locale)),
            escape(&amount(v.total, locale)),
            escape(&delta)
        );
        for c in &v.cases {
            let cell = c.map_or_else(|| msg!("cli-impact-error").say(), |d| amount(d, locale));
            let _ = write!(body, "<td class=\"num\">{}</td>", escape(&cell));
        }
        body.push_str("</tr>\n");
        previous = Some(v.total);
    }
    body.push_str("</table>\n");
    if let Some(l) = &s.largest_step {
        let head = Message::id("cli-sweep-largest-step")
            .with("from", shown(l.from, s.item.unit, locale))
            .with("to", shown(l.to, s.item.unit, locale))
            .with("delta", money(l.delta, locale))
            .with("method", l.method.clone());
        let _ = writeln!(body, "<h2>{}</h2>\n<table>", escape(&head.say()));
        for i in &l.items {
            let name = i.label.as_ref().map_or_else(|| i.name.say(), |label| format!("{label} ({})", i.name.say()));
            let shown = |v: &Option<Message>| v.as_ref().map_or_else(|| "—".to_string(), Say::say);
            let change = format!("{} → {}", shown(&i.from), shown(&i.to));
            let _ = writeln!(
                body,
                "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(&name),
                escape(&money(i.delta, locale)),
                escape(&number(&change, Locale::Plain))
            );
        }
        body.push_str("</table>\n");
    }
    page(&heading, &body)
}
