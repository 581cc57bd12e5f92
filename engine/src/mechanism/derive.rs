//! `derive`: an expression computed for every row of a view, kept for later expressions over
//! the rows of its dataset to read like a column. The step's own value is the sum of the row
//! values when they are numbers; values of other kinds have no total, and the step none. With a
//! key, the breakdown shows each row's value under its key, in row order.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::eval::rows::{Columns, Reads, RowSource, Walker};
use crate::eval::state::{State, computed_column};
use crate::eval::{Failure, Part, StepResult};
use crate::expr::Expr;
use crate::ids::{FileId, StepId, ViewId};
use crate::mechanism::{DerivedUnit, PerRow, Rows, StepCx, StepMechanism, describe_by, own_kind, squash};
use crate::message::Message;
use crate::rulebook::resolver::Binder;
use crate::rulebook::{Rulebook, Scope};
use crate::rules::step::{ExprSource, Spanned, read_expr, spanned};
use crate::rules::strict::Obj;
use crate::value::{Unit, Value};

/// A value computed for every row of a dataset, which later expressions over those rows read
/// like a column; with a `key`, each row's value is shown under its key.
#[derive(Debug, Clone)]
pub struct Derive {
    pub(crate) dataset: Spanned,
    pub(crate) value: ExprSource,
    pub(crate) key: Option<ExprSource>,
}

/// Computes an expression for every row of a view; later expressions over the rows of its
/// dataset read it like a column.
#[derive(Debug, Clone)]
pub(crate) struct DerivePlan {
    pub(crate) view: ViewId,
    pub(crate) value: Expr,
    /// What names each row in the breakdown, if anything.
    pub(crate) key: Option<Expr>,
}

/// The `derive` mechanism.
// The schema types are read by serde and schemars only.
#[allow(dead_code, reason = "fields for the schema")] // not prose
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "DeriveDef")]
pub(crate) struct DeriveEntry {
    /// The dataset (or filter) whose rows get the value.
    pub(crate) dataset: String,
    /// The expression computed for each row, of the step's unit (a number by default).
    pub(crate) value: String,
    /// An expression naming each row (an identifier column, e.g. "ID"): the step's breakdown
    /// then shows each row's value under it, in `explain` and the JSON report.
    pub(crate) key: Option<String>,
}

impl StepMechanism for Derive {
    type Plan = DerivePlan;
    type Entry = DeriveEntry;
    const DOC: &'static str = "A value computed for every row of a dataset, read like a column by later expressions over\nthose rows."; // not prose

    fn read(obj: &Obj<'_, '_>, key: &'static str, file: FileId) -> Option<Self> {
        let m = obj.table(key)?;
        let dataset = spanned(m.str("dataset"));
        let value = m.req("value", |c, i, w| read_expr(c, i, w, file));
        let key = m.opt("key", |c, i, w| read_expr(c, i, w, file));
        m.finish();
        Some(Derive { dataset: dataset?, value: value?, key })
    }

    fn unit(&self, _rb: &Scope) -> DerivedUnit {
        DerivedUnit::Is(Unit::Number)
    }

    fn exprs_mut(&mut self) -> Vec<&mut ExprSource> {
        std::iter::once(&mut self.value).chain(self.key.iter_mut()).collect()
    }

    fn describe(&self) -> Message {
        msg!("rules-describe-derive", dataset = &self.dataset.text, by = describe_by(self.key.as_ref()), value = squash(&self.value.text))
    }

    fn rows(&self) -> Rows<'_> {
        Rows { per_row: Some((&self.dataset, PerRow::OfUnit)), ..Rows::default() }
    }

    fn labels(&self, _step: &str) -> Vec<(Message, &str)> {
        Vec::new()
    }

    fn bind(&self, b: &mut Binder<'_>, cx: &StepCx<'_>, diags: &mut Vec<Diagnostic>) -> Option<DerivePlan> {
        let view = cx.rows(b, &self.dataset, diags)?;
        let want = own_kind(b);
        let value = cx.check(b, &self.value, want, msg!("rules-part", part = "value"), diags)?;
        let key = cx.optional(b, self.key.as_ref(), None, msg!("rules-part", part = "key"), diags)?;
        Some(DerivePlan { view, value, key })
    }

    fn run(plan: &DerivePlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> StepResult {
        let folded = fold(&Walker::new(rb, st, plan.view, reads(plan)), plan)?;
        st.computed[i] = Some(computed_column(&folded.values));
        Ok((folded.total, folded.breakdown))
    }

    fn run_vector(plan: &DerivePlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> Option<StepResult> {
        let folded = match Columns::new(rb, st, plan.view, &reads(plan)) {
            Ok(columns) => fold(&columns, plan),
            Err(e) => return Some(Err(e.into())),
        };
        Some(folded.map(|folded| {
            st.computed[i] = Some(computed_column(&folded.values));
            (folded.total, folded.breakdown)
        }))
    }
}

fn keyed(key: Value, value: &Value) -> Part {
    Part { key: key.render(), label: None, count: None, value: Some(value.clone()), detail: None, compared: None }
}

/// What the fold reads of every row of the view: the value, then the key.
fn reads(plan: &DerivePlan) -> Reads<'_> {
    Reads { keep: None, values: std::iter::once(&plan.value).chain(plan.key.as_ref()).collect(), ..Reads::default() }
}

/// What the fold gives: the value of every row of the dataset, the step's total and breakdown.
struct Folded {
    values: Vec<Value>,
    total: Value,
    breakdown: Vec<Part>,
}

/// The value of every row, as either path gives it, with the step's total and breakdown.
fn fold<S: RowSource>(rows: &S, plan: &DerivePlan) -> Result<Folded, Failure> {
    let mut values = vec![Value::Null; rows.dataset().n_rows()];
    let mut total = Total::default();
    let mut breakdown = Vec::new();
    rows.each(|at| {
        let v = rows.value(at, 0)?;
        if plan.key.is_some() {
            breakdown.push(keyed(rows.value(at, 1)?, &v));
        }
        total.add(&v)?;
        values[at.row() as usize] = v;
        Ok(())
    })?;
    Ok(Folded { values, total: total.value(), breakdown })
}

struct Total {
    sum: Decimal,
    numbers: bool,
}

impl Default for Total {
    fn default() -> Self {
        Total { sum: Decimal::ZERO, numbers: true }
    }
}

impl Total {
    fn add(&mut self, v: &Value) -> Result<(), Failure> {
        match v {
            Value::Number(n) => self.sum = self.sum.checked_add(*n).ok_or(Failure::SumOverflow)?,
            Value::Null => {}
            _ => self.numbers = false,
        }
        Ok(())
    }

    fn value(&self) -> Value {
        if self.numbers { Value::Number(self.sum) } else { Value::Null }
    }
}
