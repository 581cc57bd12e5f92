//! Values for people: French (`558 327,00 €`, `88,17 %`, `31/12/2025`, `oui`), the default, or
//! English with `--lang en` (`558,327.00 €`, `88.17 %`, `yes`), or
//! plain (`558327.00`, `0.8817`, `2025-12-31`, `true`) with `--locale plain`; and a failed
//! condition of the gate with its two values, which the table and the page both show.

use peps_engine::eval::Part;
use peps_engine::message::Lang;
use peps_engine::msg;
use peps_engine::value::{Unit, Value};
use rust_decimal::Decimal;

use crate::language::Say;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Locale {
    /// 558327.00
    Plain,
    /// 558 327,00
    Fr,
}

/// The most decimals of a percentage shown exactly: a rate written in the rules has a few
/// (`116,6063 %`); past this, a computed ratio is shown rounded to the hundredth, marked `≈`.
const MAX_SHOWN_PERCENT_DECIMALS: u32 = 6;

/// A value as people read it, with its unit.
pub fn human(value: &Value, unit: Unit, locale: Locale) -> String {
    match value {
        // A rate reads as a percentage in French with every digit it has (`1.166063` →
        // `116,6063 %`), so that a reader can recompute a figure from what she sees; a computed
        // ratio with more digits than a person can use is shown rounded and marked `≈`. The exact
        // value stays in JSON and CSV.
        Value::Number(n) if unit == Unit::Rate && locale == Locale::Fr => {
            let percent = n.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(*n).normalize();
            if percent.scale() <= MAX_SHOWN_PERCENT_DECIMALS {
                format!("{} %", number(&percent.to_string(), locale))
            } else {
                format!("≈ {} %", number(&percent.round_dp(2).normalize().to_string(), locale))
            }
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
            (true, Locale::Fr) => msg!("cli-docs-yes").say(),
            (false, Locale::Fr) => msg!("cli-docs-no").say(),
            (b, _) => b.to_string(),
        },
        Value::Null => "—".into(),
        other => other.render(),
    }
}

/// A failed condition of the gate as people read it: its label, its name, and when it compares
/// two values, both (`4, il en faut au moins 5`).
pub fn failed_check(c: &Part, locale: Locale) -> String {
    let label = c.label.as_ref().map_or_else(|| c.key.clone(), Say::say);
    match &c.compared {
        Some(cmp) => msg!(
            "report-failed-check-compared",
            label = label,
            name = &c.key,
            value = human(&cmp.value, Unit::Number, locale),
            op = comparison_key(&cmp.op),
            threshold = human(&cmp.threshold, Unit::Number, locale)
        )
        .say(),
        None => msg!("report-failed-check", label = label, name = &c.key).say(),
    }
}

/// The selector of a comparison in the message files (`>=` → `ge`).
fn comparison_key(op: &str) -> &'static str {
    match op {
        ">=" => "ge",
        ">" => "gt",
        "<=" => "le",
        "<" => "lt",
        "==" => "eq",
        _ => "ne",
    }
}

/// Whether the French number style was asked for by name (`--locale fr` or `PEPS_LOCALE`): then
/// an English run keeps it; otherwise the people's style follows the language.
pub static FRENCH_ASKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Groups the integer part by thousands and sets the decimal mark for `locale` and the run's
/// language: `1 234,50` in French (the engine's one formatter, `value::french_number`),
/// `1,234.50` in English.
pub fn number(text: &str, locale: Locale) -> String {
    if locale == Locale::Plain {
        return text.to_string();
    }
    let english = crate::language::lang() == Lang::En && !FRENCH_ASKED.load(std::sync::atomic::Ordering::Relaxed);
    if english { peps_engine::value::grouped_number(text, ',', '.') } else { peps_engine::value::french_number(text) }
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

    #[test]
    fn a_rate_shows_every_digit_it_has_or_says_it_is_rounded() {
        let shown = |n: Decimal| human(&Value::Number(n), Unit::Rate, Locale::Fr);
        assert_eq!(shown(Decimal::new(1_166_063, 6)), "116,6063 %");
        assert_eq!(shown(Decimal::new(20, 2)), "20 %");
        assert_eq!(shown(Decimal::ONE / Decimal::from(3)), "≈ 33,33 %");
        assert_eq!(human(&Value::Number(Decimal::new(1_166_063, 6)), Unit::Rate, Locale::Plain), "1.166063");
    }
}
