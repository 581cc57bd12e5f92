//! Number formatting for people: plain (`558327.00`) or French (`558 327,00`).

use peps_engine::value::{Unit, Value};

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
        Value::Number(n) => {
            let text = number(&n.to_string(), locale);
            match unit {
                Unit::Eur => format!("{text} €"),
                _ => text,
            }
        }
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
