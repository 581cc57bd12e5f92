//! Filter steps: the rows of a view that meet a condition become a new view.

use rust_decimal::Decimal;

use crate::eval::StepResult;
use crate::eval::state::{RowEnv, State, build_sets};
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
            Some(c) => expr::eval_bool(c, &env)?,
            None => true,
        };
        if keep {
            kept.push(r);
        }
    }
    let n = kept.len();
    let me = rb.views.position(|v| v.step == Some(i)).expect("every filter step defines a view");
    st.views[me] = Some(kept);
    build_sets(rb, st);
    Ok((Value::Number(Decimal::from(n)), Vec::new()))
}
