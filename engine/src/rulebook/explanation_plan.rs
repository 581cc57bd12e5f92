//! A step's explanation bound to its names: what `eval` needs to say it (built by
//! `rulebook::explanations`, held by the `Rulebook`).

use crate::expr::Expr;
use crate::ids::ScalarId;
use crate::value::Unit;

/// An explanation bound to the step's names: what `eval` needs to say it.
#[derive(Debug, Clone)]
pub(crate) struct ExplanationPlan {
    /// The values computed for the sentence, in order, with their units.
    pub(crate) values: Vec<(Expr, Unit)>,
    /// The sentences, each with its condition (none: always).
    pub(crate) cases: Vec<(Option<Expr>, String)>,
    /// What each `{name}` of the sentences shows.
    pub(crate) names: Vec<(String, Shown)>,
}

/// What a `{name}` of an explanation shows.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shown {
    /// A scalar the step reads, or the step's own value, in its unit.
    Scalar(ScalarId, Unit),
    /// The explanation's value of that index.
    Value(usize),
}
