//! `filter`: the rows of a view that meet a condition become a new view, which later steps read
//! by the step's name.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::eval::rows::{Columns, Reads, RowSource, Walker};
use crate::eval::state::{State, build_sets};
use crate::eval::{Failure, Part, StepResult};
use crate::expr::Expr;
use crate::ids::{FileId, StepId, ViewId};
use crate::mechanism::{DerivedUnit, Rows, StepCx, StepMechanism, describe_where};
use crate::message::Message;
use crate::rulebook::resolver::Binder;
use crate::rulebook::{Rulebook, Scope};
use crate::rules::step::{ExprSource, Spanned, read_expr, spanned};
use crate::rules::strict::Obj;
use crate::value::{Kind, Unit, Value};

/// A filter as written.
#[derive(Debug, Clone)]
pub struct Filter {
    pub(crate) dataset: Spanned,
    pub(crate) condition: Option<ExprSource>,
}

/// Keeps the rows of a view that meet a condition: the step defines a new view.
#[derive(Debug, Clone)]
pub(crate) struct FilterPlan {
    pub(crate) view: ViewId,
    pub(crate) cond: Option<Expr>,
}

/// The `filter` mechanism.
// The schema types are read by serde and schemars only.
#[allow(dead_code, reason = "fields for the schema")] // not prose
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "FilterDef")]
pub(crate) struct FilterEntry {
    /// The dataset (or earlier filter) whose rows are kept.
    pub(crate) dataset: String,
    /// The condition a row must meet (an expression over its fields).
    #[serde(rename = "where")]
    pub(crate) condition: Option<String>,
}

impl StepMechanism for Filter {
    type Plan = FilterPlan;
    type Entry = FilterEntry;
    const DOC: &'static str = "The rows of a dataset that meet a condition."; // not prose

    fn read(obj: &Obj<'_, '_>, key: &'static str, file: FileId) -> Option<Self> {
        let m = obj.table(key)?;
        let dataset = spanned(m.str("dataset"));
        let condition = m.opt("where", |c, i, w| read_expr(c, i, w, file));
        m.finish();
        Some(Filter { dataset: dataset?, condition })
    }

    fn unit(&self, _rb: &Scope) -> DerivedUnit {
        DerivedUnit::Is(Unit::Count)
    }

    fn exprs_mut(&mut self) -> Vec<&mut ExprSource> {
        self.condition.iter_mut().collect()
    }

    fn describe(&self) -> Message {
        msg!("rules-describe-filter", dataset = &self.dataset.text, filter = describe_where(self.condition.as_ref()))
    }

    fn rows(&self) -> Rows<'_> {
        Rows { view_of: Some(&self.dataset), ..Rows::default() }
    }

    fn labels(&self, _step: &str) -> Vec<(Message, &str)> {
        Vec::new()
    }

    fn bind(&self, b: &mut Binder<'_>, cx: &StepCx<'_>, diags: &mut Vec<Diagnostic>) -> Option<FilterPlan> {
        let view = cx.rows(b, &self.dataset, diags)?;
        let cond = cx.optional(b, self.condition.as_ref(), Some(Kind::Bool), msg!("rules-part", part = "condition"), diags)?;
        Some(FilterPlan { view, cond })
    }

    fn run(plan: &FilterPlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> StepResult {
        let kept = fold(&Walker::new(rb, st, plan.view, reads(plan)))?;
        Ok(keep_rows(rb, st, i, kept))
    }

    fn run_vector(plan: &FilterPlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> Option<StepResult> {
        let kept = match Columns::new(rb, st, plan.view, &reads(plan)) {
            Ok(columns) => fold(&columns),
            Err(e) => return Some(Err(e.into())),
        };
        Some(kept.map(|kept| keep_rows(rb, st, i, kept)))
    }
}

/// What the fold reads: the rows meeting the condition, nothing of them.
fn reads(plan: &FilterPlan) -> Reads<'_> {
    Reads { keep: plan.cond.as_ref(), ..Reads::default() }
}

/// The rows kept, as either path gives them.
fn fold<S: RowSource>(rows: &S) -> Result<Vec<u32>, Failure> {
    let mut kept = Vec::with_capacity(rows.len());
    rows.each(|at| {
        kept.push(at.row());
        Ok(())
    })?;
    Ok(kept)
}

fn keep_rows(rb: &Rulebook, st: &mut State<'_>, i: StepId, kept: Vec<u32>) -> (Value, Vec<Part>) {
    let n = kept.len();
    let me = rb.views.position(|v| v.step == Some(i)).expect("every filter step defines a view");
    st.views[me] = Some(kept);
    build_sets(rb, st);
    (Value::Number(Decimal::from(n)), Vec::new())
}
