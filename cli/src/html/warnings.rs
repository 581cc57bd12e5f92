//! What the director should know before trusting the figures, in words: the warnings on the
//! case's data (one sentence each, as the diagnostics say them, without their codes), and the
//! assumptions the total rests on, by their labels, with the share of the total on each.

use std::fmt::Write;
use std::path::Path;

use peps_engine::diagnostic::{Diagnostic, Location};
use peps_engine::eval::Evaluation;
use peps_engine::msg;
use peps_engine::value::{Unit, Value};
use rust_decimal::Decimal;

use super::escape;
use crate::case_run::CaseEvaluation;
use crate::format::{Locale, human};
use crate::language::Say;

/// Escaped text whose `quoted` words are set as code, as the terminal shows them between
/// backquotes.
pub fn with_code(text: &str) -> String {
    let escaped = escape(text);
    if !escaped.matches('`').count().is_multiple_of(2) {
        return escaped;
    }
    escaped.split('`').enumerate().map(|(i, part)| if i % 2 == 1 { format!("<code>{part}</code>") } else { part.to_string() }).collect()
}

/// A message as a sentence of its own: its first letter a capital.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// The name of the file a diagnostic is about, without its folder.
pub fn file_of(d: &Diagnostic) -> Option<String> {
    let file = match d.location.as_ref()? {
        Location::Source { file, .. } | Location::Data { file, .. } | Location::File { file } => file,
    };
    Some(Path::new(file).file_name().map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned()))
}

/// The warnings on the case's data: its dates brought into the rules' year, and each diagnostic
/// of loading and evaluating it (rows left out among them) and of its schedule.
pub fn data(b: &mut String, run: &CaseEvaluation, schedule: &[Diagnostic]) {
    let e = &run.evaluation;
    let mut items: Vec<String> = Vec::new();
    if let Some(s) = &e.data_shift {
        items.push(escape(&msg!("html-data-shift", from = s.from, to = s.to).say()));
    }
    for d in run.diagnostics.iter().chain(schedule).filter(|d| !d.is_error()) {
        let message = d.message.say();
        let mut item = with_code(&sentence(&message));
        if let Some(file) = file_of(d).filter(|f| !message.contains(f.as_str())) {
            let _ = write!(item, " <span class=\"muted\">{}</span>", escape(&msg!("html-in-file", file = file).say()));
        }
        if let Some(hint) = &d.hint {
            let _ = write!(item, "<br><span class=\"hint\">{}</span>", with_code(&hint.say()));
        }
        items.push(item);
    }
    let _ = writeln!(b, "<h2>{}</h2>", escape(&msg!("html-warnings").say()));
    if items.is_empty() {
        let _ = writeln!(b, "<p>{}</p>", escape(&msg!("html-warnings-none").say()));
        return;
    }
    let _ = writeln!(b, "<p>{}</p>\n<ul class=\"warnings\">", escape(&msg!("html-warnings-intro", count = items.len()).say()));
    for item in items {
        let _ = writeln!(b, "<li>{item}</li>");
    }
    let _ = writeln!(b, "</ul>");
}

/// The assumed rule items, grouped by label (several items may share one), with the share of the
/// total that rests on each, the largest first. Their names are in the technical section.
pub fn assumptions(b: &mut String, e: &Evaluation, locale: Locale) {
    let groups = assumption_groups(e);
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(
        b,
        "<h2>{}</h2>\n<p>{}</p>\n<ul class=\"assumptions\">",
        escape(&msg!("html-assumptions").say()),
        escape(&msg!("html-assumptions-intro", count = e.assumed_count).say()),
    );
    for (label, _, share) in groups {
        let share = msg!("html-assumption-share", share = human(&Value::Number(share), Unit::Rate, locale));
        let _ = writeln!(b, "<li>{} — <strong>{}</strong></li>", escape(&label), escape(&share.say()));
    }
    let _ = writeln!(b, "</ul>");
}

/// The assumed items by label: the label, the items (`kind name`) and the largest share of the
/// total resting on one of them, the largest first.
pub fn assumption_groups(e: &Evaluation) -> Vec<(String, Vec<String>, Decimal)> {
    let mut groups: Vec<(String, Vec<String>, Decimal)> = Vec::new();
    for s in &e.assumed_shares {
        let name = s.item.split_once(' ').map_or(s.item.as_str(), |(_, name)| name);
        let label = e.assumed_labels.get(&s.item).cloned().unwrap_or_else(|| name.to_string());
        match groups.iter_mut().find(|g| g.0 == label) {
            Some(g) => {
                g.1.push(s.item.clone());
                g.2 = g.2.max(s.share);
            }
            None => groups.push((label, vec![s.item.clone()], s.share)),
        }
    }
    groups.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_are_code_and_a_sentence_starts_with_a_capital() {
        assert_eq!(with_code("`a<b` et `c`"), "<code>a&lt;b</code> et <code>c</code>");
        assert_eq!(with_code("un ` seul"), "un ` seul");
        assert_eq!(sentence("la même ligne"), "La même ligne");
        assert_eq!(sentence("`x` est là"), "`x` est là");
    }
}
