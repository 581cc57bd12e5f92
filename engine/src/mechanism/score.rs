//! `score`: the weighted attainment of an indicator set's targets.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::eval::state::State;
use crate::eval::{Failure, Part, StepResult, number};
use crate::expr::{self, BinOp, EvalError};
use crate::ids::{FileId, IndicatorSetId, ScalarId, StepId};
use crate::mechanism::{DerivedUnit, Rows, StepCx, StepMechanism};
use crate::message::Message;
use crate::rulebook::resolver::Binder;
use crate::rulebook::{ReadRef, Rulebook, Scope};
use crate::rules::indicator::Direction;
use crate::rules::step::{ExprSource, Spanned, spanned};
use crate::rules::strict::Obj;
use crate::value::{Kind, Unit, Value};

/// A score as written: the indicator set it scores.
#[derive(Debug, Clone)]
pub struct Score {
    pub(crate) set: Spanned,
}

/// The weighted score of an indicator set, from the scalars that hold each indicator's result.
#[derive(Debug, Clone)]
pub(crate) struct ScorePlan {
    pub(crate) set: IndicatorSetId,
    pub(crate) inputs: Vec<ScalarId>,
}

/// The `score` mechanism.
// The schema types are read by serde and schemars only.
#[allow(dead_code, reason = "fields for the schema")] // not prose
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "ScoreDef")]
pub(crate) struct ScoreEntry {
    /// The indicator set scored.
    pub(crate) indicators: String,
}

impl StepMechanism for Score {
    type Plan = ScorePlan;
    type Entry = ScoreEntry;
    const DOC: &'static str = "The weighted attainment of an indicator set."; // not prose

    fn read(obj: &Obj<'_, '_>, key: &'static str, _file: FileId) -> Option<Self> {
        let m = obj.table(key)?;
        let set = spanned(m.str("indicators"));
        m.finish();
        Some(Score { set: set? })
    }

    fn unit(&self, _rb: &Scope) -> DerivedUnit {
        DerivedUnit::Is(Unit::Rate)
    }

    fn exprs_mut(&mut self) -> Vec<&mut ExprSource> {
        Vec::new()
    }

    fn describe(&self) -> Message {
        msg!("rules-describe-score", set = &self.set.text)
    }

    fn rows(&self) -> Rows<'_> {
        Rows::default()
    }

    fn labels(&self, _step: &str) -> Vec<(Message, &str)> {
        Vec::new()
    }

    fn bind(&self, b: &mut Binder<'_>, cx: &StepCx<'_>, diags: &mut Vec<Diagnostic>) -> Option<ScorePlan> {
        let set = &self.set;
        let Some(s) = b.rb.indicator_sets.position(|x| x.name == set.text) else {
            let mut d = cx.undefined(msg!("rules-unknown-indicator-set", name = &set.text), set);
            if let Some(c) = did_you_mean(&set.text, b.rb.indicator_sets.iter().map(|s| s.name.as_str())) {
                d = d.hint(msg!("rules-did-you-mean", name = c));
            }
            diags.push(d);
            return None;
        };
        b.reads.insert(ReadRef::Indicators(s));
        let mut inputs = Vec::new();
        let mut ok = true;
        for ind in &b.rb.indicator_sets[s].indicators {
            match b.rb.scalars.position(|x| x.name == ind.input) {
                Some(i) if b.rb.scalars[i].kind == Kind::Number => {
                    b.reads.insert(b.rb.scalars[i].origin);
                    if let ReadRef::Step(st) = b.rb.scalars[i].origin {
                        b.deps.insert(st);
                    }
                    inputs.push(i);
                }
                Some(_) | None => {
                    diags.push(
                        Diagnostic::error(Code::UndefinedName, msg!("rules-indicator-reads", indicator = &ind.name, name = &ind.input))
                            .at(ind.provenance.location.clone())
                            .undefined(ind.input.as_str()),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(ScorePlan { set: s, inputs })
    }

    fn run(plan: &ScorePlan, rb: &Rulebook, st: &mut State<'_>, _i: StepId) -> StepResult {
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

    fn run_vector(_plan: &ScorePlan, _rb: &Rulebook, _st: &mut State<'_>, _i: StepId) -> Option<StepResult> {
        None
    }
}

/// Which way an indicator's result counts, in words.
fn direction(d: Direction) -> Message {
    match d {
        Direction::Higher => msg!("eval-direction-higher"),
        Direction::Lower => msg!("eval-direction-lower"),
    }
}
