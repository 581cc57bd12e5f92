//! Derive steps: an expression computed for every row of a view, kept for later expressions
//! over the rows of its dataset to read like a column. The step's own value is the sum of the
//! row values when they are numbers; values of other kinds have no total, and the step none.
//! With a key, the breakdown shows each row's value under its key, in row order.

use rust_decimal::Decimal;

use crate::eval::kernel::Kernel;
use crate::eval::state::{RowEnv, State};
use crate::eval::{Failure, Part, StepResult, at_row};
use crate::expr;
use crate::ids::StepId;
use crate::rulebook::{DerivePlan, Rulebook};
use crate::value::Value;

pub(crate) fn run(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &DerivePlan) -> StepResult {
    let DerivePlan { view, value, key } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].as_deref().unwrap_or(&[]);
    let mut values = vec![Value::Null; ds.n_rows()];
    let mut total = Total::default();
    let mut breakdown = Vec::new();
    for &r in rows {
        let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
        let v = expr::eval(value, &env).map_err(at_row(ds, r))?;
        if let Some(k) = key {
            breakdown.push(keyed(expr::eval(k, &env).map_err(at_row(ds, r))?, &v));
        }
        total.add(&v).map_err(at_row(ds, r))?;
        values[r as usize] = v;
    }
    st.computed[i] = Some(values);
    Ok((total.value(), breakdown))
}

/// A row's value under its key, in the breakdown.
fn keyed(key: Value, value: &Value) -> Part {
    Part { key: key.render(), label: None, count: None, value: Some(value.clone()), detail: None, compared: None }
}

/// The same on the vector path: the expression over the view's rows at once.
pub(crate) fn run_vector(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &DerivePlan) -> StepResult {
    let DerivePlan { view, value, key } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].as_deref().unwrap_or(&[]);
    let vector = Kernel::new(rb, st, ds).eval(value, rows)?;
    let keys = match key {
        Some(k) => Some(Kernel::new(rb, st, ds).eval(k, rows)?),
        None => None,
    };
    let mut values = vec![Value::Null; ds.n_rows()];
    let mut total = Total::default();
    let mut breakdown = Vec::new();
    for (k, &r) in rows.iter().enumerate() {
        let v = vector.value(k);
        if let Some(keys) = &keys {
            breakdown.push(keyed(keys.value(k), &v));
        }
        total.add(&v)?;
        values[r as usize] = v;
    }
    st.computed[i] = Some(values);
    Ok((total.value(), breakdown))
}

/// The sum of the row values while they are numbers.
struct Total {
    sum: Decimal,
    numbers: bool,
}

impl Default for Total {
    fn default() -> Self {
        Total { sum: Decimal::ZERO, numbers: true }
    }
}

impl Total {
    fn add(&mut self, v: &Value) -> Result<(), Failure> {
        match v {
            Value::Number(n) => self.sum = self.sum.checked_add(*n).ok_or(Failure::SumOverflow)?,
            Value::Null => {}
            _ => self.numbers = false,
        }
        Ok(())
    }

    fn value(&self) -> Value {
        if self.numbers { Value::Number(self.sum) } else { Value::Null }
    }
}
