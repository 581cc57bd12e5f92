//! One self-contained HTML page (inline CSS and SVG, no external asset): the report of a team's
//! evaluation with its waterfall chart, and the wrapper of generated documentation.

use std::fmt::Write;

use peps_engine::eval::{Bar, Evaluation};
use peps_engine::value::Value;
use rust_decimal::Decimal;

use crate::format::{Locale, human, number};

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#1d2733;line-height:1.45}\
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:2px solid #dfe6ee;padding-bottom:.2em}\
table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.92em}th,td{border-bottom:1px solid #e4e9ef;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#f3f6f9}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\
.total{font-size:2.2em;font-weight:700;color:#0b5394}.muted{color:#5b6b7b;font-size:.9em}.ko{color:#a61c00;font-weight:600}\
.tag{display:inline-block;padding:0 .45em;border-radius:.6em;font-size:.8em;background:#eef2f6}.assumed{background:#fde8c8}.seed{background:#dcefdc}.confirmed{background:#d9e8fb}\
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em}pre{background:#f6f8fa;padding:.7em;overflow-x:auto;border-radius:4px}";

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Wraps a body in a complete page.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

/// The one-page report of an evaluation.
pub fn report(e: &Evaluation, case: &str, locale: Locale) -> String {
    let mut b = String::new();
    let _ = writeln!(b, "<h1>{}</h1>\n<p class=\"muted\">{} — année {}</p>", escape(case), escape(&e.rulebook), e.year);
    let _ = writeln!(b, "<p class=\"total\">{}</p>", escape(&human(&e.total, e.total_unit, locale)));
    if !e.eligible {
        let _ = writeln!(b, "<p class=\"ko\">Non éligible : le total est nul.</p><ul>");
        for c in &e.failed_checks {
            let _ = writeln!(b, "<li>{} (<code>{}</code>)</li>", escape(c.label.as_deref().unwrap_or(&c.key)), escape(&c.key));
        }
        let _ = writeln!(b, "</ul>");
    }
    if !e.waterfall.is_empty() {
        let _ = writeln!(b, "<h2>Composition du total</h2>\n{}", waterfall_svg(&e.waterfall, &e.total, locale));
    }
    if !e.assumed_shares.is_empty() {
        let _ = writeln!(
            b,
            "<h2>Hypothèses</h2>\n<p>Le total repose sur {} éléments supposés (<span class=\"tag assumed\">assumed</span>), faute de texte officiel public.</p>\n<table><tr><th>élément supposé</th><th>part du total qui en dépend</th></tr>",
            e.assumed_count
        );
        for s in &e.assumed_shares {
            let pct = number(&(s.share * Decimal::ONE_HUNDRED).round_dp(1).to_string(), locale);
            let _ = writeln!(b, "<tr><td>{}</td><td class=\"num\">{pct} %</td></tr>", escape(&s.item));
        }
        let _ = writeln!(b, "</table>");
    }
    let _ = writeln!(b, "<h2>Détail du calcul</h2>\n<table><tr><th>étape</th><th>valeur</th><th>nom</th></tr>");
    for o in &e.outputs {
        let _ = writeln!(
            b,
            "<tr><td>{}</td><td class=\"num\">{}</td><td><code>{}</code></td></tr>",
            escape(&o.label),
            escape(&human(&o.value, o.unit, locale)),
            escape(&o.name)
        );
    }
    let _ = writeln!(b, "</table>\n<h2>Empreinte du calcul</h2>\n<table><tr><th>élément</th><th>SHA-256</th></tr>");
    let _ = writeln!(
        b,
        "<tr><td>{} (règles {})</td><td><code>{}</code></td></tr>",
        escape(&e.manifest.engine),
        e.manifest.year,
        e.manifest.rulebook_sha256
    );
    for f in e.manifest.norms.iter().chain(&e.manifest.inputs) {
        let _ = writeln!(b, "<tr><td>{}</td><td><code>{}</code></td></tr>", escape(&f.name), f.sha256);
    }
    let _ = writeln!(b, "</table>");
    page(&format!("{} — {case}", e.rulebook), &b)
}

/// A waterfall chart in inline SVG. Coordinates are computed in decimals too: no float anywhere.
pub fn waterfall_svg(bars: &[Bar], total: &Value, locale: Locale) -> String {
    let total = total.as_number().unwrap_or_default();
    let (width, height, top, bottom) = (Decimal::from(960), Decimal::from(300), Decimal::from(30), Decimal::from(170));
    let n = Decimal::from(bars.len() + 1);
    let slot = width / n;
    let bar_w = (slot * Decimal::new(6, 1)).round_dp(1);
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
    let y = |v: Decimal| (top + (hi - v) / span * height).round_dp(1);
    let mut svg = String::new();
    let total_h = top + height + bottom;
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {total_h}\" width=\"100%\" role=\"img\" aria-label=\"waterfall\" font-family=\"system-ui,sans-serif\" font-size=\"12\">",
        width + Decimal::from(140)
    );
    let _ = writeln!(svg, "<line x1=\"0\" x2=\"{width}\" y1=\"{0}\" y2=\"{0}\" stroke=\"#9aa8b6\"/>", y(Decimal::ZERO));
    let mut level = Decimal::ZERO;
    let draw = |i: usize, from: Decimal, to: Decimal, color: &str, label: &str, value: String, svg: &mut String| {
        let x = (slot * Decimal::from(i) + (slot - bar_w) / Decimal::TWO).round_dp(1);
        let (y1, y2) = (y(from.max(to)), y(from.min(to)));
        let h = (y2 - y1).max(Decimal::ONE);
        let cx = (x + bar_w / Decimal::TWO).round_dp(1);
        let _ = writeln!(
            svg,
            "<rect x=\"{x}\" y=\"{y1}\" width=\"{bar_w}\" height=\"{h}\" fill=\"{color}\"><title>{}: {}</title></rect>",
            escape(label),
            escape(&value)
        );
        let _ = writeln!(
            svg,
            "<text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" fill=\"#1d2733\">{}</text>",
            y1 - Decimal::from(6),
            escape(&value)
        );
        let ly = top + height + Decimal::from(14);
        let _ =
            writeln!(svg, "<text transform=\"translate({cx},{ly}) rotate(30)\" fill=\"#38475a\">{}</text>", escape(&shorten(label, 30)));
    };
    for (i, b) in bars.iter().enumerate() {
        let from = if b.start { Decimal::ZERO } else { level };
        let color = if b.start {
            "#6d8fb3"
        } else if b.delta.is_sign_negative() {
            "#c0504d"
        } else {
            "#5b9b5b"
        };
        let sign = if !b.start && b.delta.is_sign_positive() { "+" } else { "" };
        let value = format!("{sign}{}", number(&b.delta.round_dp(0).to_string(), locale));
        draw(i, from, b.running, color, &b.label, value, &mut svg);
        level = b.running;
    }
    draw(bars.len(), Decimal::ZERO, total, "#0b5394", "Total", number(&total.round_dp(0).to_string(), locale), &mut svg);
    svg.push_str("</svg>");
    svg
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_string() } else { format!("{}…", s.chars().take(max - 1).collect::<String>()) }
}
