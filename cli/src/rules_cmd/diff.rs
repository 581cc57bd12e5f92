//! `peps rules diff`: what changed between two years, for people. The result (total, components,
//! gate) comes first; each item with a real change follows with its old and new values; items
//! whose only changes are routine — a reference marked as carried, a status, a date moved by the
//! years between the two rulebooks — are grouped in one line per kind of item; a changed value
//! whose reference still says it was carried over is flagged. JSON keeps every change as the
//! engine gives it.

use std::fmt::Write;

use chrono::{Months, NaiveDate};
use peps_engine::compare::diff::{Change, ChangeKind, RulebookDiff, diff};
use peps_engine::message::Message;
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;

use super::RulesFormat;
use super::new_year::CARRIED_MARK;
use crate::args::RulesArgs;
use crate::exit::{EXIT_FINDINGS, EXIT_OK};
use crate::json::json;
use crate::language::Say;
use crate::report::Sources;
use crate::say;
use crate::workspace::{exit_code, load_year, print_diagnostics};

/// How many item names a grouped line shows before "and N more".
const NAMES_SHOWN: usize = 6;

#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// The earlier year
    from: i32,
    /// The later year
    to: i32,
    #[command(flatten)]
    rules: RulesArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    format: RulesFormat,
}

pub fn run(args: &DiffArgs) -> u8 {
    let mut sources = Sources::default();
    let mut load = |y: i32| -> Result<Rulebook, u8> {
        let (rb, diags) = load_year(&args.rules, y, &mut sources);
        if rb.is_none() {
            print_diagnostics(&diags, &sources);
        }
        rb.ok_or_else(|| exit_code(&diags).max(EXIT_FINDINGS))
    };
    let old = match load(args.from) {
        Ok(rb) => rb,
        Err(c) => return c,
    };
    let new = match load(args.to) {
        Ok(rb) => rb,
        Err(c) => return c,
    };
    let d = diff(&old, &new);
    let text = match args.format {
        RulesFormat::Json => json(&d),
        RulesFormat::Table => diff_table(&d),
    };
    say::emit(&text);
    EXIT_OK
}

/// The changes of one item, in the diff's order.
struct Item<'d> {
    kind: &'static str,
    name: &'d str,
    changes: Vec<&'d Change>,
}

/// Why an item's changes need no reading one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Routine {
    /// Only its reference changed, and only by the mark of an item carried from the year before.
    Reference,
    /// Its status, reference or dates moved by the years between the two rulebooks.
    StatusOrDates,
}

/// The diff for people: the result first, then one block per item with a real change (`+`
/// added, `-` removed, `~` changed, with old and new values and the item's reference), then the
/// routine changes grouped by kind of item.
pub fn diff_table(d: &RulebookDiff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", msg!("cli-diff-title", from = d.from.to_string(), to = d.to.to_string(), count = d.changes.len()).say());
    let years = u32::try_from(d.to - d.from).unwrap_or(0);
    let mut items = by_item(&d.changes);
    // A change of what the total adds up is the first thing a reader must see.
    items.sort_by_key(|i| !(i.kind == "rulebook" && i.name == "result"));
    let mut routine: Vec<(&'static str, Routine, Vec<String>)> = Vec::new();
    for item in &items {
        match routine_of(item, years) {
            Some(r) => {
                let shown = routine_name(item);
                match routine.iter_mut().find(|(k, rr, _)| *k == item.kind && *rr == r) {
                    Some((_, _, names)) => names.push(shown),
                    None => routine.push((item.kind, r, vec![shown])),
                }
            }
            None => write_item(&mut out, item, years),
        }
    }
    if !routine.is_empty() {
        let _ = writeln!(out, "\n{}", msg!("cli-diff-routine-title").say());
        routine.sort_by_key(|(_, r, _)| *r);
        for (kind, r, names) in &routine {
            let (kind, count, names) = (msg!("cli-diff-kinds", kind = *kind), names.len(), names_line(names));
            let line = match r {
                Routine::Reference => msg!("cli-diff-routine-reference", kind = kind, count = count, names = names),
                Routine::StatusOrDates => msg!("cli-diff-routine-status", kind = kind, count = count, names = names),
            };
            let _ = writeln!(out, "  {line}", line = line.say());
        }
    }
    out
}

/// The changes grouped by item, in the order of their first change.
fn by_item(changes: &[Change]) -> Vec<Item<'_>> {
    let mut items: Vec<Item<'_>> = Vec::new();
    for c in changes {
        match items.iter_mut().find(|i| i.kind == c.kind && i.name == c.item) {
            Some(item) => item.changes.push(c),
            None => items.push(Item { kind: c.kind, name: &c.item, changes: vec![c] }),
        }
    }
    items
}

/// Whether every change of `item` is routine, and which routine.
fn routine_of(item: &Item<'_>, years: u32) -> Option<Routine> {
    if item.kind == "rulebook" {
        return None;
    }
    let mut kind = Routine::Reference;
    for c in &item.changes {
        if c.change != ChangeKind::Changed {
            return None;
        }
        match c.field.as_str() {
            "reference" if only_marked_as_carried(c) => {}
            "status" => kind = Routine::StatusOrDates,
            _ if moved_by_years(c, years) => kind = Routine::StatusOrDates,
            _ => return None,
        }
    }
    Some(kind)
}

/// A reference that only gained the mark of an item carried from an earlier year.
fn only_marked_as_carried(c: &Change) -> bool {
    let (Some(old), Some(new)) = (text(&c.old), text(&c.new)) else { return false };
    new.strip_prefix(old).is_some_and(|added| added.trim_start().starts_with(CARRIED_MARK))
}

/// A date moved by exactly the years between the two rulebooks, as `rules new-year` moves them.
fn moved_by_years(c: &Change, years: u32) -> bool {
    let date = |s: Option<&str>| s.and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    let (Some(old), Some(new)) = (date(text(&c.old)), date(text(&c.new))) else { return false };
    years > 0 && old.checked_add_months(Months::new(12 * years)) == Some(new)
}

/// A value of a change that is text of the rule files (a reference, a date, a status).
fn text(m: &Option<Message>) -> Option<&str> {
    m.as_ref().and_then(Message::as_text)
}

/// An item of a grouped line: its name, and its change of status when it has one.
fn routine_name(item: &Item<'_>) -> String {
    let status = item.changes.iter().find(|c| c.field == "status");
    match status.and_then(|c| Some((text(&c.old)?, text(&c.new)?))) {
        Some((old, new)) => format!("{} ({old} → {new})", item.name),
        None => item.name.to_string(),
    }
}

/// The first names and how many more.
fn names_line(names: &[String]) -> String {
    let mut shown = names.iter().take(NAMES_SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > NAMES_SHOWN {
        let _ = write!(shown, " {}", msg!("cli-diff-and-more", count = names.len() - NAMES_SHOWN).say());
    }
    shown
}

/// One item with its changes, its reference under its name, and a warning when a value changed
/// but the reference still says the item was carried over.
fn write_item(out: &mut String, item: &Item<'_>, years: u32) {
    let heading = match (item.kind, item.name) {
        ("rulebook", part @ ("header" | "result")) => msg!("cli-diff-rulebook-part", part = part).say(),
        (kind, name) => format!("{} {name}", msg!("cli-diff-kind", kind = kind).say()),
    };
    let _ = writeln!(out, "\n{heading}");
    let reference = item.changes.iter().find_map(|c| c.reference.as_deref());
    if let Some(r) = reference {
        let _ = writeln!(out, "    {}", msg!("cli-diff-reference", reference = r).say());
    }
    for c in &item.changes {
        write_change(out, c);
    }
    if stale_value(item, years).is_some() {
        let _ = writeln!(out, "  ! {}", msg!("cli-diff-stale-reference").say());
    }
}

/// The first change of a value of `item` when its reference still says it was carried over
/// unchanged from an earlier year: the new value's source is not cited.
fn stale_value<'d>(item: &Item<'d>, years: u32) -> Option<&'d Change> {
    let carried = item.changes.iter().find_map(|c| c.reference.as_deref()).is_some_and(|r| r.contains(CARRIED_MARK));
    let value = item.changes.iter().copied().find(|c| {
        c.change == ChangeKind::Changed && !matches!(c.field.as_str(), "reference" | "status" | "label") && !moved_by_years(c, years)
    });
    value.filter(|_| carried)
}

/// A changed value under a reference carried over unchanged, as `rules check --against` lists it.
#[derive(Debug, serde::Serialize)]
pub struct StaleValue {
    pub year: i32,
    pub kind: &'static str,
    pub item: String,
    pub field: String,
    pub old: String,
    pub new: String,
}

/// Every changed value of `d` whose reference still says it was carried over.
pub fn stale_values(d: &RulebookDiff) -> Vec<StaleValue> {
    let years = u32::try_from(d.to - d.from).unwrap_or(0);
    by_item(&d.changes)
        .iter()
        .filter_map(|item| {
            let c = stale_value(item, years)?;
            Some(StaleValue {
                year: d.to,
                kind: item.kind,
                item: item.name.to_string(),
                field: c.field.clone(),
                old: c.old.as_ref().map(Say::say).unwrap_or_default(),
                new: c.new.as_ref().map(Say::say).unwrap_or_default(),
            })
        })
        .collect()
}

fn write_change(out: &mut String, c: &Change) {
    let (sym, what) = match c.change {
        ChangeKind::Added => ('+', msg!("cli-diff-added")),
        ChangeKind::Removed => ('-', msg!("cli-diff-removed")),
        ChangeKind::Changed => ('~', Message::text("")),
    };
    let field = if c.field.is_empty() { what } else { msg!("cli-diff-field", field = c.field.as_str()) };
    let field = msg!("cli-diff-field-colon", field = field).say();
    let (old, new) = (c.old.as_ref().map(Say::say), c.new.as_ref().map(Say::say));
    let (old, new) = (old.as_deref(), new.as_deref());
    let multiline = old.is_some_and(|s| s.contains('\n')) || new.is_some_and(|s| s.contains('\n'));
    if multiline {
        let _ = writeln!(out, "  {sym} {field}");
        for line in line_diff(old.unwrap_or(""), new.unwrap_or("")) {
            let _ = writeln!(out, "      {line}");
        }
        return;
    }
    let _ = match (old, new) {
        // The new reference heads the item already: say only what it was.
        (Some(o), Some(_)) if c.field == "reference" => writeln!(out, "  {sym} {}", msg!("cli-diff-reference-was", old = o).say()),
        (Some(o), Some(n)) => writeln!(out, "  {sym} {field} {o} → {n}"),
        (None, Some(n)) => writeln!(out, "  {sym} {field} {n}"),
        (Some(o), None) => writeln!(out, "  {sym} {field} {o}"),
        (None, None) => writeln!(out, "  {sym} {}", field.trim_end_matches([':', ' ', '\u{a0}'])),
    };
}

/// A line diff of two short texts (longest common subsequence): `  ` kept, `- ` old, `+ ` new.
fn line_diff(old: &str, new: &str) -> Vec<String> {
    let a: Vec<&str> = if old.is_empty() { Vec::new() } else { old.lines().collect() };
    let b: Vec<&str> = if new.is_empty() { Vec::new() } else { new.lines().collect() };
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(format!("  {}", a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(format!("- {}", a[i]));
            i += 1;
        } else {
            out.push(format!("+ {}", b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_diff_keeps_common_lines() {
        let d = line_diff("fn f(x) {\n    x\n}", "fn f(x) {\n    x * 2\n}");
        assert_eq!(d, vec!["  fn f(x) {", "-     x", "+     x * 2", "  }"]);
    }

    fn change(field: &str, old: &str, new: &str) -> Change {
        Change {
            kind: "parameter",
            item: "p".into(),
            field: field.into(),
            change: ChangeKind::Changed,
            old: Some(old.into()),
            new: Some(new.into()),
            reference: Some(format!("Texte {CARRIED_MARK}2026)")),
        }
    }

    #[test]
    fn carried_references_statuses_and_moved_dates_are_routine_a_new_value_is_not() {
        let item = |changes: Vec<&'static Change>| Item { kind: "parameter", name: "p", changes };
        let reference: &'static Change = Box::leak(Box::new(change("reference", "Texte", "Texte (reconduit de 2026)")));
        let rewritten: &'static Change = Box::leak(Box::new(change("reference", "Texte", "Autre texte")));
        let status: &'static Change = Box::leak(Box::new(change("status", "seed", "assumed")));
        let moved: &'static Change = Box::leak(Box::new(change("value", "2026-12-31", "2027-12-31")));
        let value: &'static Change = Box::leak(Box::new(change("value", "0.60", "0.65")));
        assert_eq!(routine_of(&item(vec![reference]), 1), Some(Routine::Reference));
        assert_eq!(routine_of(&item(vec![reference, status, moved]), 1), Some(Routine::StatusOrDates));
        assert_eq!(routine_of(&item(vec![moved]), 2), None, "moved by one year, not two");
        assert_eq!(routine_of(&item(vec![reference, value]), 1), None);
        assert_eq!(routine_of(&item(vec![rewritten]), 1), None, "a new source is read, not grouped");
        let mut out = String::new();
        write_item(&mut out, &item(vec![value]), 1);
        assert!(out.contains("  ! "), "a new value under a carried reference is flagged: {out}");
    }
}
