//! Impact: the same case under two rulebooks — two years, or a year's shipped rules and a draft
//! of them — each output's delta, and the delta of the total attributed item by item to the
//! rule changes that cause it.
//!
//! Method (sequential substitution, item by item): the earlier rules, moved into the later year
//! when the years differ (the "frame" change), then each changed item of the later rules brought
//! in one at a time, in a fixed order — parameters, table rows, list items, indicators, case
//! inputs, norms, steps, formulas, the result, the calendar — each credited with the change of
//! the total it causes given the items before it. The last set of items is the later rules, so
//! the credits add up exactly to the delta. An item that cannot be evaluated alone (a step that
//! reads a parameter not brought in yet) is evaluated with the items after it until the set
//! loads and evaluates, and the joint credit is noted. A joint credit goes to the group's first
//! new item when it has one (a new component, and the total's formula and `[result]` that now
//! read it: the money is the new component's), else to its first item.

use std::path::Path;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::case::DataShift;
use crate::case::{Case, CaseOptions};
use crate::compare::impact::apply::apply;
use crate::compare::impact::cases::Sides;
use crate::compare::impact::changes::{Change, changes};
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::{Evaluation, RunManifest, evaluate};
use crate::message::Message;
use crate::rulebook::{Parts, Rulebook, assemble};
use crate::value::{Unit, Value};

mod apply;
mod cases;
mod changes;

pub use changes::ItemKind;

/// How the delta is split between the changed items, for people.
pub fn method() -> Message {
    msg!("data-impact-method")
}

#[derive(Debug, Clone, Serialize)]
pub struct Impact {
    pub from: i32,
    pub to: i32,
    /// The case's name for people.
    pub case: String,
    /// The labels of the two rulebooks (a draft is told apart by its label or folder).
    pub rules_from: String,
    pub rules_to: String,
    pub method: Message,
    pub total_from: Value,
    pub total_to: Value,
    pub delta: Decimal,
    /// Every changed item with its credit; the credits add up to `delta`.
    pub items: Vec<ImpactItem>,
    /// The credits summed by kind of item, in the order of the method.
    pub attribution: Vec<Attribution>,
    pub outputs: Vec<OutputDelta>,
    /// When the case's data were moved into a year: for the earlier side and the later one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_shift_from: Option<DataShift>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_shift_to: Option<DataShift>,
    pub manifest_from: RunManifest,
    pub manifest_to: RunManifest,
}

/// One changed rule item and its credit.
#[derive(Debug, Clone, Serialize)]
pub struct ImpactItem {
    pub kind: ItemKind,
    /// The item's name, or what the change is when it is not one item (the year, the rest).
    pub name: Message,
    /// What the item is, as its label says (in the later rules, else the earlier ones).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub delta: Decimal,
    /// Its value in the earlier rules, `None` when it is new.
    pub from: Option<Message>,
    /// Its value in the later rules, `None` when it was removed.
    pub to: Option<Message>,
    /// When the credit is shared with items evaluated together.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Message>,
}

/// The credits of one kind of item.
#[derive(Debug, Clone, Serialize)]
pub struct Attribution {
    pub group: ItemKind,
    pub delta: Decimal,
    pub changed: Vec<Message>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutputDelta {
    pub name: String,
    pub label: String,
    pub unit: Unit,
    pub from: Option<Value>,
    pub to: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<Decimal>,
}

/// The case folder `dir` under `from` and under `to`, the delta attributed item by item.
pub fn impact(from: &Rulebook, to: &Rulebook, dir: &Path, options: CaseOptions) -> (Option<Impact>, Vec<Diagnostic>) {
    let (sides, diags) = Sides::load(from, to, dir, options);
    let Some(sides) = sides else { return (None, diags) };
    compared(from, to, &sides, diags)
}

/// A case already read under two rulebooks of one year with the same inputs, the delta
/// attributed item by item (a sweep's step: the case is not read again).
pub fn impact_of_case(from: &Rulebook, to: &Rulebook, case: &Case) -> (Option<Impact>, Vec<Diagnostic>) {
    compared(from, to, &Sides::one(case, &to.schema), Vec::new())
}

fn compared(from: &Rulebook, to: &Rulebook, sides: &Sides, mut diags: Vec<Diagnostic>) -> (Option<Impact>, Vec<Diagnostic>) {
    let start = evaluate(from, &sides.a);
    let end = evaluate(to, &sides.b);
    diags.extend(start.diagnostics.iter().chain(&end.diagnostics).cloned());
    if start.has_errors() || end.has_errors() {
        return (None, diags);
    }
    // Deltas are differences of totals: two totals near the largest decimal may differ by more.
    let overflow = || Diagnostic::error(Code::Arithmetic, msg!("data-impact-overflow")).hint(msg!("data-impact-overflow-hint"));
    let (Some(items), Some(delta), Some(outputs)) =
        (attribute(from, to, sides, &start, &end), total_of(&end).checked_sub(total_of(&start)), output_deltas(&start, &end))
    else {
        diags.push(overflow());
        return (None, diags);
    };
    let mut attribution: Vec<Attribution> = Vec::new();
    for item in &items {
        match attribution.iter_mut().find(|a| a.group == item.kind) {
            Some(a) => {
                let Some(sum) = a.delta.checked_add(item.delta) else {
                    diags.push(overflow());
                    return (None, diags);
                };
                a.delta = sum;
                a.changed.push(item.name.clone());
            }
            None => attribution.push(Attribution { group: item.kind, delta: item.delta, changed: vec![item.name.clone()] }),
        }
    }
    let impact = Impact {
        from: from.year,
        to: to.year,
        case: to.case_name(&sides.b),
        rules_from: from.label.clone(),
        rules_to: to.label.clone(),
        method: method(),
        total_from: start.total.clone(),
        total_to: end.total.clone(),
        delta,
        items,
        attribution,
        outputs,
        data_shift_from: sides.a.shift,
        data_shift_to: sides.b.shift,
        manifest_from: start.manifest.clone(),
        manifest_to: end.manifest.clone(),
    };
    (Some(impact), diags)
}

fn total_of(e: &Evaluation) -> Decimal {
    e.total.as_number().unwrap_or_default()
}

/// The total of a set of items on the case, if it loads and evaluates without error.
fn total(parts: &Parts, sides: &Sides) -> Option<Decimal> {
    let rb = assemble(parts.clone(), &mut Vec::new())?;
    let e = evaluate(&rb, &sides.for_rules(&rb.schema, true));
    (!e.has_errors()).then(|| total_of(&e))
}

/// Sequential substitution: the credit of every changed item, in the method's order; `None` when
/// a difference of totals does not fit a decimal.
fn attribute(from: &Rulebook, to: &Rulebook, sides: &Sides, start: &Evaluation, end: &Evaluation) -> Option<Vec<ImpactItem>> {
    let b = to.parts();
    // The earlier rules, for the labels of the items the later ones removed.
    let a = from.parts();
    let mut current = a.shifted(to.year - from.year);
    let offset = current.files.len();
    current.files.extend(b.files.iter().cloned());
    let mut out = Vec::new();
    let mut previous = total_of(start);
    let mut pending: Vec<Change> = Vec::new();
    if from.year != to.year {
        pending.push(Change {
            kind: ItemKind::Frame,
            name: msg!("data-impact-year", from = from.year.to_string(), to = to.year.to_string()),
            from: Some(format!("{} – {}", from.period.start, from.period.end).into()),
            to: Some(format!("{} – {}", to.period.start, to.period.end).into()),
            target: changes::Target::Result,
        });
    }
    if !pending.is_empty()
        && let Some(t) = total(&current, sides)
    {
        credit(&mut out, &mut pending, t.checked_sub(previous)?, [(&b, to), (&a, from)]);
        previous = t;
    }
    let all = changes(&current, &b);
    for change in &all {
        apply(&mut current, change, &b, offset);
        if change.kind == ItemKind::Calendar {
            // The calendar schedules payments; the total never reads it.
            out.push(ImpactItem {
                kind: change.kind,
                name: change.name.clone(),
                label: label_in(&change.target, [(&b, to), (&a, from)]),
                delta: Decimal::ZERO,
                from: change.from.clone(),
                to: change.to.clone(),
                note: None,
            });
            continue;
        }
        pending.push(change.clone());
        if let Some(t) = total(&current, sides) {
            credit(&mut out, &mut pending, t.checked_sub(previous)?, [(&b, to), (&a, from)]);
            previous = t;
        }
    }
    if !pending.is_empty() {
        let t = total(&current, sides).unwrap_or_else(|| total_of(end));
        credit(&mut out, &mut pending, t.checked_sub(previous)?, [(&b, to), (&a, from)]);
        previous = t;
    }
    let rest = total_of(end).checked_sub(previous)?;
    if !rest.is_zero() {
        out.push(ImpactItem {
            kind: ItemKind::Other,
            // A name like the items' own, written once per comparison.
            name: msg!("data-impact-other"),
            label: None,
            delta: rest,
            from: None,
            to: None,
            note: Some(msg!("data-impact-other-note")),
        });
    }
    // Credits read like the totals they split: `0.00`, not `0`.
    let scale = total_of(end).scale();
    for item in &mut out {
        item.delta.rescale(scale);
    }
    Some(out)
}

/// Credits `delta` to the items of `pending` evaluated together: all of it to the first new
/// item (absent from the earlier rules) if there is one, else to the first; the others at zero
/// with a note naming the item credited.
fn credit(out: &mut Vec<ImpactItem>, pending: &mut Vec<Change>, delta: Decimal, sides: [(&Parts, &Rulebook); 2]) {
    let names: Vec<Message> = pending.iter().map(|c| c.name.clone()).collect();
    let credited = if names.len() > 1 { pending.iter().position(|c| c.from.is_none()).unwrap_or(0) } else { 0 };
    for (i, c) in pending.drain(..).enumerate() {
        let note = (names.len() > 1).then(|| {
            if i == credited {
                let others = names.iter().enumerate().filter(|&(j, _)| j != credited).map(|(_, n)| n.clone());
                msg!("data-impact-evaluated-together", names = Message::join(others, ", "))
            } else {
                msg!("data-impact-credited-jointly", name = &names[credited])
            }
        });
        out.push(ImpactItem {
            kind: c.kind,
            label: label_in(&c.target, sides),
            name: c.name,
            delta: if i == credited { delta } else { Decimal::ZERO },
            from: c.from,
            to: c.to,
            note,
        });
    }
}

/// The label of the item a change targets, as the later rules write it (else the earlier ones),
/// each `{parameter}` in it shown with that rulebook's value.
fn label_in(target: &changes::Target, sides: [(&Parts, &Rulebook); 2]) -> Option<String> {
    sides.iter().find_map(|(p, rb)| label_of(target, p).map(|l| rb.render_label(&l)))
}

/// The label of the item a change targets, as the later rules write it.
fn label_of(target: &changes::Target, b: &Parts) -> Option<String> {
    use changes::Target;
    let label = match target {
        Target::Parameter(n) => &b.parameters.iter().find(|p| &p.name == n)?.provenance.label,
        Target::Table(n) | Target::TableRow { table: n, .. } => &b.tables.iter().find(|t| &t.name == n)?.provenance.label,
        Target::List(n) => &b.lists.iter().find(|l| &l.name == n)?.provenance.label,
        Target::ListItem { list, key } => {
            let l = b.lists.iter().find(|l| &l.name == list)?;
            &l.items.iter().find(|i| i.code == key.0)?.provenance.label
        }
        Target::IndicatorSet(n) => &b.indicator_sets.iter().find(|s| &s.name == n)?.provenance.label,
        Target::Indicator { set, name } => {
            &b.indicator_sets.iter().find(|s| &s.name == set)?.indicators.iter().find(|i| &i.name == name)?.provenance.label
        }
        Target::Input { section, name } => &b.schema.inputs.iter().find(|i| &i.section == section && &i.name == name)?.label,
        Target::Step(n) => &b.step_defs.iter().find(|s| &s.name == n)?.label,
        Target::Event(n) => &b.calendar.iter().find(|e| &e.name == n)?.provenance.label,
        Target::Norm(_) | Target::Function { .. } | Target::Result => return None,
    };
    (!label.is_empty()).then(|| label.clone())
}

/// Each output's change; `None` when one does not fit a decimal.
fn output_deltas(a: &Evaluation, b: &Evaluation) -> Option<Vec<OutputDelta>> {
    let mut out: Vec<OutputDelta> = a
        .outputs
        .iter()
        .map(|o| {
            let other = b.output(&o.name);
            let to = other.map(|x| x.value.clone());
            let delta = match (o.value.as_number(), to.as_ref().and_then(Value::as_number)) {
                (Some(x), Some(y)) => Some(y.checked_sub(x)?),
                _ => None,
            };
            Some(OutputDelta { name: o.name.clone(), label: o.label.clone(), unit: o.unit, from: Some(o.value.clone()), to, delta })
        })
        .collect::<Option<_>>()?;
    for o in &b.outputs {
        if a.output(&o.name).is_none() {
            out.push(OutputDelta {
                name: o.name.clone(),
                label: o.label.clone(),
                unit: o.unit,
                from: None,
                to: Some(o.value.clone()),
                delta: None,
            });
        }
    }
    Some(out)
}
