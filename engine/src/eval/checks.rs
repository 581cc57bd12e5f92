//! Checks steps: named conditions over scalars, all of which must hold (the gate of a rulebook).

use crate::eval::state::{RowEnv, State};
use crate::eval::{Part, StepResult};
use crate::expr;
use crate::expr::Expr;
use crate::rulebook::Rulebook;
use crate::value::Value;
pub(crate) fn run(rb: &Rulebook, st: &mut State<'_>, checks: &[(String, String, Expr)]) -> StepResult {
    let env = RowEnv { rb, st, ds: None, row: 0, inner: None };
    let mut all = true;
    let mut parts = Vec::new();
    for (name, label, when) in checks {
        let ok = expr::eval_bool(when, &env)?;
        all &= ok;
        parts.push(Part { key: name.clone(), label: Some(label.clone()), count: None, value: Some(Value::Bool(ok)), detail: None });
    }
    Ok((Value::Bool(all), parts))
}
