//! Classify steps: each row's code found in a list at the row's date, then the first class whose
//! condition holds; the breakdown counts the rows of each class.

use rust_decimal::Decimal;

use crate::eval::kernel::Kernel;
use crate::eval::state::{RowEnv, State};
use crate::eval::{Part, StepResult, at_row};
use crate::expr;
use crate::ids::StepId;
use crate::rulebook::{ClassifyPlan, Rulebook};
use crate::value::Value;

pub(crate) fn run(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &ClassifyPlan) -> StepResult {
    let ClassifyPlan { view, list, code, date, classes } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].clone().unwrap_or_default();
    let lst = &rb.lists[*list];
    let mut items = vec![None; ds.n_rows()];
    for &r in &rows {
        let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
        let c = expr::eval(code, &env).map_err(at_row(ds, r))?;
        let d = expr::eval(date, &env).map_err(at_row(ds, r))?;
        if let (Value::Text(c), Value::Date(d)) = (c, d) {
            items[r as usize] = lst.find(&c, d).map(|it| (it as u32, d));
        }
    }
    st.items[i] = Some(items);
    let mut class_of = vec![Value::Null; ds.n_rows()];
    let mut counts = vec![0u64; classes.len()];
    let names = class_names(plan);
    for &r in &rows {
        let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
        for (k, (_, _, when)) in classes.iter().enumerate() {
            if expr::eval_bool(when, &env).map_err(at_row(ds, r))? {
                class_of[r as usize] = names[k].clone();
                counts[k] += 1;
                break;
            }
        }
    }
    st.computed[i] = Some(class_of);
    Ok(result(plan, rows.len(), &counts))
}

/// The same on the vector path: codes and dates over the view's rows at once, then each class's
/// condition over the rows no earlier class took.
pub(crate) fn run_vector(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &ClassifyPlan) -> StepResult {
    let ClassifyPlan { view, list, code, date, classes } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].clone().unwrap_or_default();
    let lst = &rb.lists[*list];
    let mut items = vec![None; ds.n_rows()];
    {
        let kernel = Kernel::new(rb, st, ds);
        let (codes, dates) = (kernel.eval(code, &rows)?, kernel.eval(date, &rows)?);
        for (k, &r) in rows.iter().enumerate() {
            if let (Value::Text(c), Value::Date(d)) = (codes.value(k), dates.value(k)) {
                items[r as usize] = lst.find(&c, d).map(|it| (it as u32, d));
            }
        }
    }
    st.items[i] = Some(items);
    let mut class_of = vec![Value::Null; ds.n_rows()];
    let mut counts = vec![0u64; classes.len()];
    let names = class_names(plan);
    let mut left = rows.clone();
    for (k, (_, _, when)) in classes.iter().enumerate() {
        if left.is_empty() {
            break;
        }
        let holds = Kernel::new(rb, st, ds).eval(when, &left)?;
        let mut next = Vec::with_capacity(left.len());
        for (pos, &r) in left.iter().enumerate() {
            if holds.truth(pos) {
                class_of[r as usize] = names[k].clone();
                counts[k] += 1;
            } else {
                next.push(r);
            }
        }
        left = next;
    }
    st.computed[i] = Some(class_of);
    Ok(result(plan, rows.len(), &counts))
}

fn class_names(plan: &ClassifyPlan) -> Vec<Value> {
    plan.classes.iter().map(|(name, _, _)| Value::Text(name.as_str().into())).collect()
}

/// The step's value (the rows classified or not) and the breakdown by class.
fn result(plan: &ClassifyPlan, n_rows: usize, counts: &[u64]) -> (Value, Vec<Part>) {
    let classified: u64 = counts.iter().sum();
    let mut breakdown: Vec<Part> = plan
        .classes
        .iter()
        .zip(counts)
        .map(|((name, label, _), &n)| Part {
            key: name.clone(),
            label: Some(label.clone().into()),
            count: Some(n),
            value: None,
            detail: None,
            compared: None,
        })
        .collect();
    let unclassified = n_rows as u64 - classified;
    if unclassified > 0 {
        breakdown.push(Part {
            key: "(none)".into(),
            label: Some(msg!("eval-no-class")),
            count: Some(unclassified),
            value: None,
            detail: None,
            compared: None,
        });
    }
    (Value::Number(Decimal::from(n_rows)), breakdown)
}
