//! Values and their units, provenance statuses, rounding and dated values.
//!
//! Every number is an exact `Decimal`; there is no float anywhere in this crate.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::message::Message;
/// Text values are short (codes, identifiers), so they are kept inline: cloning one while
/// evaluating a row costs no allocation.
pub(crate) use smol_str::SmolStr;

mod dated;
mod decimal;
mod people;
mod ratio;
mod rounding;
mod status;
mod unit;

pub(crate) use dated::value_at;
pub use dated::{Dated, Period};
pub use decimal::parse_rule_decimal;
pub(crate) use people::for_people;
pub use people::{french_number, grouped_number};
pub(crate) use ratio::Ratio;
pub use rounding::{Rounding, RoundingMode};
pub use status::Status;
pub use unit::Unit;

/// A typed value: what parameters, case fields, data cells and step outputs hold.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Decimal),
    Date(NaiveDate),
    Text(SmolStr),
}

impl Value {
    /// A text value; a short text (23 bytes at most: codes, identifiers) is made inline directly.
    #[inline]
    pub(crate) fn text(s: &str) -> Value {
        if s.len() <= 23 { Value::Text(SmolStr::new_inline(s)) } else { Value::Text(s.into()) }
    }

    pub(crate) fn kind(&self) -> Kind {
        match self {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Number(_) => Kind::Number,
            Value::Date(_) => Kind::Date,
            Value::Text(_) => Kind::Text,
        }
    }

    pub fn as_number(&self) -> Option<Decimal> {
        match self {
            Value::Number(d) => Some(*d),
            _ => None,
        }
    }

    /// The value as a JSON-friendly string: decimals normalised, dates ISO.
    pub fn render(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Bool(b) => b.to_string(),
            Value::Number(d) => d.to_string(),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Value::Text(s) => s.to_string(),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_none(),
            Value::Bool(b) => s.serialize_bool(*b),
            _ => s.serialize_str(&self.render()),
        }
    }
}

/// The type of a value, used to check expressions at load time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    Null,
    Bool,
    Number,
    Date,
    Text,
}

impl Kind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "boolean",
            Kind::Number => "number",
            Kind::Date => "date",
            Kind::Text => "text",
        }
    }

    /// The name of the type for people.
    pub(crate) fn label(self) -> Message {
        match self {
            Kind::Null => msg!("data-kind-null"),
            Kind::Bool => msg!("data-kind-bool"),
            Kind::Number => msg!("data-kind-number"),
            Kind::Date => msg!("data-kind-date"),
            Kind::Text => msg!("data-kind-text"),
        }
    }

    /// The names of `kinds`, separated by commas.
    pub(crate) fn list(kinds: &[Kind]) -> Message {
        match kinds {
            [] => Message::text(String::new()),
            [one] => one.label(),
            [rest @ .., last] => msg!("data-comma", left = Kind::list(rest), right = last.label()),
        }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn rounding_is_half_up_by_default_not_bankers() {
        let r = |x| Rounding::cents().apply(x).expect("fits");
        assert_eq!(r(dec!(2.345)), dec!(2.35));
        assert_eq!(r(dec!(-2.345)), dec!(-2.35));
        assert_eq!(r(dec!(2.344999)), dec!(2.34));
        assert_eq!(r(dec!(7)).to_string(), "7.00");
        assert_eq!(r(dec!(0.0)).to_string(), "0.00");
        let even = Rounding { step: dec!(0.01), mode: RoundingMode::HalfEven };
        assert_eq!(even.apply(dec!(2.345)), Some(dec!(2.34)));
        let fives = Rounding { step: dec!(0.05), mode: RoundingMode::HalfUp };
        assert_eq!(fives.apply(dec!(1.024)), Some(dec!(1.00)));
        assert_eq!(fives.apply(dec!(1.025)), Some(dec!(1.05)));
        let euros = Rounding { step: dec!(1), mode: RoundingMode::Floor };
        assert_eq!(euros.apply(dec!(-0.5)), Some(dec!(-1)));
        let tens = Rounding { step: dec!(10), mode: RoundingMode::HalfUp };
        assert_eq!(tens.apply(dec!(15)), Some(dec!(20)));
    }

    #[test]
    fn rounding_the_largest_decimals_never_panics() {
        // A decimal cannot hold cents above 7.9·10²⁶: rounded to the cent, it does not fit.
        assert_eq!(Rounding::cents().apply(Decimal::MAX), None);
        assert_eq!(Rounding::cents().apply(Decimal::MIN), None);
        assert_eq!(Rounding::cents().apply(dec!(792281625142643375935439503.35)), Some(dec!(792281625142643375935439503.35)));
        let euros = Rounding { step: dec!(1), mode: RoundingMode::HalfUp };
        assert_eq!(euros.apply(Decimal::MAX), Some(Decimal::MAX));
        // Another step divides: near the largest decimal, that overflows, and says so.
        let fives = Rounding { step: dec!(0.05), mode: RoundingMode::HalfUp };
        assert_eq!(fives.apply(Decimal::MAX), None);
        let up = Rounding { step: dec!(0.3), mode: RoundingMode::Up };
        assert_eq!(up.apply(Decimal::MAX), None);
    }

    #[test]
    fn dated_values_hold_until_the_next_one() {
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
        let tariffs = vec![Dated { from: d(1, 1), value: 26 }, Dated { from: d(12, 22), value: 30 }];
        assert_eq!(value_at(&tariffs, d(12, 21)), Some(&26));
        assert_eq!(value_at(&tariffs, d(12, 22)), Some(&30));
        assert_eq!(value_at(&tariffs, NaiveDate::from_ymd_opt(2023, 12, 31).unwrap()), None);
    }
}
