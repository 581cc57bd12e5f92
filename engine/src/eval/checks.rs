//! Checks steps: named conditions over scalars, all of which must hold (the gate of a rulebook).
//! A condition that compares two values keeps both, so that a failed one shows what was missing
//! (`4 >= 5`).

use crate::eval::state::{RowEnv, State};
use crate::eval::{Compared, Part, StepResult};
use crate::expr;
use crate::expr::BinOp;
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
        let compared = compared(when, &env)?;
        parts.push(Part {
            key: name.clone(),
            label: Some(label.clone().into()),
            count: None,
            value: Some(Value::Bool(ok)),
            detail: None,
            compared,
        });
    }
    Ok((Value::Bool(all), parts))
}

/// Both sides of `when` when it is a comparison.
fn compared(when: &Expr, env: &RowEnv<'_, '_>) -> Result<Option<Compared>, crate::eval::Failure> {
    let Expr::Bin(op @ (BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne), a, b) = when else { return Ok(None) };
    Ok(Some(Compared { value: expr::eval(a, env)?, op: op.symbol().to_string(), threshold: expr::eval(b, env)? }))
}
