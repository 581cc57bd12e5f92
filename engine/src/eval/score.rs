//! Score steps: the weighted attainment of an indicator set's targets.

use rust_decimal::Decimal;

use crate::eval::state::State;
use crate::eval::{Part, StepResult, number};
use crate::ids::StepId;
use crate::rulebook::{Rulebook, ScorePlan};
use crate::value::Value;
pub(crate) fn run(rb: &Rulebook, st: &mut State<'_>, _i: StepId, plan: &ScorePlan) -> StepResult {
    let ScorePlan { set, inputs } = plan;
    let s = &rb.indicator_sets[*set];
    let mut weighted = Decimal::ZERO;
    let mut weights = Decimal::ZERO;
    let mut parts = Vec::new();
    for (ind, &input) in s.indicators.iter().zip(inputs) {
        let result = number(st.scalars[input].clone(), &format!("indicator `{}`", ind.name))?;
        let att = ind.attainment(result, s.method);
        weighted += att * ind.weight;
        weights += ind.weight;
        parts.push(Part {
            key: ind.name.clone(),
            label: Some(rb.render_label(&ind.provenance.label)),
            count: None,
            value: Some(Value::Number(att.round_dp(4))),
            detail: Some(
                format!(
                    "result {}, target {} ({:?}), weight {}",
                    result.normalize(),
                    ind.target.normalize(),
                    ind.direction,
                    ind.weight.normalize()
                )
                .to_lowercase(),
            ),
        });
    }
    let score = if weights.is_zero() { Decimal::ZERO } else { weighted / weights };
    Ok((Value::Number(score), parts))
}
