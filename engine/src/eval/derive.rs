//! Derive steps: an expression computed for every row of a view, kept for later expressions
//! over the rows of its dataset to read like a column. The step's own value is the sum of the
//! row values when they are numbers; values of other kinds have no total, and the step none.
//! With a key, the breakdown shows each row's value under its key, in row order.

use rust_decimal::Decimal;

use crate::eval::state::{RowEnv, State};
use crate::eval::{Failure, Part, StepResult};
use crate::expr;
use crate::ids::StepId;
use crate::rulebook::{DerivePlan, Rulebook};
use crate::value::Value;

pub(crate) fn run(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &DerivePlan) -> StepResult {
    let DerivePlan { view, value, key } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].as_deref().unwrap_or(&[]);
    let mut values = vec![Value::Null; ds.n_rows()];
    let (mut sum, mut numbers) = (Decimal::ZERO, true);
    let mut breakdown = Vec::new();
    for &r in rows {
        let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
        let v = expr::eval(value, &env)?;
        if let Some(k) = key {
            let k = expr::eval(k, &env)?;
            breakdown.push(Part { key: k.render(), label: None, count: None, value: Some(v.clone()), detail: None, compared: None });
        }
        match &v {
            Value::Number(n) => sum = sum.checked_add(*n).ok_or(Failure::SumOverflow)?,
            Value::Null => {}
            _ => numbers = false,
        }
        values[r as usize] = v;
    }
    st.computed[i] = Some(values);
    let total = if numbers { Value::Number(sum) } else { Value::Null };
    Ok((total, breakdown))
}
