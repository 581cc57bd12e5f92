//! Bringing a case into another year: every date of its values, records and data files moved
//! by whole years (29 February becoming 28 February), and every calendar year (unit `year`)
//! with them, so that data of one year can be judged under the rules of another.
//!
//! The year a case's data belong to is the year most of its dated rows fall in (the fields a
//! norm marks `row_date`), else the year most dates of its case file fall in.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use crate::case::Case;
use crate::data::column::Column;
use crate::data::norm::{Field, Norm};
use crate::rules::inputs::{CaseSchema, InputKind};
use crate::value::{Unit, Value};

/// `date` moved by `years` whole years; 29 February becomes 28 February in a common year.
pub(crate) fn shift_date(date: NaiveDate, years: i32) -> NaiveDate {
    let months = Months::new(years.unsigned_abs() * 12);
    let moved = if years >= 0 { date.checked_add_months(months) } else { date.checked_sub_months(months) };
    moved.unwrap_or(date)
}

/// The fields of `norm` whose dates say which year a case's data belong to ([`Case::data_year`]):
/// a case keeps them, whatever its steps read.
pub(crate) fn dated_fields(norm: &Norm) -> impl Iterator<Item = &Field> {
    norm.fields.iter().filter(|f| f.row_date)
}

impl Case {
    /// The year this case's data belong to, if any of its values is a date.
    pub(crate) fn data_year(&self, schema: &CaseSchema, norms: &[Norm]) -> Option<i32> {
        let mut row_years: BTreeMap<i32, usize> = BTreeMap::new();
        for (i, input) in schema.inputs.iter_enumerated() {
            let (InputKind::Dataset { norm, .. }, Some(ds)) = (&input.kind, &self.datasets[i]) else { continue };
            let Some(norm) = norms.iter().find(|n| &n.name == norm) else { continue };
            let dated: Vec<usize> = dated_fields(norm).filter_map(|f| ds.column_index(&f.name)).collect();
            for &c in &dated {
                for r in 0..ds.n_rows() {
                    if let Value::Date(d) = ds.value(r, c) {
                        *row_years.entry(d.year()).or_default() += 1;
                    }
                }
            }
        }
        if row_years.is_empty() {
            let dates = self.values.iter().chain(self.records.iter().flatten().flatten());
            for v in dates {
                if let Value::Date(d) = v {
                    *row_years.entry(d.year()).or_default() += 1;
                }
            }
        }
        // The most frequent year; the latest among equals.
        row_years.into_iter().max_by_key(|&(year, n)| (n, year)).map(|(year, _)| year)
    }

    /// Moves every date and calendar year of this case by `years`. A data file without dates
    /// keeps its columns as they are, still shared with the other copies of the case; one with
    /// dates gets columns of its own first (copy on write), so that a copy of the case read for
    /// another year keeps its dates.
    pub(crate) fn shift_dates(&mut self, years: i32, schema: &CaseSchema) {
        self.shift_dates_with(years, schema, None);
    }

    /// [`Case::shift_dates`], the columns moved by another copy of the case moved by as many years
    /// (`moved`: the columns before and after) taken from it rather than moved again, and these
    /// recorded there.
    pub(crate) fn shift_dates_with(&mut self, years: i32, schema: &CaseSchema, mut moved: Option<&mut Moved>) {
        if years == 0 {
            return;
        }
        for (i, input) in schema.inputs.iter_enumerated() {
            self.values[i] = shift_value(&self.values[i], input_unit(&input.kind), years);
            if let InputKind::Records { fields } = &input.kind {
                for record in &mut self.records[i] {
                    for (value, (_, unit)) in record.iter_mut().zip(fields) {
                        *value = shift_value(value, Some(*unit), years);
                    }
                }
            }
            let Some(ds) = &mut self.datasets[i] else { continue };
            if !ds.data.iter().any(|c| matches!(c, Column::Date { .. } | Column::Mixed(_))) {
                continue;
            }
            let shift = |columns: &mut [Column]| columns.iter_mut().for_each(|c| c.map_dates(|d| shift_date(d, years)));
            match moved.as_deref_mut() {
                None => shift(Arc::make_mut(&mut ds.data)),
                Some(moved) => match moved.iter().find(|(y, before, _)| *y == years && Arc::ptr_eq(before, &ds.data)) {
                    Some((_, _, after)) => ds.data = Arc::clone(after),
                    None => {
                        let before = Arc::clone(&ds.data);
                        let mut columns = before.to_vec();
                        shift(&mut columns);
                        ds.data = columns.into();
                        moved.push((years, before, Arc::clone(&ds.data)));
                    }
                },
            }
        }
    }
}

/// Columns moved by some years: the years, the columns before, the columns after.
pub(crate) type Moved = Vec<(i32, Arc<[Column]>, Arc<[Column]>)>;

fn input_unit(kind: &InputKind) -> Option<Unit> {
    match kind {
        InputKind::Value { unit } => Some(*unit),
        _ => None,
    }
}

/// A date moved by `years`; a calendar year (unit `year`) too; anything else as it is.
fn shift_value(value: &Value, unit: Option<Unit>, years: i32) -> Value {
    match (value, unit) {
        (Value::Date(d), _) => Value::Date(shift_date(*d, years)),
        // A year too large to move is no calendar year: kept as it is.
        (Value::Number(n), Some(Unit::Year)) => n.checked_add(Decimal::from(years)).map_or_else(|| value.clone(), Value::Number),
        (v, _) => v.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_move_by_whole_years_and_29_february_lands_on_28() {
        assert_eq!(shift_date(day(2025, 3, 20), -1), day(2024, 3, 20));
        assert_eq!(shift_date(day(2024, 2, 29), 1), day(2025, 2, 28));
        assert_eq!(shift_date(day(2024, 2, 29), -4), day(2020, 2, 29));
        assert_eq!(shift_date(day(2025, 12, 31), 2), day(2027, 12, 31));
        assert_eq!(shift_value(&Value::Number(Decimal::from(2024)), Some(Unit::Year), -3), Value::Number(Decimal::from(2021)));
        assert_eq!(shift_value(&Value::Number(Decimal::from(2)), Some(Unit::Years), -3), Value::Number(Decimal::from(2)));
    }
}
