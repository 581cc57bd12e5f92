//! The state of one evaluation: the scalars known so far, the rows of each view, the values
//! computed per row, the sets and the `exists` indexes; and the row environment expressions read
//! through.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
// Membership and index lookups run once per row or more: foldhash is several times faster than
// the standard SipHash, and its per-process random seed keeps crafted data from forcing collisions.
use foldhash::{HashMap, HashMapExt, HashSet};

use crate::data::dataset::Dataset;
use crate::expr::{self, BinOp, Env, Expr, Slot};
use crate::rulebook::{ClassifyPlan, LISTED, Plan, Rulebook, space};
use crate::value::Value;

/// Per row of a classified dataset: the list item found for its code, and the date it was read at.
pub(crate) type ItemColumn = Vec<Option<(u32, NaiveDate)>>;

pub(crate) struct State<'a> {
    pub(crate) datasets: Vec<&'a Dataset>,
    pub(crate) scalars: Vec<Value>,
    pub(crate) views: Vec<Option<Vec<u32>>>,
    pub(crate) computed: Vec<Option<Vec<Value>>>,
    pub(crate) items: Vec<Option<ItemColumn>>,
    pub(crate) sets: Vec<Option<HashSet<Value>>>,
    /// Rows of a view by the value of one column, built the first time an `exists` needs them.
    pub(crate) indexes: RefCell<HashMap<(usize, usize), Rc<RowIndex>>>,
}

pub(crate) type RowIndex = HashMap<Value, Vec<u32>>;

impl State<'_> {
    pub(crate) fn index(&self, view: usize, column: usize, ds: &Dataset) -> Option<Rc<RowIndex>> {
        if let Some(index) = self.indexes.borrow().get(&(view, column)) {
            return Some(index.clone());
        }
        let rows = self.views[view].as_ref()?;
        let mut index = RowIndex::with_capacity(rows.len());
        for &r in rows {
            index.entry(ds.rows[r as usize][column].clone()).or_default().push(r);
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
        let i = slot.index as usize;
        match slot.space {
            space::COLUMN => self.ds.map_or(Value::Null, |d| d.rows[self.row][i].clone()),
            space::INNER => self.inner.map_or(Value::Null, |(d, r)| d.rows[r][i].clone()),
            space::COMPUTED => self.st.computed[i].as_ref().map_or(Value::Null, |c| c[self.row].clone()),
            space::ITEM => {
                let Some(items) = &self.st.items[i] else { return Value::Null };
                let item = items[self.row];
                if slot.sub == LISTED {
                    return Value::Bool(item.is_some());
                }
                let Plan::Classify(ClassifyPlan { list, .. }) = &self.rb.steps[i].plan else { return Value::Null };
                item.map_or(Value::Null, |(it, date)| self.rb.lists[*list].value(it as usize, slot.sub as usize, date))
            }
            _ => self.st.scalars[i].clone(),
        }
    }

    fn get_ref(&self, slot: Slot) -> Option<&Value> {
        let i = slot.index as usize;
        match slot.space {
            space::COLUMN => self.ds.map(|d| &d.rows[self.row][i]),
            space::INNER => self.inner.map(|(d, r)| &d.rows[r][i]),
            space::COMPUTED => self.st.computed[i].as_ref().map(|c| &c[self.row]),
            space::ITEM => None,
            _ => Some(&self.st.scalars[i]),
        }
    }

    fn contains(&self, set: usize, value: &Value) -> bool {
        self.st.sets[set].as_ref().is_some_and(|s| s.contains(value))
    }

    fn exists(&self, view: usize, cond: &Expr) -> bool {
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

/// In a conjunction, a conjunct `inner column == outer expression`: the column and the expression.
pub(crate) fn equi_key(cond: &Expr) -> Option<(usize, &Expr)> {
    match cond {
        Expr::Bin(BinOp::And, a, b) => equi_key(a).or_else(|| equi_key(b)),
        Expr::Bin(BinOp::Eq, a, b) => match (&**a, &**b) {
            (Expr::Ref(s), other) | (other, Expr::Ref(s)) if s.space == space::INNER && !reads_inner(other) => {
                Some((s.index as usize, other))
            }
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn reads_inner(e: &Expr) -> bool {
    match e {
        Expr::Const(_) => false,
        Expr::Ref(s) => s.space == space::INNER,
        Expr::Not(a) | Expr::Neg(a) => reads_inner(a),
        Expr::Bin(_, a, b) => reads_inner(a) || reads_inner(b),
        Expr::Call(_, args) => args.iter().any(reads_inner),
        Expr::In(a, _) => reads_inner(a),
        Expr::Exists(..) => true,
    }
}

pub(crate) fn build_sets(rb: &Rulebook, st: &mut State<'_>) {
    for (i, &(view, col)) in rb.sets.iter().enumerate() {
        if st.sets[i].is_some() {
            continue;
        }
        let Some(rows) = &st.views[view] else { continue };
        let ds = st.datasets[rb.views[view].dataset];
        st.sets[i] = Some(rows.iter().map(|&r| ds.rows[r as usize][col].clone()).filter(|v| *v != Value::Null).collect());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(space: u8, index: u32) -> Box<Expr> {
        Box::new(Expr::Ref(Slot { space, index, sub: 0 }))
    }

    #[test]
    fn an_exists_condition_is_indexed_on_its_inner_outer_equality_only() {
        let eq = |a, b| Box::new(Expr::Bin(BinOp::Eq, a, b));
        let and = |a, b| Expr::Bin(BinOp::And, a, b);
        let later = Box::new(Expr::Bin(BinOp::Le, col(space::INNER, 2), col(space::COLUMN, 5)));
        // `DATE <= x && ID == OUTER_ID`: the equality is found in either conjunct, either side.
        let cond = and(later.clone(), eq(col(space::COLUMN, 1), col(space::INNER, 3)));
        assert!(matches!(equi_key(&cond), Some((3, Expr::Ref(Slot { space: space::COLUMN, index: 1, .. })))));
        // Two inner columns, or an outer side that reads the inner row: no index, a scan.
        assert!(equi_key(&and(later.clone(), eq(col(space::INNER, 1), col(space::INNER, 3)))).is_none());
        let mixed = Box::new(Expr::Bin(BinOp::Add, col(space::COLUMN, 1), col(space::INNER, 4)));
        assert!(equi_key(&and(later.clone(), eq(col(space::INNER, 3), mixed))).is_none());
        // A disjunction cannot be narrowed by one of its sides.
        let or = Expr::Bin(BinOp::Or, eq(col(space::INNER, 3), col(space::COLUMN, 1)), later);
        assert!(equi_key(&or).is_none());
    }
}
