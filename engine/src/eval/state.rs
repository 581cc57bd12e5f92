//! The state of one evaluation: the scalars known so far, the rows of each view, the values
//! computed per row, the sets and the `exists` indexes; and the row environment expressions read
//! through.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::NaiveDate;
// Membership and index lookups run once per row or more: foldhash is several times faster than
// the standard SipHash, and its per-process random seed keeps crafted data from forcing collisions.
use foldhash::{HashMap, HashMapExt, HashSet};
use typed_index_collections::TiVec;

use crate::case::dataset::Dataset;
use crate::data::column::{Column, ColumnBuilder};
use crate::expr::{self, BinOp, Env, Expr, ItemField, Slot};
use crate::ids::{ColumnId, DatasetId, ExistsId, ScalarId, SetId, StepId, ViewId};
use crate::mechanism::Plan;
use crate::mechanism::classify::ClassifyPlan;
use crate::rulebook::Rulebook;
use crate::value::Value;

/// Per row of a classified dataset: the list item found for its code, and the date it was read at.
pub(crate) type ItemColumn = Vec<Option<(u32, NaiveDate)>>;

pub(crate) struct State<'a> {
    pub(crate) datasets: TiVec<DatasetId, &'a Dataset>,
    pub(crate) scalars: TiVec<ScalarId, Value>,
    /// The rows of each view, once known (a filter's view once the filter has run).
    pub(crate) views: TiVec<ViewId, Option<Vec<u32>>>,
    /// The value a lookup, derive or classify step computed for each row of its dataset, as a
    /// typed column (which the kernel reads like a dataset's).
    pub(crate) computed: TiVec<StepId, Option<Column>>,
    /// The value of each group of a grouped aggregate step, by key.
    pub(crate) groups: TiVec<StepId, Option<HashMap<Value, Value>>>,
    pub(crate) items: TiVec<StepId, Option<ItemColumn>>,
    pub(crate) sets: TiVec<SetId, Option<HashSet<Value>>>,
    /// Rows of a view by the value of one column, built the first time an `exists` needs them.
    pub(crate) indexes: RefCell<HashMap<(ViewId, ColumnId), Rc<RowIndex>>>,
    /// Where the vector path fell back while the current step ran.
    pub(crate) trace: Trace,
}

/// What the vector path did not do by itself in a step: counted, so that tests can tell.
#[derive(Default)]
pub(crate) struct Trace {
    /// The step's vector run failed: the reference path ran it again.
    pub(crate) fell_back: Cell<bool>,
    /// How many times a node ran row by row through the tree-walker.
    pub(crate) row_by_row: Cell<u32>,
}

pub(crate) type RowIndex = HashMap<Value, Vec<u32>>;

impl State<'_> {
    pub(crate) fn index(&self, view: ViewId, column: ColumnId, ds: &Dataset) -> Option<Rc<RowIndex>> {
        if let Some(index) = self.indexes.borrow().get(&(view, column)) {
            return Some(index.clone());
        }
        let rows = self.views[view].as_ref()?;
        let mut index = RowIndex::with_capacity(rows.len());
        for &r in rows {
            index.entry(ds.value(r as usize, column.index())).or_default().push(r);
        }
        let index = Rc::new(index);
        self.indexes.borrow_mut().insert((view, column), index.clone());
        Some(index)
    }
}

pub(crate) struct RowEnv<'s, 'a> {
    pub(crate) rb: &'s Rulebook,
    pub(crate) st: &'s State<'a>,
    pub(crate) ds: Option<&'s Dataset>,
    pub(crate) row: usize,
    pub(crate) inner: Option<(&'s Dataset, usize)>,
}

impl Env for RowEnv<'_, '_> {
    fn get(&self, slot: Slot) -> Value {
        match slot {
            Slot::Item(step, field) => self.item(step, field),
            Slot::Column(c) => self.ds.map_or(Value::Null, |d| d.value(self.row, c.index())),
            Slot::Inner(c) => self.inner.map_or(Value::Null, |(d, r)| d.value(r, c.index())),
            Slot::Computed(s) => self.st.computed[s].as_ref().map_or(Value::Null, |c| c.value(self.row)),
            Slot::Scalar(_) => self.get_ref(slot).cloned().unwrap_or(Value::Null),
        }
    }

    fn get_ref(&self, slot: Slot) -> Option<&Value> {
        match slot {
            // Columns, computed ones too, are typed, not held as values: `get` builds the value.
            Slot::Column(_) | Slot::Inner(_) | Slot::Computed(_) => None,
            Slot::Item(..) => None,
            Slot::Scalar(i) => Some(&self.st.scalars[i]),
        }
    }

    fn contains(&self, set: SetId, value: &Value) -> bool {
        self.st.sets[set].as_ref().is_some_and(|s| s.contains(value))
    }

    fn keyed(&self, step: StepId, key: &Value) -> Value {
        if let Some(v) = self.st.groups[step].as_ref().and_then(|g| g.get(key)) {
            return v.clone();
        }
        // A group with no row: no count, no sum, no smallest value (a read by key is bound to
        // a grouped aggregate only).
        if let Plan::Aggregate(plan) = &self.rb.steps[step].plan { plan.op.empty() } else { Value::Null }
    }

    fn exists(&self, view: ExistsId, cond: &Expr) -> bool {
        let v = self.rb.exists_views[view];
        let ds = self.st.datasets[self.rb.views[v].dataset];
        let Some(rows) = &self.st.views[v] else { return false };
        let holds = |r: u32| {
            let env = RowEnv { inner: Some((ds, r as usize)), ..*self };
            expr::eval_bool(cond, &env).unwrap_or(false)
        };
        // A condition that equates an inner column to an outer value only needs the inner rows
        // holding that value: a hash lookup instead of a scan per outer row.
        if let Some((column, outer)) = equi_key(cond)
            && let Ok(key) = expr::eval(outer, self)
            && let Some(index) = self.st.index(v, column, ds)
        {
            return index.get(&key).is_some_and(|candidates| candidates.iter().any(|&r| holds(r)));
        }
        rows.iter().any(|&r| holds(r))
    }
}

impl RowEnv<'_, '_> {
    /// What the row's list item (found by classify step `step`) says of `field`.
    pub(crate) fn item(&self, step: StepId, field: ItemField) -> Value {
        let Some(items) = &self.st.items[step] else { return Value::Null };
        let item = items[self.row];
        match field {
            ItemField::Listed => Value::Bool(item.is_some()),
            ItemField::Attribute(attr) => {
                let Plan::Classify(ClassifyPlan { list, .. }) = &self.rb.steps[step].plan else { return Value::Null };
                item.map_or(Value::Null, |(it, date)| self.rb.lists[*list].value(it as usize, attr.index(), date))
            }
        }
    }
}

/// In a conjunction, a conjunct `inner column == outer expression`: the column and the expression.
pub(crate) fn equi_key(cond: &Expr) -> Option<(ColumnId, &Expr)> {
    match cond {
        Expr::Bin(BinOp::And, a, b) => equi_key(a).or_else(|| equi_key(b)),
        Expr::Bin(BinOp::Eq, a, b) => match (&**a, &**b) {
            (Expr::Ref(Slot::Inner(c)), other) | (other, Expr::Ref(Slot::Inner(c))) if !reads_inner(other) => Some((*c, other)),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn reads_inner(e: &Expr) -> bool {
    match e {
        Expr::Const(_) => false,
        Expr::Ref(s) => matches!(s, Slot::Inner(_)),
        Expr::Not(a) | Expr::Neg(a) => reads_inner(a),
        Expr::Bin(_, a, b) => reads_inner(a) || reads_inner(b),
        Expr::Call(_, args) => args.iter().any(reads_inner),
        Expr::In(a, _) => reads_inner(a),
        Expr::Exists(..) => true,
        Expr::Keyed(_, key) => reads_inner(key),
    }
}

/// The column a step computed: its value for each row of its dataset.
pub(crate) fn computed_column(values: &[Value]) -> Column {
    let mut column = ColumnBuilder::default();
    for v in values {
        column.push(v);
    }
    column.finish()
}

/// Fills every set whose view's rows are known and that is not filled yet.
pub(crate) fn build_sets(rb: &Rulebook, st: &mut State<'_>) {
    for (i, &(view, col)) in rb.sets.iter_enumerated() {
        if st.sets[i].is_some() {
            continue;
        }
        let Some(rows) = &st.views[view] else { continue };
        let ds = st.datasets[rb.views[view].dataset];
        st.sets[i] = Some(rows.iter().map(|&r| ds.value(r as usize, col.index())).filter(|v| *v != Value::Null).collect());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(slot: fn(ColumnId) -> Slot, index: usize) -> Box<Expr> {
        Box::new(Expr::Ref(slot(ColumnId::from(index))))
    }

    #[test]
    fn an_exists_condition_is_indexed_on_its_inner_outer_equality_only() {
        let (inner, outer) = (Slot::Inner as fn(ColumnId) -> Slot, Slot::Column as fn(ColumnId) -> Slot);
        let eq = |a, b| Box::new(Expr::Bin(BinOp::Eq, a, b));
        let and = |a, b| Expr::Bin(BinOp::And, a, b);
        let later = Box::new(Expr::Bin(BinOp::Le, col(inner, 2), col(outer, 5)));
        // `DATE <= x && ID == OUTER_ID`: the equality is found in either conjunct, either side.
        let cond = and(later.clone(), eq(col(outer, 1), col(inner, 3)));
        let found = equi_key(&cond).map(|(c, e)| (c.index(), e.clone()));
        assert!(matches!(found, Some((3, Expr::Ref(Slot::Column(c)))) if c.index() == 1));
        // Two inner columns, or an outer side that reads the inner row: no index, a scan.
        assert!(equi_key(&and(later.clone(), eq(col(inner, 1), col(inner, 3)))).is_none());
        let mixed = Box::new(Expr::Bin(BinOp::Add, col(outer, 1), col(inner, 4)));
        assert!(equi_key(&and(later.clone(), eq(col(inner, 3), mixed))).is_none());
        // A disjunction cannot be narrowed by one of its sides.
        let or = Expr::Bin(BinOp::Or, eq(col(inner, 3), col(outer, 1)), later);
        assert!(equi_key(&or).is_none());
    }
}
