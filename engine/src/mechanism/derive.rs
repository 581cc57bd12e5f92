//! `derive`: an expression computed for every row of a view, kept for later expressions over
//! the rows of its dataset to read like a column. The step's own value is the sum of the row
//! values when they are numbers; values of other kinds have no total, and the step none. With a
//! key, the breakdown shows each row's value under its key, in row order.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::eval::kernel::Kernel;
use crate::eval::state::{RowEnv, State};
use crate::eval::{Failure, Part, StepResult, at_row};
use crate::expr::{self, Expr};
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
        let DerivePlan { view, value, key } = plan;
        let ds = st.datasets[rb.views[*view].dataset];
        let rows = st.views[*view].as_deref().unwrap_or(&[]);
        let mut values = vec![Value::Null; ds.n_rows()];
        let mut total = Total::default();
        let mut breakdown = Vec::new();
        for &r in rows {
            let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
            let v = expr::eval(value, &env).map_err(at_row(ds, r))?;
            if let Some(k) = key {
                breakdown.push(keyed(expr::eval(k, &env).map_err(at_row(ds, r))?, &v));
            }
            total.add(&v).map_err(at_row(ds, r))?;
            values[r as usize] = v;
        }
        st.computed[i] = Some(values);
        Ok((total.value(), breakdown))
    }

    fn run_vector(plan: &DerivePlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> Option<StepResult> {
        Some(run_vector(rb, st, i, plan))
    }
}

/// A row's value under its key, in the breakdown.
fn keyed(key: Value, value: &Value) -> Part {
    Part { key: key.render(), label: None, count: None, value: Some(value.clone()), detail: None, compared: None }
}

/// The same on the vector path: the expression over the view's rows at once.
fn run_vector(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &DerivePlan) -> StepResult {
    let DerivePlan { view, value, key } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].as_deref().unwrap_or(&[]);
    let vector = Kernel::new(rb, st, ds).eval(value, rows)?;
    let keys = match key {
        Some(k) => Some(Kernel::new(rb, st, ds).eval(k, rows)?),
        None => None,
    };
    let mut values = vec![Value::Null; ds.n_rows()];
    let mut total = Total::default();
    let mut breakdown = Vec::new();
    for (k, &r) in rows.iter().enumerate() {
        let v = vector.value(k);
        if let Some(keys) = &keys {
            breakdown.push(keyed(keys.value(k), &v));
        }
        total.add(&v)?;
        values[r as usize] = v;
    }
    st.computed[i] = Some(values);
    Ok((total.value(), breakdown))
}

/// The sum of the row values while they are numbers.
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
