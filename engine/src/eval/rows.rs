//! The rows a step mechanism folds, behind one trait both evaluation paths drive: a mechanism
//! writes its computation over rows once, as a fold over a [`RowSource`], after declaring the
//! expressions it reads per row ([`Reads`]). The reference path drives it with a [`Walker`]: row
//! by row, each expression evaluated by the tree-walker only when the fold asks for it, so the
//! rows it meets and the failure it stops at are the tree-walker's. The vector path drives it
//! with [`Columns`]: the condition and every expression run first by the kernel over the view's
//! rows, then read by position; when the kernel fails, the step runs again on the reference path.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::case::dataset::Dataset;
use crate::eval::kernel::{Kernel, Vector};
use crate::eval::state::{RowEnv, State};
use crate::eval::{Failure, at_row};
use crate::expr::{self, EvalError, Expr};
use crate::ids::ViewId;
use crate::rulebook::Rulebook;
use crate::value::Value;

/// What a fold reads per row, declared before it runs: the condition a row must meet to be
/// folded at all, the expressions it reads of a kept row, by position, and conditions of which
/// it asks the first that holds (a row's class).
#[derive(Default)]
pub(crate) struct Reads<'p> {
    pub(crate) keep: Option<&'p Expr>,
    pub(crate) values: Vec<&'p Expr>,
    pub(crate) first_of: Vec<&'p Expr>,
}

/// One kept row: its position among the kept rows and its number in its dataset.
#[derive(Clone, Copy)]
pub(crate) struct At {
    at: usize,
    row: u32,
}

impl At {
    /// The row's number in its dataset, which names it in a diagnostic.
    pub(crate) fn row(self) -> u32 {
        self.row
    }

    /// The row's position among the kept rows (where [`RowSource::codes`] holds its code).
    pub(crate) fn position(self) -> usize {
        self.at
    }
}

/// The kept rows of a view, in order, that a fold runs over, and what it reads of them.
pub(crate) trait RowSource {
    /// The dataset the rows are of.
    fn dataset(&self) -> &Dataset;
    /// How many rows the fold may meet, at most.
    fn len(&self) -> usize;
    /// Calls `f` on every kept row in order; stops at the first failure, located at its row
    /// (a failure of the condition too).
    fn each(&self, f: impl FnMut(At) -> Result<(), Failure>) -> Result<(), Failure>;
    /// The value of the fold's expression at position `k` of its [`Reads`], at row `at`.
    fn value(&self, at: At, k: usize) -> Result<Value, Failure>;
    /// The position of the first of the conditions `first_of` of its [`Reads`] that holds at
    /// row `at`, if one does; the later ones are not evaluated there.
    fn first(&self, at: At) -> Result<Option<usize>, Failure>;
    /// The values of the fold's expression at position `k` of its [`Reads`], dictionary-coded:
    /// per kept row (by [`At::position`]) a number, the same for equal values and only for them
    /// (`1.5` and `1.50` are equal values, written differently), and how many numbers there are;
    /// so that a fold computes what depends on the value once per distinct value. None when the
    /// driver has no such form (the reference reads row by row).
    fn codes(&self, _k: usize) -> Option<(Vec<u32>, usize)> {
        None
    }
}

/// The reference driver: the view's rows one at a time, through the tree-walker.
pub(crate) struct Walker<'s, 'a> {
    rb: &'s Rulebook,
    st: &'s State<'a>,
    ds: &'a Dataset,
    rows: &'s [u32],
    reads: Reads<'s>,
}

impl<'s, 'a> Walker<'s, 'a> {
    pub(crate) fn new(rb: &'s Rulebook, st: &'s State<'a>, view: ViewId, reads: Reads<'s>) -> Self {
        let ds = st.datasets[rb.views[view].dataset];
        let rows = st.views[view].as_deref().unwrap_or(&[]);
        Walker { rb, st, ds, rows, reads }
    }

    fn env(&self, row: u32) -> RowEnv<'_, 'a> {
        RowEnv { rb: self.rb, st: self.st, ds: Some(self.ds), row: row as usize, inner: None }
    }
}

impl RowSource for Walker<'_, '_> {
    fn dataset(&self) -> &Dataset {
        self.ds
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    fn each(&self, mut f: impl FnMut(At) -> Result<(), Failure>) -> Result<(), Failure> {
        for (at, &row) in self.rows.iter().enumerate() {
            let mut one = || -> Result<(), Failure> {
                if let Some(c) = self.reads.keep
                    && !expr::eval_bool(c, &self.env(row))?
                {
                    return Ok(());
                }
                f(At { at, row })
            };
            one().map_err(at_row(self.ds, row))?;
        }
        Ok(())
    }

    #[inline]
    fn value(&self, at: At, k: usize) -> Result<Value, Failure> {
        Ok(expr::eval(self.reads.values[k], &self.env(at.row))?)
    }

    fn first(&self, at: At) -> Result<Option<usize>, Failure> {
        let env = self.env(at.row);
        for (k, c) in self.reads.first_of.iter().enumerate() {
            if expr::eval_bool(c, &env)? {
                return Ok(Some(k));
            }
        }
        Ok(None)
    }
}

/// The vector driver: the kept rows and the values of every expression, computed by the kernel
/// before the fold reads them.
pub(crate) struct Columns<'s, 'a> {
    ds: &'a Dataset,
    rows: Cow<'s, [u32]>,
    values: Vec<Vector<'s>>,
    /// Per kept row, the first of the conditions `first_of` that holds (`NONE` if none does).
    first: Vec<u32>,
}

/// No condition holds.
const NONE: u32 = u32::MAX;

impl<'s, 'a> Columns<'s, 'a> {
    /// Runs the condition and the expressions of `reads` over the rows of `view`.
    pub(crate) fn new(rb: &'s Rulebook, st: &'s State<'a>, view: ViewId, reads: &Reads<'_>) -> Result<Self, EvalError> {
        let ds = st.datasets[rb.views[view].dataset];
        let all = st.views[view].as_deref().unwrap_or(&[]);
        let kernel = Kernel::new(rb, st, ds);
        let rows = match reads.keep {
            Some(c) => Cow::Owned(kernel.select(c, all)?),
            None => Cow::Borrowed(all),
        };
        let values = reads.values.iter().map(|e| kernel.eval(e, &rows)).collect::<Result<Vec<_>, _>>()?;
        let mut first = Vec::new();
        if !reads.first_of.is_empty() {
            // Each condition over the rows no earlier one took.
            first = vec![NONE; rows.len()];
            let mut left: Vec<u32> = (0..rows.len() as u32).collect();
            for (k, c) in reads.first_of.iter().enumerate() {
                if left.is_empty() {
                    break;
                }
                let at: Vec<u32> = left.iter().map(|&p| rows[p as usize]).collect();
                let holds = kernel.eval(c, &at)?;
                let mut next = Vec::with_capacity(left.len());
                for (pos, &p) in left.iter().enumerate() {
                    if holds.truth(pos) {
                        first[p as usize] = k as u32;
                    } else {
                        next.push(p);
                    }
                }
                left = next;
            }
        }
        Ok(Columns { ds, rows, values, first })
    }
}

impl Columns<'_, '_> {
    /// The values of the expression at position `k` of the [`Reads`] when they are numbers
    /// (or none) in a typed vector, one per kept row.
    pub(crate) fn numbers(&self, k: usize) -> Option<&[Option<Decimal>]> {
        match &self.values[k] {
            Vector::Num(v) => Some(v),
            _ => None,
        }
    }
}

impl RowSource for Columns<'_, '_> {
    fn dataset(&self) -> &Dataset {
        self.ds
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    fn each(&self, mut f: impl FnMut(At) -> Result<(), Failure>) -> Result<(), Failure> {
        for (at, &row) in self.rows.iter().enumerate() {
            f(At { at, row }).map_err(at_row(self.ds, row))?;
        }
        Ok(())
    }

    #[inline]
    fn value(&self, at: At, k: usize) -> Result<Value, Failure> {
        Ok(self.values[k].value(at.at))
    }

    fn first(&self, at: At) -> Result<Option<usize>, Failure> {
        Ok(self.first.get(at.at).filter(|&&k| k != NONE).map(|&k| k as usize))
    }

    fn codes(&self, k: usize) -> Option<(Vec<u32>, usize)> {
        self.values[k].codes(self.rows.len())
    }
}
