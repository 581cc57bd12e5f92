//! The values the calendar's expressions read once a case is evaluated: every scalar of the
//! rulebook (parameters, the case's inputs, the steps' outputs).

use typed_index_collections::TiVec;

use crate::case::Case;
use crate::eval::Evaluation;
use crate::expr::{Env, Expr, Slot};
use crate::ids::{ExistsId, ScalarId, SetId};
use crate::rulebook::{ReadRef, Rulebook, scalar_seed};
use crate::value::{Kind, Value};

/// The value of every scalar once a case is evaluated: parameters, the case's inputs, the
/// steps' outputs. A step the evaluation did not reach (after a failed gate) reads as zero, so
/// that an ineligible case's schedule is one of zeros.
pub(crate) struct ScalarValues(TiVec<ScalarId, Value>);

impl ScalarValues {
    pub(crate) fn new(rb: &Rulebook, case: &Case, eval: &Evaluation) -> ScalarValues {
        ScalarValues(
            rb.scalars
                .iter()
                .map(|s| match s.origin {
                    ReadRef::Input(i) => case.values.get(i).cloned().unwrap_or(Value::Null),
                    ReadRef::Step(_) => match eval.output(&s.name) {
                        Some(o) => o.value.clone(),
                        None if s.kind == Kind::Number => Value::Number(rust_decimal::Decimal::ZERO),
                        None => Value::Null,
                    },
                    _ => scalar_seed(rb, s),
                })
                .collect(),
        )
    }
}

impl Env for ScalarValues {
    fn get(&self, slot: Slot) -> Value {
        match slot {
            Slot::Scalar(i) => self.0[i].clone(),
            _ => Value::Null,
        }
    }

    fn get_ref(&self, slot: Slot) -> Option<&Value> {
        match slot {
            Slot::Scalar(i) => Some(&self.0[i]),
            _ => None,
        }
    }

    fn contains(&self, _: SetId, _: &Value) -> bool {
        false
    }

    fn exists(&self, _: ExistsId, _: &Expr) -> bool {
        false
    }
}
