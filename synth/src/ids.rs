//! Identifiers: the checksums of the NIR (key modulo 97) and of RPPS and FINESS numbers (Luhn),
//! and the generators that draw fresh, valid, invented identifiers from a seeded generator.
//!
//! The checksums are the engine's (`peps_engine::data::checksum`), so the generator writes exactly the
//! keys the validator checks; the functions here are their string-typed front.

use std::collections::HashSet;

use peps_engine::data::checksum::{self, Verdict};
use rand::Rng;

/// The NIR key of the first 13 characters of a NIR: `97 − (number mod 97)`, in `1..=97`.
///
/// For people born in Corsica the department `2A` counts as `19` and `2B` as `18`.
///
/// # Panics
///
/// If `first13` is not 13 ASCII digits, with `2A` or `2B` allowed at positions 6–7. Use
/// [`try_nir_key`] on untrusted input.
pub fn nir_key(first13: &str) -> u32 {
    try_nir_key(first13).unwrap_or_else(|| panic!("not the first 13 characters of a nir: {first13:?}"))
}

/// [`nir_key`], or `None` when `first13` is not 13 digits (with `2A`/`2B` allowed at positions 6–7).
pub fn try_nir_key(first13: &str) -> Option<u32> {
    checksum::nir_key(first13.as_bytes())
}

/// Whether `nir` is 15 characters whose last two digits are the key of the first 13.
pub fn nir_is_valid(nir: &str) -> bool {
    checksum::nir(nir.as_bytes()) == Verdict::Valid
}

/// The Luhn check digit to append to `digits` (an RPPS is 10 digits + this digit, a FINESS 8 + it).
///
/// # Panics
///
/// If `digits` holds anything but ASCII digits. Use [`try_luhn_check_digit`] on untrusted input.
pub fn luhn_check_digit(digits: &str) -> u32 {
    try_luhn_check_digit(digits).unwrap_or_else(|| panic!("luhn needs ascii digits only: {digits:?}"))
}

/// [`luhn_check_digit`], or `None` when `digits` holds anything but ASCII digits.
pub fn try_luhn_check_digit(digits: &str) -> Option<u32> {
    checksum::luhn_digit(digits.as_bytes())
}

/// Whether the last digit of `number` is the Luhn check digit of the ones before it.
pub fn luhn_is_valid(number: &str) -> bool {
    checksum::luhn(number.as_bytes()) == Verdict::Valid
}

/// A NIR as bytes: 13 characters then the 2-digit key.
pub(crate) type Nir = [u8; 15];

/// Where a person was born, as the 5 NIR characters department + commune.
pub(crate) type BirthPlace = [u8; 5];

/// Countries of birth for people born abroad (department `99`), as INSEE country codes.
const COUNTRY_CODES: [&[u8; 3]; 8] = [b"350", b"351", b"352", b"139", b"134", b"127", b"109", b"341"];

/// Draws a plausible place of birth: often the structure's own department, otherwise anywhere in
/// metropolitan France, rarely Corsica or overseas, and about one person in ten born abroad.
pub(crate) fn birth_place<R: Rng>(rng: &mut R, local_department: [u8; 2]) -> BirthPlace {
    let mut place = [b'0'; 5];
    let u: f64 = rng.random();
    let (dept, commune_max): ([u8; 2], u32) = if u < 0.35 {
        (local_department, 150)
    } else if u < 0.87 {
        // Departments 01 to 95, without 20 (Corsica has been 2A/2B since 1976).
        let mut d = rng.random_range(1..=94u32);
        if d >= 20 {
            d += 1;
        }
        (two_digits(d), 600)
    } else if u < 0.88 {
        (if rng.random_bool(0.5) { *b"2A" } else { *b"2B" }, 360)
    } else if u < 0.90 {
        // Overseas departments have three digits: 97 then 1, 2, 3, 4 or 6, and a 2-digit commune.
        place[..2].copy_from_slice(b"97");
        place[2] = [b'1', b'2', b'3', b'4', b'6'][rng.random_range(0..5)];
        place[3..].copy_from_slice(&two_digits(rng.random_range(1..=34)));
        return place;
    } else {
        place[..2].copy_from_slice(b"99");
        place[2..].copy_from_slice(COUNTRY_CODES[rng.random_range(0..COUNTRY_CODES.len())]);
        return place;
    };
    place[..2].copy_from_slice(&dept);
    place[2..].copy_from_slice(&three_digits(rng.random_range(1..=commune_max)));
    place
}

/// Draws a NIR for a person of the given sex and birth month, unique within `taken`.
///
/// `taken` holds the first 13 characters of every NIR already handed out; membership is all it is
/// used for, so its iteration order never reaches the output.
pub(crate) fn fresh_nir<R: Rng>(
    rng: &mut R,
    female: bool,
    birth_year: i32,
    birth_month: u32,
    local_department: [u8; 2],
    taken: &mut HashSet<[u8; 13]>,
) -> Nir {
    loop {
        let mut first13 = [b'0'; 13];
        first13[0] = if female { b'2' } else { b'1' };
        first13[1..3].copy_from_slice(&two_digits(birth_year.rem_euclid(100) as u32));
        first13[3..5].copy_from_slice(&two_digits(birth_month));
        first13[5..10].copy_from_slice(&birth_place(rng, local_department));
        first13[10..13].copy_from_slice(&three_digits(rng.random_range(1..=999)));
        if !taken.insert(first13) {
            continue;
        }
        let text = std::str::from_utf8(&first13).expect("nir characters are ascii");
        let mut nir = [0u8; 15];
        nir[..13].copy_from_slice(&first13);
        nir[13..].copy_from_slice(&two_digits(nir_key(text)));
        return nir;
    }
}

/// Draws an RPPS number (11 digits: `10`, 8 digits, Luhn digit) not yet in `taken`.
pub(crate) fn fresh_rpps<R: Rng>(rng: &mut R, taken: &mut HashSet<[u8; 11]>) -> [u8; 11] {
    loop {
        let mut rpps = [b'0'; 11];
        rpps[..2].copy_from_slice(b"10");
        for c in &mut rpps[2..10] {
            *c = b'0' + rng.random_range(0..10u8);
        }
        let payload = std::str::from_utf8(&rpps[..10]).expect("rpps digits are ascii");
        rpps[10] = b'0' + luhn_check_digit(payload) as u8;
        if taken.insert(rpps) {
            return rpps;
        }
    }
}

/// Draws a FINESS number: the department, `0`, 5 digits, then the Luhn digit.
pub(crate) fn fresh_finess<R: Rng>(rng: &mut R, department: [u8; 2]) -> String {
    let mut finess = [b'0'; 9];
    finess[..2].copy_from_slice(&department);
    for c in &mut finess[3..8] {
        *c = b'0' + rng.random_range(0..10u8);
    }
    let payload = std::str::from_utf8(&finess[..8]).expect("finess digits are ascii");
    finess[8] = b'0' + luhn_check_digit(payload) as u8;
    String::from_utf8(finess.to_vec()).expect("finess digits are ascii")
}

/// The department digits used in FINESS numbers and local births: the first two characters of
/// the commune code, or `20` for Corsica, whose `2A`/`2B` cannot carry a Luhn digit.
pub(crate) fn department_digits(code_commune: &str) -> [u8; 2] {
    match code_commune.as_bytes() {
        [a @ b'0'..=b'9', b @ b'0'..=b'9', ..] => [*a, *b],
        _ => *b"20",
    }
}

pub(crate) fn two_digits(n: u32) -> [u8; 2] {
    debug_assert!(n < 100);
    [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8]
}

fn three_digits(n: u32) -> [u8; 3] {
    debug_assert!(n < 1000);
    [b'0' + (n / 100) as u8, b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8]
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    use super::*;

    #[test]
    fn nir_key_of_known_numbers() {
        // 2550814168025 mod 97 = 59, so the key is 38 (the usual textbook example).
        assert_eq!(nir_key("2550814168025"), 38);
        // Corsica: 2A counts as 19, 2B as 18.
        assert_eq!(nir_key("180062A123456"), nir_key("1800619123456"));
        assert_eq!(nir_key("180062B123456"), nir_key("1800618123456"));
        assert_ne!(nir_key("180062A123456"), nir_key("180062B123456"));
        assert!(nir_is_valid("255081416802538"));
        assert!(!nir_is_valid("255081416802539"));
        assert_eq!(try_nir_key("25508141680"), None);
        assert_eq!(try_nir_key("2550814X68025"), None);
    }

    #[test]
    fn luhn_of_known_numbers() {
        // The classic Luhn example 79927398713.
        assert_eq!(luhn_check_digit("7992739871"), 3);
        assert!(luhn_is_valid("79927398713"));
        assert!(!luhn_is_valid("79927398710"));
        assert!(!luhn_is_valid(""));
        assert!(!luhn_is_valid("1234x"));
        assert_eq!(try_luhn_check_digit("12a"), None);
    }

    #[test]
    fn generated_identifiers_are_valid_and_distinct() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut nirs = HashSet::new();
        for idx in 0..2_000u32 {
            let nir = fresh_nir(&mut rng, idx % 2 == 0, 1970, idx % 12 + 1, *b"92", &mut nirs);
            assert!(nir_is_valid(std::str::from_utf8(&nir).unwrap()));
        }
        assert_eq!(nirs.len(), 2_000);
        let mut rpps = HashSet::new();
        for _ in 0..500 {
            let number = fresh_rpps(&mut rng, &mut rpps);
            assert!(luhn_is_valid(std::str::from_utf8(&number).unwrap()));
        }
        let finess = fresh_finess(&mut rng, *b"92");
        assert!(finess.starts_with("920") && finess.len() == 9 && luhn_is_valid(&finess));
    }
}
