//! The changes between two years' rule items, one per item a policy officer edits — a parameter,
//! a table row (or a whole table whose keys changed), a list item, an indicator, a case input, a
//! norm version, a step, a script function, the result, a calendar event — in the order the
//! attribution follows, each with how it is brought into a set of items.
//!
//! Only what computes counts as a change: labels, references and statuses (provenance) do not.

use serde::Serialize;
use serde_json::Value as Json;

use crate::compare::diff::{dated, event_summary, indicator_summary, input_name, input_summary, item_attributes, item_name, table_summary};
use crate::formula;
use crate::names::closed_names;
use crate::rulebook::Parts;
use crate::rules::list::{CodeList, ListItem};
use crate::rules::table::Table;
use crate::value::Period;

closed_names! {
    /// The kind of a changed item, in the order the attribution brings them in.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum ItemKind {
        /// The year itself: its period, reference date, and the case's data moved into it.
        Frame = "frame",
        Parameter = "parameter",
        Table = "table",
        List = "list",
        Indicator = "indicator",
        Input = "input",
        Norm = "norm",
        Step = "step",
        Formula = "formula",
        Result = "result",
        Calendar = "calendar",
        /// What the items above do not explain (none when every difference is an item).
        Other = "other",
    }
}

/// One changed item: what it is, its value in each year (`None`: absent), and where it goes.
#[derive(Debug, Clone)]
pub(crate) struct Change {
    pub(crate) kind: ItemKind,
    pub(crate) name: String,
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
    pub(crate) target: Target,
}

/// Where a change is applied in a set of items.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    Parameter(String),
    Table(String),
    TableRow { table: String, row: usize },
    List(String),
    ListItem { list: String, key: ItemKey },
    IndicatorSet(String),
    Indicator { set: String, name: String },
    Input { section: String, name: String },
    Norm(String),
    Step(String),
    Function { script: String, name: String },
    Result,
    Event(String),
}

/// A list item's identity: its code and validity.
pub(crate) type ItemKey = (String, Option<chrono::NaiveDate>, Option<chrono::NaiveDate>);

fn item_key(i: &ListItem) -> ItemKey {
    (i.code.clone(), i.from, i.to)
}

/// What an item computes with: its serialisation without labels, references, statuses and
/// places in files.
fn fingerprint<T: Serialize>(item: &T) -> Json {
    let mut v = serde_json::to_value(item).unwrap_or(Json::Null);
    strip(&mut v);
    v
}

fn strip(v: &mut Json) {
    const PROVENANCE: &[&str] = &["label", "reference", "status", "description", "location", "span", "spans", "path"];
    match v {
        Json::Object(map) => {
            map.retain(|k, _| !PROVENANCE.contains(&k.as_str()));
            map.values_mut().for_each(strip);
        }
        Json::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

/// Items of one kind in both years, matched by key: `(key, in a, in b)`, `a`'s order first.
fn matched<'x, T, K: PartialEq + Clone>(a: &'x [T], b: &'x [T], key: impl Fn(&T) -> K) -> Vec<(K, Option<&'x T>, Option<&'x T>)> {
    let mut out: Vec<(K, Option<&T>, Option<&T>)> = a.iter().map(|x| (key(x), Some(x), b.iter().find(|y| key(y) == key(x)))).collect();
    for y in b {
        if !a.iter().any(|x| key(x) == key(y)) {
            out.push((key(y), None, Some(y)));
        }
    }
    out
}

/// Every change from `a` to `b`, in attribution order. `a` is already in `b`'s year.
pub(crate) fn changes(a: &Parts, b: &Parts) -> Vec<Change> {
    let mut out = Vec::new();
    let (pa, pb) = (a.manifest.period, b.manifest.period);
    for (name, x, y) in matched(&a.parameters, &b.parameters, |p| p.name.clone()) {
        if x.map(fingerprint) != y.map(fingerprint) {
            out.push(Change {
                kind: ItemKind::Parameter,
                from: x.map(|p| dated(&p.values, pa)),
                to: y.map(|p| dated(&p.values, pb)),
                target: Target::Parameter(name.clone()),
                name,
            });
        }
    }
    for (name, x, y) in matched(&a.tables, &b.tables, |t| t.name.clone()) {
        table_changes(&name, x, y, &mut out);
    }
    for (name, x, y) in matched(&a.lists, &b.lists, |l| l.name.clone()) {
        list_changes(&name, x, y, a, b, &mut out);
    }
    for (name, x, y) in matched(&a.indicator_sets, &b.indicator_sets, |s| s.name.clone()) {
        let without_indicators = |s: &crate::rules::indicator::IndicatorSet| {
            let mut f = fingerprint(s);
            f.as_object_mut().map(|m| m.remove("indicators"));
            f
        };
        match (x, y) {
            (Some(x), Some(y)) if without_indicators(x) == without_indicators(y) => {
                for (ind, i, j) in matched(&x.indicators, &y.indicators, |i| i.name.clone()) {
                    if i.map(fingerprint) != j.map(fingerprint) {
                        out.push(Change {
                            kind: ItemKind::Indicator,
                            name: format!("{name}.{ind}"),
                            from: i.map(indicator_summary),
                            to: j.map(indicator_summary),
                            target: Target::Indicator { set: name.clone(), name: ind },
                        });
                    }
                }
            }
            _ if x.map(fingerprint) != y.map(fingerprint) => out.push(Change {
                kind: ItemKind::Indicator,
                name: name.clone(),
                from: x.map(|s| msg!("data-diff-indicators", count = s.indicators.len()).to_string()),
                to: y.map(|s| msg!("data-diff-indicators", count = s.indicators.len()).to_string()),
                target: Target::IndicatorSet(name),
            }),
            _ => {}
        }
    }
    for ((section, name), x, y) in matched(&a.schema.inputs.raw, &b.schema.inputs.raw, |i| (i.section.clone(), i.name.clone())) {
        if x.map(fingerprint) != y.map(fingerprint) {
            out.push(Change {
                kind: ItemKind::Input,
                name: x.or(y).map(input_name).unwrap_or_default(),
                from: x.map(input_summary),
                to: y.map(input_summary),
                target: Target::Input { section, name },
            });
        }
    }
    for (name, x, y) in matched(&a.norms, &b.norms, |n| n.name.clone()) {
        if x.map(fingerprint) != y.map(fingerprint) {
            out.push(Change {
                kind: ItemKind::Norm,
                from: x.map(|n| format!("v{}", n.version)),
                to: y.map(|n| format!("v{}", n.version)),
                target: Target::Norm(name.clone()),
                name,
            });
        }
    }
    for (name, x, y) in matched(&a.step_defs, &b.step_defs, |s| s.name.clone()) {
        let fp = |s: &crate::rules::step::StepDef| (s.describe().to_string(), s.unit, s.rounding, s.no_rounding);
        if x.map(fp) != y.map(fp) {
            out.push(Change {
                kind: ItemKind::Step,
                from: x.map(|s| s.describe().to_string()),
                to: y.map(|s| s.describe().to_string()),
                target: Target::Step(name.clone()),
                name,
            });
        }
    }
    function_changes(a, b, &mut out);
    let result = |p: &Parts| {
        let m = &p.manifest;
        let names = |v: &[toml::Spanned<String>]| v.iter().map(|s| s.get_ref().clone()).collect::<Vec<_>>().join(" + ");
        format!(
            "total {}; components {}; gate {}; waterfall {}; money rounding {}",
            m.total.as_ref().map(|s| s.get_ref().as_str()).unwrap_or("—"),
            names(&m.components),
            m.gate.as_ref().map(|s| s.get_ref().as_str()).unwrap_or("—"),
            names(&m.waterfall),
            crate::compare::diff::rounding(m.money_rounding),
        )
    };
    if result(a) != result(b) {
        out.push(Change {
            kind: ItemKind::Result,
            name: "result".into(),
            from: Some(result(a)),
            to: Some(result(b)),
            target: Target::Result,
        });
    }
    for (name, x, y) in matched(&a.calendar, &b.calendar, |e| e.name.clone()) {
        if x.map(fingerprint) != y.map(fingerprint) {
            out.push(Change {
                kind: ItemKind::Calendar,
                from: x.map(event_summary),
                to: y.map(event_summary),
                target: Target::Event(name.clone()),
                name,
            });
        }
    }
    out
}

/// A table changed row by row when its keys and rows are the same in both years (only values
/// moved), else as a whole.
fn table_changes(name: &str, x: Option<&Table>, y: Option<&Table>, out: &mut Vec<Change>) {
    if x.map(fingerprint) == y.map(fingerprint) {
        return;
    }
    if let (Some(x), Some(y)) = (x, y) {
        let same_shape = fingerprint(&x.keys) == fingerprint(&y.keys)
            && fingerprint(&x.columns) == fingerprint(&y.columns)
            && x.rows.len() == y.rows.len()
            && x.rows.iter().zip(&y.rows).all(|(r, s)| r.keys == s.keys);
        if same_shape {
            let values = |t: &Table, i: usize| -> Vec<(String, String)> {
                t.columns.iter().zip(&t.rows[i].values).map(|(c, v)| (c.name.clone(), v.normalize().to_string())).collect()
            };
            for i in (0..x.rows.len()).filter(|&i| x.rows[i].values != y.rows[i].values) {
                let (from, to) = only_differing(&values(x, i), &values(y, i));
                out.push(Change {
                    kind: ItemKind::Table,
                    name: format!("{name} [{}]", x.describe_row(i)),
                    from: Some(from),
                    to: Some(to),
                    target: Target::TableRow { table: name.to_string(), row: i },
                });
            }
            return;
        }
    }
    out.push(Change {
        kind: ItemKind::Table,
        name: name.to_string(),
        from: x.map(table_summary),
        to: y.map(table_summary),
        target: Target::Table(name.to_string()),
    });
}

/// A list changed item by item when its attributes are the same in both years, else as a whole.
fn list_changes(name: &str, x: Option<&CodeList>, y: Option<&CodeList>, a: &Parts, b: &Parts, out: &mut Vec<Change>) {
    if x.map(fingerprint) == y.map(fingerprint) {
        return;
    }
    if let (Some(x), Some(y)) = (x, y)
        && fingerprint(&x.attributes) == fingerprint(&y.attributes)
    {
        for (key, i, j) in matched(&x.items, &y.items, item_key) {
            if i.map(fingerprint) != j.map(fingerprint) {
                let (from, to) = match (i, j) {
                    (Some(i), Some(j)) => {
                        let before = attributes(x, i, a.manifest.period);
                        let after = attributes(y, j, b.manifest.period);
                        let (f, t) = only_differing(&before, &after);
                        (Some(f), Some(t))
                    }
                    _ => (i.map(|i| item_attributes(x, i, a.manifest.period)), j.map(|j| item_attributes(y, j, b.manifest.period))),
                };
                out.push(Change {
                    kind: ItemKind::List,
                    name: item_name(x, i.or(j).expect("an item of one year")),
                    from,
                    to,
                    target: Target::ListItem { list: name.to_string(), key },
                });
            }
        }
        return;
    }
    out.push(Change {
        kind: ItemKind::List,
        name: name.to_string(),
        from: x.map(|l| msg!("data-diff-codes", count = l.items.len()).to_string()),
        to: y.map(|l| msg!("data-diff-codes", count = l.items.len()).to_string()),
        target: Target::List(name.to_string()),
    });
}

/// A list item's attributes as (name, value shown), in the list's order.
fn attributes(list: &CodeList, item: &ListItem, period: Period) -> Vec<(String, String)> {
    list.attributes.iter().zip(&item.values).map(|(a, v)| (a.name.clone(), dated(v, period))).collect()
}

/// Of two sets of named values with the same names, those that differ, as `name = value` on
/// each side: a reader sees what moved (`tarif = 30.00` → `tarif = 32.00`), not the whole item.
fn only_differing(before: &[(String, String)], after: &[(String, String)]) -> (String, String) {
    let mut pairs: Vec<_> = before.iter().zip(after).filter(|(x, y)| x != y).collect();
    if pairs.is_empty() {
        pairs = before.iter().zip(after).collect();
    }
    let show = |side: Vec<&(String, String)>| side.iter().map(|(n, v)| format!("{n} = {v}")).collect::<Vec<_>>().join(", ");
    (show(pairs.iter().map(|p| p.0).collect()), show(pairs.iter().map(|p| p.1).collect()))
}

/// The functions of a set of items' scripts: (script file name, function name, source).
pub(crate) fn functions(p: &Parts) -> Vec<(String, String, String)> {
    let engine = formula::sandbox();
    let mut out = Vec::new();
    for &f in &p.script_files {
        let file = &p.files[f.index()];
        let Ok(ast) = engine.compile(&file.text) else { continue };
        for func in ast.iter_functions() {
            if let Some(src) = formula::function_source(&engine, &file.text, func.name) {
                out.push((base_name(&file.path).to_string(), func.name.to_string(), src));
            }
        }
    }
    out
}

pub(crate) fn base_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A function's code, without its doc comments (which are provenance).
fn code_of(source: &str) -> String {
    source.lines().filter(|l| !l.trim_start().starts_with("///")).collect::<Vec<_>>().join("\n")
}

fn function_changes(a: &Parts, b: &Parts, out: &mut Vec<Change>) {
    let (fa, fb) = (functions(a), functions(b));
    for ((script, name), x, y) in matched(&fa, &fb, |(s, n, _)| (s.clone(), n.clone())) {
        if x.map(|f| code_of(&f.2)) != y.map(|f| code_of(&f.2)) {
            out.push(Change {
                kind: ItemKind::Formula,
                name: format!("{script}::{name}"),
                from: x.map(|f| f.2.clone()),
                to: y.map(|f| f.2.clone()),
                target: Target::Function { script, name },
            });
        }
    }
}
