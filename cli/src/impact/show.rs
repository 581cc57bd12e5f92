//! How an impact shows its figures to people, in the table and the HTML page alike: each item by
//! its whole label then its name, its values before and after written the French way (a rate as a
//! percentage with every digit it has, `1 500,00 €`, `31/12/2026`), each delta with its unit.

use peps_engine::compare::impact::{ImpactItem, ItemKind};
use peps_engine::rulebook::Rulebook;
use peps_engine::value::{Unit, Value};
use rust_decimal::Decimal;

use crate::format::{Locale, human, number};
use crate::language::Say;

/// An item as people name it: its whole label, then its name in parentheses (never cut).
pub(super) fn item_name(i: &ImpactItem) -> String {
    let name = i.name.say();
    match &i.label {
        Some(l) if *l != name => format!("{l} ({name})"),
        _ => name,
    }
}

/// A signed amount with its unit: `+1 500,00 €`, `-11,01 %` (a rate's change in points of
/// percentage, as its values are shown), `+3`.
pub(super) fn signed(d: Decimal, unit: Unit, locale: Locale) -> String {
    let mut d = d;
    if unit == Unit::Eur && d.scale() < 2 {
        d.rescale(2);
    }
    let sign = if d.is_sign_positive() && !d.is_zero() { "+" } else { "" };
    format!("{sign}{}", human(&Value::Number(d), unit, locale))
}

/// The values of a changed item before and after (`rbs`: the rulebooks of the two sides), for
/// people: a parameter with one value by its unit; the result by the parts that changed; other
/// values with their numbers and dates written the French way; the code of a step or a formula
/// as it is written.
pub(super) fn item_values(i: &ImpactItem, rbs: [&Rulebook; 2], locale: Locale) -> [String; 2] {
    let (mut from, mut to) = (i.from.as_ref().map(Say::say), i.to.as_ref().map(Say::say));
    if i.kind == ItemKind::Result
        && let (Some(f), Some(t)) = (from.clone(), to.clone())
    {
        // `total …; components …; gate …`: only the parts that differ.
        let (fs, ts): (Vec<&str>, Vec<&str>) = (f.split("; ").collect(), t.split("; ").collect());
        if fs.len() == ts.len() {
            let pairs: Vec<(&str, &str)> = fs.into_iter().zip(ts).filter(|(a, b)| a != b).collect();
            from = Some(pairs.iter().map(|p| p.0).collect::<Vec<_>>().join("; "));
            to = Some(pairs.iter().map(|p| p.1).collect::<Vec<_>>().join("; "));
        }
    }
    [(&from, rbs[0]), (&to, rbs[1])].map(|(v, rb)| item_value(i, v, rb, locale))
}

fn item_value(i: &ImpactItem, text: &Option<String>, rb: &Rulebook, locale: Locale) -> String {
    let Some(text) = text else { return "—".to_string() };
    if i.kind == ItemKind::Parameter
        && let Some(p) = rb.parameters().iter().find(|p| i.name.as_text() == Some(p.name.as_str()))
        && let [only] = p.values.as_slice()
    {
        return human(&only.value, p.unit, locale);
    }
    match i.kind {
        ItemKind::Step | ItemKind::Formula | ItemKind::Result | ItemKind::Norm => text.clone(),
        _ => french_text(text, locale),
    }
}

/// `text` with its decimal numbers (`26.50` → `26,50`, `1500.00` → `1 500,00`) and its dates
/// (`2025-12-31` → `31/12/2025`) written the French way; names and codes untouched.
pub(super) fn french_text(text: &str, locale: Locale) -> String {
    if locale == Locale::Plain {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        // A number starts a token: not glued to a name before it (`v2`, `tarif_ik2`).
        let starts = chars[i].is_ascii_digit() && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_'));
        if !starts {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.' || chars[j] == '-') {
            j += 1;
        }
        let token: String = chars[i..j].iter().collect();
        let glued = j < chars.len() && (chars[j].is_alphabetic() || chars[j] == '_');
        out.push_str(&if glued { token } else { french_token(&token, locale) });
        i = j;
    }
    out
}

/// One token of digits, dots and dashes: a date, a decimal, or left as it is.
fn french_token(token: &str, locale: Locale) -> String {
    if let Ok(d) = chrono::NaiveDate::parse_from_str(token, "%Y-%m-%d")
        && token.len() == 10
    {
        return d.format("%d/%m/%Y").to_string();
    }
    // A trailing dash or dot is punctuation, not part of the number.
    let trimmed = token.trim_end_matches(['.', '-']);
    let rest = &token[trimmed.len()..];
    if trimmed.parse::<Decimal>().is_ok() && trimmed.contains('.') && !trimmed[1..].contains('-') {
        return format!("{}{rest}", number(trimmed, locale));
    }
    token.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_of_a_value_read_the_french_way() {
        let fr = |s| french_text(s, Locale::Fr);
        assert_eq!(fr("tarif = 26.50, à partir du 2025-07-01"), "tarif = 26,50, à partir du 01/07/2025");
        assert_eq!(fr("2024-01-01 – 2024-12-31"), "01/01/2024 – 31/12/2024");
        assert_eq!(fr("1500.00"), "1\u{202f}500,00");
        assert_eq!(fr("v2, code G, 2027, tarif_ik2 = 0.65."), "v2, code G, 2027, tarif_ik2 = 0,65.");
        assert_eq!(french_text("tarif = 26.50", Locale::Plain), "tarif = 26.50");
    }

    #[test]
    fn a_delta_has_its_unit() {
        assert_eq!(signed(Decimal::new(15, 1), Unit::Eur, Locale::Fr), "+1,50 €");
        assert_eq!(signed(Decimal::new(-1101, 4), Unit::Rate, Locale::Fr), "-11,01 %");
    }
}
