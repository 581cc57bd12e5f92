//! Aggregate steps: the count, sum, smallest or largest value of a view's rows that meet a
//! condition; when the step groups, the value of each group too, kept for the rows of any
//! dataset to read by key (`step(KEY)`) and shown as the breakdown.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::eval::kernel::Kernel;
use crate::eval::state::{RowEnv, State};
use crate::eval::{Failure, Part, StepResult, at_row, number};
use crate::expr;
use crate::ids::StepId;
use crate::rulebook::{AggregateOp, AggregatePlan, Rulebook};
use crate::value::Value;

/// What a group (or the whole) holds as rows are folded into it.
#[derive(Clone)]
struct Acc {
    rows: u64,
    value: Value,
}

impl Acc {
    fn new(op: &AggregateOp) -> Acc {
        Acc { rows: 0, value: op.empty() }
    }

    /// Folds one row's value (`Value::Null` for a count) into the accumulator.
    fn add(&mut self, op: &AggregateOp, v: &Value) -> Result<(), Failure> {
        self.rows += 1;
        self.value = match (op, &self.value) {
            (AggregateOp::Count, Value::Number(n)) => Value::Number(n.checked_add(Decimal::ONE).ok_or(Failure::SumOverflow)?),
            (AggregateOp::Sum(_), Value::Number(n)) => {
                Value::Number(n.checked_add(number(v.clone(), msg!("eval-the-sum"))?).ok_or(Failure::SumOverflow)?)
            }
            (AggregateOp::Min(_) | AggregateOp::Max(_), _) if *v == Value::Null => return Ok(()),
            (AggregateOp::Min(_), current) if *current == Value::Null || v < current => v.clone(),
            (AggregateOp::Max(_), current) if *current == Value::Null || v > current => v.clone(),
            _ => return Ok(()),
        };
        Ok(())
    }
}

pub(crate) fn run(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &AggregatePlan) -> StepResult {
    let AggregatePlan { view, op, cond, group, round_rows } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].as_deref().unwrap_or(&[]);
    let mut total = Acc::new(op);
    let mut groups: BTreeMap<Value, Acc> = BTreeMap::new();
    for &r in rows {
        let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
        let mut fold = || -> Result<(), Failure> {
            if let Some(c) = cond
                && !expr::eval_bool(c, &env)?
            {
                return Ok(());
            }
            let v = match op {
                AggregateOp::Count => Value::Null,
                AggregateOp::Sum(e) | AggregateOp::Min(e) | AggregateOp::Max(e) => expr::eval(e, &env)?,
            };
            let v = match (round_rows, v) {
                (Some(rounding), Value::Number(n)) => Value::Number(expr::round(*rounding, n)?),
                (_, v) => v,
            };
            total.add(op, &v)?;
            if let Some(g) = group {
                let key = expr::eval(g, &env)?;
                groups.entry(key).or_insert_with(|| Acc::new(op)).add(op, &v)?;
            }
            Ok(())
        };
        fold().map_err(at_row(ds, r))?;
    }
    Ok(result(st, i, plan, total, groups))
}

/// The same on the vector path: the condition, the values and the keys over the rows at once,
/// then folded in row order.
pub(crate) fn run_vector(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &AggregatePlan) -> StepResult {
    let AggregatePlan { view, op, cond, group, round_rows } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].as_deref().unwrap_or(&[]);
    let kernel = Kernel::new(rb, st, ds);
    let selected;
    let rows = match cond {
        Some(c) => {
            selected = kernel.select(c, rows)?;
            &selected[..]
        }
        None => rows,
    };
    let values = match op {
        AggregateOp::Count => None,
        AggregateOp::Sum(e) | AggregateOp::Min(e) | AggregateOp::Max(e) => Some(kernel.eval(e, rows)?),
    };
    let keys = group.as_ref().map(|g| kernel.eval(g, rows)).transpose()?;
    let mut total = Acc::new(op);
    let mut groups: BTreeMap<Value, Acc> = BTreeMap::new();
    for k in 0..rows.len() {
        let v = values.as_ref().map_or(Value::Null, |v| v.value(k));
        let v = match (round_rows, v) {
            (Some(rounding), Value::Number(n)) => Value::Number(expr::round(*rounding, n)?),
            (_, v) => v,
        };
        total.add(op, &v)?;
        if let Some(keys) = &keys {
            groups.entry(keys.value(k)).or_insert_with(|| Acc::new(op)).add(op, &v)?;
        }
    }
    Ok(result(st, i, plan, total, groups))
}

/// The step's value, and per group its breakdown and its value kept for reads by key.
fn result(st: &mut State<'_>, i: StepId, plan: &AggregatePlan, total: Acc, groups: BTreeMap<Value, Acc>) -> (Value, Vec<Part>) {
    if plan.group.is_none() {
        return (total.value, Vec::new());
    }
    let breakdown = groups
        .iter()
        .map(|(k, acc)| Part {
            key: k.render(),
            label: None,
            count: Some(acc.rows),
            value: Some(acc.value.clone()),
            detail: None,
            compared: None,
        })
        .collect();
    st.groups[i] = Some(groups.into_iter().map(|(k, acc)| (k, acc.value)).collect());
    (total.value, breakdown)
}
