//! Check keys of identifiers, as generic algorithms a norm names: `mod97` keys of two digits
//! (with the department substitution of the `nir` variant) and Luhn check digits.
//!
//! Functions work on bytes and never allocate: a validator calls them once per row.

use crate::data::norm::Checksum;

/// What a checksum says about a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    /// The value has the right form but its key is wrong; `expected` is the right key.
    WrongKey {
        expected: u32,
    },
    /// The value is not of the form the algorithm reads (length, non-digits).
    Unreadable,
}

/// Runs `algorithm` on `value`.
pub(crate) fn verify(algorithm: Checksum, value: &[u8]) -> Verdict {
    match algorithm {
        Checksum::Nir => nir(value),
        Checksum::Luhn => luhn(value),
    }
}

/// A 15-character number: 13 characters and a 2-digit key, key = 97 − (number mod 97).
///
/// Positions 6–7 may hold `2A` or `2B` (the two departments of Corsica, created in 1976): the
/// number is then read with `19` for `2A` and `18` for `2B`, which is the published rule
/// (equivalently, the number with `20` minus 1 000 000 or 2 000 000).
pub fn nir(value: &[u8]) -> Verdict {
    if value.len() != 15 {
        return Verdict::Unreadable;
    }
    let (Some(expected), Some(key)) = (nir_key(&value[..13]), decimal(&value[13..])) else { return Verdict::Unreadable };
    if u64::from(expected) == key { Verdict::Valid } else { Verdict::WrongKey { expected } }
}

/// The key of the first 13 characters of a number read by [`nir`], in `1..=97`; `None` when they
/// are not 13 digits (with `2A`/`2B` allowed at positions 6–7).
pub fn nir_key(first13: &[u8]) -> Option<u32> {
    let mut digits: [u8; 13] = first13.try_into().ok()?;
    match &digits[5..7] {
        b"2A" | b"2a" => digits[5..7].copy_from_slice(b"19"),
        b"2B" | b"2b" => digits[5..7].copy_from_slice(b"18"),
        _ => {}
    }
    // The remainder is below 97, so the key is in 1..=97.
    decimal(&digits).map(|number| 97 - (number % 97) as u32)
}

/// A number whose last digit is the Luhn check digit of the digits before it.
pub fn luhn(value: &[u8]) -> Verdict {
    let Some((&last, payload)) = value.split_last() else { return Verdict::Unreadable };
    if !last.is_ascii_digit() {
        return Verdict::Unreadable;
    }
    let Some(expected) = luhn_digit(payload) else { return Verdict::Unreadable };
    if expected == u32::from(last - b'0') { Verdict::Valid } else { Verdict::WrongKey { expected } }
}

/// The Luhn check digit to append to `payload`, or `None` when it holds a non-digit.
pub fn luhn_digit(payload: &[u8]) -> Option<u32> {
    let mut sum = 0u32;
    // The rightmost digit of the payload is doubled, since the check digit goes after it.
    for (idx, &c) in payload.iter().rev().enumerate() {
        if !c.is_ascii_digit() {
            return None;
        }
        let d = u32::from(c - b'0');
        sum += if idx % 2 == 0 {
            let doubled = d * 2;
            if doubled > 9 { doubled - 9 } else { doubled }
        } else {
            d
        };
    }
    Some((10 - sum % 10) % 10)
}

/// The value of at most 19 ASCII digits.
fn decimal(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() || digits.len() > 19 {
        return None;
    }
    digits.iter().try_fold(0u64, |n, &c| c.is_ascii_digit().then(|| n * 10 + u64::from(c - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(algorithm: Checksum, value: &str, want: Verdict) {
        assert_eq!(verify(algorithm, value.as_bytes()), want, "{algorithm:?} on {value}");
    }

    #[test]
    fn mod97_keys_with_the_department_substitution() {
        // 1 84 12 76 451 089 → 97 − (1841276451089 mod 97) = 46.
        check(Checksum::Nir, "184127645108946", Verdict::Valid);
        check(Checksum::Nir, "184127645108947", Verdict::WrongKey { expected: 46 });
        // 2A reads as 19: 1 85 05 19 012 345 → 97 − (1850519012345 mod 97).
        let key = 97 - 1_850_519_012_345u64 % 97;
        check(Checksum::Nir, &format!("185052A012345{key:02}"), Verdict::Valid);
        let key = 97 - 1_850_518_012_345u64 % 97;
        check(Checksum::Nir, &format!("185052B012345{key:02}"), Verdict::Valid);
        check(Checksum::Nir, "18412764510894", Verdict::Unreadable);
        check(Checksum::Nir, "1841276451089AB", Verdict::Unreadable);
        check(Checksum::Nir, "18412X645108946", Verdict::Unreadable);
    }

    #[test]
    fn luhn_digits() {
        // The classic example: 7992739871 has check digit 3.
        check(Checksum::Luhn, "79927398713", Verdict::Valid);
        check(Checksum::Luhn, "79927398710", Verdict::WrongKey { expected: 3 });
        check(Checksum::Luhn, "7992739871X", Verdict::Unreadable);
        check(Checksum::Luhn, "", Verdict::Unreadable);
        assert_eq!(luhn_digit(b"1023028869"), Some(7));
    }
}
