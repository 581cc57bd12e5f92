//! Impact: the same case under two rulebooks, each output's delta, and the delta of the total
//! attributed to the groups of rule changes that cause it.
//!
//! Method (sequential substitution): starting from the earlier rulebook, the later one's values
//! are brought in one group at a time, in a fixed order — parameters, tables, lists (codes and
//! tariffs), indicators, then the pipeline and everything else (steps, formulas, inputs, calendar,
//! and any item whose structure changed so that it could not be swapped alone). Each group is
//! credited with the change of the total it causes given the groups before it; the last stage is
//! the later rulebook itself, so the credits add up exactly to the delta. Like any sequential
//! decomposition, the split depends on the order, which is why it is fixed and stated.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::data::case::Case;
use crate::eval::{Evaluation, evaluate};
use crate::rulebook::{FunctionPlan, Rulebook};
use crate::value::{Dated, Unit, Value};

pub(crate) const METHOD: &str = "sequential substitution: starting from the earlier rulebook, the later one's values are brought in one group at a time in the fixed order parameters, tables, lists (codes and tariffs), indicators, then the pipeline and everything else (steps, formulas, inputs, calendar, and items whose structure changed); each group is credited with the change of the total it causes given the groups before it, so the credits add up exactly to the delta. Date parameters, which frame each year, move with the pipeline.";

#[derive(Debug, Clone, Serialize)]
pub struct Impact {
    pub from: i32,
    pub to: i32,
    pub method: &'static str,
    pub total_from: Value,
    pub total_to: Value,
    pub delta: Decimal,
    pub attribution: Vec<Attribution>,
    pub outputs: Vec<OutputDelta>,
    pub manifest_from: crate::eval::RunManifest,
    pub manifest_to: crate::eval::RunManifest,
}

#[derive(Debug, Clone, Serialize)]
pub struct Attribution {
    pub group: &'static str,
    pub delta: Decimal,
    /// The items of this group whose values differ between the two rulebooks.
    pub changed: Vec<String>,
    /// Why a stage could not be evaluated on its own, when its change moved to the next stage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutputDelta {
    pub name: String,
    pub(crate) label: String,
    pub unit: Unit,
    pub from: Option<Value>,
    pub to: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<Decimal>,
}

const GROUPS: [&str; 5] = ["parameters", "tables", "lists", "indicators", "pipeline"];

/// Compares `case_from` under `from` with `case_to` under `to`. `fresh_from` loads the earlier
/// rulebook anew (stages are built by changing a copy of it).
pub fn impact(from: &Rulebook, to: &Rulebook, case_from: &Case, case_to: &Case, fresh_from: &dyn Fn() -> Option<Rulebook>) -> Impact {
    let start = evaluate(from, case_from);
    let end = evaluate(to, case_to);
    let mut previous = total_of(&start);
    let mut attribution = Vec::new();
    let mut carried: Vec<String> = Vec::new();
    let mut carried_note: Option<String> = None;
    for (k, group) in GROUPS.iter().enumerate() {
        let (stage_total, changed) = if *group == "pipeline" {
            (Some(total_of(&end)), pipeline_changes(from, to))
        } else {
            match fresh_from() {
                Some(mut hybrid) => {
                    let mut changed = Vec::new();
                    for g in &GROUPS[..=k] {
                        let c = swap(&mut hybrid, to, g);
                        if g == group {
                            changed = c;
                        }
                    }
                    let e = evaluate(&hybrid, case_from);
                    let ok = !e.has_errors();
                    (ok.then(|| total_of(&e)), changed)
                }
                None => (None, Vec::new()),
            }
        };
        let mut changed = changed;
        match stage_total {
            Some(total) => {
                changed.append(&mut carried);
                attribution.push(Attribution { group, delta: total - previous, changed, note: carried_note.take() });
                previous = total;
            }
            None => {
                carried.extend(changed.into_iter().map(|c| format!("{c} (from {group})")));
                carried_note = Some(format!("the {group} stage could not be evaluated alone; its changes are credited here"));
                attribution.push(Attribution {
                    group,
                    delta: Decimal::ZERO,
                    changed: Vec::new(),
                    note: Some("could not be evaluated alone: credited to the next stage".into()),
                });
            }
        }
    }
    let delta = total_of(&end) - total_of(&start);
    Impact {
        from: from.year,
        to: to.year,
        method: METHOD,
        total_from: start.total.clone(),
        total_to: end.total.clone(),
        delta,
        attribution,
        outputs: output_deltas(&start, &end),
        manifest_from: start.manifest.clone(),
        manifest_to: end.manifest.clone(),
    }
}

fn total_of(e: &Evaluation) -> Decimal {
    e.total.as_number().unwrap_or_default()
}

fn output_deltas(a: &Evaluation, b: &Evaluation) -> Vec<OutputDelta> {
    let mut out: Vec<OutputDelta> = a
        .outputs
        .iter()
        .map(|o| {
            let other = b.output(&o.name);
            let to = other.map(|x| x.value.clone());
            let delta = match (o.value.as_number(), to.as_ref().and_then(Value::as_number)) {
                (Some(x), Some(y)) => Some(y - x),
                _ => None,
            };
            OutputDelta { name: o.name.clone(), label: o.label.clone(), unit: o.unit, from: Some(o.value.clone()), to, delta }
        })
        .collect();
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
    out
}

/// Brings `to`'s items of `group` into `rb` where their structure allows; returns those changed.
fn swap(rb: &mut Rulebook, to: &Rulebook, group: &str) -> Vec<String> {
    let mut changed = Vec::new();
    match group {
        "parameters" => {
            for p in &mut rb.parameters {
                let Some(q) = to.parameter(&p.name) else { continue };
                if q.unit != p.unit || q.unit == Unit::Date {
                    continue;
                }
                let value = q.value_at(to.reference_date).clone();
                if *p.value_at(rb.reference_date) != value {
                    changed.push(p.name.clone());
                }
                p.values = vec![Dated { from: rb.period.start, value }];
                p.provenance = q.provenance.clone();
            }
        }
        "tables" => {
            for t in &mut rb.tables {
                let Some(u) = to.tables.iter().find(|u| u.name == t.name) else { continue };
                let same_keys = t.keys.len() == u.keys.len() && t.keys.iter().zip(&u.keys).all(|(a, b)| a.name == b.name);
                let same_columns = t.columns.iter().map(|c| &c.name).eq(u.columns.iter().map(|c| &c.name));
                if !(same_keys && same_columns) {
                    continue;
                }
                if serde_json::to_value(&t.rows).ok() != serde_json::to_value(&u.rows).ok() {
                    changed.push(t.name.clone());
                }
                *t = u.clone();
            }
        }
        "lists" => {
            for l in &mut rb.lists {
                let Some(m) = to.lists.iter().find(|m| m.name == l.name) else { continue };
                let same = l.attributes.iter().map(|a| (&a.name, a.unit)).eq(m.attributes.iter().map(|a| (&a.name, a.unit)));
                if !same {
                    continue;
                }
                if serde_json::to_value(&l.items).ok() != serde_json::to_value(&m.items).ok() {
                    changed.push(l.name.clone());
                }
                *l = m.clone();
            }
        }
        "indicators" => {
            for s in &mut rb.indicator_sets {
                let Some(t) = to.indicator_sets.iter().find(|t| t.name == s.name) else { continue };
                if !s.indicators.iter().map(|i| &i.input).eq(t.indicators.iter().map(|i| &i.input)) {
                    continue;
                }
                if serde_json::to_value(s.clone()).ok() != serde_json::to_value(t.clone()).ok() {
                    changed.push(s.name.clone());
                }
                *s = t.clone();
            }
        }
        _ => {}
    }
    changed
}

/// What only the last stage brings: steps whose mechanism changed, added or removed steps.
fn pipeline_changes(from: &Rulebook, to: &Rulebook) -> Vec<String> {
    let mut out = Vec::new();
    for s in &to.steps {
        match from.steps.iter().find(|f| f.def.name == s.def.name) {
            None => out.push(format!("step {} added", s.def.name)),
            Some(f) if f.def.describe() != s.def.describe() || function_text(from, f) != function_text(to, s) => {
                out.push(format!("step {}", s.def.name))
            }
            Some(_) => {}
        }
    }
    for f in &from.steps {
        if !to.steps.iter().any(|s| s.def.name == f.def.name) {
            out.push(format!("step {} removed", f.def.name));
        }
    }
    out
}

fn function_text(rb: &Rulebook, step: &crate::rulebook::Step) -> Option<String> {
    let crate::rulebook::Plan::Function(FunctionPlan { script, function, .. }) = &step.plan else { return None };
    crate::formula::function_source(&rb.engine, &rb.files[rb.scripts[*script].file].text, function)
}
