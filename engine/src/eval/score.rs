//! Score steps: the weighted attainment of an indicator set's targets.

use rust_decimal::Decimal;

use crate::eval::state::State;
use crate::eval::{Failure, Part, StepResult, number};
use crate::expr::{self, BinOp, EvalError};
use crate::ids::StepId;
use crate::message::Message;
use crate::rulebook::{Rulebook, ScorePlan};
use crate::rules::indicator::Direction;
use crate::value::Value;
pub(crate) fn run(rb: &Rulebook, st: &mut State<'_>, _i: StepId, plan: &ScorePlan) -> StepResult {
    let ScorePlan { set, inputs } = plan;
    let s = &rb.indicator_sets[*set];
    let mut weighted = Decimal::ZERO;
    let mut weights = Decimal::ZERO;
    let mut parts = Vec::new();
    for (ind, &input) in s.indicators.iter().zip(inputs) {
        let result = number(st.scalars[input].clone(), msg!("eval-indicator", name = &ind.name))?;
        let att = ind.attainment(result, s.method);
        let overflow = || Failure::Eval(EvalError::Overflow(Box::new((att, "*", ind.weight))));
        weighted = att.checked_mul(ind.weight).and_then(|w| weighted.checked_add(w)).ok_or_else(overflow)?;
        weights = weights.checked_add(ind.weight).ok_or_else(overflow)?;
        parts.push(Part {
            key: ind.name.clone(),
            label: Some(rb.render_label(&ind.provenance.label).into()),
            count: None,
            value: Some(Value::Number(att.round_dp(4))),
            detail: Some(msg!(
                "eval-indicator-detail",
                result = result.normalize(),
                target = ind.target.normalize(),
                direction = direction(ind.direction),
                weight = ind.weight.normalize()
            )),
            compared: None,
        });
    }
    let score = if weights.is_zero() { Decimal::ZERO } else { expr::arithmetic(BinOp::Div, weighted, weights)? };
    Ok((Value::Number(score), parts))
}

/// Which way an indicator's result counts, in words.
fn direction(d: Direction) -> Message {
    match d {
        Direction::Higher => msg!("eval-direction-higher"),
        Direction::Lower => msg!("eval-direction-lower"),
    }
}
