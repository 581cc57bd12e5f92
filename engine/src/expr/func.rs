//! The built-in functions of the expression language.

use crate::names::closed_names;
// ---------------------------------------------------------------------------------------------
// Checked expressions

closed_names! {
    /// The built-in functions.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) enum Func {
        /// `years_between(from, to)`: whole years elapsed (an age).
        YearsBetween = "years_between",
        /// `days_between(from, to)`: days from `from` to `to`.
        DaysBetween = "days_between",
        /// `year(date)`.
        Year = "year",
        /// `min(a, b)`: the smaller of two numbers, or the earlier of two dates.
        Min = "min",
        /// `max(a, b)`: the larger of two numbers, or the later of two dates.
        Max = "max",
        Abs = "abs",
        /// `if(condition, then, else)`.
        If = "if",
        /// `coalesce(a, b)`: `a` unless it is null.
        Coalesce = "coalesce",
        /// `is_null(x)`.
        IsNull = "is_null",
        /// `round(x, step)`: half-up to a multiple of `step`.
        Round = "round",
        /// `date('2025-12-31')`.
        Date = "date",
    }
}
