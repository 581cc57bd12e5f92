//! The folded technical section of the page (`<details>`): what a controller needs to check or
//! redo the computation — each step's and assumed item's name in the rules, the codes of the
//! warnings, the deposit rules, and the SHA-256 fingerprints of the rules and of every file read.
//! Nothing else on the page names a rule or shows a fingerprint.

use std::fmt::Write;

use peps_engine::msg;
use peps_engine::schedule::Schedule;

use super::escape;
use super::warnings::{assumption_groups, file_of};
use crate::case_run::CaseEvaluation;
use crate::language::Say;

fn words(m: peps_engine::message::Message) -> String {
    escape(&m.say())
}

pub fn section(b: &mut String, run: &CaseEvaluation, s: &Schedule) {
    let e = &run.evaluation;
    let _ = writeln!(
        b,
        "<details class=\"technical\">\n<summary>{}</summary>\n<p class=\"muted\">{}</p>",
        words(msg!("html-technical")),
        words(msg!("html-technical-intro"))
    );
    let _ = writeln!(
        b,
        "<h3>{}</h3>\n<table class=\"names\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
        words(msg!("html-detail")),
        words(msg!("html-col-step")),
        words(msg!("html-col-name"))
    );
    for o in &e.outputs {
        let _ = writeln!(b, "<tr><td>{}</td><td><code>{}</code></td></tr>", escape(&o.label), escape(&o.name));
    }
    let _ = writeln!(b, "</tbody></table>");
    if !e.failed_checks.is_empty() {
        let _ = writeln!(
            b,
            "<h3>{}</h3>\n<table class=\"names\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
            words(msg!("html-failed-checks")),
            words(msg!("html-col-step")),
            words(msg!("html-col-name"))
        );
        for c in &e.failed_checks {
            let _ = writeln!(
                b,
                "<tr><td>{}</td><td><code>{}</code></td></tr>",
                escape(&c.label.as_ref().map(Say::say).unwrap_or_else(|| c.key.clone())),
                escape(&c.key)
            );
        }
        let _ = writeln!(b, "</tbody></table>");
    }
    let groups = assumption_groups(e);
    if !groups.is_empty() {
        let _ = writeln!(
            b,
            "<h3>{}</h3>\n<table class=\"names\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
            words(msg!("html-assumptions")),
            words(msg!("html-col-assumption")),
            words(msg!("html-col-rule-item"))
        );
        for (label, items, _) in groups {
            let items: Vec<String> = items
                .iter()
                .map(|item| {
                    let (kind, name) = item.split_once(' ').unwrap_or(("", item));
                    format!("<code>{}</code>", words(msg!("html-item-kind", kind = kind, name = name)))
                })
                .collect();
            let _ = writeln!(b, "<tr><td>{}</td><td>{}</td></tr>", escape(&label), items.join("<br>"));
        }
        let _ = writeln!(b, "</tbody></table>");
    }
    let coded: Vec<_> = run.diagnostics.iter().chain(&s.diagnostics).collect();
    if !coded.is_empty() {
        let _ = writeln!(
            b,
            "<h3>{}</h3>\n<table class=\"names\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
            words(msg!("html-warnings")),
            words(msg!("html-col-code")),
            words(msg!("html-col-file"))
        );
        for d in coded {
            let _ = writeln!(
                b,
                "<tr><td><code>{} {}</code></td><td><code>{}</code></td></tr>",
                d.code,
                d.code.name(),
                escape(&d.location.as_ref().map_or_else(|| file_of(d).unwrap_or_default(), ToString::to_string))
            );
        }
        let _ = writeln!(b, "</tbody></table>");
    }
    let mut rule = None;
    for d in &s.deadlines {
        if rule == Some(&d.rule) {
            continue;
        }
        rule = Some(&d.rule);
        let _ = writeln!(
            b,
            "<p>{}</p>",
            with_names(&msg!("html-deadline-names", label = &d.label, rule = &d.rule, norms = d.norms.join(", ")).say())
        );
    }
    for w in &s.working_days {
        if let Some(p) = &w.parameter {
            let _ = writeln!(
                b,
                "<p>{}</p>",
                with_names(&msg!("html-working-days-names", label = &p.label, name = &p.name, reference = &p.reference).say())
            );
        }
    }
    let _ = writeln!(
        b,
        "<h3>{}</h3>\n<table class=\"fingerprints\"><thead><tr><th>{}</th><th>SHA-256</th></tr></thead><tbody>",
        words(msg!("html-fingerprint")),
        words(msg!("html-col-item"))
    );
    let _ = writeln!(
        b,
        "<tr><td>{}</td><td><code>{}</code></td></tr>",
        words(msg!("html-engine-rules", engine = &e.manifest.engine, year = e.manifest.year)),
        e.manifest.rulebook_sha256
    );
    for f in e.manifest.norms.iter().chain(&e.manifest.inputs) {
        let _ = writeln!(b, "<tr><td>{}</td><td><code>{}</code></td></tr>", escape(&f.name), f.sha256);
    }
    let _ = writeln!(b, "</tbody></table>\n</details>");
}

/// A sentence whose quoted names are set as code.
fn with_names(text: &str) -> String {
    super::warnings::with_code(text)
}
