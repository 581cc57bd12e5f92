//! The built-in functions of the expression language.

// ---------------------------------------------------------------------------------------------
// Checked expressions

/// The built-in functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    /// `years_between(from, to)`: whole years elapsed (an age).
    YearsBetween,
    /// `days_between(from, to)`: days from `from` to `to`.
    DaysBetween,
    /// `year(date)`.
    Year,
    Min,
    Max,
    Abs,
    /// `if(condition, then, else)`.
    If,
    /// `coalesce(a, b)`: `a` unless it is null.
    Coalesce,
    /// `is_null(x)`.
    IsNull,
    /// `round(x, step)`: half-up to a multiple of `step`.
    Round,
    /// `date('2025-12-31')`.
    Date,
}

impl Func {
    pub const NAMES: &'static [&'static str] =
        &["years_between", "days_between", "year", "min", "max", "abs", "if", "coalesce", "is_null", "round", "date"];

    pub(crate) fn parse(name: &str) -> Option<Func> {
        Some(match name {
            "years_between" => Func::YearsBetween,
            "days_between" => Func::DaysBetween,
            "year" => Func::Year,
            "min" => Func::Min,
            "max" => Func::Max,
            "abs" => Func::Abs,
            "if" => Func::If,
            "coalesce" => Func::Coalesce,
            "is_null" => Func::IsNull,
            "round" => Func::Round,
            "date" => Func::Date,
            _ => return None,
        })
    }
}
