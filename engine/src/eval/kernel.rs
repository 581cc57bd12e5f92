//! Vectorised evaluation: a checked expression run over a selection vector (the rows of a view
//! it applies to), one operation per node for all the rows at once, into typed vectors: bits of
//! truth, exact decimals, day numbers, dictionary codes of text.
//!
//! The checked expression is the kernel's program: each node runs once per step over every
//! selected row, reading the dataset's typed columns directly, so no per-row value goes through
//! the tree-walker's `Result`s. What has no vector form here (`exists`, a group read by key, an
//! attribute of a classified row's list item) runs the tree-walker row by row inside its node.
//!
//! Invariant: the tree-walker (`expr::eval`) is the reference, and this path must give exactly
//! what it gives. To that end every node evaluates at least the rows the tree-walker would (the
//! right of `&&` and `||` and the branches of `if` only where they are needed, the arguments of
//! other functions eagerly, as the tree-walker does), so an error the tree-walker meets is met
//! here too; a step whose vector run fails is run again by the tree-walker, which gives the
//! reference's diagnostic.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use foldhash::{HashMap, HashMapExt};
use rust_decimal::Decimal;

use crate::case::dataset::Dataset;
use crate::data::column::{Column, date_of};
use crate::eval::state::{RowEnv, State, equi_key};
use crate::expr::{self, BinOp, Env, EvalError, Expr, Func, ItemField, Slot, arithmetic, compare, truthy, whole_years};
use crate::ids::{ExistsId, SetId, StepId};
use crate::mechanism::Plan;
use crate::mechanism::classify::ClassifyPlan;
use crate::rulebook::Rulebook;
use crate::value::{Kind, SmolStr, Value};

/// A three-valued truth (a boolean column may hold no value).
const FALSE: u8 = 0;
const TRUE: u8 = 1;
const NULL: u8 = 2;
/// The day number of no date (chrono's dates stop far before it).
const NULL_DATE: i32 = i32::MIN;
/// The whole numbers below this are their own codes (`Vector::codes`).
const SMALL: i128 = 1 << 10;
/// The dictionary code of no text.
const NULL_CODE: u32 = u32::MAX;

/// The values of an expression for the rows of a selection, in its order.
pub(crate) enum Vector<'a> {
    /// One value for every row (a constant, a scalar).
    Scalar(Value),
    Bool(Vec<u8>),
    Num(Vec<Option<Decimal>>),
    Date(Vec<i32>),
    /// Codes into distinct texts: a column's, or those computed once per distinct key.
    Text(Cow<'a, [SmolStr]>, Vec<u32>),
    /// Values of any kind, one per row.
    Values(Vec<Value>),
}

/// What a vector's values can be compared and combined as: `Any` is the null scalar, which
/// goes with every kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Any,
    Bool,
    Num,
    Date,
    Text,
    Mixed,
}

impl Vector<'_> {
    /// The value at position `i`, as the tree-walker would have it.
    pub(crate) fn value(&self, i: usize) -> Value {
        match self {
            Vector::Scalar(v) => v.clone(),
            Vector::Bool(b) => match b[i] {
                FALSE => Value::Bool(false),
                TRUE => Value::Bool(true),
                _ => Value::Null,
            },
            Vector::Num(n) => n[i].map_or(Value::Null, Value::Number),
            Vector::Date(d) => {
                if d[i] == NULL_DATE {
                    Value::Null
                } else {
                    date_of(d[i])
                }
            }
            Vector::Text(dict, codes) => match codes[i] {
                NULL_CODE => Value::Null,
                c => Value::Text(dict[c as usize].clone()),
            },
            Vector::Values(v) => v[i].clone(),
        }
    }

    /// Whether the value at `i` holds as a condition (null and non-booleans do not).
    #[inline]
    pub(crate) fn truth(&self, i: usize) -> bool {
        match self {
            Vector::Scalar(v) => truthy(v),
            Vector::Bool(b) => b[i] == TRUE,
            Vector::Values(v) => truthy(&v[i]),
            _ => false,
        }
    }

    #[inline]
    fn num(&self, i: usize) -> Option<Decimal> {
        match self {
            Vector::Scalar(v) => v.as_number(),
            Vector::Num(n) => n[i],
            Vector::Values(v) => v[i].as_number(),
            _ => None,
        }
    }

    #[inline]
    fn date(&self, i: usize) -> Option<i32> {
        match self {
            Vector::Scalar(Value::Date(d)) => Some(d.num_days_from_ce()),
            Vector::Date(d) => (d[i] != NULL_DATE).then_some(d[i]),
            Vector::Values(v) => match &v[i] {
                Value::Date(d) => Some(d.num_days_from_ce()),
                _ => None,
            },
            _ => None,
        }
    }

    #[inline]
    fn tri(&self, i: usize) -> u8 {
        match self.value_bool(i) {
            Some(true) => TRUE,
            Some(false) => FALSE,
            None => NULL,
        }
    }

    #[inline]
    fn value_bool(&self, i: usize) -> Option<bool> {
        match self {
            Vector::Scalar(Value::Bool(b)) => Some(*b),
            Vector::Bool(b) => (b[i] != NULL).then_some(b[i] == TRUE),
            Vector::Values(v) => match v[i] {
                Value::Bool(b) => Some(b),
                _ => None,
            },
            _ => None,
        }
    }

    /// The text at `i` of a vector of texts (none for null), without a copy.
    #[inline]
    fn text(&self, i: usize) -> Option<&str> {
        match self {
            Vector::Scalar(Value::Text(t)) => Some(t),
            Vector::Text(dict, codes) => dict.get(codes[i] as usize).map(SmolStr::as_str),
            Vector::Values(v) => match &v[i] {
                Value::Text(t) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }

    fn is_null(&self, i: usize) -> bool {
        match self {
            Vector::Scalar(v) => *v == Value::Null,
            Vector::Bool(b) => b[i] == NULL,
            Vector::Num(n) => n[i].is_none(),
            Vector::Date(d) => d[i] == NULL_DATE,
            Vector::Text(_, codes) => codes[i] == NULL_CODE,
            Vector::Values(v) => v[i] == Value::Null,
        }
    }

    /// The vector dictionary-coded: per position a number, the same for equal values and only
    /// for them (decimals of different scales are equal values), and how many numbers there are.
    /// None for values of several kinds.
    pub(crate) fn codes(&self, n: usize) -> Option<(Vec<u32>, usize)> {
        fn numbered<K: std::hash::Hash + Eq>(keys: impl Iterator<Item = K>) -> (Vec<u32>, usize) {
            let mut seen: HashMap<K, u32> = HashMap::new();
            let codes = keys
                .map(|k| {
                    let next = seen.len() as u32;
                    *seen.entry(k).or_insert(next)
                })
                .collect();
            (codes, seen.len())
        }
        Some(match self {
            Vector::Scalar(_) => (vec![0; n], 1),
            Vector::Bool(b) => (b.iter().map(|&t| u32::from(t)).collect(), 3),
            Vector::Text(dict, codes) => {
                let null = dict.len() as u32;
                (codes.iter().map(|&c| if c == NULL_CODE { null } else { c }).collect(), dict.len() + 1)
            }
            // Small whole numbers (ages, counts) are their own codes; other decimals are numbered,
            // equal ones as one whatever their scale or the sign of a zero.
            Vector::Num(v) if v.iter().flatten().all(|d| d.scale() == 0 && (0..SMALL).contains(&d.mantissa())) => {
                (v.iter().map(|d| d.map_or(SMALL as u32, |d| d.mantissa() as u32)).collect(), SMALL as usize + 1)
            }
            Vector::Num(v) => numbered(v.iter().map(|d| d.map(|d| if d.is_zero() { Decimal::ZERO } else { d.normalize() }.serialize()))),
            Vector::Date(d) => numbered(d.iter().copied()),
            Vector::Values(_) => return None,
        })
    }

    fn class(&self) -> Class {
        match self {
            Vector::Scalar(Value::Null) => Class::Any,
            Vector::Scalar(Value::Bool(_)) | Vector::Bool(_) => Class::Bool,
            Vector::Scalar(Value::Number(_)) | Vector::Num(_) => Class::Num,
            Vector::Scalar(Value::Date(_)) | Vector::Date(_) => Class::Date,
            Vector::Scalar(Value::Text(_)) | Vector::Text(..) => Class::Text,
            Vector::Values(_) => Class::Mixed,
        }
    }
}

/// The class two vectors share, if any (the null scalar joins any class).
fn join(a: Class, b: Class) -> Option<Class> {
    match (a, b) {
        (Class::Mixed, _) | (_, Class::Mixed) => None,
        (Class::Any, c) | (c, Class::Any) => Some(c),
        (x, y) if x == y => Some(x),
        _ => None,
    }
}

/// Where each position of a combined vector takes its value from: which part, which position.
type Picks = Vec<(u8, u32)>;

/// Runs expressions over rows of one dataset.
#[derive(Clone, Copy)]
pub(crate) struct Kernel<'s, 'a> {
    rb: &'s Rulebook,
    st: &'s State<'a>,
    ds: &'a Dataset,
    /// Inside the condition of an `exists`: each position is a pair of a row of `ds` and a row
    /// of the dataset `exists` looks at.
    pairs: Option<&'s Pairs<'a>>,
}

/// The pairs of rows an `exists` condition runs on: an outer row and one of its candidates.
pub(crate) struct Pairs<'a> {
    inner_ds: &'a Dataset,
    outer: Vec<u32>,
    inner: Vec<u32>,
}

impl<'s, 'a> Kernel<'s, 'a> {
    pub(crate) fn new(rb: &'s Rulebook, st: &'s State<'a>, ds: &'a Dataset) -> Self {
        Kernel { rb, st, ds, pairs: None }
    }

    /// The rows of `ds` the positions of `sel` stand for.
    fn rows(&self, sel: &[u32]) -> Vec<u32> {
        match self.pairs {
            Some(p) => sel.iter().map(|&i| p.outer[i as usize]).collect(),
            None => sel.to_vec(),
        }
    }

    /// The rows of `sel` for which `cond` holds, in order.
    pub(crate) fn select(&self, cond: &Expr, sel: &[u32]) -> Result<Vec<u32>, EvalError> {
        let v = self.eval(cond, sel)?;
        Ok(sel.iter().enumerate().filter(|&(i, _)| v.truth(i)).map(|(_, &r)| r).collect())
    }

    /// The values of `e` for the rows of `sel`.
    pub(crate) fn eval(&self, e: &Expr, sel: &[u32]) -> Result<Vector<'s>, EvalError> {
        let n = sel.len();
        Ok(match e {
            Expr::Const(v) => Vector::Scalar(v.clone()),
            Expr::Ref(Slot::Scalar(i)) => Vector::Scalar(self.st.scalars[*i].clone()),
            Expr::Ref(Slot::Column(c)) => match self.pairs {
                Some(_) => gather(self.ds, c.index(), &self.rows(sel)),
                None => gather(self.ds, c.index(), sel),
            },
            Expr::Ref(Slot::Inner(c)) => match self.pairs {
                Some(p) => gather(p.inner_ds, c.index(), &sel.iter().map(|&i| p.inner[i as usize]).collect::<Vec<_>>()),
                None => Vector::Scalar(Value::Null),
            },
            Expr::Ref(Slot::Computed(s)) => match &self.st.computed[*s] {
                Some(column) => gather_column(column, &self.rows(sel)),
                None => Vector::Scalar(Value::Null),
            },
            Expr::Ref(Slot::Item(step, field)) => {
                let env = RowEnv { rb: self.rb, st: self.st, ds: Some(self.ds), row: 0, inner: None };
                let rows = self.rows(sel);
                match field {
                    ItemField::Listed => {
                        let items = self.st.items[*step].as_ref();
                        Vector::Bool(rows.iter().map(|&r| u8::from(items.is_some_and(|it| it[r as usize].is_some()))).collect())
                    }
                    ItemField::Attribute(attr) => self.attribute(*step, attr.index(), &rows).unwrap_or_else(|| {
                        Vector::Values(rows.iter().map(|&r| RowEnv { row: r as usize, ..env }.item(*step, *field)).collect())
                    }),
                }
            }
            Expr::Exists(id, cond) if self.pairs.is_none() => self.exists(e, *id, cond, sel)?,
            Expr::Not(a) => {
                let v = self.eval(a, sel)?;
                Vector::Bool((0..n).map(|i| if v.truth(i) { FALSE } else { TRUE }).collect())
            }
            Expr::Neg(a) => {
                let v = self.eval(a, sel)?;
                Vector::Num((0..n).map(|i| v.num(i).map(|x| -x)).collect())
            }
            Expr::Bin(op, a, b) => self.binary(*op, a, b, sel)?,
            Expr::Call(Func::If, args) if args.len() == 3 => self.choose(args, sel)?,
            Expr::Call(func, args) => self.call(*func, args, sel)?,
            Expr::In(value, set) => self.member(value, *set, sel)?,
            Expr::Keyed(step, key) => self.keyed(*step, key, sel)?,
            // No vector form: the tree-walker, row by row.
            Expr::Exists(..) => self.per_row(e, sel)?,
        })
    }

    /// `exists(view, condition)` as a hash semi-join: when the condition equates a column of
    /// the view to a value of the row, each row's candidates are the view's rows holding that
    /// value (an index built once per view and column), and the condition runs once over all
    /// the pairs of a row and a candidate. Otherwise, or when that fails, the tree-walker.
    fn exists(&self, e: &Expr, id: ExistsId, cond: &Expr, sel: &[u32]) -> Result<Vector<'s>, EvalError> {
        let n = sel.len();
        let v = self.rb.exists_views[id];
        let inner_ds = self.st.datasets[self.rb.views[v].dataset];
        if self.st.views[v].is_none() {
            return Ok(Vector::Bool(vec![FALSE; n]));
        }
        let Some((column, outer)) = equi_key(cond) else { return self.per_row(e, sel) };
        let (Ok(keys), Some(index)) = (self.eval(outer, sel), self.st.index(v, column, inner_ds)) else { return self.per_row(e, sel) };
        let mut pairs = Pairs { inner_ds, outer: Vec::new(), inner: Vec::new() };
        let mut owner = Vec::new();
        for (i, &r) in sel.iter().enumerate() {
            for &candidate in index.get(&keys.value(i)).map_or(&[][..], Vec::as_slice) {
                pairs.outer.push(r);
                pairs.inner.push(candidate);
                owner.push(i);
            }
        }
        let positions: Vec<u32> = (0..pairs.outer.len() as u32).collect();
        let kernel = Kernel { pairs: Some(&pairs), ..*self };
        // The tree-walker takes a condition that fails on a pair as false: so does the row by row
        // evaluation this falls back to.
        let Ok(holds) = kernel.eval(cond, &positions) else { return self.per_row(e, sel) };
        let mut out = vec![FALSE; n];
        for (p, &i) in owner.iter().enumerate() {
            if holds.truth(p) {
                out[i] = TRUE;
            }
        }
        Ok(Vector::Bool(out))
    }
}

/// A column of `ds`, gathered for `rows`.
fn gather<'a>(ds: &'a Dataset, c: usize, rows: &[u32]) -> Vector<'a> {
    let Some(column) = ds.data.get(c) else { return Vector::Scalar(Value::Null) };
    gather_column(column, rows)
}

/// The values of `column` for `rows`, in their typed form.
fn gather_column<'c>(column: &'c Column, rows: &[u32]) -> Vector<'c> {
    let rows = rows.iter().map(|&r| r as usize);
    match column {
        Column::Null => Vector::Scalar(Value::Null),
        Column::NotKept => Column::not_kept(),
        Column::Bool { bits, valid } => Vector::Bool(rows.map(|r| if valid.get(r) { u8::from(bits.get(r)) } else { NULL }).collect()),
        Column::Scaled { scale, mantissas, valid } => {
            Vector::Num(rows.map(|r| valid.get(r).then(|| Decimal::new(mantissas[r], *scale))).collect())
        }
        Column::Decimal { values, valid } => Vector::Num(rows.map(|r| valid.get(r).then_some(values[r])).collect()),
        Column::Date { days, valid } => Vector::Date(rows.map(|r| if valid.get(r) { days[r] } else { NULL_DATE }).collect()),
        Column::Text { dict, codes, valid } => {
            Vector::Text(Cow::Borrowed(dict), rows.map(|r| if valid.get(r) { codes[r] } else { NULL_CODE }).collect())
        }
        Column::Mixed(values) => Vector::Values(rows.map(|r| values[r].clone()).collect()),
    }
}

impl<'s, 'a> Kernel<'s, 'a> {
    fn binary(&self, op: BinOp, a: &Expr, b: &Expr, sel: &[u32]) -> Result<Vector<'s>, EvalError> {
        let n = sel.len();
        if let BinOp::And | BinOp::Or = op {
            // The rows the left side decides keep its answer; the right side runs on the others.
            let decided = op == BinOp::Or;
            let va = self.eval(a, sel)?;
            let mut out = vec![FALSE; n];
            let (mut pos, mut rest) = (Vec::new(), Vec::new());
            for (i, &r) in sel.iter().enumerate() {
                if va.truth(i) == decided {
                    out[i] = u8::from(decided);
                } else {
                    pos.push(i);
                    rest.push(r);
                }
            }
            if !rest.is_empty() {
                let vb = self.eval(b, &rest)?;
                for (k, &i) in pos.iter().enumerate() {
                    out[i] = u8::from(vb.truth(k));
                }
            }
            return Ok(Vector::Bool(out));
        }
        let va = self.eval(a, sel)?;
        let vb = self.eval(b, sel)?;
        if let BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div = op {
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                out.push(match (va.num(i), vb.num(i)) {
                    (Some(x), Some(y)) => Some(arithmetic(op, x, y)?),
                    _ => None,
                });
            }
            return Ok(Vector::Num(out));
        }
        if let (Vector::Scalar(x), Vector::Scalar(y)) = (&va, &vb) {
            // Two scalars: compared once for every row.
            return Ok(Vector::Scalar(Value::Bool(truthy(&compare(op, x, y)))));
        }
        Ok(Vector::Bool(compare_vectors(op, &va, &vb, n)))
    }

    /// `if(condition, then, else)`: each branch on the rows that take it.
    fn choose(&self, args: &[Expr], sel: &[u32]) -> Result<Vector<'s>, EvalError> {
        let cond = self.eval(&args[0], sel)?;
        let (mut then_rows, mut else_rows) = (Vec::new(), Vec::new());
        let mut picks: Picks = Vec::with_capacity(sel.len());
        for (i, &r) in sel.iter().enumerate() {
            if cond.truth(i) {
                picks.push((0, then_rows.len() as u32));
                then_rows.push(r);
            } else {
                picks.push((1, else_rows.len() as u32));
                else_rows.push(r);
            }
        }
        let branch = |e: &Expr, rows: &[u32]| if rows.is_empty() { Ok(None) } else { self.eval(e, rows).map(Some) };
        let parts = [branch(&args[1], &then_rows)?, branch(&args[2], &else_rows)?];
        Ok(combine(&parts, &picks))
    }

    fn call(&self, func: Func, args: &[Expr], sel: &[u32]) -> Result<Vector<'s>, EvalError> {
        let n = sel.len();
        // As the tree-walker: a call of more than three arguments is null, unevaluated.
        if args.len() > 3 {
            return Ok(Vector::Scalar(Value::Null));
        }
        let vs = args.iter().map(|a| self.eval(a, sel)).collect::<Result<Vec<_>, _>>()?;
        Ok(match (func, vs.as_slice()) {
            (Func::IsNull, [v]) => Vector::Bool((0..n).map(|i| u8::from(v.is_null(i))).collect()),
            (Func::Coalesce, [a, b]) => {
                let picks: Picks = (0..n).map(|i| (u8::from(a.is_null(i)), i as u32)).collect();
                let parts: [Option<&Vector<'s>>; 2] = [Some(a), Some(b)];
                combine_refs(&parts, &picks)
            }
            (Func::Year | Func::Month, [v]) if join(v.class(), Class::Date).is_some() => Vector::Num(
                (0..n)
                    .map(|i| {
                        let d = v.date(i).and_then(day)?;
                        Some(Decimal::from(if func == Func::Year { d.year() } else { d.month() as i32 }))
                    })
                    .collect(),
            ),
            (Func::DaysBetween, [a, b]) if join(a.class(), Class::Date).is_some() && join(b.class(), Class::Date).is_some() => Vector::Num(
                (0..n)
                    .map(|i| match (a.date(i).and_then(day), b.date(i).and_then(day)) {
                        (Some(x), Some(y)) => Some(Decimal::from((y - x).num_days())),
                        _ => None,
                    })
                    .collect(),
            ),
            (Func::YearsBetween, [a, b]) if join(a.class(), Class::Date).is_some() && join(b.class(), Class::Date).is_some() => {
                Vector::Num(
                    (0..n)
                        .map(|i| match (a.date(i).and_then(day), b.date(i).and_then(day)) {
                            (Some(x), Some(y)) => Some(Decimal::from(whole_years(x, y))),
                            _ => None,
                        })
                        .collect(),
                )
            }
            _ => {
                let mut out = Vec::with_capacity(n);
                let mut buffer = [Value::Null, Value::Null, Value::Null];
                for i in 0..n {
                    for (slot, v) in buffer.iter_mut().zip(&vs) {
                        *slot = v.value(i);
                    }
                    let [a, b, c] = &buffer;
                    out.push(expr::apply(func, &[a, b, c][..vs.len()])?);
                }
                Vector::Values(out)
            }
        })
    }

    /// `x in view.column`: a hash semi-join on the set built when the view was known; a text
    /// column asks the set once per distinct text.
    fn member(&self, value: &Expr, set: SetId, sel: &[u32]) -> Result<Vector<'s>, EvalError> {
        let v = self.eval(value, sel)?;
        let n = sel.len();
        let Some(set) = self.st.sets[set].as_ref() else { return Ok(Vector::Bool(vec![FALSE; n])) };
        Ok(Vector::Bool(match &v {
            Vector::Text(dict, codes) => {
                let mut known = vec![NULL; dict.len()];
                codes
                    .iter()
                    .map(|&c| {
                        if c == NULL_CODE {
                            return FALSE;
                        }
                        let k = &mut known[c as usize];
                        if *k == NULL {
                            *k = u8::from(set.contains(&Value::Text(dict[c as usize].clone())));
                        }
                        *k
                    })
                    .collect()
            }
            _ => (0..n)
                .map(|i| {
                    let x = v.value(i);
                    u8::from(x != Value::Null && set.contains(&x))
                })
                .collect(),
        }))
    }

    /// An attribute of the list item classify step `step` found for each of `rows`: read once
    /// per item (once per item and date where the attribute's value changes inside the period).
    /// None when the step is no classification.
    fn attribute(&self, step: StepId, attr: usize, rows: &[u32]) -> Option<Vector<'s>> {
        let Plan::Classify(ClassifyPlan { list, .. }) = &self.rb.steps[step].plan else { return None };
        let Some(items) = self.st.items[step].as_ref() else { return Some(Vector::Values(vec![Value::Null; rows.len()])) };
        let lst = &self.rb.lists[*list];
        let mut coded = Coded::default();
        let mut by_item: Vec<u32> = vec![NULL_CODE; lst.items.len()];
        let mut by_date: HashMap<(u32, NaiveDate), u32> = HashMap::new();
        let null = coded.add(Value::Null);
        for &r in rows {
            let code = match items[r as usize] {
                None => null,
                Some((it, date)) if lst.dated(it as usize, attr) => {
                    *by_date.entry((it, date)).or_insert_with(|| coded.add(lst.value(it as usize, attr, date)))
                }
                Some((it, date)) => {
                    let known = &mut by_item[it as usize];
                    if *known == NULL_CODE {
                        *known = coded.add(lst.value(it as usize, attr, date));
                    }
                    *known
                }
            };
            coded.index.push(code);
        }
        Some(coded.decode())
    }

    /// `step(KEY)`: the value of a grouped step's group for each row's key, asked once per
    /// distinct text when the keys are dictionary-coded.
    fn keyed(&self, step: StepId, key: &Expr, sel: &[u32]) -> Result<Vector<'s>, EvalError> {
        let keys = self.eval(key, sel)?;
        let env = RowEnv { rb: self.rb, st: self.st, ds: Some(self.ds), row: 0, inner: None };
        Ok(match &keys {
            Vector::Text(dict, codes) => {
                let mut coded = Coded::default();
                let mut by_code: Vec<u32> = vec![NULL_CODE; dict.len()];
                let null = coded.add(env.keyed(step, &Value::Null));
                for &c in codes {
                    let code = match c {
                        NULL_CODE => null,
                        c => {
                            let known = &mut by_code[c as usize];
                            if *known == NULL_CODE {
                                *known = coded.add(env.keyed(step, &Value::Text(dict[c as usize].clone())));
                            }
                            *known
                        }
                    };
                    coded.index.push(code);
                }
                coded.decode()
            }
            _ => typed((0..sel.len()).map(|i| env.keyed(step, &keys.value(i))).collect()),
        })
    }

    /// The tree-walker on each selected row (or pair of rows).
    fn per_row(&self, e: &Expr, sel: &[u32]) -> Result<Vector<'s>, EvalError> {
        let counted = &self.st.trace.row_by_row;
        counted.set(counted.get().saturating_add(1));
        let mut out = Vec::with_capacity(sel.len());
        for &i in sel {
            let env = match self.pairs {
                Some(p) => RowEnv {
                    rb: self.rb,
                    st: self.st,
                    ds: Some(self.ds),
                    row: p.outer[i as usize] as usize,
                    inner: Some((p.inner_ds, p.inner[i as usize] as usize)),
                },
                None => RowEnv { rb: self.rb, st: self.st, ds: Some(self.ds), row: i as usize, inner: None },
            };
            out.push(expr::eval(e, &env)?);
        }
        Ok(Vector::Values(out))
    }
}

/// The sum of `values` (none counting as zero) folded over their mantissas as integers, when it
/// is certainly what adding them one by one as decimals from zero gives: the same value and the
/// same scale (the largest of theirs). That holds when the sum of their magnitudes, at that
/// scale, fits a decimal's 96 bits: no partial sum, in any order, then overflows or is rounded.
/// None otherwise (and for an exact zero, whose sign the decimal fold decides): the caller then
/// adds them as decimals, with the same failure as ever on an overflow.
pub(crate) fn exact_sum(values: &[Option<Decimal>]) -> Option<Decimal> {
    /// The largest mantissa of a decimal: 2^96 - 1.
    const MAX_MANTISSA: u128 = (1 << 96) - 1;
    let scale = values.iter().flatten().map(Decimal::scale).max();
    let Some(scale) = scale else { return Some(Decimal::ZERO) };
    let mut sum: i128 = 0;
    let mut magnitude: u128 = 0;
    for d in values.iter().flatten() {
        let m = d.mantissa().checked_mul(10i128.checked_pow(scale - d.scale())?)?;
        magnitude = magnitude.checked_add(m.unsigned_abs()).filter(|&t| t <= MAX_MANTISSA)?;
        sum += m;
    }
    if sum == 0 {
        return None;
    }
    Decimal::try_from_i128_with_scale(sum, scale).ok()
}

/// Values computed once per distinct key: the distinct results, and for each row which of them.
#[derive(Default)]
struct Coded {
    values: Vec<Value>,
    index: Vec<u32>,
}

impl Coded {
    /// A new distinct result; its number.
    fn add(&mut self, v: Value) -> u32 {
        self.values.push(v);
        self.values.len() as u32 - 1
    }

    /// The rows' results as a typed vector: texts as codes into their distinct texts.
    fn decode(self) -> Vector<'static> {
        let Coded { values, index } = self;
        let texts = values.iter().all(|v| matches!(v, Value::Null | Value::Text(_)));
        if !texts || values.iter().all(|v| *v == Value::Null) {
            return typed(index.iter().map(|&i| values[i as usize].clone()).collect());
        }
        // Equal texts share a code, as in a column's dictionary.
        let mut dict: Vec<SmolStr> = Vec::new();
        let mut code_of = Vec::with_capacity(values.len());
        for v in &values {
            code_of.push(match v {
                Value::Text(t) => dict.iter().position(|d| d == t).unwrap_or_else(|| {
                    dict.push(t.clone());
                    dict.len() - 1
                }) as u32,
                _ => NULL_CODE,
            });
        }
        Vector::Text(Cow::Owned(dict), index.iter().map(|&i| code_of[i as usize]).collect())
    }
}

/// Values in their typed vector when they are all of one kind (or null): numbers, dates or truths.
fn typed(values: Vec<Value>) -> Vector<'static> {
    let kind = values.iter().find(|v| **v != Value::Null).map(Value::kind);
    let of_kind = |k| values.iter().all(|v| *v == Value::Null || v.kind() == k);
    match kind {
        Some(k @ Kind::Number) if of_kind(k) => Vector::Num(values.iter().map(Value::as_number).collect()),
        Some(k @ Kind::Date) if of_kind(k) => Vector::Date(
            values
                .iter()
                .map(|v| match v {
                    Value::Date(d) => d.num_days_from_ce(),
                    _ => NULL_DATE,
                })
                .collect(),
        ),
        Some(k @ Kind::Bool) if of_kind(k) => Vector::Bool(
            values
                .iter()
                .map(|v| match v {
                    Value::Bool(b) => u8::from(*b),
                    _ => NULL,
                })
                .collect(),
        ),
        _ => Vector::Values(values),
    }
}

/// The date of a day number.
fn day(d: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(d)
}

/// `op` between two vectors, position by position, as `expr::compare` on their values.
fn compare_vectors(op: BinOp, a: &Vector<'_>, b: &Vector<'_>, n: usize) -> Vec<u8> {
    match join(a.class(), b.class()) {
        Some(Class::Num) => (0..n).map(|i| u8::from(ordered(op, a.num(i), b.num(i)))).collect(),
        Some(Class::Date) => (0..n).map(|i| u8::from(ordered(op, a.date(i), b.date(i)))).collect(),
        Some(Class::Text) if matches!(op, BinOp::Eq | BinOp::Ne) && text_codes(a, b).is_some() => {
            let (codes, target) = text_codes(a, b).unwrap_or((&[], None));
            let eq = op == BinOp::Eq;
            codes.iter().map(|&c| u8::from((Some(c) == target) == eq)).collect()
        }
        Some(Class::Text) => (0..n).map(|i| u8::from(ordered(op, a.text(i), b.text(i)))).collect(),
        Some(Class::Bool) => (0..n).map(|i| u8::from(ordered(op, a.value_bool(i), b.value_bool(i)))).collect(),
        _ => (0..n).map(|i| u8::from(truthy(&compare(op, &a.value(i), &b.value(i))))).collect(),
    }
}

/// A dictionary-coded vector and a text scalar: the codes, and the code of the scalar's text
/// (none when the dictionary does not hold it).
fn text_codes<'v>(a: &'v Vector<'_>, b: &'v Vector<'_>) -> Option<(&'v [u32], Option<u32>)> {
    let ((Vector::Text(dict, codes), Vector::Scalar(Value::Text(t))) | (Vector::Scalar(Value::Text(t)), Vector::Text(dict, codes))) =
        (a, b)
    else {
        return None;
    };
    Some((codes, dict.iter().position(|d| d == t).map(|p| p as u32)))
}

/// `op` between two values of one ordered kind, null being neither smaller nor greater: as
/// `expr::compare`, where null equals only null.
#[inline]
fn ordered<T: Ord>(op: BinOp, a: Option<T>, b: Option<T>) -> bool {
    match op {
        BinOp::Eq => a == b,
        BinOp::Ne => a != b,
        _ => match (a, b) {
            (Some(x), Some(y)) => match op {
                BinOp::Lt => x < y,
                BinOp::Le => x <= y,
                BinOp::Gt => x > y,
                _ => x >= y,
            },
            _ => false,
        },
    }
}

fn combine<'a>(parts: &[Option<Vector<'a>>; 2], picks: &Picks) -> Vector<'a> {
    let refs = [parts[0].as_ref(), parts[1].as_ref()];
    combine_refs(&refs, picks)
}

/// One vector from the values of two, position by position as `picks` says; typed when the two
/// share a class.
fn combine_refs<'a>(parts: &[Option<&Vector<'a>>; 2], picks: &Picks) -> Vector<'a> {
    let class = parts.iter().flatten().map(|v| Some(v.class())).reduce(|a, b| a.zip(b).and_then(|(a, b)| join(a, b))).flatten();
    let part = |p: u8| parts[p as usize].expect("a part that positions pick from exists");
    let at = |&(p, k): &(u8, u32)| (part(p), k as usize);
    match class {
        Some(Class::Num) => Vector::Num(picks.iter().map(at).map(|(v, k)| v.num(k)).collect()),
        Some(Class::Date) => Vector::Date(picks.iter().map(at).map(|(v, k)| v.date(k).unwrap_or(NULL_DATE)).collect()),
        Some(Class::Bool) => Vector::Bool(picks.iter().map(at).map(|(v, k)| v.tri(k)).collect()),
        _ => Vector::Values(picks.iter().map(at).map(|(v, k)| v.value(k)).collect()),
    }
}

#[cfg(test)]
mod tests;
