//! Provenance of outputs: what each read (with values and references), which assumed rule items
//! it rests on, and the share of the total resting on each.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use typed_index_collections::TiSlice;

use crate::eval::state::State;
use crate::eval::{AssumedShare, Output, Read};
use crate::formula;
use crate::ids::StepId;
use crate::mechanism::Plan;
use crate::mechanism::function::FunctionPlan;
use crate::rulebook::{ReadRef, Rulebook, Step};
use crate::value::{Status, Value};

pub(crate) fn function_source(rb: &Rulebook, step: &Step) -> Option<String> {
    let Plan::Function(FunctionPlan { script, function, .. }) = &step.plan else { return None };
    let file = &rb.files[rb.scripts[*script].file];
    formula::function_source(&rb.engine, &file.text, function)
}

pub(crate) fn shares(
    rb: &Rulebook,
    outputs: &TiSlice<StepId, Option<Output>>,
    assumed: &TiSlice<StepId, BTreeSet<String>>,
) -> Option<Vec<AssumedShare>> {
    let amount = |c: StepId| outputs[c].as_ref().and_then(|o| o.value.as_number()).unwrap_or_default().abs();
    let whole = rb.result.components.iter().try_fold(Decimal::ZERO, |sum, &c| sum.checked_add(amount(c)))?;
    if whole.is_zero() {
        return Some(Vec::new());
    }
    let mut by_item: BTreeMap<&str, Decimal> = BTreeMap::new();
    for &c in &rb.result.components {
        for item in &assumed[c] {
            let sum = by_item.entry(item.as_str()).or_default();
            *sum = sum.checked_add(amount(c))?;
        }
    }
    // Each item's amount is at most the whole: its share is at most 1.
    let mut out: Vec<AssumedShare> = by_item
        .into_iter()
        .map(|(item, amount)| Some(AssumedShare { item: item.to_string(), amount, share: amount.checked_div(whole)?.round_dp(4) }))
        .collect::<Option<_>>()?;
    out.sort_by(|a, b| b.amount.cmp(&a.amount).then_with(|| a.item.cmp(&b.item)));
    Some(out)
}

/// The label of an assumed rule item named as [`assumed_name`] names it (`"parameter seuil"`).
pub(crate) fn assumed_label(rb: &Rulebook, item: &str) -> Option<String> {
    let (kind, name) = item.split_once(' ')?;
    let label = match kind {
        "parameter" => &rb.parameters.iter().find(|p| p.name == name)?.provenance.label,
        "table" => &rb.tables.iter().find(|t| t.name == name)?.provenance.label,
        "list" => &rb.lists.iter().find(|l| l.name == name)?.provenance.label,
        "indicators" => &rb.indicator_sets.iter().find(|s| s.name == name)?.provenance.label,
        _ => return None,
    };
    Some(rb.render_label(label))
}

pub(crate) fn assumed_name(rb: &Rulebook, r: ReadRef) -> Option<String> {
    match r {
        ReadRef::Parameter(i) if rb.parameters[i].provenance.status == Status::Assumed => {
            Some(format!("parameter {}", rb.parameters[i].name))
        }
        ReadRef::Table(i) if rb.tables[i].provenance.status == Status::Assumed => Some(format!("table {}", rb.tables[i].name)),
        ReadRef::List(i)
            if rb.lists[i].provenance.status == Status::Assumed
                || rb.lists[i].items.iter().any(|it| it.provenance.status == Status::Assumed) =>
        {
            Some(format!("list {}", rb.lists[i].name))
        }
        ReadRef::Indicators(i)
            if rb.indicator_sets[i].provenance.status == Status::Assumed
                || rb.indicator_sets[i].indicators.iter().any(|x| x.provenance.status == Status::Assumed) =>
        {
            Some(format!("indicators {}", rb.indicator_sets[i].name))
        }
        _ => None,
    }
}

pub(crate) fn reads_of(rb: &Rulebook, st: &State<'_>, step: &Step) -> Vec<Read> {
    let scalar = |origin: ReadRef| rb.scalars.position(|s| s.origin == origin).map_or(Value::Null, |i| st.scalars[i].clone());
    step.reads
        .iter()
        .map(|&r| match r {
            ReadRef::Parameter(i) => {
                let p = &rb.parameters[i];
                Read::Parameter {
                    name: p.name.clone(),
                    label: rb.render_label(&p.provenance.label),
                    value: scalar(r),
                    unit: p.unit,
                    status: p.provenance.status,
                    reference: p.provenance.reference.clone(),
                }
            }
            ReadRef::Input(i) => Read::Input { name: rb.schema.inputs[i].name.clone(), value: scalar(r) },
            ReadRef::Step(i) => Read::Output { name: rb.steps[i].def.name.clone(), value: scalar(r) },
            ReadRef::Table(i) => Read::Table {
                name: rb.tables[i].name.clone(),
                label: rb.render_label(&rb.tables[i].provenance.label),
                status: rb.tables[i].provenance.status,
                reference: rb.tables[i].provenance.reference.clone(),
            },
            ReadRef::List(i) => Read::List {
                name: rb.lists[i].name.clone(),
                label: rb.render_label(&rb.lists[i].provenance.label),
                status: rb.lists[i].provenance.status,
                reference: rb.lists[i].provenance.reference.clone(),
            },
            ReadRef::Dataset(i) => Read::Dataset { name: rb.datasets[i].name.clone(), rows: st.datasets[i].n_rows() },
            ReadRef::Indicators(i) => {
                let s = &rb.indicator_sets[i];
                Read::Indicators {
                    name: s.name.clone(),
                    label: rb.render_label(&s.provenance.label),
                    status: s.provenance.status,
                    reference: s.provenance.reference.clone(),
                }
            }
            ReadRef::Builtin(_) => Read::Builtin {
                name: rb.scalars.iter().find(|s| s.origin == r).map_or(String::new(), |s| s.name.clone()),
                value: scalar(r),
            },
        })
        .collect()
}
