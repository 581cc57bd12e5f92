//! Filter steps: the rows of a view that meet a condition become a new view.

use rust_decimal::Decimal;

use crate::eval::kernel::Kernel;
use crate::eval::state::{RowEnv, State, build_sets};
use crate::eval::{StepResult, at_row};
use crate::expr;
use crate::ids::StepId;
use crate::rulebook::{FilterPlan, Rulebook};
use crate::value::Value;

pub(crate) fn run(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &FilterPlan) -> StepResult {
    let FilterPlan { view, cond } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].clone().unwrap_or_default();
    let mut kept = Vec::with_capacity(rows.len());
    for r in rows {
        let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
        let keep = match cond {
            Some(c) => expr::eval_bool(c, &env).map_err(at_row(ds, r))?,
            None => true,
        };
        if keep {
            kept.push(r);
        }
    }
    Ok(keep_rows(rb, st, i, kept))
}

/// The same on the vector path: the condition over the view's rows at once.
pub(crate) fn run_vector(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &FilterPlan) -> StepResult {
    let FilterPlan { view, cond } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].as_deref().unwrap_or(&[]);
    let kept = match cond {
        Some(c) => Kernel::new(rb, st, ds).select(c, rows)?,
        None => rows.to_vec(),
    };
    Ok(keep_rows(rb, st, i, kept))
}

/// The rows kept become the step's view; the sets over it can be built.
fn keep_rows(rb: &Rulebook, st: &mut State<'_>, i: StepId, kept: Vec<u32>) -> (Value, Vec<crate::eval::Part>) {
    let n = kept.len();
    let me = rb.views.position(|v| v.step == Some(i)).expect("every filter step defines a view");
    st.views[me] = Some(kept);
    build_sets(rb, st);
    (Value::Number(Decimal::from(n)), Vec::new())
}
