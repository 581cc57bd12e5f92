//! Identifiers in text no field explains. A value in an identifier column is masked by its
//! column; text that cannot be put in columns (a row of another width, a record that does not
//! split) or a value in a column that is not an identifier can still hold one, written in ways
//! no pattern of the norm accepts: with spaces (`1 64 05 78 411 839 49`), with a digit missing,
//! with a Corsican department (`2A`, `2B`). Such text is masked by its runs of digits: a run is
//! digits, possibly joined by spaces, dots, dashes or slashes, with the letters `A`/`B` after a
//! `2` (a Corsican department); a run of enough digits is masked whole.

use crate::data::norm::{FieldKind, Norm};
use crate::message::Message;

/// What a masked run becomes in a rejects file.
pub(crate) const MASK: &[u8] = b"[masked]";

/// The fewest digits a run must hold to be masked in a value of a column that is not an
/// identifier: a NIR (15 characters) written with spaces, without its key (13) or with a digit
/// missing. A date, an amount or a code of the norms never comes close.
pub const STRAY_MIN_DIGITS: usize = 13;

/// The digits of a date (`19640512`, `12/05/1964`).
const DATE_DIGITS: usize = 8;

/// The fewest digits a run must hold to be masked in text of a file of `norm` that nobody can put
/// in columns (a row of another width, a record that does not split, a header): any value one of
/// the norm's identifier fields could hold, a digit or two short — a date of birth when one is an
/// identifier, a NIR in any file. Such a row is for a person to fix by hand, who can ask for it
/// in clear (`--show-identifiers`).
pub fn unmapped_min_digits(norm: &Norm) -> usize {
    norm.fields
        .iter()
        .filter(|f| f.identifier)
        .map(|f| match (f.kind, f.length) {
            (FieldKind::Date, _) => DATE_DIGITS,
            (_, Some((min, _))) => min.saturating_sub(2).max(DATE_DIGITS),
            (_, None) => DATE_DIGITS,
        })
        .fold(STRAY_MIN_DIGITS, usize::min)
}

/// Characters that may join the digits of one run (a NIR written `1 64 05…` or `1.64.05…`).
fn joins(b: u8) -> bool {
    matches!(b, b' ' | b'.' | b'-' | b'/' | b'\t' | 0xA0)
}

/// The runs of `text` that hold at least `min_digits` digits, as byte ranges (first digit to
/// last digit or Corsican letter), in order. `sep` (the file's separator) never joins a run.
pub(crate) fn runs(text: &[u8], min_digits: usize, sep: u8) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if !text[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut count = 0;
        let mut j = i;
        while j < text.len() {
            let b = text[j];
            if b.is_ascii_digit() || (matches!(b, b'A' | b'B' | b'a' | b'b') && j > 0 && text[j - 1] == b'2') {
                count += 1;
                j += 1;
                end = j;
            } else if joins(b) && b != sep {
                // Joiners continue a run only when a digit follows them.
                let mut k = j;
                while k < text.len() && joins(text[k]) && text[k] != sep {
                    k += 1;
                }
                if k < text.len() && text[k].is_ascii_digit() {
                    j = k;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if count >= min_digits {
            out.push(start..end);
        }
        i = end.max(i + 1);
    }
    out
}

/// `text` with each run of at least `min_digits` digits replaced by `mask`, appended to `out`;
/// whether any was masked.
pub(crate) fn mask_runs_into(text: &[u8], min_digits: usize, sep: u8, mask: &[u8], out: &mut Vec<u8>) -> bool {
    let found = runs(text, min_digits, sep);
    let mut at = 0;
    for r in &found {
        out.extend_from_slice(&text[at..r.start]);
        out.extend_from_slice(mask);
        at = r.end;
    }
    out.extend_from_slice(&text[at..]);
    !found.is_empty()
}

/// A raw value of a data file as a message shows it, read where no field says what it is (a
/// national file's case column): masked when it holds a NIR in any form.
pub(crate) fn shown_raw(bytes: &[u8]) -> Message {
    if has_run(bytes, STRAY_MIN_DIGITS) {
        msg!("data-masked-characters", count = String::from_utf8_lossy(bytes).chars().count())
    } else {
        Message::text(String::from_utf8_lossy(bytes))
    }
}

/// Whether `text` holds a run of at least `min_digits` digits.
pub fn has_run(text: &[u8], min_digits: usize) -> bool {
    !runs(text, min_digits, 0).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str, min: usize) -> String {
        let mut out = Vec::new();
        mask_runs_into(text.as_bytes(), min, b';', MASK, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_nir_is_masked_however_it_is_written() {
        for nir in [
            "164057841183949",
            "1 64 05 78 411 839 49",
            "1.64.05.78.411.839.49",
            "16405784118394",
            "1640578411839",
            "1 64 05 2A 411 839 49",
            "164052B41183949",
        ] {
            assert_eq!(masked(&format!("x;{nir};y"), STRAY_MIN_DIGITS), "x;[masked];y", "{nir}");
        }
    }

    #[test]
    fn a_raw_value_is_shown_unless_it_holds_a_nir() {
        assert_eq!(shown_raw(b"EQUIPE_12").en(), "EQUIPE_12");
        assert!(shown_raw(b"1 64 05 78 411 839 49").en().starts_with('['), "{}", shown_raw(b"1 64 05 78 411 839 49").en());
    }

    #[test]
    fn short_numbers_stay_and_the_separator_splits_runs() {
        assert_eq!(masked("12,50;01/02/2025;A;164", STRAY_MIN_DIGITS), "12,50;01/02/2025;A;164");
        assert_eq!(masked("1234567;8901234", STRAY_MIN_DIGITS), "1234567;8901234");
        assert_eq!(masked("12/05/1964;x", DATE_DIGITS), "[masked];x");
        assert_eq!(masked("n 1234 ", DATE_DIGITS), "n 1234 ");
        // A trailing joiner is not part of the run.
        assert_eq!(masked("19640512 - x", DATE_DIGITS), "[masked] - x");
    }
}
