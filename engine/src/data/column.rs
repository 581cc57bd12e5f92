//! Typed columns: a dataset's values stored column by column, each column in the narrowest form
//! that gives every value back exactly: decimals of one scale as scaled integers (else as
//! `Decimal`s), dates as day numbers, booleans as bits, text dictionary-coded; a validity bitmap
//! says which rows hold a value.
//!
//! A column is typed by the values it receives, not by a declared type, so that what comes out
//! is exactly what went in: a decimal keeps its scale (`1.50` stays `1.50`), and a column that
//! receives a value its form cannot hold widens (scaled integers to decimals, anything to plain
//! values) rather than rounding or failing.

use chrono::{Datelike, NaiveDate};
use foldhash::HashMap;
use rust_decimal::Decimal;

use crate::data::row::{Cell, TypedRow};
use crate::value::{SmolStr, Value};

/// One bit per row.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bitmap {
    words: Vec<u64>,
    len: usize,
}

impl Bitmap {
    /// `len` bits, all `bit`.
    fn filled(len: usize, bit: bool) -> Bitmap {
        let word = if bit { u64::MAX } else { 0 };
        Bitmap { words: vec![word; len.div_ceil(64)], len }
    }

    fn push(&mut self, bit: bool) {
        if self.len.is_multiple_of(64) {
            self.words.push(0);
        }
        if bit {
            self.words[self.len / 64] |= 1 << (self.len % 64);
        }
        self.len += 1;
    }

    #[inline]
    pub(crate) fn get(&self, i: usize) -> bool {
        self.words[i / 64] >> (i % 64) & 1 == 1
    }
}

/// The values of one column of a dataset.
#[derive(Debug, Clone)]
pub(crate) enum Column {
    /// No row holds a value.
    Null,
    Bool {
        bits: Bitmap,
        valid: Bitmap,
    },
    /// Decimals that share one scale, kept as their mantissas: a value is `mantissa / 10^scale`.
    Scaled {
        scale: u32,
        mantissas: Vec<i64>,
        valid: Bitmap,
    },
    Decimal {
        values: Vec<Decimal>,
        valid: Bitmap,
    },
    /// Day numbers from the common era (chrono's `num_days_from_ce`).
    Date {
        days: Vec<i32>,
        valid: Bitmap,
    },
    /// Each row's text as an index into the column's distinct texts, in order of appearance.
    Text {
        dict: Vec<SmolStr>,
        codes: Vec<u32>,
        valid: Bitmap,
    },
    /// Values of several kinds (no norm's field gives them; kept so that no value is lost).
    Mixed(Vec<Value>),
    /// A field of the file that the rulebook reading it never reads: checked by the validator
    /// like every field, its values not stored. Reading it is a bug, never a null: it panics
    /// ([`Column::not_kept`]).
    NotKept,
}

impl Column {
    /// The value of row `r`.
    #[inline]
    pub(crate) fn value(&self, r: usize) -> Value {
        match self {
            Column::Null => Value::Null,
            Column::NotKept => Column::not_kept(),
            Column::Mixed(values) => values[r].clone(),
            Column::Bool { bits, valid } => {
                if valid.get(r) {
                    Value::Bool(bits.get(r))
                } else {
                    Value::Null
                }
            }
            Column::Scaled { scale, mantissas, valid } => {
                if valid.get(r) {
                    Value::Number(Decimal::new(mantissas[r], *scale))
                } else {
                    Value::Null
                }
            }
            Column::Decimal { values, valid } => {
                if valid.get(r) {
                    Value::Number(values[r])
                } else {
                    Value::Null
                }
            }
            Column::Date { days, valid } => {
                if valid.get(r) {
                    date_of(days[r])
                } else {
                    Value::Null
                }
            }
            Column::Text { dict, codes, valid } => {
                if valid.get(r) {
                    Value::Text(dict[codes[r] as usize].clone())
                } else {
                    Value::Null
                }
            }
        }
    }

    /// Whether the column's values are stored (not [`Column::NotKept`]).
    pub(crate) fn is_kept(&self) -> bool {
        !matches!(self, Column::NotKept)
    }

    /// What reading a column not kept does: a column is left out only when no step, calendar
    /// rule or date shift of the rulebook that read the file reads it (`DatasetDef::kept`), so
    /// a read of one is a bug of that list; it stops loudly rather than give a null that would
    /// make a figure silently wrong.
    #[cold]
    #[track_caller]
    pub(crate) fn not_kept() -> ! {
        panic!("internal error: a column of a dataset that its rulebook does not keep was read")
    }

    /// Every date of the column moved by `f` (a case brought into another year).
    pub(crate) fn map_dates(&mut self, f: impl Fn(NaiveDate) -> NaiveDate) {
        match self {
            Column::Date { days, valid } => {
                for (r, d) in days.iter_mut().enumerate() {
                    if valid.get(r)
                        && let Some(date) = NaiveDate::from_num_days_from_ce_opt(*d)
                    {
                        *d = f(date).num_days_from_ce();
                    }
                }
            }
            Column::Mixed(values) => {
                for v in values {
                    if let Value::Date(d) = v {
                        *d = f(*d);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The date of a day number (one a column made, so always a date).
#[inline]
pub(crate) fn date_of(days: i32) -> Value {
    NaiveDate::from_num_days_from_ce_opt(days).map_or(Value::Null, Value::Date)
}

/// Builds a column from the values of its rows, in order, widening its form when a value needs it.
#[derive(Default)]
pub(crate) struct ColumnBuilder {
    column: Option<Column>,
    /// The index of each distinct text, while a text column is built.
    dict_index: Dict,
    len: usize,
}

/// The index of the distinct texts of a column, and the last text seen: rows come grouped (a
/// same identifier on every row, the rows of one person together), so most texts repeat the row
/// before and need no hashing.
#[derive(Default)]
struct Dict {
    index: HashMap<SmolStr, u32>,
    last: Option<(SmolStr, u32)>,
}

impl Dict {
    /// The code of `t` in `dict`, added when new.
    #[inline]
    fn code(&mut self, dict: &mut Vec<SmolStr>, t: &str) -> u32 {
        if let Some((last, c)) = &self.last
            && last.as_str() == t
        {
            return *c;
        }
        let c = match self.index.get(t) {
            Some(&c) => c,
            None => {
                let c = dict.len() as u32;
                let text = SmolStr::new(t);
                dict.push(text.clone());
                self.index.insert(text, c);
                c
            }
        };
        self.last = Some((dict[c as usize].clone(), c));
        c
    }
}

fn row_value(cell: &Cell, row: &TypedRow<'_>) -> Value {
    match *cell {
        Cell::Null => Value::Null,
        Cell::Number(n) => Value::Number(n),
        Cell::Date(d) => Value::Date(d),
        Cell::Bool(b) => Value::Bool(b),
        Cell::Text { .. } => Value::text(row.text(cell)),
    }
}

impl ColumnBuilder {
    pub(crate) fn push(&mut self, v: &Value) {
        let len = self.len;
        self.len += 1;
        let column = self.column.get_or_insert(Column::Null);
        if *v == Value::Null {
            match column {
                Column::Null => {}
                // A builder builds what it is given; a column not kept is never built.
                Column::NotKept => Column::not_kept(),
                Column::Mixed(values) => values.push(Value::Null),
                Column::Bool { bits, valid } => {
                    bits.push(false);
                    valid.push(false);
                }
                Column::Scaled { mantissas, valid, .. } => {
                    mantissas.push(0);
                    valid.push(false);
                }
                Column::Decimal { values, valid } => {
                    values.push(Decimal::ZERO);
                    valid.push(false);
                }
                Column::Date { days, valid } => {
                    days.push(0);
                    valid.push(false);
                }
                Column::Text { codes, valid, .. } => {
                    codes.push(0);
                    valid.push(false);
                }
            }
            return;
        }
        if matches!(column, Column::Null) {
            *column = typed_for(v, len);
        }
        if !push_typed(column, &mut self.dict_index, v) {
            // The value does not fit the column's form: widen it, then push again.
            let widened = widen(column, v, len);
            *column = widened;
            let pushed = push_typed(column, &mut self.dict_index, v);
            debug_assert!(pushed, "a widened column holds the value");
        }
    }

    /// Pushes a typed row's cell: the common case (a value of the column's form) without
    /// building a `Value`; any other through [`ColumnBuilder::push`], which types or widens.
    #[inline]
    pub(crate) fn push_cell(&mut self, cell: &Cell, row: &TypedRow<'_>) {
        let pushed = match (self.column.as_mut(), cell) {
            (Some(Column::Scaled { scale, mantissas, valid }), Cell::Number(d)) if d.scale() == *scale => match i64::try_from(d.mantissa())
            {
                Ok(m) => {
                    mantissas.push(m);
                    valid.push(true);
                    true
                }
                Err(_) => false,
            },
            (Some(Column::Date { days, valid }), Cell::Date(d)) => {
                days.push(d.num_days_from_ce());
                valid.push(true);
                true
            }
            (Some(Column::Text { dict, codes, valid }), Cell::Text { .. }) => {
                codes.push(self.dict_index.code(dict, row.text(cell)));
                valid.push(true);
                true
            }
            _ => false,
        };
        if pushed {
            self.len += 1;
        } else {
            self.push(&row_value(cell, row));
        }
    }

    pub(crate) fn finish(self) -> Column {
        self.column.unwrap_or(Column::Null)
    }
}

/// An empty column of the form `v` asks for, with `len` null rows before it.
fn typed_for(v: &Value, len: usize) -> Column {
    let invalid = Bitmap::filled(len, false);
    match v {
        Value::Null => Column::Null,
        Value::Bool(_) => Column::Bool { bits: Bitmap::filled(len, false), valid: invalid },
        Value::Number(d) => Column::Scaled { scale: d.scale(), mantissas: vec![0; len], valid: invalid },
        Value::Date(_) => Column::Date { days: vec![0; len], valid: invalid },
        Value::Text(_) => Column::Text { dict: Vec::new(), codes: vec![0; len], valid: invalid },
    }
}

/// Pushes a non-null value; false when the column's form cannot hold it exactly.
fn push_typed(column: &mut Column, dict_index: &mut Dict, v: &Value) -> bool {
    match (column, v) {
        (Column::Mixed(values), v) => values.push(v.clone()),
        (Column::Bool { bits, valid }, Value::Bool(b)) => {
            bits.push(*b);
            valid.push(true);
        }
        (Column::Scaled { scale, mantissas, valid }, Value::Number(d)) => {
            let Ok(m) = i64::try_from(d.mantissa()) else { return false };
            if d.scale() != *scale {
                return false;
            }
            mantissas.push(m);
            valid.push(true);
        }
        (Column::Decimal { values, valid }, Value::Number(d)) => {
            values.push(*d);
            valid.push(true);
        }
        (Column::Date { days, valid }, Value::Date(d)) => {
            days.push(d.num_days_from_ce());
            valid.push(true);
        }
        (Column::Text { dict, codes, valid }, Value::Text(t)) => {
            codes.push(dict_index.code(dict, t));
            valid.push(true);
        }
        _ => return false,
    }
    true
}

/// The column in a form that can hold `v` too: decimals for a number of another scale, plain
/// values for a value of another kind.
fn widen(column: &Column, v: &Value, len: usize) -> Column {
    if let (Column::Scaled { scale, mantissas, valid }, Value::Number(_)) = (column, v) {
        let values = mantissas.iter().map(|&m| Decimal::new(m, *scale)).collect();
        return Column::Decimal { values, valid: valid.clone() };
    }
    Column::Mixed((0..len).map(|r| column.value(r)).collect())
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    fn build(values: &[Value]) -> Column {
        let mut b = ColumnBuilder::default();
        for v in values {
            b.push(v);
        }
        b.finish()
    }

    fn back(c: &Column, n: usize) -> Vec<Value> {
        (0..n).map(|r| c.value(r)).collect()
    }

    #[test]
    fn every_value_comes_back_exactly_whatever_the_form() {
        let d = |s: &str| Value::Date(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
        let cases: Vec<Vec<Value>> = vec![
            vec![Value::Null, Value::Number(dec!(1.50)), Value::Null, Value::Number(dec!(-2.25))],
            vec![Value::Number(dec!(1.5)), Value::Number(dec!(1.50)), Value::Number(dec!(7))],
            vec![Value::Number(Decimal::MAX), Value::Number(dec!(1))],
            vec![Value::Null, d("2025-02-28"), d("0001-01-01"), Value::Null],
            vec![Value::text("MG"), Value::Null, Value::text("IDE"), Value::text("MG")],
            vec![Value::Bool(true), Value::Null, Value::Bool(false)],
            vec![Value::Null, Value::Number(dec!(1)), Value::text("x"), d("2025-01-01")],
            vec![Value::Null, Value::Null],
        ];
        for values in cases {
            let column = build(&values);
            let got = back(&column, values.len());
            assert_eq!(got, values, "{column:?}");
            // Equal decimals of different scales are equal values: compare how they are written.
            let written = |vs: &[Value]| vs.iter().map(Value::render).collect::<Vec<_>>();
            assert_eq!(written(&got), written(&values));
        }
    }

    #[test]
    fn a_column_takes_the_narrowest_form_that_holds_it() {
        assert!(matches!(build(&[Value::Number(dec!(1.20)), Value::Null]), Column::Scaled { scale: 2, .. }));
        assert!(matches!(build(&[Value::Number(dec!(1.2)), Value::Number(dec!(1.20))]), Column::Decimal { .. }));
        assert!(matches!(build(&[Value::text("A"), Value::text("A")]), Column::Text { ref dict, .. } if dict.len() == 1));
        assert!(matches!(build(&[Value::Null]), Column::Null));
    }

    #[test]
    fn dates_move_in_place() {
        let mut c = build(&[Value::Date(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()), Value::Null]);
        c.map_dates(|d| crate::case::shift::shift_date(d, 1));
        assert_eq!(back(&c, 2), [Value::Date(NaiveDate::from_ymd_opt(2025, 2, 28).unwrap()), Value::Null]);
    }
}
