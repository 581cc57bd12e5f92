//! `peps rules new-year Y --from X`: a new year's rulebook made from an existing one, edited as
//! text (toml_edit keeps every comment and the layout) so that policy staff start from files
//! that read like the ones they wrote.
//!
//! What it does, file kind by file kind (the kinds come from `[files]` of `rulebook.toml`):
//! - `rulebook.toml`: `year`, the first mention of X in `label`, `period` and `reference_date`
//!   move to Y;
//! - every date of the year moves by Y − X years (29 February becomes 28 February): parameters of
//!   unit `date`, calendar events (and the years X and X+1 named in their labels), date defaults
//!   of case inputs; a date marked `once = true` (an event or a date that happens once, such as
//!   the end of an experiment) stays as it is, label included;
//! - a value that changed inside year X (`values = [{ from, value }, ...]`) enters year Y with the
//!   value in force at the end of X: `values = [{ from = Y-01-01, value = <last> }]` — a tariff
//!   raised on 22 December is not raised again a year later;
//! - list items: a `to` date before Y drops the item (it no longer exists), a `from` date before
//!   Y is removed (the item holds from the start of Y); later dates stay as they are;
//! - carried values are marked: ` (reconduit de X)` is appended to every `reference` that does
//!   not already say where it was carried from, and `seed` statuses (a convention of year X)
//!   become `assumed`; `confirmed` stays (the text is presumed still in force);
//! - `retraits.toml` (removals of year X) is not carried; other files are copied as they are;
//! - the `#:schema` line of each rule file points to the repository's `schemas/` from `rules/Y`
//!   (a relative path inside the repository, a `file://` URL outside it: `draft`).
//!
//! The result is written to a temporary folder beside the rules, loaded strictly and checked for
//! coverage against X, and only then renamed to `rules/Y` (an existing year needs `--force`).

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use peps_engine::compare::coverage;
use peps_engine::diagnostic::Diagnostic;
use peps_engine::message::Message;
use peps_engine::msg;
use peps_engine::rules::removals::REMOVALS_FILE;
use peps_engine::rules::source::{DirSource, Source};
use toml_edit::{DocumentMut, Item, TableLike, Value};

use super::{load_dir, year_dir};
use crate::args::RulesArgs;
use crate::exit::{EXIT_FINDINGS, EXIT_IO, EXIT_OK};
use crate::language::Say;
use crate::report::Sources;
use crate::say;
use crate::workspace::{add_files_of, load_year, norms_source, print_diagnostics, rules_root};

#[derive(clap::Args, Debug)]
pub struct NewYearArgs {
    /// The year to create
    year: i32,
    /// The year to start from
    #[arg(long, value_name = "YEAR")]
    from: i32,
    /// Replace the year if it already exists
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    rules: RulesArgs,
}

/// What the edit did, for the summary.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub dates: usize,
    pub collapsed: usize,
    pub references: usize,
    pub statuses: usize,
    pub items_dropped: usize,
    /// Dates marked `once = true`, kept as they are.
    pub kept_once: usize,
}

pub fn run(args: &NewYearArgs) -> u8 {
    let (from, to) = (args.from, args.year);
    let root = rules_root(&args.rules);
    let src_dir = year_dir(&args.rules, from);
    let dst_dir = year_dir(&args.rules, to);
    if from == to {
        say::error(msg!("cli-new-year-same", year = to.to_string()));
        return EXIT_IO;
    }
    if dst_dir.exists() && !args.force {
        crate::say::error(msg!("cli-draft-exists", path = dst_dir.display().to_string()));
        eprintln!("  {}", msg!("cli-new-year-exists-help").say());
        return crate::exit::EXIT_IO;
    }
    let mut sources = Sources::default();
    let (base, diags) = load_year(&args.rules, from, &mut sources);
    let Some(base) = base else {
        print_diagnostics(&diags, &sources);
        say::error(msg!("cli-new-year-base-broken", from = from.to_string(), to = to.to_string()));
        return crate::workspace::exit_code(&diags).max(EXIT_FINDINGS);
    };
    let tmp = match crate::temp::TempFolder::beside(&dst_dir) {
        Ok(t) => t,
        Err(e) => {
            say::error(msg!("cli-new-year-no-temp", dir = root.display().to_string(), reason = e.to_string()));
            return EXIT_IO;
        }
    };
    let tally = match write_year(&src_dir, tmp.path(), from, to) {
        Ok(t) => t,
        Err(e) => {
            say::error(e);
            return EXIT_IO;
        }
    };
    // The `#:schema` lines must resolve from where the year will be, not from where it was.
    if let Some(schemas) = super::draft::schemas_dir(&args.rules)
        && let Err(e) = super::draft::retarget_schemas(tmp.path(), &dst_dir, &schemas)
    {
        say::error(e);
        return EXIT_IO;
    }
    // The new year must pass the same checks as any other before it takes its place.
    let (made, diags) = load_dir(tmp.path(), &norms_source(&args.rules));
    let mut problems: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
    if let Some(made) = &made {
        problems.extend(coverage::check(&base, made, &[]));
    }
    if made.is_none() || !problems.is_empty() {
        add_files_of(&problems, &mut sources);
        print_diagnostics(&problems, &sources);
        say::error(msg!("cli-new-year-broken", from = from.to_string(), to = to.to_string()));
        return EXIT_FINDINGS;
    }
    // The old year is kept aside until the new one is in place.
    if let Err(e) = tmp.replace(&dst_dir) {
        say::error(msg!("cli-schema-cannot-create", dir = dst_dir.display().to_string(), reason = e.to_string()));
        return EXIT_IO;
    }
    say::emit(&summary(&dst_dir, from, to, &tally));
    EXIT_OK
}

fn summary(dst: &Path, from: i32, to: i32, t: &Tally) -> String {
    let years = (to - from).abs();
    let (from, to) = (from.to_string(), to.to_string());
    let mut lines = vec![msg!("cli-new-year-created", path = dst.display().to_string(), from = &from)];
    lines.push(msg!("cli-new-year-dates", dates = t.dates, years = years));
    lines.push(msg!("cli-new-year-collapsed", count = t.collapsed, from = &from, to = &to));
    if t.items_dropped > 0 {
        lines.push(msg!("cli-new-year-items-dropped", count = t.items_dropped, from = &from));
    }
    if t.kept_once > 0 {
        lines.push(msg!("cli-new-year-kept-once", count = t.kept_once));
    }
    lines.push(msg!("cli-new-year-references", references = t.references, from = &from, statuses = t.statuses));
    lines.push(msg!("cli-new-year-passes", to = &to));
    lines.push(msg!("cli-new-year-review"));
    let mut s = format!("{}\n", lines[0].say());
    for l in &lines[1..] {
        s.push_str(&format!("  {l}\n", l = l.say()));
    }
    s
}

/// Writes year `to` made from the folder `src` of year `from` into `dst`.
pub fn write_year(src: &Path, dst: &Path, from: i32, to: i32) -> Result<Tally, Message> {
    let source = DirSource::new(src);
    let manifest = source.read("rulebook.toml").map_err(|e| e.message())?;
    let kinds = file_kinds(&manifest)?;
    let period = year_period(from);
    let mut tally = Tally::default();
    for rel in source.list("") {
        if rel == REMOVALS_FILE {
            continue;
        }
        let target = dst.join(&rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| msg!("cli-schema-cannot-create", dir = parent.display().to_string(), reason = e.to_string()))?;
        }
        let kind = if rel == "rulebook.toml" { Some("rulebook") } else { kinds.iter().find(|(p, _)| *p == rel).map(|(_, k)| *k) };
        match kind {
            Some(kind) if kind != "scripts" => {
                let text = source.read(&rel).map_err(|e| e.message())?;
                let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
                    msg!("cli-new-year-invalid-toml", file = source.display(&rel), reason = e.to_string())
                })?;
                edit(&mut doc, kind, from, to, period, &mut tally);
                std::fs::write(&target, doc.to_string())
                    .map_err(|e| msg!("cli-output-io", path = target.display().to_string(), reason = e.to_string()))?;
            }
            _ => {
                let from = source.resolve(&rel).map_err(|e| e.message())?;
                std::fs::copy(from, &target).map_err(|e| msg!("cli-cannot-copy", path = source.display(&rel), reason = e.to_string()))?;
            }
        }
    }
    Ok(tally)
}

/// The kind of each file `rulebook.toml` lists under `[files]`.
fn file_kinds(manifest: &str) -> Result<Vec<(String, &'static str)>, Message> {
    const KINDS: &[&str] = &["parameters", "tables", "lists", "indicators", "calendar", "inputs", "steps", "scripts"];
    let doc: DocumentMut = manifest
        .parse()
        .map_err(|e: toml_edit::TomlError| msg!("cli-new-year-invalid-toml", file = "rulebook.toml", reason = e.to_string()))?;
    let mut out = Vec::new();
    let Some(files) = doc.get("files").and_then(Item::as_table_like) else { return Ok(out) };
    for kind in KINDS {
        let Some(paths) = files.get(kind).and_then(Item::as_array) else { continue };
        out.extend(paths.iter().filter_map(Value::as_str).map(|p| (p.to_string(), *kind)));
    }
    Ok(out)
}

fn year_period(year: i32) -> (NaiveDate, NaiveDate) {
    let day = |m, d| NaiveDate::from_ymd_opt(year, m, d).unwrap_or_default();
    (day(1, 1), day(12, 31))
}

/// `date` moved by `years` years; 29 February becomes 28 February in a common year.
pub fn shift_date(date: NaiveDate, years: i32) -> NaiveDate {
    let y = date.year() + years;
    NaiveDate::from_ymd_opt(y, date.month(), date.day()).or_else(|| NaiveDate::from_ymd_opt(y, 2, 28)).unwrap_or(date)
}

fn edit(doc: &mut DocumentMut, kind: &str, from: i32, to: i32, period: (NaiveDate, NaiveDate), t: &mut Tally) {
    let delta = to - from;
    let root = doc.as_table_mut();
    match kind {
        "rulebook" => {
            if let Some(v) = root.get_mut("year").and_then(Item::as_value_mut) {
                set(v, Value::from(i64::from(to)));
            }
            if let Some(v) = root.get_mut("label").and_then(Item::as_value_mut)
                && let Some(s) = v.as_str()
            {
                let s = rename_years(s, &[from], delta, true);
                set(v, Value::from(s));
            }
            if let Some(p) = root.get_mut("period").and_then(Item::as_table_like_mut) {
                shift_key(p, "start", delta, t);
                shift_key(p, "end", delta, t);
            }
            shift_key(root, "reference_date", delta, t);
        }
        "parameters" => {
            for (_, item) in root.iter_mut() {
                let Some(p) = item.as_table_like_mut() else { continue };
                if once(p) {
                    t.kept_once += 1;
                } else {
                    shift_key(p, "value", delta, t);
                    collapse_dated(p, "values", to, delta, t);
                }
                mark(p, from, t);
            }
        }
        "tables" => each_table(root, |tb| mark(tb, from, t)),
        "lists" => {
            for (_, item) in root.iter_mut() {
                let Some(l) = item.as_table_like_mut() else { continue };
                mark(l, from, t);
                let attributes: Vec<String> = l
                    .get("attributes")
                    .and_then(Item::as_array)
                    .map(|a| a.iter().filter_map(|v| v.as_inline_table()?.get("name")?.as_str().map(str::to_string)).collect())
                    .unwrap_or_default();
                if let Some(items) = l.get_mut("items") {
                    edit_items(items, &attributes, from, to, period, t);
                }
            }
        }
        "indicators" => {
            for (_, item) in root.iter_mut() {
                let Some(s) = item.as_table_like_mut() else { continue };
                mark(s, from, t);
                if let Some(list) = s.get_mut("indicators") {
                    each_entry(list, &mut |e| mark(e, from, t));
                }
            }
        }
        "calendar" => {
            for (_, item) in root.iter_mut() {
                let Some(e) = item.as_table_like_mut() else { continue };
                if once(e) {
                    t.kept_once += 1;
                    mark(e, from, t);
                    continue;
                }
                shift_key(e, "date", delta, t);
                // A recurring event ends a year later too.
                if let Some(repeat) = e.get_mut("repeat").and_then(|r| r.as_table_like_mut()) {
                    shift_key(repeat, "until", delta, t);
                }
                if let Some(v) = e.get_mut("label").and_then(Item::as_value_mut)
                    && let Some(s) = v.as_str()
                {
                    let s = rename_years(s, &[from, from + 1], delta, false);
                    set(v, Value::from(s));
                }
                mark(e, from, t);
            }
        }
        "inputs" => shift_all(root.iter_mut().map(|(_, i)| i).collect(), delta, t),
        _ => {}
    }
}

/// Whether an item is marked `once = true`: a date that happens once, kept by a new year.
fn once(tb: &dyn TableLike) -> bool {
    tb.get("once").and_then(Item::as_value).and_then(Value::as_bool) == Some(true)
}

/// Replaces a value, keeping the spaces and comments around it.
fn set(v: &mut Value, mut new: Value) {
    *new.decor_mut() = v.decor().clone();
    *v = new;
}

fn date_of(v: &Value) -> Option<NaiveDate> {
    let dt = v.as_datetime()?;
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}

fn date_value(d: NaiveDate) -> Value {
    let date = toml_edit::Date { year: d.year() as u16, month: d.month() as u8, day: d.day() as u8 };
    Value::from(toml_edit::Datetime { date: Some(date), time: None, offset: None })
}

fn shift_value(v: &mut Value, delta: i32, t: &mut Tally) {
    if let Some(d) = date_of(v) {
        set(v, date_value(shift_date(d, delta)));
        t.dates += 1;
    }
}

fn shift_key(tb: &mut dyn TableLike, key: &str, delta: i32, t: &mut Tally) {
    if let Some(v) = tb.get_mut(key).and_then(Item::as_value_mut) {
        shift_value(v, delta, t);
    }
}

/// Moves every date below these items (used where any date is relative to the year).
fn shift_all(items: Vec<&mut Item>, delta: i32, t: &mut Tally) {
    fn walk_value(v: &mut Value, delta: i32, t: &mut Tally) {
        match v {
            Value::Array(a) => a.iter_mut().for_each(|x| walk_value(x, delta, t)),
            Value::InlineTable(tb) => tb.iter_mut().for_each(|(_, x)| walk_value(x, delta, t)),
            other => shift_value(other, delta, t),
        }
    }
    fn walk(item: &mut Item, delta: i32, t: &mut Tally) {
        match item {
            Item::Value(v) => walk_value(v, delta, t),
            Item::Table(tb) => tb.iter_mut().for_each(|(_, x)| walk(x, delta, t)),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(|tb| tb.iter_mut().for_each(|(_, x)| walk(x, delta, t))),
            Item::None => {}
        }
    }
    for item in items {
        walk(item, delta, t);
    }
}

/// `values = [{ from, value }, ...]` becomes the value in force at the end of the year, from the
/// first day of the new year.
fn collapse_dated(tb: &mut dyn TableLike, key: &str, to: i32, delta: i32, t: &mut Tally) {
    let Some(v) = tb.get_mut(key).and_then(Item::as_value_mut) else { return };
    let Some(arr) = v.as_array() else { return };
    let Some(mut last) = arr.iter().last().and_then(|e| e.as_inline_table()?.get("value").cloned()) else { return };
    let several = arr.len() > 1;
    shift_value(&mut last, delta, &mut Tally::default());
    last.decor_mut().clear();
    let mut entry = toml_edit::InlineTable::new();
    entry.insert("from", date_value(NaiveDate::from_ymd_opt(to, 1, 1).unwrap_or_default()));
    entry.insert("value", last);
    let mut new = toml_edit::Array::new();
    new.push(Value::InlineTable(entry));
    set(v, Value::Array(new));
    v.as_array_mut().map(toml_edit::Array::fmt);
    if several {
        t.collapsed += 1;
    } else {
        t.dates += 1;
    }
}

/// How a reference says its item was carried from an earlier year, followed by that year and `)`:
/// written into the rule files, which are in French whatever the run's language.
pub(super) const CARRIED_MARK: &str = "(reconduit de "; // not prose

/// Marks a carried item: its reference says where it comes from, a seed becomes an assumption.
fn mark(tb: &mut dyn TableLike, from: i32, t: &mut Tally) {
    if let Some(v) = tb.get_mut("status").and_then(Item::as_value_mut)
        && v.as_str() == Some("seed")
    {
        set(v, Value::from("assumed"));
        t.statuses += 1;
    }
    if let Some(v) = tb.get_mut("reference").and_then(Item::as_value_mut)
        && let Some(r) = v.as_str()
        && !r.contains(CARRIED_MARK)
    {
        // Written into the rule files, which are in French whatever the run's language.
        let marked = format!("{r} {CARRIED_MARK}{from})");
        set(v, Value::from(marked));
        t.references += 1;
    }
}

fn each_table(root: &mut toml_edit::Table, mut f: impl FnMut(&mut dyn TableLike)) {
    for (_, item) in root.iter_mut() {
        if let Some(tb) = item.as_table_like_mut() {
            f(tb);
        }
    }
}

/// Calls `f` on each table of an array of tables, written `[[x]]` or `x = [{...}, ...]`.
fn each_entry(item: &mut Item, f: &mut dyn FnMut(&mut dyn TableLike)) {
    match item {
        Item::ArrayOfTables(a) => a.iter_mut().for_each(|tb| f(tb)),
        Item::Value(Value::Array(a)) => {
            for v in a.iter_mut() {
                if let Some(tb) = v.as_inline_table_mut() {
                    f(tb);
                }
            }
        }
        _ => {}
    }
}

fn edit_items(items: &mut Item, attributes: &[String], from: i32, to: i32, period: (NaiveDate, NaiveDate), t: &mut Tally) {
    let delta = to - from;
    let ended = |tb: &dyn TableLike| tb.get("to").and_then(Item::as_value).and_then(date_of).is_some_and(|d| d <= period.1);
    // Items that ended during (or before) year X do not exist in year Y.
    match items {
        Item::ArrayOfTables(a) => {
            let before = a.len();
            a.retain(|tb| !ended(tb));
            t.items_dropped += before - a.len();
        }
        Item::Value(Value::Array(a)) => {
            let before = a.len();
            a.retain(|v| !v.as_inline_table().is_some_and(|tb| ended(tb)));
            t.items_dropped += before - a.len();
        }
        _ => {}
    }
    each_entry(items, &mut |it| {
        if it.get("from").and_then(Item::as_value).and_then(date_of).is_some_and(|d| d <= period.1) {
            it.remove("from");
        }
        for a in attributes {
            collapse_dated(it, a, to, delta, t);
        }
        mark(it, from, t);
    });
}

/// Replaces the standalone four-digit years of `years` by themselves plus `delta` (one pass, so
/// 2025 → 2026 and 2026 → 2027 do not chain); with `first_only`, only the first match.
pub fn rename_years(text: &str, years: &[i32], delta: i32, first_only: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut done = false;
    while i < bytes.len() {
        let start = i;
        if bytes[i].is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let run = &text[start..i];
            match run.parse::<i32>() {
                Ok(y) if run.len() == 4 && years.contains(&y) && !done => {
                    out.push_str(&(y + delta).to_string());
                    done = first_only;
                }
                _ => out.push_str(run),
            }
        } else {
            let ch = text[i..].chars().next().unwrap_or_default();
            out.push(ch);
            i += ch.len_utf8().max(1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_move_by_whole_years_and_29_february_becomes_28() {
        assert_eq!(shift_date(d(2025, 12, 31), 1), d(2026, 12, 31));
        assert_eq!(shift_date(d(2024, 2, 29), 1), d(2025, 2, 28));
        assert_eq!(shift_date(d(2024, 2, 29), 4), d(2028, 2, 29));
        assert_eq!(shift_date(d(2026, 7, 20), -2), d(2024, 7, 20));
    }

    #[test]
    fn years_in_labels_move_in_one_pass() {
        assert_eq!(rename_years("Solde 2025, payé en 2026", &[2025, 2026], 1, false), "Solde 2026, payé en 2027");
        assert_eq!(rename_years("Dispositif 2025 — convention 2025", &[2025], 1, true), "Dispositif 2026 — convention 2025");
        assert_eq!(rename_years("20255 et 2025€ é", &[2025], 1, false), "20255 et 2026€ é");
    }

    fn run_edit(text: &str, kind: &str) -> (String, Tally) {
        let mut doc: DocumentMut = text.parse().unwrap();
        let mut t = Tally::default();
        edit(&mut doc, kind, 2025, 2026, year_period(2025), &mut t);
        (doc.to_string(), t)
    }

    #[test]
    fn parameters_keep_their_comments_and_carry_their_last_value() {
        let text = "# en-tête\n[date_observation]\nlabel = \"D\"\nunit = \"date\"\nvalue = 2025-12-31 # fin d'année\nstatus = \"seed\"\nreference = \"Convention 2025\"\n\n[tarif]\nlabel = \"G\"\nunit = \"EUR\"\nvalues = [{ from = 2025-01-01, value = \"26.50\" }, { from = 2025-12-22, value = \"30.00\" }]\nstatus = \"confirmed\"\nreference = \"NGAP (reconduit de 2024)\"\n";
        let (out, t) = run_edit(text, "parameters");
        assert_eq!(
            out,
            "# en-tête\n[date_observation]\nlabel = \"D\"\nunit = \"date\"\nvalue = 2026-12-31 # fin d'année\nstatus = \"assumed\"\nreference = \"Convention 2025 (reconduit de 2025)\"\n\n[tarif]\nlabel = \"G\"\nunit = \"EUR\"\nvalues = [{ from = 2026-01-01, value = \"30.00\" }]\nstatus = \"confirmed\"\nreference = \"NGAP (reconduit de 2024)\"\n"
        );
        assert_eq!(t, Tally { dates: 1, collapsed: 1, references: 1, statuses: 1, items_dropped: 0, kept_once: 0 });
    }

    #[test]
    fn dates_that_happen_once_are_kept() {
        let text = "[fin_experimentation]\nlabel = \"Fin en juillet 2026\"\ndate = 2026-07-03\nonce = true\nkind = \"end\"\nstatus = \"assumed\"\nreference = \"Fin en juillet 2026\"\n\n[solde]\nlabel = \"Solde 2025\"\ndate = 2026-07-20\nkind = \"balance\"\nstatus = \"seed\"\nreference = \"r\"\n";
        let (out, t) = run_edit(text, "calendar");
        assert!(out.contains("label = \"Fin en juillet 2026\"\ndate = 2026-07-03\nonce = true\n"), "{out}");
        assert!(out.contains("label = \"Solde 2026\"\ndate = 2027-07-20\n"), "{out}");
        assert_eq!((t.kept_once, t.dates), (1, 1));
        let params = "[fin]\nlabel = \"F\"\nunit = \"date\"\nvalue = 2026-07-03\nonce = true\nstatus = \"assumed\"\nreference = \"r\"\n";
        let (out, t) = run_edit(params, "parameters");
        assert!(out.contains("value = 2026-07-03\n"), "{out}");
        assert_eq!(t.kept_once, 1);
    }

    #[test]
    fn list_items_that_ended_are_dropped_and_started_ones_hold_all_year() {
        let text = "[actes]\nlabel = \"A\"\nstatus = \"confirmed\"\nreference = \"NGAP\"\nattributes = [{ name = \"tarif\", unit = \"EUR\" }]\n\n[[actes.items]]\ncode = \"C\"\nlabel = \"C\"\ntarif = \"23.00\"\nto = 2025-06-30\n\n[[actes.items]]\ncode = \"G\"\nlabel = \"G\"\ntarif = [{ from = 2025-01-01, value = \"26.50\" }, { from = 2025-12-22, value = \"30.00\" }]\nfrom = 2025-07-01\n";
        let (out, t) = run_edit(text, "lists");
        assert!(!out.contains("code = \"C\""), "{out}");
        assert!(out.contains("tarif = [{ from = 2026-01-01, value = \"30.00\" }]\n"), "{out}");
        assert!(!out.contains("from = 2025-07-01"), "{out}");
        assert!(out.contains("reference = \"NGAP (reconduit de 2025)\""), "{out}");
        assert_eq!(t.items_dropped, 1);
    }
}
