//! Classify steps: each row's code found in a list at the row's date, then the first class whose
//! condition holds; the breakdown counts the rows of each class.

use rust_decimal::Decimal;

use crate::eval::state::{RowEnv, State};
use crate::eval::{Part, StepResult};
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
        let c = expr::eval(code, &env)?;
        let d = expr::eval(date, &env)?;
        if let (Value::Text(c), Value::Date(d)) = (c, d) {
            items[r as usize] = lst.find(&c, d).map(|it| (it as u32, d));
        }
    }
    st.items[i] = Some(items);
    let mut class_of = vec![Value::Null; ds.n_rows()];
    let mut counts = vec![0u64; classes.len()];
    let names: Vec<Value> = classes.iter().map(|(name, _, _)| Value::Text(name.as_str().into())).collect();
    for &r in &rows {
        let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
        for (k, (_, _, when)) in classes.iter().enumerate() {
            if expr::eval_bool(when, &env)? {
                class_of[r as usize] = names[k].clone();
                counts[k] += 1;
                break;
            }
        }
    }
    st.computed[i] = Some(class_of);
    let classified: u64 = counts.iter().sum();
    let mut breakdown: Vec<Part> = classes
        .iter()
        .zip(&counts)
        .map(|((name, label, _), &n)| Part {
            key: name.clone(),
            label: Some(label.clone()),
            count: Some(n),
            value: None,
            detail: None,
            compared: None,
        })
        .collect();
    let unclassified = rows.len() as u64 - classified;
    if unclassified > 0 {
        breakdown.push(Part {
            key: "(none)".into(),
            label: Some(msg!("eval-no-class").to_string()),
            count: Some(unclassified),
            value: None,
            detail: None,
            compared: None,
        });
    }
    Ok((Value::Number(Decimal::from(rows.len())), breakdown))
}
