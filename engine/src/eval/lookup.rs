//! Lookup steps: a table looked up once per row of a view (the value computed per row, the
//! breakdown by table row hit), or once with scalar keys.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::eval::state::{RowEnv, State};
use crate::eval::{Failure, Part, StepResult};
use crate::expr;
use crate::ids::StepId;
use crate::rulebook::{LookupRowsPlan, LookupScalarPlan, Rulebook};
use crate::value::Value;
pub(crate) fn run_rows(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &LookupRowsPlan) -> StepResult {
    let LookupRowsPlan { view, table, column, keys } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let tbl = &rb.tables[*table];
    let rows = st.views[*view].clone().unwrap_or_default();
    let mut values = vec![Value::Null; ds.n_rows()];
    let mut hits: BTreeMap<usize, (u64, Decimal)> = BTreeMap::new();
    let mut total = Decimal::ZERO;
    let mut key_values = Vec::with_capacity(keys.len());
    for r in rows {
        let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
        key_values.clear();
        for k in keys {
            key_values.push(expr::eval(k, &env)?);
        }
        let Some(row) = tbl.find(&key_values) else {
            let shown: Vec<String> = tbl
                .keys
                .iter()
                .zip(&key_values)
                .map(|(k, v)| format!("{} = {}", k.name, if v == &Value::Null { "(empty)".to_string() } else { v.render() }))
                .collect();
            return Err(Failure::NoTableRow {
                row: Some((r as usize + 2, ds.name.clone())),
                table: tbl.name.clone(),
                keys: shown.join(", "),
            });
        };
        let v = tbl.rows[row].values[*column];
        total += v;
        let e = hits.entry(row).or_insert((0, Decimal::ZERO));
        e.0 += 1;
        e.1 += v;
        values[r as usize] = Value::Number(v);
    }
    st.computed[i] = Some(values);
    let breakdown = hits
        .into_iter()
        .map(|(row, (count, sum))| Part {
            key: tbl.describe_row(row),
            label: None,
            count: Some(count),
            value: Some(Value::Number(sum)),
            detail: Some(msg!("eval-lookup-each", value = tbl.rows[row].values[*column])),
            compared: None,
        })
        .collect();
    Ok((Value::Number(total), breakdown))
}

pub(crate) fn run_scalar(rb: &Rulebook, st: &mut State<'_>, _i: StepId, plan: &LookupScalarPlan) -> StepResult {
    let LookupScalarPlan { table, column, keys } = plan;
    let tbl = &rb.tables[*table];
    let env = RowEnv { rb, st, ds: None, row: 0, inner: None };
    let key_values: Vec<Value> = keys.iter().map(|k| expr::eval(k, &env)).collect::<Result<_, _>>()?;
    let Some(row) = tbl.find(&key_values) else {
        let shown: Vec<String> = tbl.keys.iter().zip(&key_values).map(|(k, v)| format!("{} = {}", k.name, v.render())).collect();
        return Err(Failure::NoTableRow { row: None, table: tbl.name.clone(), keys: shown.join(", ") });
    };
    let v = tbl.rows[row].values[*column];
    let part =
        Part { key: tbl.describe_row(row), label: None, count: Some(1), value: Some(Value::Number(v)), detail: None, compared: None };
    Ok((Value::Number(v), vec![part]))
}
