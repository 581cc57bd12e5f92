//! A decimal as rule files, norms and expressions write it: a point, an optional sign and an
//! optional exponent; never a comma nor a space.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Parses a decimal written with a point, an optional sign and an optional exponent.
pub fn parse_rule_decimal(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty() || t.contains(',') || t.contains(char::is_whitespace) {
        return None;
    }
    if t.contains(['e', 'E']) {
        return Decimal::from_scientific(t).ok();
    }
    Decimal::from_str(t).ok()
}
