//! One self-contained HTML page (inline CSS, no external asset): the report of a case's
//! evaluation with its waterfall chart, and the wrapper of generated documentation. Readable on
//! a phone: the chart's rows and the tables reflow below 640 pixels.

use std::fmt::Write;

use peps_engine::eval::{Bar, Evaluation};
use peps_engine::msg;
use peps_engine::value::{Unit, Value};
use rust_decimal::Decimal;

use crate::format::{Locale, failed_check, human};

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#1d2733;line-height:1.45}\
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:2px solid #dfe6ee;padding-bottom:.2em}\
table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.92em}th,td{border-bottom:1px solid #e4e9ef;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#f3f6f9}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\
.total{font-size:2.2em;font-weight:700;color:#0b5394}.muted{color:#5b6b7b;font-size:.9em}.ko{color:#a61c00;font-weight:600}\
.tag{display:inline-block;padding:0 .45em;border-radius:.6em;font-size:.8em;background:#eef2f6}.assumed{background:#fde8c8}.seed{background:#dcefdc}.confirmed{background:#d9e8fb}\
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em}pre{background:#f6f8fa;padding:.7em;overflow-x:auto;border-radius:4px}\
.wf{display:grid;gap:.35em;margin:.8em 0}.wf-row{display:grid;grid-template-columns:minmax(12em,2fr) 3fr minmax(7em,auto);gap:.2em .8em;align-items:center}\
.wf-label{overflow-wrap:anywhere}.wf-track{background:#f3f6f9;border-radius:3px;height:1.2em}.wf-bar{display:block;height:100%;border-radius:3px;min-width:2px}\
.start .wf-bar{background:#6d8fb3}.up .wf-bar{background:#5b9b5b}.down .wf-bar{background:#c0504d}.wf-total .wf-bar{background:#0b5394}.wf-row.wf-total{font-weight:700}\
.wf-value{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}ul.failed li{margin:.2em 0}\
@media (max-width:640px){body{margin:1em auto}.wf-row{grid-template-columns:1fr auto}.wf-track{grid-column:1/-1;grid-row:2}table{font-size:.85em}td{overflow-wrap:anywhere}}";

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Wraps a body in a complete page, in the run's language (`<html lang="en">` with `--lang en`).
pub fn page(title: &str, body: &str) -> String {
    let lang = peps_engine::message::language().code();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

/// The one-page report of an evaluation: what a finance officer looks at.
pub fn report(e: &Evaluation, case: &str, locale: Locale) -> String {
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<h1>{}</h1>\n<p class=\"muted\">{}</p>",
        escape(case),
        escape(&msg!("html-subtitle", rulebook = &e.rulebook, year = e.year).to_string())
    );
    let _ = writeln!(b, "<p class=\"total\">{}</p>", escape(&human(&e.total, e.total_unit, locale)));
    if !e.eligible {
        let _ = writeln!(b, "<p class=\"ko\">{}</p>\n<ul class=\"failed\">", escape(&msg!("report-not-eligible").to_string()));
        for c in &e.failed_checks {
            let _ = writeln!(b, "<li>{}</li>", escape(&failed_check(c, locale)));
        }
        let _ = writeln!(b, "</ul>");
    }
    if !e.waterfall.is_empty() {
        let _ = writeln!(b, "<h2>{}</h2>\n{}", escape(&msg!("html-composition").to_string()), waterfall(&e.waterfall, &e.total, locale));
    }
    assumptions(&mut b, e, locale);
    let _ = writeln!(
        b,
        "<h2>{}</h2>\n<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        escape(&msg!("html-detail").to_string()),
        escape(&msg!("html-col-step").to_string()),
        escape(&msg!("html-col-value").to_string()),
        escape(&msg!("html-col-name").to_string())
    );
    for o in &e.outputs {
        let _ = writeln!(
            b,
            "<tr><td>{}</td><td class=\"num\">{}</td><td><code>{}</code></td></tr>",
            escape(&o.label),
            escape(&human(&o.value, o.unit, locale)),
            escape(&o.name)
        );
    }
    let _ = writeln!(
        b,
        "</table>\n<h2>{}</h2>\n<table><tr><th>{}</th><th>SHA-256</th></tr>",
        escape(&msg!("html-fingerprint").to_string()),
        escape(&msg!("html-col-item").to_string())
    );
    let _ = writeln!(
        b,
        "<tr><td>{}</td><td><code>{}</code></td></tr>",
        escape(&msg!("html-engine-rules", engine = &e.manifest.engine, year = e.manifest.year).to_string()),
        e.manifest.rulebook_sha256
    );
    for f in e.manifest.norms.iter().chain(&e.manifest.inputs) {
        let _ = writeln!(b, "<tr><td>{}</td><td><code>{}</code></td></tr>", escape(&f.name), f.sha256);
    }
    let _ = writeln!(b, "</table>");
    page(&format!("{} — {case}", e.rulebook), &b)
}

/// The assumed rule items, grouped by label (several items may share one), with the share of the
/// total that rests on each, the largest first.
fn assumptions(b: &mut String, e: &Evaluation, locale: Locale) {
    if e.assumed_shares.is_empty() {
        return;
    }
    let mut groups: Vec<(String, Vec<String>, Decimal)> = Vec::new();
    for s in &e.assumed_shares {
        let (kind, name) = s.item.split_once(' ').unwrap_or(("", &s.item));
        let label = e.assumed_labels.get(&s.item).cloned().unwrap_or_else(|| name.to_string());
        let what = msg!("html-item-kind", kind = kind, name = name).to_string();
        match groups.iter_mut().find(|g| g.0 == label) {
            Some(g) => {
                g.1.push(what);
                g.2 = g.2.max(s.share);
            }
            None => groups.push((label, vec![what], s.share)),
        }
    }
    groups.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    let _ = writeln!(
        b,
        "<h2>{}</h2>\n<p>{}</p>\n<table class=\"assumptions\"><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        escape(&msg!("html-assumptions").to_string()),
        escape(&msg!("html-assumptions-intro", count = e.assumed_count).to_string()),
        escape(&msg!("html-col-assumption").to_string()),
        escape(&msg!("html-col-rule-item").to_string()),
        escape(&msg!("html-col-share").to_string())
    );
    for (label, items, share) in groups {
        let _ = writeln!(
            b,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            escape(&label),
            items.iter().map(|i| escape(i)).collect::<Vec<_>>().join("<br>"),
            escape(&human(&Value::Number(share), Unit::Rate, locale))
        );
    }
    let _ = writeln!(b, "</table>");
}

/// The waterfall as rows of HTML: each row's label in full (it wraps, never cut), its amount, and
/// a bar from the level before to the level after. Widths are computed in decimals: no float.
pub fn waterfall(bars: &[Bar], total: &Value, locale: Locale) -> String {
    let total = total.as_number().unwrap_or_default();
    let mut hi = total.max(Decimal::ZERO);
    let mut lo = Decimal::ZERO;
    let mut level = Decimal::ZERO;
    for b in bars {
        let before = if b.start { Decimal::ZERO } else { level };
        hi = hi.max(before).max(b.running);
        lo = lo.min(before).min(b.running);
        level = b.running;
    }
    let span = if hi == lo { Decimal::ONE } else { hi - lo };
    let percent = |v: Decimal| ((v - lo) / span * Decimal::ONE_HUNDRED).round_dp(2);
    let mut out = String::from("<div class=\"wf\">\n");
    let mut row = |class: &str, label: &str, from: Decimal, to: Decimal, amount: String| {
        let left = percent(from.min(to));
        let width = (percent(from.max(to)) - left).max(Decimal::new(3, 1));
        let _ = writeln!(
            out,
            "<div class=\"wf-row {class}\"><div class=\"wf-label\">{}</div><div class=\"wf-track\"><span class=\"wf-bar\" style=\"margin-left:{left}%;width:{width}%\"></span></div><div class=\"wf-value num\">{}</div></div>",
            escape(label),
            escape(&amount)
        );
    };
    let mut level = Decimal::ZERO;
    for b in bars {
        let from = if b.start { Decimal::ZERO } else { level };
        let class = if b.start {
            "start"
        } else if b.delta.is_sign_negative() {
            "down"
        } else {
            "up"
        };
        let sign = if !b.start && b.delta.is_sign_positive() { "+" } else { "" };
        row(class, &b.label, from, b.running, format!("{sign}{}", human(&Value::Number(b.delta), Unit::Eur, locale)));
        level = b.running;
    }
    row("wf-total", &msg!("html-total").to_string(), Decimal::ZERO, total, human(&Value::Number(total), Unit::Eur, locale));
    out.push_str("</div>");
    out
}
