//! A value written for people in a label, in the French convention of the rules' labels: a rate
//! as a percentage (`0.155` → `15,5 %`), an amount in euros with its cents (`1 234,50 €`), a
//! date as `JJ/MM/AAAA`, a count as a whole number, thousands grouped by a narrow space.

use rust_decimal::Decimal;

use crate::value::{Unit, Value};

/// No-break space before `%` and `€`, narrow no-break space between thousands.
const BEFORE_SIGN: char = '\u{a0}';
const THOUSANDS: char = '\u{202f}';

/// `value`, of unit `unit`, as a label shows it.
pub(crate) fn for_people(value: &Value, unit: Unit) -> String {
    match value {
        Value::Null => "—".to_string(),
        Value::Bool(true) => "oui".to_string(),
        Value::Bool(false) => "non".to_string(),
        Value::Date(d) => d.format("%d/%m/%Y").to_string(),
        Value::Text(t) => t.to_string(),
        Value::Number(n) => number_for_people(*n, unit),
    }
}

fn number_for_people(n: Decimal, unit: Unit) -> String {
    match unit {
        Unit::Rate => format!("{}{BEFORE_SIGN}%", french((n * Decimal::ONE_HUNDRED).normalize())),
        Unit::Eur => {
            let mut cents = n.normalize();
            if cents.scale() < 2 {
                cents.rescale(2);
            }
            format!("{}{BEFORE_SIGN}€", french(cents))
        }
        Unit::Count => french(n.round().normalize()),
        // A calendar year is a name for a year, not a quantity: `2025`, never `2 025`.
        Unit::Year => n.normalize().to_string(),
        _ => french(n.normalize()),
    }
}

/// A decimal as written, with a comma and its thousands grouped.
fn french(n: Decimal) -> String {
    french_number(&n.to_string())
}

/// A number written with a point (`-1234.50`, as `Decimal` writes it) the French way: a comma,
/// and the integer part grouped by thousands with a narrow no-break space (`-1 234,50`). The one
/// French number formatter: labels use it, and so does the CLI for every figure it shows.
pub fn french_number(text: &str) -> String {
    grouped_number(text, THOUSANDS, ',')
}

/// A number written with a point, its integer part grouped by thousands with `group` and its
/// decimal mark `mark`: the one grouping of figures, French (`french_number`) or English
/// (`1,234.50`, which the CLI asks for in an English run).
pub fn grouped_number(text: &str, group: char, mark: char) -> String {
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}{mark}{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal_macros::dec;

    use super::*;

    fn shown(v: Value, unit: Unit) -> String {
        for_people(&v, unit).replace([BEFORE_SIGN, THOUSANDS], " ")
    }

    #[test]
    fn numbers_are_grouped_by_thousands_with_a_comma() {
        assert_eq!(french_number("558327.00"), "558\u{202f}327,00");
        assert_eq!(french_number("-1234"), "-1\u{202f}234");
        assert_eq!(french_number("12.5"), "12,5");
        assert_eq!(french_number("999"), "999");
    }

    #[test]
    fn values_are_written_the_french_way() {
        assert_eq!(shown(Value::Number(dec!(0.20)), Unit::Rate), "20 %");
        assert_eq!(shown(Value::Number(dec!(0.155)), Unit::Rate), "15,5 %");
        assert_eq!(shown(Value::Number(dec!(1.1321)), Unit::Rate), "113,21 %");
        assert_eq!(shown(Value::Number(dec!(1234.5)), Unit::Eur), "1 234,50 €");
        assert_eq!(shown(Value::Number(dec!(30)), Unit::Eur), "30,00 €");
        assert_eq!(shown(Value::Number(dec!(0.615)), Unit::Eur), "0,615 €");
        assert_eq!(shown(Value::Number(dec!(250)), Unit::Count), "250");
        assert_eq!(shown(Value::Number(dec!(12500)), Unit::Count), "12 500");
        assert_eq!(shown(Value::Number(dec!(65.0)), Unit::Years), "65");
        assert_eq!(shown(Value::Date(NaiveDate::from_ymd_opt(2026, 7, 3).unwrap()), Unit::Date), "03/07/2026");
        assert_eq!(shown(Value::Bool(false), Unit::Bool), "non");
        assert_eq!(shown(Value::Number(dec!(-0.05)), Unit::Rate), "-5 %");
    }
}
