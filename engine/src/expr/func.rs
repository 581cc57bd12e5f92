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
        /// `month(date)`: 1 to 12.
        Month = "month",
        /// `date_text(date, '%y%m')`: the date written in a strftime format (`%d`, `%m`, `%y`,
        /// `%Y`...), e.g. '9104' for April 1991.
        DateText = "date_text",
        /// `substr(text, start, length)`: `length` characters from the `start`-th (the first is
        /// 1, as in a spreadsheet); fewer when the text is shorter.
        Substr = "substr",
        /// `to_number(text)`: the number a text writes (`'07'` is 7), null when it writes none.
        ToNumber = "to_number",
        /// `mod(a, b)`: the remainder of `a` divided by `b` (`mod(1991, 100)` is 91).
        Mod = "mod",
    }
}
