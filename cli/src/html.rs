//! One self-contained HTML page (inline CSS, no external asset, no script): the wrapper of every
//! page (`page`, in the run's language), the waterfall chart, and the page of a case for its
//! director (`report`). Readable on a phone (nothing wider than 375 pixels: the chart's rows and
//! the tables reflow below 640) and printable. `tools/screenshots.sh` takes its pictures at both
//! widths in headless Chromium.

mod report;
mod schedule;
mod technical;
mod warnings;

use std::fmt::Write;

use peps_engine::eval::Bar;
use peps_engine::msg;
use peps_engine::value::{Unit, Value};
use rust_decimal::Decimal;

use crate::format::{Locale, human};
use crate::language::Say;

pub use report::{generated_on, report};

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#1d2733;line-height:1.45}\
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:2px solid #dfe6ee;padding-bottom:.2em}\
table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.92em}th,td{border-bottom:1px solid #e4e9ef;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#f3f6f9}th.num{text-align:right}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\
.total{font-size:2.2em;font-weight:700;color:#0b5394}.muted{color:#5b6b7b;font-size:.9em}.ko{color:#a61c00;font-weight:600}\
.tag{display:inline-block;padding:0 .45em;border-radius:.6em;font-size:.8em;background:#eef2f6}.assumed{background:#fde8c8}.seed{background:#dcefdc}.confirmed{background:#d9e8fb}\
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em}pre{background:#f6f8fa;padding:.7em;overflow-x:auto;border-radius:4px}\
.wf{display:grid;gap:.35em;margin:.8em 0}.wf-row{display:grid;grid-template-columns:minmax(12em,2fr) 3fr minmax(7em,auto);gap:.2em .8em;align-items:center}\
.wf-label{overflow-wrap:anywhere}.wf-track{background:#f3f6f9;border-radius:3px;height:1.2em}.wf-bar{display:block;height:100%;border-radius:3px;min-width:2px}\
.start .wf-bar{background:#6d8fb3}.up .wf-bar{background:#5b9b5b}.down .wf-bar{background:#c0504d}.wf-total .wf-bar{background:#0b5394}.wf-row.wf-total{font-weight:700}\
.wf-value{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}ul.failed li{margin:.2em 0}\
h3{font-size:1.1em;margin:1.2em 0 .3em}header p{margin-top:0}td.date{white-space:nowrap}tr.sum td,tr.balance td{font-weight:600;border-top:2px solid #dfe6ee}\
ul.warnings li,ul.assumptions li{margin:.45em 0;overflow-wrap:anywhere}.hint{color:#5b6b7b}td code,li code,p code{overflow-wrap:anywhere}table.fingerprints code{word-break:break-all}\
details.technical{margin:2.4em 0 1em;border:1px solid #dfe6ee;border-radius:4px;padding:.5em .9em}details.technical summary{cursor:pointer;font-weight:600}details.technical p{font-size:.92em}table.deadlines,table.dates{width:auto;min-width:60%}\
@media (max-width:640px){body{margin:1em auto;padding:0 .75em}.total{font-size:1.8em}.wf-row{grid-template-columns:1fr auto}.wf-track{grid-column:1/-1;grid-row:2}table{font-size:.85em}th,td{padding:.3em .3em;overflow-wrap:anywhere}details.technical{padding:.4em .5em}}\
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}.wf-bar,.tag,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}tr,li,.wf-row{break-inside:avoid}h2,h3{break-after:avoid}details.technical{border:none;padding:0}}";

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Wraps a body in a complete page, in the run's language (`<html lang="en">` with `--lang en`).
pub fn page(title: &str, body: &str) -> String {
    let lang = crate::language::lang().code();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
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
        row(class, &b.label.say(), from, b.running, format!("{sign}{}", human(&Value::Number(b.delta), Unit::Eur, locale)));
        level = b.running;
    }
    row("wf-total", &msg!("html-total").say(), Decimal::ZERO, total, human(&Value::Number(total), Unit::Eur, locale));
    out.push_str("</div>");
    out
}
