//! Derive steps: an expression computed for every row of a view, kept for later expressions
//! over the rows of its dataset to read like a column. The step's own value is the sum of the
//! row values when they are numbers; values of other kinds have no total, and the step none.

use rust_decimal::Decimal;

use crate::eval::kernel::Kernel;
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
    let mut total = Total::default();
    for &r in rows {
        let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
        let v = expr::eval(value, &env)?;
        total.add(&v)?;
        values[r as usize] = v;
    }
    st.computed[i] = Some(values);
    Ok((total.value(), Vec::new()))
}

/// The same on the vector path: the expression over the view's rows at once.
pub(crate) fn run_vector(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &DerivePlan) -> StepResult {
    let DerivePlan { view, value } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].as_deref().unwrap_or(&[]);
    let vector = Kernel::new(rb, st, ds).eval(value, rows)?;
    let mut values = vec![Value::Null; ds.n_rows()];
    let mut total = Total::default();
    for (k, &r) in rows.iter().enumerate() {
        let v = vector.value(k);
        total.add(&v)?;
        values[r as usize] = v;
    }
    st.computed[i] = Some(values);
    Ok((total.value(), Vec::new()))
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
