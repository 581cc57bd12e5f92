//! Structural diff of two loaded rulebooks: what changed from one to the other, value by value —
//! the rulebook's header and result, parameters (dated values included), table keys and cells,
//! list attributes and items (dated attributes included), indicators, calendar events, case
//! inputs, norm versions, steps (mechanism, unit, rounding) and script functions — each change
//! with its old and new value and the reference of the item that carries it.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::formula;
use crate::ids::StepId;
use crate::rulebook::{Rulebook, Step};
use crate::rules::calendar::Event;
use crate::rules::indicator::{Indicator, IndicatorSet};
use crate::rules::inputs::{Input, InputKind, RejectedRows};
use crate::rules::list::{CodeList, ListItem};
use crate::rules::parameter::Parameter;
use crate::rules::provenance::Provenance;
use crate::rules::table::{KeyKind, Table};
use crate::value::{Dated, Period, Rounding, Value};

/// What happened to a field of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One change between two rulebooks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The kind of item: `rulebook`, `parameter`, `table`, `list`, `indicators`, `calendar`,
    /// `input`, `norm`, `step` or `script`.
    pub kind: &'static str,
    /// The item, e.g. `taux_plafond`, `prestations.G`, `formules.rhai::ecretement`.
    pub item: String,
    /// What changed in the item: `value`, `reference`, a table cell, an attribute, ...; empty when
    /// the whole item was added or removed.
    pub field: String,
    pub change: ChangeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
    /// The reference of the item in the newer rulebook (in the older one when it was removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// Every change from `from` to `to`, in the order of the rulebook's parts.
#[derive(Debug, Clone, Serialize)]
pub struct RulebookDiff {
    pub from: i32,
    pub to: i32,
    pub changes: Vec<Change>,
}

/// Compares two rulebooks.
pub fn diff(old: &Rulebook, new: &Rulebook) -> RulebookDiff {
    let mut out = Out { changes: Vec::new() };
    header(&mut out, old, new);
    let period = |is_new: bool| if is_new { new.period } else { old.period };
    keyed(
        &mut out,
        &old.parameters.raw,
        &new.parameters.raw,
        |p| p.name.clone(),
        |o, a, b| parameter(o, a, b, old.period, new.period),
        |p, n| entry("parameter", &p.name, Some(dated(&p.values, period(n))), Some(&p.provenance)),
    );
    keyed(
        &mut out,
        &old.tables.raw,
        &new.tables.raw,
        |t| t.name.clone(),
        table,
        |t, _| entry("table", &t.name, Some(table_summary(t)), Some(&t.provenance)),
    );
    keyed(
        &mut out,
        &old.lists.raw,
        &new.lists.raw,
        |l| l.name.clone(),
        |o, a, b| list(o, a, b, old.period, new.period),
        |l, _| entry("list", &l.name, Some(msg!("data-diff-codes", count = l.items.len()).to_string()), Some(&l.provenance)),
    );
    keyed(
        &mut out,
        &old.indicator_sets.raw,
        &new.indicator_sets.raw,
        |s| s.name.clone(),
        indicator_set,
        |s, _| {
            entry("indicators", &s.name, Some(msg!("data-diff-indicators", count = s.indicators.len()).to_string()), Some(&s.provenance))
        },
    );
    keyed(
        &mut out,
        &old.calendar,
        &new.calendar,
        |e| e.name.clone(),
        event,
        |e, _| entry("calendar", &e.name, Some(event_summary(e)), Some(&e.provenance)),
    );
    keyed(&mut out, &old.schema.inputs.raw, &new.schema.inputs.raw, input_name, input, |i, _| {
        entry("input", &input_name(i), Some(input_summary(i)), None)
    });
    keyed(
        &mut out,
        &old.norms,
        &new.norms,
        |n| n.name.clone(),
        norm,
        |n, _| entry("norm", &n.name, Some(format!("v{}", n.version)), Some(&n.provenance)),
    );
    keyed(
        &mut out,
        &old.steps.raw,
        &new.steps.raw,
        |s| s.def.name.clone(),
        step,
        |s, _| Entry {
            kind: "step",
            item: s.def.name.clone(),
            value: Some(s.def.describe().to_string()),
            reference: s.def.reference.clone(),
        },
    );
    scripts(&mut out, old, new);
    RulebookDiff { from: old.year, to: new.year, changes: out.changes }
}

struct Out {
    changes: Vec<Change>,
}

impl Out {
    /// Records a change of `field` (empty: the whole item) of `item`, an item of `kind`.
    fn push(
        &mut self,
        (kind, item, field): (&'static str, &str, &str),
        change: ChangeKind,
        old: Option<String>,
        new: Option<String>,
        reference: Option<&str>,
    ) {
        self.changes.push(Change {
            kind,
            item: item.to_string(),
            field: field.to_string(),
            change,
            old,
            new,
            reference: reference.map(str::to_string),
        });
    }

    /// Records a change of `field` when the two renderings differ.
    fn compare(&mut self, kind: &'static str, item: &str, field: &str, old: String, new: String, reference: Option<&str>) {
        if old != new {
            self.push((kind, item, field), ChangeKind::Changed, Some(old), Some(new), reference);
        }
    }

    /// Records changes of label, status and reference.
    fn provenance(&mut self, kind: &'static str, item: &str, old: &Provenance, new: &Provenance) {
        let r = Some(new.reference.as_str());
        self.compare(kind, item, "label", old.label.clone(), new.label.clone(), r);
        self.compare(kind, item, "status", old.status.as_str().into(), new.status.as_str().into(), r);
        self.compare(kind, item, "reference", old.reference.clone(), new.reference.clone(), r);
    }
}

/// How a whole item added or removed is shown.
struct Entry {
    kind: &'static str,
    item: String,
    value: Option<String>,
    reference: Option<String>,
}

fn entry(kind: &'static str, item: &str, value: Option<String>, prov: Option<&Provenance>) -> Entry {
    Entry { kind, item: item.to_string(), value, reference: prov.map(|p| p.reference.clone()) }
}

/// Matches items by name: changed ones in the newer order, then added ones where they stand, then
/// removed ones in the older order.
fn keyed<T>(
    out: &mut Out,
    old: &[T],
    new: &[T],
    name: impl Fn(&T) -> String,
    compare: impl Fn(&mut Out, &T, &T),
    whole: impl Fn(&T, bool) -> Entry,
) {
    for n in new {
        let key = name(n);
        match old.iter().find(|o| name(o) == key) {
            Some(o) => compare(out, o, n),
            None => {
                let e = whole(n, true);
                out.push((e.kind, &e.item, ""), ChangeKind::Added, None, e.value, e.reference.as_deref());
            }
        }
    }
    for o in old {
        let key = name(o);
        if !new.iter().any(|n| name(n) == key) {
            let e = whole(o, false);
            out.push((e.kind, &e.item, ""), ChangeKind::Removed, e.value, None, e.reference.as_deref());
        }
    }
}

fn header(out: &mut Out, old: &Rulebook, new: &Rulebook) {
    let k = "rulebook";
    out.compare(k, "header", "year", old.year.to_string(), new.year.to_string(), None);
    out.compare(k, "header", "label", old.label.clone(), new.label.clone(), None);
    out.compare(k, "header", "period", period(old.period), period(new.period), None);
    out.compare(k, "header", "reference_date", old.reference_date.to_string(), new.reference_date.to_string(), None);
    let name = |rb: &Rulebook, i: StepId| rb.steps.get(i).map_or_else(String::new, |s| s.def.name.clone());
    let names = |rb: &Rulebook, v: &[StepId]| v.iter().map(|&i| name(rb, i)).collect::<Vec<_>>().join(" + ");
    out.compare(k, "result", "total", name(old, old.result.total), name(new, new.result.total), None);
    out.compare(k, "result", "components", names(old, &old.result.components), names(new, &new.result.components), None);
    let gate = |rb: &Rulebook| rb.result.gate.map_or_else(String::new, |g| name(rb, g));
    out.compare(k, "result", "gate", gate(old), gate(new), None);
}

fn period(p: Period) -> String {
    format!("{} – {}", p.start, p.end)
}

/// Dated values as people read them: a single value as itself; several as
/// `26.50, from 2024-12-22: 30.00` (the first one holds from the start of the period).
/// Summaries like this one are compared as text between two rulebooks: each is written out once,
/// in the run's language.
pub(crate) fn dated(values: &[Dated<Value>], period: Period) -> String {
    let mut parts = Vec::with_capacity(values.len());
    for (i, d) in values.iter().enumerate() {
        if i == 0 && d.from == period.start {
            parts.push(d.value.render());
        } else {
            parts.push(msg!("data-diff-dated-from", from = d.from.to_string(), value = d.value.render()).to_string());
        }
    }
    parts.join(", ")
}

fn parameter(out: &mut Out, old: &Parameter, new: &Parameter, old_period: Period, new_period: Period) {
    let (k, item, r) = ("parameter", new.name.as_str(), Some(new.provenance.reference.as_str()));
    out.compare(k, item, "value", dated(&old.values, old_period), dated(&new.values, new_period), r);
    out.compare(k, item, "unit", old.unit.as_str().into(), new.unit.as_str().into(), r);
    out.provenance(k, item, &old.provenance, &new.provenance);
}

fn key_columns(t: &Table) -> String {
    t.keys
        .iter()
        .map(|k| match &k.kind {
            KeyKind::Range { domain, integer: true } => {
                msg!("data-diff-key-integer", key = &k.name, domain = domain.to_string()).to_string()
            }
            KeyKind::Range { domain, integer: false } => {
                msg!("data-diff-key-range", key = &k.name, domain = domain.to_string()).to_string()
            }
            KeyKind::Enum { values } => format!("{} ({})", k.name, values.join("|")),
            KeyKind::Bool => msg!("data-diff-key-bool", key = &k.name).to_string(),
        })
        .collect::<Vec<_>>()
        .join(" × ")
}

fn value_columns(t: &Table) -> String {
    t.columns.iter().map(|c| format!("{} ({})", c.name, c.unit)).collect::<Vec<_>>().join(", ")
}

pub(crate) fn table_summary(t: &Table) -> String {
    msg!("data-diff-table", rows = t.rows.len(), keys = key_columns(t)).to_string()
}

/// The number of rows of a table, for people.
fn rows(t: &Table) -> String {
    msg!("data-diff-rows", count = t.rows.len()).to_string()
}

fn table(out: &mut Out, old: &Table, new: &Table) {
    let (k, item, r) = ("table", new.name.as_str(), Some(new.provenance.reference.as_str()));
    out.provenance(k, item, &old.provenance, &new.provenance);
    out.compare(k, item, "columns", value_columns(old), value_columns(new), r);
    let (ok, nk) = (key_columns(old), key_columns(new));
    if ok != nk {
        // Rows of differently keyed tables do not correspond: say how the shape changed.
        out.push((k, item, "keys"), ChangeKind::Changed, Some(ok), Some(nk), r);
        out.compare(k, item, "rows", rows(old), rows(new), r);
        return;
    }
    let describe = |t: &Table| (0..t.rows.len()).map(|i| t.describe_row(i)).collect::<Vec<_>>();
    let (od, nd) = (describe(old), describe(new));
    let cells = |t: &Table, row: usize| {
        t.columns.iter().zip(&t.rows[row].values).map(|(c, v)| format!("{} = {v}", c.name)).collect::<Vec<_>>().join(", ")
    };
    for (ni, key) in nd.iter().enumerate() {
        match od.iter().position(|o| o == key) {
            Some(oi) => {
                for (ci, col) in new.columns.iter().enumerate() {
                    let Some(oc) = old.column_index(&col.name) else { continue };
                    let field = format!("[{key}].{}", col.name);
                    out.compare(k, item, &field, old.rows[oi].values[oc].to_string(), new.rows[ni].values[ci].to_string(), r);
                }
            }
            None => out.push((k, item, &format!("[{key}]")), ChangeKind::Added, None, Some(cells(new, ni)), r),
        }
    }
    for (oi, key) in od.iter().enumerate() {
        if !nd.contains(key) {
            out.push((k, item, &format!("[{key}]")), ChangeKind::Removed, Some(cells(old, oi)), None, r);
        }
    }
}

/// The name of a list item with its validity, when it has one: `G`, `G[2024-01-01 – ]`.
pub(crate) fn item_name(list: &CodeList, item: &ListItem) -> String {
    match (item.from, item.to) {
        (None, None) => format!("{}.{}", list.name, item.code),
        (from, to) => format!(
            "{}.{}[{} – {}]",
            list.name,
            item.code,
            from.map(|d| d.to_string()).unwrap_or_default(),
            to.map(|d| d.to_string()).unwrap_or_default()
        ),
    }
}

pub(crate) fn item_attributes(list: &CodeList, item: &ListItem, period: Period) -> String {
    list.attributes.iter().zip(&item.values).map(|(a, v)| format!("{} = {}", a.name, dated(v, period))).collect::<Vec<_>>().join(", ")
}

/// Validity dates of list items move with the year; they match on their day of the year.
/// A month and a day.
type MonthDay = (u32, u32);

fn validity_key(item: &ListItem) -> (String, Option<MonthDay>, Option<MonthDay>) {
    let md = |d: Option<NaiveDate>| d.map(|d| (d.month(), d.day()));
    (item.code.clone(), md(item.from), md(item.to))
}

fn list(out: &mut Out, old: &CodeList, new: &CodeList, old_period: Period, new_period: Period) {
    let (k, r) = ("list", Some(new.provenance.reference.as_str()));
    out.provenance(k, &new.name, &old.provenance, &new.provenance);
    let attrs = |l: &CodeList| l.attributes.iter().map(|a| format!("{} ({})", a.name, a.unit)).collect::<Vec<_>>().join(", ");
    out.compare(k, &new.name, "attributes", attrs(old), attrs(new), r);
    let old_keys: Vec<_> = old.items.iter().map(validity_key).collect();
    let new_keys: Vec<_> = new.items.iter().map(validity_key).collect();
    for (ni, it) in new.items.iter().enumerate() {
        let name = item_name(new, it);
        let ir = Some(it.provenance.reference.as_str());
        let Some(oi) = old_keys.iter().position(|o| *o == new_keys[ni]) else {
            out.push((k, &name, ""), ChangeKind::Added, None, Some(item_attributes(new, it, new_period)), ir);
            continue;
        };
        let ot = &old.items[oi];
        for (ai, attr) in new.attributes.iter().enumerate() {
            let Some(oa) = old.attribute_index(&attr.name) else { continue };
            out.compare(k, &name, &attr.name, dated(&ot.values[oa], old_period), dated(&it.values[ai], new_period), ir);
        }
        out.provenance(k, &name, &ot.provenance, &it.provenance);
    }
    for (oi, it) in old.items.iter().enumerate() {
        if !new_keys.contains(&old_keys[oi]) {
            let ir = Some(it.provenance.reference.as_str());
            out.push((k, &item_name(old, it), ""), ChangeKind::Removed, Some(item_attributes(old, it, old_period)), None, ir);
        }
    }
}

pub(crate) fn indicator_summary(i: &Indicator) -> String {
    let (weight, target, input) = (i.weight.to_string(), i.target.to_string(), i.input.as_str());
    match i.direction {
        crate::rules::indicator::Direction::Higher => msg!("data-diff-indicator-higher", weight = weight, target = target, input = input),
        crate::rules::indicator::Direction::Lower => msg!("data-diff-indicator-lower", weight = weight, target = target, input = input),
    }
    .to_string()
}

fn indicator_set(out: &mut Out, old: &IndicatorSet, new: &IndicatorSet) {
    let (k, r) = ("indicators", Some(new.provenance.reference.as_str()));
    out.provenance(k, &new.name, &old.provenance, &new.provenance);
    let method = |s: &IndicatorSet| format!("{:?}", s.method).to_lowercase();
    out.compare(k, &new.name, "method", method(old), method(new), r);
    for n in &new.indicators {
        let name = format!("{}.{}", new.name, n.name);
        let ir = Some(n.provenance.reference.as_str());
        match old.indicators.iter().find(|o| o.name == n.name) {
            Some(o) => {
                out.compare(k, &name, "weight", o.weight.to_string(), n.weight.to_string(), ir);
                out.compare(k, &name, "target", o.target.to_string(), n.target.to_string(), ir);
                out.compare(k, &name, "direction", format!("{:?}", o.direction), format!("{:?}", n.direction), ir);
                out.compare(k, &name, "input", o.input.clone(), n.input.clone(), ir);
                out.provenance(k, &name, &o.provenance, &n.provenance);
            }
            None => out.push((k, &name, ""), ChangeKind::Added, None, Some(indicator_summary(n)), ir),
        }
    }
    for o in &old.indicators {
        if !new.indicators.iter().any(|n| n.name == o.name) {
            let name = format!("{}.{}", old.name, o.name);
            out.push((k, &name, ""), ChangeKind::Removed, Some(indicator_summary(o)), None, Some(&o.provenance.reference));
        }
    }
}

pub(crate) fn event_summary(e: &Event) -> String {
    let mut s = format!("{} {:?}", e.date, e.kind).to_lowercase();
    if e.once {
        s.push_str(", once");
    }
    if let Some(share) = e.share {
        s.push_str(&format!(", share {share}"));
    }
    if let Some(a) = &e.amount {
        s.push_str(&format!(", amount {a}"));
    }
    s
}

fn event(out: &mut Out, old: &Event, new: &Event) {
    let (k, item, r) = ("calendar", new.name.as_str(), Some(new.provenance.reference.as_str()));
    out.compare(k, item, "date", old.date.to_string(), new.date.to_string(), r);
    out.compare(k, item, "kind", format!("{:?}", old.kind).to_lowercase(), format!("{:?}", new.kind).to_lowercase(), r);
    let opt = |v: Option<String>| v.unwrap_or_default();
    out.compare(k, item, "share", opt(old.share.map(|s| s.to_string())), opt(new.share.map(|s| s.to_string())), r);
    out.compare(k, item, "amount", opt(old.amount.clone()), opt(new.amount.clone()), r);
    out.provenance(k, item, &old.provenance, &new.provenance);
}

pub(crate) fn input_name(i: &Input) -> String {
    format!("{}.{}", i.section, i.name)
}

pub(crate) fn input_summary(i: &Input) -> String {
    let kind = match &i.kind {
        InputKind::Value { unit } => unit.as_str().to_string(),
        InputKind::Enum { values } => msg!("data-input-one-of", values = values.join(", ")).to_string(),
        InputKind::Dataset { norm, rejected_rows } => match rejected_rows {
            RejectedRows::Refuse => msg!("data-input-data-file", norm = norm).to_string(),
            RejectedRows::LeaveOut => msg!("data-input-data-file-left-out", norm = norm).to_string(),
        },
        InputKind::Records { fields } => {
            let fields = fields.iter().map(|(f, u)| format!("{f} ({u})")).collect::<Vec<_>>().join(", ");
            msg!("data-input-records", fields = fields).to_string()
        }
    };
    // A summary compared as text between two rulebooks, written once per input.
    let mut s = kind;
    if i.optional {
        s = msg!("data-input-optional", summary = s).to_string();
    }
    if let Some(d) = &i.default {
        s = msg!("data-input-default", summary = s, value = d.render()).to_string();
    }
    s
}

fn input(out: &mut Out, old: &Input, new: &Input) {
    let name = input_name(new);
    out.compare("input", &name, "type", input_summary(old), input_summary(new), None);
    out.compare("input", &name, "label", old.label.clone(), new.label.clone(), None);
}

fn norm(out: &mut Out, old: &crate::data::norm::Norm, new: &crate::data::norm::Norm) {
    out.compare("norm", &new.name, "version", format!("v{}", old.version), format!("v{}", new.version), Some(&new.provenance.reference));
}

pub(crate) fn rounding(r: Option<Rounding>) -> String {
    match r {
        Some(r) => {
            format!("{} {}", r.step, serde_json::to_value(r.mode).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())
        }
        None => "none".to_string(),
    }
}

fn step(out: &mut Out, old: &Step, new: &Step) {
    let (k, item, r) = ("step", new.def.name.as_str(), new.def.reference.as_deref());
    out.compare(k, item, "label", old.def.label.clone(), new.def.label.clone(), r);
    out.compare(k, item, "mechanism", old.def.mechanism.name().into(), new.def.mechanism.name().into(), r);
    out.compare(k, item, "formula", old.def.describe().to_string(), new.def.describe().to_string(), r);
    out.compare(k, item, "unit", old.unit.as_str().into(), new.unit.as_str().into(), r);
    out.compare(k, item, "rounding", rounding(old.rounding), rounding(new.rounding), r);
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    out.compare(k, item, "reference", opt(&old.def.reference), opt(&new.def.reference), r);
}

/// Functions of scripts with the same file name, compared by their source text.
fn scripts(out: &mut Out, old: &Rulebook, new: &Rulebook) {
    let base = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
    let functions = |rb: &Rulebook| -> Vec<(String, String, String)> {
        let mut v = Vec::new();
        for s in &rb.scripts {
            let text = &rb.files[s.file].text;
            let mut seen = BTreeSet::new();
            for f in s.ast.iter_functions() {
                if seen.insert(f.name.to_string()) {
                    let source = formula::function_source(&rb.engine, text, f.name).unwrap_or_default();
                    v.push((base(&s.path), f.name.to_string(), source));
                }
            }
        }
        v
    };
    let (of, nf) = (functions(old), functions(new));
    for (file, name, src) in &nf {
        let item = format!("{file}::{name}");
        match of.iter().find(|(f, n, _)| f == file && n == name) {
            Some((_, _, old_src)) => out.compare("script", &item, "source", old_src.clone(), src.clone(), None),
            None => out.push(("script", &item, ""), ChangeKind::Added, None, Some(src.clone()), None),
        }
    }
    for (file, name, src) in &of {
        if !nf.iter().any(|(f, n, _)| f == file && n == name) {
            out.push(("script", &format!("{file}::{name}"), ""), ChangeKind::Removed, Some(src.clone()), None, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulebook::load;
    use crate::rules::source::MemSource;

    const RULEBOOK: &str = r#"
year = 2024
label = "L"
period = { start = 2024-01-01, end = 2024-12-31 }
reference_date = 2024-12-31
[files]
parameters = ["p.toml"]
tables = ["t.toml"]
lists = ["l.toml"]
inputs = ["i.toml"]
steps = ["s.toml"]
scripts = ["f.rhai"]
[result]
total = "total"
[defaults]
money_rounding = { step = "0.01", mode = "half-up" }
"#;

    fn book(year: i32, params: &str, table_rows: &str, tariff: &str, script: &str) -> Rulebook {
        let rb = RULEBOOK.replace("2024", &year.to_string());
        let src = MemSource::new()
            .with("rulebook.toml", &rb)
            .with("p.toml", params)
            .with(
                "t.toml",
                &format!(
                    "[bareme]\nlabel = \"B\"\nstatus = \"assumed\"\nreference = \"R\"\nkeys = [{{ name = \"n\", type = \"range\", domain = \"[0, )\" }}]\ncolumns = [{{ name = \"v\", unit = \"EUR\" }}]\nrows = [{table_rows}]\n"
                ),
            )
            .with(
                "l.toml",
                &format!(
                    "[actes]\nlabel = \"A\"\nstatus = \"confirmed\"\nreference = \"Nomenclature\"\nattributes = [{{ name = \"tarif\", unit = \"EUR\" }}]\n[[actes.items]]\ncode = \"G\"\nlabel = \"G\"\ntarif = {tariff}\n"
                ),
            )
            .with("i.toml", "[s]\nx = { type = \"EUR\", label = \"X\" }\n")
            .with("s.toml", "[[step]]\nname = \"total\"\nlabel = \"T\"\nunit = \"EUR\"\nfunction = \"f.rhai::f\"\n")
            .with("f.rhai", script);
        let (rb, diags) = load(&src, &MemSource::new());
        rb.unwrap_or_else(|| panic!("{diags:#?}"))
    }

    #[test]
    fn reports_values_cells_tariffs_and_functions() {
        let p =
            |v: &str| format!("[taux]\nlabel = \"T\"\nunit = \"rate\"\nvalue = \"{v}\"\nstatus = \"confirmed\"\nreference = \"Arrêté\"\n");
        let a = book(
            2024,
            &p("0.20"),
            "{ n = \"[0, 5)\", v = \"1\" }, { n = \"[5, )\", v = \"2\" }",
            "[{ from = 2024-01-01, value = \"26.50\" }, { from = 2024-12-22, value = \"30.00\" }]",
            "fn f(x) { x }",
        );
        let b = book(2025, &p("0.25"), "{ n = \"[0, 5)\", v = \"1\" }, { n = \"[5, )\", v = \"3\" }", "\"30.00\"", "fn f(x) { x * 2 }");
        let d = diff(&a, &b);
        let lines: Vec<String> =
            d.changes.iter().map(|c| format!("{} {} {} {:?} {:?} -> {:?}", c.kind, c.item, c.field, c.change, c.old, c.new)).collect();
        let expect = [
            "rulebook header year Changed Some(\"2024\") -> Some(\"2025\")",
            "rulebook header period Changed Some(\"2024-01-01 – 2024-12-31\") -> Some(\"2025-01-01 – 2025-12-31\")",
            "rulebook header reference_date Changed Some(\"2024-12-31\") -> Some(\"2025-12-31\")",
            "parameter taux value Changed Some(\"0.20\") -> Some(\"0.25\")",
            "table bareme [n [5, )].v Changed Some(\"2\") -> Some(\"3\")",
            "list actes.G tarif Changed Some(\"26.50, from 2024-12-22: 30.00\") -> Some(\"30.00\")",
            "script f.rhai::f source Changed Some(\"fn f(x) { x }\") -> Some(\"fn f(x) { x * 2 }\")",
        ];
        assert_eq!(lines, expect);
        assert_eq!(d.changes[3].reference.as_deref(), Some("Arrêté"));
    }

    #[test]
    fn added_and_removed_items_are_whole() {
        let p1 = "[a]\nlabel = \"A\"\nunit = \"count\"\nvalue = 1\nstatus = \"seed\"\nreference = \"R\"\n";
        let p2 = "[b]\nlabel = \"B\"\nunit = \"date\"\nvalue = 2025-12-31\nstatus = \"seed\"\nreference = \"S\"\n";
        let rows = "{ n = \"*\", v = \"1\" }";
        let a = book(2024, p1, rows, "\"1\"", "fn f(x) { x }");
        let b = book(2025, p2, rows, "\"1\"", "fn f(x) { x }");
        let d = diff(&a, &b);
        let params: Vec<(&str, ChangeKind, Option<&str>, Option<&str>)> = d
            .changes
            .iter()
            .filter(|c| c.kind == "parameter")
            .map(|c| (c.item.as_str(), c.change, c.old.as_deref(), c.new.as_deref()))
            .collect();
        assert_eq!(params, vec![("b", ChangeKind::Added, None, Some("2025-12-31")), ("a", ChangeKind::Removed, Some("1"), None)]);
    }
}
