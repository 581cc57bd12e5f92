//! Formula steps: an inline Rhai expression or a script function, over scalars.
use crate::eval::StepResult;
use crate::eval::state::State;
use crate::formula;
use crate::ids::StepId;
use crate::rulebook::{FunctionPlan, InlinePlan, Rulebook};
use crate::value::Value;
pub(crate) fn run_inline(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &InlinePlan) -> StepResult {
    let InlinePlan { ast, names, scalars } = plan;
    let step = &rb.steps[i];
    let values: Vec<Value> = scalars.iter().map(|&s| st.scalars[s].clone()).collect();
    let d = formula::eval_inline(&rb.engine, ast, names, &values)?;
    let v = formula::from_dynamic(d, step.unit.kind())?;
    Ok((v, Vec::new()))
}

pub(crate) fn run_function(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &FunctionPlan) -> StepResult {
    let FunctionPlan { script, function, scalars } = plan;
    let step = &rb.steps[i];
    let args = scalars.iter().map(|&s| formula::to_dynamic(&st.scalars[s])).collect();
    let d = formula::call_function(&rb.engine, &rb.scripts[*script], function, args)?;
    let v = formula::from_dynamic(d, step.unit.kind())?;
    Ok((v, Vec::new()))
}
