//! Lookup steps: a table looked up once per row of a view (the value computed per row, the
//! breakdown by table row hit), or once with scalar keys.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::case::dataset::Dataset;
use crate::eval::kernel::Kernel;
use crate::eval::state::{RowEnv, State};
use crate::eval::{Failure, Part, StepResult, at_row};
use crate::expr;
use crate::ids::StepId;
use crate::rulebook::{LookupRowsPlan, LookupScalarPlan, Rulebook};
use crate::rules::table::Table;
use crate::value::Value;

pub(crate) fn run_rows(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &LookupRowsPlan) -> StepResult {
    let LookupRowsPlan { view, table, column, keys } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let tbl = &rb.tables[*table];
    let rows = st.views[*view].clone().unwrap_or_default();
    let mut hits = Hits::new(ds.n_rows());
    let mut key_values = Vec::with_capacity(keys.len());
    for r in rows {
        let env = RowEnv { rb, st, ds: Some(ds), row: r as usize, inner: None };
        key_values.clear();
        for k in keys {
            key_values.push(expr::eval(k, &env).map_err(at_row(ds, r))?);
        }
        hits.find(tbl, *column, &key_values, r, ds)?;
    }
    Ok(hits.result(st, i, tbl, *column))
}

/// The same on the vector path: each key over the view's rows at once, then the table looked up
/// row by row.
pub(crate) fn run_rows_vector(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &LookupRowsPlan) -> StepResult {
    let LookupRowsPlan { view, table, column, keys } = plan;
    let ds = st.datasets[rb.views[*view].dataset];
    let tbl = &rb.tables[*table];
    let rows = st.views[*view].as_deref().unwrap_or(&[]);
    let kernel = Kernel::new(rb, st, ds);
    let key_vectors = keys.iter().map(|k| kernel.eval(k, rows)).collect::<Result<Vec<_>, _>>()?;
    let mut hits = Hits::new(ds.n_rows());
    let mut key_values = Vec::with_capacity(keys.len());
    for (k, &r) in rows.iter().enumerate() {
        key_values.clear();
        key_values.extend(key_vectors.iter().map(|v| v.value(k)));
        hits.find(tbl, *column, &key_values, r, ds)?;
    }
    Ok(hits.result(st, i, tbl, *column))
}

/// What a lookup over rows found: the value of each row, and per table row hit how many rows
/// and how much.
struct Hits {
    values: Vec<Value>,
    by_row: BTreeMap<usize, (u64, Decimal)>,
    total: Decimal,
}

impl Hits {
    fn new(n_rows: usize) -> Hits {
        Hits { values: vec![Value::Null; n_rows], by_row: BTreeMap::new(), total: Decimal::ZERO }
    }

    /// Looks up the keys of row `r`: a failure when the table has no row for them.
    fn find(&mut self, tbl: &Table, column: usize, key_values: &[Value], r: u32, ds: &Dataset) -> Result<(), Failure> {
        let Some(row) = tbl.find(key_values) else {
            let shown: Vec<String> = tbl
                .keys
                .iter()
                .zip(key_values)
                .map(|(k, v)| format!("{} = {}", k.name, if v == &Value::Null { "(empty)".to_string() } else { v.render() }))
                .collect();
            return Err(Failure::NoTableRow {
                row: Some((r as usize + 2, ds.name.clone())),
                table: tbl.name.clone(),
                keys: shown.join(", "),
            });
        };
        let v = tbl.rows[row].values[column];
        self.total = self.total.checked_add(v).ok_or(Failure::SumOverflow).map_err(at_row(ds, r))?;
        let e = self.by_row.entry(row).or_insert((0, Decimal::ZERO));
        e.0 += 1;
        e.1 = e.1.checked_add(v).ok_or(Failure::SumOverflow).map_err(at_row(ds, r))?;
        self.values[r as usize] = Value::Number(v);
        Ok(())
    }

    fn result(self, st: &mut State<'_>, i: StepId, tbl: &Table, column: usize) -> (Value, Vec<Part>) {
        st.computed[i] = Some(self.values);
        let breakdown = self
            .by_row
            .into_iter()
            .map(|(row, (count, sum))| Part {
                key: tbl.describe_row(row),
                label: None,
                count: Some(count),
                value: Some(Value::Number(sum)),
                detail: Some(msg!("eval-lookup-each", value = tbl.rows[row].values[column])),
                compared: None,
            })
            .collect();
        (Value::Number(self.total), breakdown)
    }
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
