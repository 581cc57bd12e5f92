//! `filter`: the rows of a view that meet a condition become a new view, which later steps read
//! by the step's name.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::eval::kernel::Kernel;
use crate::eval::state::{RowEnv, State, build_sets};
use crate::eval::{Part, StepResult, at_row};
use crate::expr::{self, Expr};
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
        let FilterPlan { view, cond } = plan;
        let ds = st.datasets[rb.views[*view].dataset];
        let rows = st.views[*view].clone().unwrap_or_default();
        let mut kept = Vec::with_capacity(rows.len());
        for r in rows {
            let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
            let keep = match cond {
                Some(c) => expr::eval_bool(c, &env).map_err(at_row(ds, r))?,
                None => true,
            };
            if keep {
                kept.push(r);
            }
        }
        Ok(keep_rows(rb, st, i, kept))
    }

    /// The condition over the view's rows at once.
    fn run_vector(plan: &FilterPlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> Option<StepResult> {
        let FilterPlan { view, cond } = plan;
        let ds = st.datasets[rb.views[*view].dataset];
        let rows = st.views[*view].as_deref().unwrap_or(&[]);
        let kept = match cond {
            Some(c) => match Kernel::new(rb, st, ds).select(c, rows) {
                Ok(kept) => kept,
                Err(e) => return Some(Err(e.into())),
            },
            None => rows.to_vec(),
        };
        Some(Ok(keep_rows(rb, st, i, kept)))
    }
}

/// The rows kept become the step's view; the sets over it can be built.
fn keep_rows(rb: &Rulebook, st: &mut State<'_>, i: StepId, kept: Vec<u32>) -> (Value, Vec<Part>) {
    let n = kept.len();
    let me = rb.views.position(|v| v.step == Some(i)).expect("every filter step defines a view");
    st.views[me] = Some(kept);
    build_sets(rb, st);
    (Value::Number(Decimal::from(n)), Vec::new())
}
