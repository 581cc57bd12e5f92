//! Aggregate steps: the count or sum of a view's rows that meet a condition, with a breakdown by
//! group when the step groups.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::eval::state::{RowEnv, State};
use crate::eval::{Failure, Part, StepResult, number};
use crate::expr;
use crate::ids::StepId;
use crate::rulebook::{AggregatePlan, Rulebook};
use crate::value::Value;
pub(crate) fn run(rb: &Rulebook, st: &mut State<'_>, _i: StepId, plan: &AggregatePlan) -> StepResult {
    let AggregatePlan { view, sum, cond, group, round_rows } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let rows = st.views[*view].as_deref().unwrap_or(&[]);
    let mut total = Decimal::ZERO;
    let mut groups: BTreeMap<Value, (u64, Decimal)> = BTreeMap::new();
    for &r in rows {
        let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
        if let Some(c) = cond
            && !expr::eval_bool(c, &env)?
        {
            continue;
        }
        let v = match sum {
            Some(s) => number(expr::eval(s, &env)?, "the sum")?,
            None => Decimal::ONE,
        };
        let v = round_rows.map_or(v, |r| r.apply(v));
        total = total.checked_add(v).ok_or(Failure::SumOverflow)?;
        if let Some(g) = group {
            let key = expr::eval(g, &env)?;
            let e = groups.entry(key).or_insert((0, Decimal::ZERO));
            e.0 += 1;
            e.1 += v;
        }
    }
    let breakdown = groups
        .into_iter()
        .map(|(k, (count, v))| Part { key: k.render(), label: None, count: Some(count), value: Some(Value::Number(v)), detail: None })
        .collect();
    Ok((Value::Number(total), breakdown))
}
