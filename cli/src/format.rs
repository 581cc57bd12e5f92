//! Number formatting for people: French (`558 327,00 €`, `88,17 %`, `31/12/2025`, `oui`), the
//! default, or plain (`558327.00`, `0.8817`, `2025-12-31`, `true`) with `--locale plain`.

use peps_engine::value::{Unit, Value};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Locale {
    /// 558327.00
    Plain,
    /// 558 327,00
    Fr,
}

/// A value as people read it, with its unit.
pub fn human(value: &Value, unit: Unit, locale: Locale) -> String {
    match value {
        // A rate reads as a percentage in French (`0.8817` → `88,17 %`), rounded for the eye to
        // the hundredth of a point; the exact value stays in JSON and CSV.
        Value::Number(n) if unit == Unit::Rate && locale == Locale::Fr => {
            let percent = (n * Decimal::ONE_HUNDRED).round_dp(2).normalize();
            format!("{} %", number(&percent.to_string(), locale))
        }
        Value::Number(n) => {
            let text = number(&n.to_string(), locale);
            match unit {
                Unit::Eur => format!("{text} €"),
                _ => text,
            }
        }
        Value::Date(d) if locale == Locale::Fr => d.format("%d/%m/%Y").to_string(),
        Value::Bool(b) => match (b, locale) {
            (true, Locale::Fr) => "oui".into(),
            (false, Locale::Fr) => "non".into(),
            (b, _) => b.to_string(),
        },
        Value::Null => "—".into(),
        other => other.render(),
    }
}

/// Groups the integer part by thousands and sets the decimal mark for `locale`.
pub fn number(text: &str, locale: Locale) -> String {
    if locale == Locale::Plain {
        return text.to_string();
    }
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_numbers_group_thousands() {
        assert_eq!(number("558327.00", Locale::Fr), "558\u{202f}327,00");
        assert_eq!(number("-1234", Locale::Fr), "-1\u{202f}234");
        assert_eq!(number("12.5", Locale::Fr), "12,5");
        assert_eq!(number("558327.00", Locale::Plain), "558327.00");
    }
}
