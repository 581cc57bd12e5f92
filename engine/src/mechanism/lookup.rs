//! `lookup`: a table looked up once per row of a view (the value computed per row, the breakdown
//! by table row hit), or once with scalar keys.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::case::dataset::Dataset;
use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::eval::rows::{At, Columns, Reads, RowSource, Walker};
use crate::eval::state::{RowEnv, State, computed_column};
use crate::eval::{Failure, Part, StepResult, at_row};
use crate::expr::{self, Expr};
use crate::ids::{FileId, StepId, TableId, ViewId};
use crate::mechanism::{DerivedUnit, PerRow, Rows, StepCx, StepMechanism, squash};
use crate::message::Message;
use crate::rulebook::resolver::Binder;
use crate::rulebook::{ReadRef, Rulebook, Scope};
use crate::rules::step::{ExprSource, Spanned, read_expr, spanned};
use crate::rules::strict::Obj;
use crate::rules::table::{KeyKind, Table};
use crate::value::{Kind, Value};

/// A lookup as written.
#[derive(Debug, Clone)]
pub struct Lookup {
    pub(crate) dataset: Option<Spanned>,
    pub(crate) table: Spanned,
    pub(crate) column: Option<Spanned>,
    pub(crate) keys: Vec<(String, ExprSource)>,
}

/// A lookup bound: over the rows of a view, or once.
#[derive(Debug, Clone)]
pub(crate) enum LookupPlan {
    Rows(LookupRowsPlan),
    Scalar(LookupScalarPlan),
}

/// Looks a table up once per row of a view; the value column is computed per row.
#[derive(Debug, Clone)]
pub(crate) struct LookupRowsPlan {
    pub(crate) view: ViewId,
    pub(crate) table: TableId,
    /// The value column of the table.
    pub(crate) column: usize,
    pub(crate) keys: Vec<Expr>,
}

/// Looks a table up once, with keys from scalars.
#[derive(Debug, Clone)]
pub(crate) struct LookupScalarPlan {
    pub(crate) table: TableId,
    /// The value column of the table.
    pub(crate) column: usize,
    pub(crate) keys: Vec<Expr>,
}

/// The `lookup` mechanism.
// The schema types are read by serde and schemars only.
#[allow(dead_code, reason = "fields for the schema")] // not prose
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "LookupDef")]
pub(crate) struct LookupEntry {
    /// The dataset to look the table up for, row by row (absent: once).
    pub(crate) dataset: Option<String>,
    /// The decision table.
    pub(crate) table: String,
    /// The value column read (default: the table's only one).
    pub(crate) column: Option<String>,
    /// An expression for each key column of the table.
    pub(crate) keys: BTreeMap<String, String>,
}

impl StepMechanism for Lookup {
    type Plan = LookupPlan;
    type Entry = LookupEntry;
    const DOC: &'static str = "A table looked up once, or for each row of a dataset and summed."; // not prose

    fn read(obj: &Obj<'_, '_>, key: &'static str, file: FileId) -> Option<Self> {
        let ctx = obj.ctx();
        let m = obj.table(key)?;
        let dataset = spanned(m.opt_str("dataset"));
        let table = spanned(m.str("table"));
        let column = spanned(m.opt_str("column"));
        let keys_obj = m.table("keys");
        let mut keys = Vec::new();
        if let Some(k) = &keys_obj {
            for (key, item) in k.entries() {
                if let Some(e) = read_expr(ctx, item, &msg!("rules-what-key", name = key.get_ref().as_ref()), file) {
                    keys.push((key.get_ref().to_string(), e));
                }
            }
        }
        m.finish();
        Some(Lookup { dataset, table: table?, column, keys })
    }

    fn unit(&self, rb: &Scope) -> DerivedUnit {
        DerivedUnit::Of(rb.tables.iter().find(|t| t.name == self.table.text).and_then(|t| match &self.column {
            Some(c) => t.columns.iter().find(|x| x.name == c.text).map(|x| x.unit),
            None => t.columns.first().map(|x| x.unit),
        }))
    }

    fn exprs_mut(&mut self) -> Vec<&mut ExprSource> {
        self.keys.iter_mut().map(|(_, e)| e).collect()
    }

    fn describe(&self) -> Message {
        let keys: Vec<String> = self.keys.iter().map(|(k, e)| format!("{k} = {}", squash(&e.text))).collect();
        let col = self.column.as_ref().map(|c| format!(".{}", c.text)).unwrap_or_default();
        let cell = format!("{}{col}[{}]", self.table.text, keys.join(", "));
        match &self.dataset {
            Some(ds) => msg!("rules-describe-lookup-rows", dataset = &ds.text, cell = cell),
            None => Message::text(cell),
        }
    }

    fn rows(&self) -> Rows<'_> {
        Rows { per_row: self.dataset.as_ref().map(|ds| (ds, PerRow::Number)), ..Rows::default() }
    }

    fn labels(&self, _step: &str) -> Vec<(Message, &str)> {
        Vec::new()
    }

    fn bind(&self, b: &mut Binder<'_>, cx: &StepCx<'_>, diags: &mut Vec<Diagnostic>) -> Option<LookupPlan> {
        let table = &self.table;
        let Some(t) = b.rb.tables.position(|x| x.name == table.text) else {
            let mut diag = cx.undefined(msg!("rules-unknown-table", name = &table.text), table);
            if let Some(c) = did_you_mean(&table.text, b.rb.tables.iter().map(|t| t.name.as_str())) {
                diag = diag.hint(msg!("rules-did-you-mean", name = c));
            }
            diags.push(diag);
            return None;
        };
        b.reads.insert(ReadRef::Table(t));
        let col = value_column(&b.rb.tables[t], cx, self.column.as_ref(), diags)?;
        let view = match &self.dataset {
            Some(ds) => Some(cx.rows(b, ds, diags)?),
            None => None,
        };
        let checked = bind_keys(b, cx, t, &self.keys, diags)?;
        Some(match view {
            Some(view) => LookupPlan::Rows(LookupRowsPlan { view, table: t, column: col, keys: checked }),
            None => LookupPlan::Scalar(LookupScalarPlan { table: t, column: col, keys: checked }),
        })
    }

    fn run(plan: &LookupPlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> StepResult {
        match plan {
            LookupPlan::Rows(plan) => run_rows(rb, st, i, plan),
            LookupPlan::Scalar(plan) => run_scalar(rb, st, plan),
        }
    }

    fn run_vector(plan: &LookupPlan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> Option<StepResult> {
        match plan {
            LookupPlan::Rows(plan) => Some(run_rows_vector(rb, st, i, plan)),
            LookupPlan::Scalar(_) => None,
        }
    }
}

/// The value column a lookup reads: named, or the table's only one.
fn value_column(tbl: &Table, cx: &StepCx<'_>, column: Option<&Spanned>, diags: &mut Vec<Diagnostic>) -> Option<usize> {
    match column {
        Some(c) => {
            let found = tbl.column_index(&c.text);
            if found.is_none() {
                let mut d = cx.undefined(msg!("rules-table-no-column", table = &tbl.name, column = &c.text), c);
                d.related = None;
                if let Some(close) = did_you_mean(&c.text, tbl.columns.iter().map(|x| x.name.as_str())) {
                    d = d.hint(msg!("rules-did-you-mean", name = close));
                }
                diags.push(d);
            }
            found
        }
        None if tbl.columns.len() == 1 => Some(0),
        None => {
            diags.push(
                Diagnostic::error(Code::MissingKey, msg!("rules-table-several-columns", table = &tbl.name)).at(cx.d.location.clone()),
            );
            None
        }
    }
}

/// One checked expression per key of table `t`, in the table's key order.
fn bind_keys(
    b: &mut Binder<'_>,
    cx: &StepCx<'_>,
    t: TableId,
    keys: &[(String, ExprSource)],
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Expr>> {
    let tbl = &b.rb.tables[t];
    let mut checked = Vec::new();
    let mut ok = true;
    for key in &tbl.keys {
        let Some((_, src)) = keys.iter().find(|(k, _)| *k == key.name) else {
            diags.push(
                Diagnostic::error(Code::MissingKey, msg!("rules-step-no-key-value", step = &cx.d.name, key = &key.name, table = &tbl.name))
                    .at(cx.d.location.clone()),
            );
            ok = false;
            continue;
        };
        let want = match key.kind {
            KeyKind::Range { .. } => Kind::Number,
            KeyKind::Enum { .. } => Kind::Text,
            KeyKind::Bool => Kind::Bool,
        };
        match cx.check(b, src, Some(want), msg!("rules-what-key", name = &key.name), diags) {
            Some(e) => checked.push(e),
            None => ok = false,
        }
    }
    for (k, src) in keys {
        if !tbl.keys.iter().any(|x| x.name == *k) {
            diags.push(
                Diagnostic::error(Code::UnknownKey, msg!("rules-table-no-key", table = &tbl.name, key = k))
                    .at(cx.location(src.offset..src.offset + src.text.len())),
            );
            ok = false;
        }
    }
    ok.then_some(checked)
}

fn run_rows(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &LookupRowsPlan) -> StepResult {
    let hits = fold(&Walker::new(rb, st, plan.view, reads(plan)), rb, plan)?;
    Ok(hits.result(st, i, &rb.tables[plan.table], plan.column))
}

/// The same on the vector path: each key over the view's rows at once, then the same fold.
fn run_rows_vector(rb: &Rulebook, st: &mut State<'_>, i: StepId, plan: &LookupRowsPlan) -> StepResult {
    let hits = fold(&Columns::new(rb, st, plan.view, &reads(plan))?, rb, plan)?;
    Ok(hits.result(st, i, &rb.tables[plan.table], plan.column))
}

/// What the fold reads of every row of the view: its keys, in the table's key order.
fn reads(plan: &LookupRowsPlan) -> Reads<'_> {
    Reads { values: plan.keys.iter().collect(), ..Reads::default() }
}

/// The table looked up for every row, as either path gives its keys. Where the driver gives
/// the keys dictionary-coded (the vector path), the table is searched once per distinct tuple of
/// keys; a tuple the table has no row for is searched again on its row, which fails there.
fn fold<S: RowSource>(rows: &S, rb: &Rulebook, plan: &LookupRowsPlan) -> Result<Hits, Failure> {
    let LookupRowsPlan { table, column, keys, .. } = plan;
    let tbl = &rb.tables[*table];
    let ds = rows.dataset();
    let mut hits = Hits::new(ds.n_rows(), tbl.rows.len());
    let tuples = Tuples::of(rows, keys.len());
    let mut found: HashMap<u64, usize> = HashMap::new();
    let mut key_values = Vec::with_capacity(keys.len());
    rows.each(|at| {
        let tuple = tuples.as_ref().map(|t| t.of_row(at));
        if let Some(&row) = tuple.and_then(|t| found.get(&t)) {
            return hits.add(tbl, *column, row, at.row(), ds);
        }
        key_values.clear();
        for k in 0..keys.len() {
            key_values.push(rows.value(at, k)?);
        }
        let row = hits.find(tbl, &key_values, at.row(), ds)?;
        if let Some(t) = tuple {
            found.insert(t, row);
        }
        hits.add(tbl, *column, row, at.row(), ds)
    })?;
    Ok(hits)
}

/// The keys of each kept row as one number, the same for equal keys: the codes of each key
/// combined (none when a driver gives no codes, or their combinations outgrow a number). A
/// table finds its row by the keys' values, not by how they are written.
struct Tuples {
    codes: Vec<(Vec<u32>, u64)>,
}

impl Tuples {
    fn of<S: RowSource>(rows: &S, n_keys: usize) -> Option<Tuples> {
        let mut codes = Vec::with_capacity(n_keys);
        let mut combinations: u64 = 1;
        for k in 0..n_keys {
            let (c, n) = rows.codes(k)?;
            codes.push((c, combinations));
            combinations = combinations.checked_mul(n as u64)?;
        }
        Some(Tuples { codes })
    }

    fn of_row(&self, at: At) -> u64 {
        self.codes.iter().map(|(c, weight)| u64::from(c[at.position()]) * weight).sum()
    }
}

/// What a lookup over rows found: the value of each row, and per table row hit how many rows
/// and how much.
struct Hits {
    values: Vec<Value>,
    /// Per row of the table: how many rows hit it, and the sum of their values.
    by_row: Vec<(u64, Decimal)>,
    total: Decimal,
}

impl Hits {
    fn new(n_rows: usize, table_rows: usize) -> Hits {
        Hits { values: vec![Value::Null; n_rows], by_row: vec![(0, Decimal::ZERO); table_rows], total: Decimal::ZERO }
    }

    /// The table row for the keys of row `r`: a failure when the table has none.
    fn find(&mut self, tbl: &Table, key_values: &[Value], r: u32, ds: &Dataset) -> Result<usize, Failure> {
        tbl.find(key_values).ok_or_else(|| {
            let shown: Vec<String> = tbl
                .keys
                .iter()
                .zip(key_values)
                .map(|(k, v)| format!("{} = {}", k.name, if v == &Value::Null { "(empty)".to_string() } else { v.render() }))
                .collect();
            Failure::NoTableRow { row: Some((r as usize + 2, ds.name.clone())), table: tbl.name.clone(), keys: shown.join(", ") }
        })
    }

    /// Row `r` hits table row `row`.
    fn add(&mut self, tbl: &Table, column: usize, row: usize, r: u32, ds: &Dataset) -> Result<(), Failure> {
        let v = tbl.rows[row].values[column];
        self.total = self.total.checked_add(v).ok_or(Failure::SumOverflow).map_err(at_row(ds, r))?;
        let e = &mut self.by_row[row];
        e.0 += 1;
        e.1 = e.1.checked_add(v).ok_or(Failure::SumOverflow).map_err(at_row(ds, r))?;
        self.values[r as usize] = Value::Number(v);
        Ok(())
    }

    fn result(self, st: &mut State<'_>, i: StepId, tbl: &Table, column: usize) -> (Value, Vec<Part>) {
        st.computed[i] = Some(computed_column(&self.values));
        let breakdown = self
            .by_row
            .into_iter()
            .enumerate()
            .filter(|(_, (count, _))| *count > 0)
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

fn run_scalar(rb: &Rulebook, st: &mut State<'_>, plan: &LookupScalarPlan) -> StepResult {
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
