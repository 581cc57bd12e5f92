//! Values dated inside a period (a tariff that changes on 22 December), and periods of dates.

use chrono::NaiveDate;
use serde::Serialize;

/// A value that may change inside the period: each entry holds from its date to the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dated<T> {
    pub from: NaiveDate,
    pub value: T,
}

/// The value in force on `date` among `dated` (sorted by `from`), if any.
pub(crate) fn value_at<T>(dated: &[Dated<T>], date: NaiveDate) -> Option<&T> {
    dated.iter().rev().find(|d| d.from <= date).map(|d| &d.value)
}

/// A closed interval of dates: the period a rulebook governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    pub(crate) fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}
