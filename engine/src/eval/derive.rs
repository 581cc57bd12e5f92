//! Derive steps: an expression computed for every row of a view, kept for later expressions
//! over the rows of its dataset to read like a column. The step's own value is the sum of the
//! row values when they are numbers; values of other kinds have no total, and the step none.

use rust_decimal::Decimal;

use crate::eval::state::{RowEnv, State};
use crate::eval::{Failure, StepResult};
use crate::expr;
use crate::ids::StepId;
use crate::rulebook::{DerivePlan, Rulebook};
use crate::value::Value;

pub(crate) fn run(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &DerivePlan) -> StepResult {
    let DerivePlan { view, value } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].as_deref().unwrap_or(&[]);
    let mut values = vec![Value::Null; ds.n_rows()];
    let (mut sum, mut numbers) = (Decimal::ZERO, true);
    for &r in rows {
        let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
        let v = expr::eval(value, &env)?;
        match &v {
            Value::Number(n) => sum = sum.checked_add(*n).ok_or(Failure::SumOverflow)?,
            Value::Null => {}
            _ => numbers = false,
        }
        values[r as usize] = v;
    }
    st.computed[i] = Some(values);
    let total = if numbers { Value::Number(sum) } else { Value::Null };
    Ok((total, Vec::new()))
}
