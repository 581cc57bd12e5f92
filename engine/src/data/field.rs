//! A field of a norm compiled once: type, required, length, pattern, enumerated values, check key
//! and bounds. The one typing path of exchange files: `peps validate` and the case reader
//! (`case::dataset`, through the same validator) read every value here, so a value one accepts the
//! other does, with the same code (V4xx) for the same breach.
//!
//! The value is parsed by hand from its bytes (dates, decimals with the norm's separator,
//! integers), then checked: length, pattern, enumerated values, checksum and bounds — each failure
//! a finding with a code, a message and maybe a hint. Findings never quote the value: the caller
//! shows it next to them, masked when the field is an identifier, so that no identifier can leak
//! through a message.

use chrono::NaiveDate;
use regex::bytes::Regex;
use rust_decimal::Decimal;

use crate::data::checksum::{self, Verdict};
pub(crate) use crate::data::formats::{DateError, DateFormat, Formats, parse_decimal};
use crate::data::limits::MAX_NUMBER;
use crate::data::norm::{Checksum, Encoding, Field, FieldKind, Norm};
use crate::diagnostic::{Code, did_you_mean};
use crate::message::Message;

/// What a field holds once read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum FieldValue {
    /// The file has no column for the field.
    Absent,
    Empty,
    /// Unreadable as the field's type (or in the file's encoding).
    Bad,
    /// Text (text and enum fields): the row's bytes hold it.
    Text,
    Number(Decimal),
    Date(NaiveDate),
    Bool(bool),
}

/// A problem of one value: code, message, hint.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finding {
    pub(crate) code: Code,
    pub(crate) message: Message,
    pub(crate) hint: Option<Message>,
}

impl Finding {
    pub(crate) fn new(code: Code, message: Message) -> Self {
        Finding { code, message, hint: None }
    }

    pub(crate) fn hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }
}

/// A field compiled for validation (see the module documentation).
#[derive(Clone)]
pub(crate) struct FieldPlan {
    pub(crate) name: String,
    pub(crate) kind: FieldKind,
    pub(crate) required: bool,
    pub(crate) identifier: bool,
    pub(crate) length: Option<(usize, usize)>,
    pub(crate) pattern: Option<(Regex, String)>,
    /// The form of a value in words (the norm's `format`), told instead of the pattern.
    pub(crate) format: Option<String>,
    pub(crate) label: String,
    pub(crate) values: Vec<String>,
    pub(crate) min: Option<Decimal>,
    pub(crate) max: Option<Decimal>,
    pub(crate) earliest: Option<NaiveDate>,
    pub(crate) latest: Option<NaiveDate>,
    pub(crate) checksum: Option<Checksum>,
}

/// A field's pattern that is not a valid regular expression.
#[derive(Debug)]
pub(crate) struct PatternError(regex::Error);

impl PatternError {
    /// The error for people.
    pub(crate) fn message(&self) -> Message {
        msg!("data-field-pattern-invalid", reason = self.0.to_string())
    }
}

impl FieldPlan {
    /// Compiles `field`; its pattern may not compile.
    pub(crate) fn compile(field: &Field) -> Result<FieldPlan, PatternError> {
        let pattern = match &field.pattern {
            None => None,
            // The pattern must match the whole value, whether or not it is written with ^ and $.
            Some(p) => Some((Regex::new(&format!("^(?:{p})$")).map_err(PatternError)?, p.clone())),
        };
        Ok(FieldPlan {
            name: field.name.clone(),
            kind: field.kind,
            label: field.label.clone(),
            required: field.required,
            identifier: field.identifier,
            length: field.length,
            pattern,
            format: field.format.clone(),
            values: field.values.clone(),
            min: field.min,
            max: field.max,
            earliest: field.earliest,
            latest: field.latest,
            checksum: field.checksum,
        })
    }

    /// Reads and checks a non-empty, trimmed value (valid UTF-8, read as bytes so that an ASCII
    /// row is never converted); pushes what is wrong with it to `out`.
    pub(crate) fn check(&self, text: &[u8], formats: &Formats, out: &mut Vec<Finding>) -> FieldValue {
        let cell = match self.read(text, formats) {
            Ok(cell) => cell,
            Err(finding) => {
                out.push(finding);
                return FieldValue::Bad;
            }
        };
        self.check_form(text, out);
        if let Some(f) = self.check_values(text) {
            out.push(f);
        }
        if let FieldValue::Date(d) = cell {
            if let Some(earliest) = self.earliest
                && d < earliest
            {
                out.push(Finding::new(Code::DateRange, msg!("data-value-before-earliest", earliest = formats.date.format(earliest))));
            }
            if let Some(latest) = self.latest
                && d > latest
            {
                out.push(Finding::new(Code::DateRange, msg!("data-value-after-latest", latest = formats.date.format(latest))));
            }
        }
        if let FieldValue::Number(n) = cell {
            // Whatever the norm declares, a number past what an evaluation can carry is refused
            // (once: a declared bound that already refuses it says enough).
            let (below, above) = (|b: Decimal| compare(n, b).is_lt(), |b: Decimal| compare(n, b).is_gt());
            let declared =
                self.min.is_some_and(|min| below(min) && min >= -MAX_NUMBER) || self.max.is_some_and(|max| above(max) && max <= MAX_NUMBER);
            if compare(n.abs(), MAX_NUMBER).is_gt() && !declared {
                out.push(
                    Finding::new(Code::NumberTooLarge, msg!("data-value-too-large", limit = MAX_NUMBER.to_string()))
                        .hint(msg!("data-value-too-large-hint")),
                );
            }
            if let Some(min) = self.min
                && below(min)
            {
                out.push(Finding::new(Code::ValueBounds, msg!("data-value-below-min", min = min.normalize())));
            }
            if let Some(max) = self.max
                && above(max)
            {
                out.push(Finding::new(Code::ValueBounds, msg!("data-value-above-max", max = max.normalize())));
            }
        }
        cell
    }

    /// The value as its type.
    fn read(&self, text: &[u8], formats: &Formats) -> Result<FieldValue, Finding> {
        match self.kind {
            FieldKind::Text | FieldKind::Enum => Ok(FieldValue::Text),
            FieldKind::Integer => parse_integer(text)
                .map(|n| FieldValue::Number(Decimal::from(n)))
                .ok_or_else(|| Finding::new(Code::ValueType, msg!("data-value-not-integer"))),
            FieldKind::Decimal => {
                let sep = formats.decimal_separator;
                parse_decimal(text, sep).map(FieldValue::Number).ok_or_else(|| {
                    let f = Finding::new(Code::ValueType, msg!("data-value-not-decimal", sep = char::from(sep)));
                    let other = if sep == b',' { b'.' } else { b',' };
                    if parse_decimal(text, other).is_some() {
                        f.hint(msg!("data-value-decimal-separator-hint", sep = char::from(sep), other = char::from(other)))
                    } else {
                        f
                    }
                })
            }
            FieldKind::Date => formats.date.parse(text).map(FieldValue::Date).map_err(|e| match e {
                DateError::Form => Finding::new(Code::ValueType, msg!("data-value-not-date", format = formats.date.human())),
                DateError::Calendar => Finding::new(Code::ValueType, msg!("data-value-no-such-day")),
            }),
            FieldKind::Bool => {
                if formats.true_values.iter().any(|t| t.as_bytes() == text) {
                    Ok(FieldValue::Bool(true))
                } else if formats.false_values.iter().any(|f| f.as_bytes() == text) {
                    Ok(FieldValue::Bool(false))
                } else {
                    Err(Finding::new(
                        Code::ValueType,
                        msg!("data-value-not-bool", yes = formats.true_values.join(", "), no = formats.false_values.join(", ")),
                    ))
                }
            }
        }
    }

    /// Length, then pattern, then checksum: the first that fails hides the next, which would only
    /// repeat it (ten digits fail the length, the pattern and the key at once).
    fn check_form(&self, text: &[u8], out: &mut Vec<Finding>) {
        if let Some((min, max)) = self.length {
            let n = if text.is_ascii() { text.len() } else { String::from_utf8_lossy(text).chars().count() };
            if n < min || n > max {
                let message = match (min, max) {
                    (a, b) if a == b => msg!("data-value-length-exactly", count = n, want = a),
                    (0, b) => msg!("data-value-length-at-most", count = n, want = b),
                    (a, usize::MAX) => msg!("data-value-length-at-least", count = n, want = a),
                    (a, b) => msg!("data-value-length-between", count = n, min = a, max = b),
                };
                out.push(Finding::new(Code::ValueLength, message));
                return;
            }
        }
        if let Some((re, written)) = &self.pattern
            && !re.is_match(text)
        {
            // The norm's words for the form when it has them (R140 warns when it has not).
            let message = match (&self.format, self.label.is_empty()) {
                (Some(format), true) => msg!("data-value-format", format = format),
                (Some(format), false) => msg!("data-value-format-for", label = &self.label, format = format),
                (None, true) => msg!("data-value-pattern", pattern = written),
                (None, false) => msg!("data-value-pattern-for", label = &self.label, pattern = written),
            };
            out.push(Finding::new(Code::ValuePattern, message));
            return;
        }
        if let Some(algorithm) = self.checksum {
            let key = checksum_words(algorithm);
            let form = self.format.as_ref().map(|f| msg!("data-value-format-hint", format = f));
            match checksum::verify(algorithm, text) {
                Verdict::Valid => {}
                Verdict::WrongKey { expected } => {
                    let f = Finding::new(Code::ValueChecksum, msg!("data-value-checksum-wrong", key = key));
                    // An identifier's key would reveal part of it: its form in words instead.
                    out.push(match (self.identifier, form) {
                        (false, _) => f.hint(msg!("data-value-checksum-expected", key = expected.to_string())),
                        (true, _) => f.hint(msg!("data-value-checksum-typo")),
                    });
                }
                Verdict::Unreadable => {
                    let f = Finding::new(Code::ValueChecksum, msg!("data-value-checksum-unreadable", key = key));
                    out.push(match form {
                        Some(form) => f.hint(form),
                        None => f,
                    })
                }
            }
        }
    }

    fn check_values(&self, text: &[u8]) -> Option<Finding> {
        if self.values.is_empty() || self.values.iter().any(|v| v.as_bytes() == text) {
            return None;
        }
        let text = &*String::from_utf8_lossy(text);
        let f = Finding::new(Code::ValueNotAllowed, msg!("data-value-not-allowed", values = self.values.join(", ")));
        Some(match did_you_mean(text, self.values.iter().map(String::as_str)) {
            Some(close) => f.hint(msg!("data-did-you-mean", name = close)),
            None => match self.values.iter().find(|v| v.eq_ignore_ascii_case(text)) {
                Some(v) => f.hint(msg!("data-did-you-mean", name = v)),
                None => f,
            },
        })
    }
}

/// Powers of ten a decimal's mantissa is brought to another scale with (28 at most).
const POWERS_OF_TEN: [i128; 29] = {
    let mut p = [1i128; 29];
    let mut i = 1;
    while i < 29 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// `a` compared with `b`, exactly: their mantissas brought to one scale (a value and a bound
/// written alike need no rescaling), else `Decimal`'s own comparison. Comparing every number of
/// the peers' files with its bounds through `Decimal`'s comparison was about 2 % of the CPU
/// samples of reading them (`perf record`, 6 December 2026).
#[inline]
pub(crate) fn compare(a: Decimal, b: Decimal) -> std::cmp::Ordering {
    let (sa, sb) = (a.scale(), b.scale());
    let (ma, mb) = (a.mantissa(), b.mantissa());
    let same_scale = match sa.cmp(&sb) {
        std::cmp::Ordering::Equal => Some((ma, mb)),
        std::cmp::Ordering::Less => ma.checked_mul(POWERS_OF_TEN[(sb - sa) as usize]).map(|ma| (ma, mb)),
        std::cmp::Ordering::Greater => mb.checked_mul(POWERS_OF_TEN[(sa - sb) as usize]).map(|mb| (ma, mb)),
    };
    match same_scale {
        Some((x, y)) => x.cmp(&y),
        None => a.cmp(&b),
    }
}

/// Reads, checks and types one value: its bytes, whether they are text as they are, and the
/// encoding to decode them with otherwise. Findings go to `out`.
pub(crate) fn check_value(
    plan: &FieldPlan,
    formats: &Formats,
    (bytes, as_is, encoding): (&[u8], bool, Encoding),
    decoded: &mut String,
    out: &mut Vec<Finding>,
) -> FieldValue {
    let text = if as_is {
        bytes
    } else {
        match decode(bytes, encoding, decoded, out) {
            Some(t) => t.as_bytes(),
            None => return FieldValue::Bad,
        }
    };
    let trimmed = trim_bytes(text);
    if trimmed.len() != text.len() {
        out.push(Finding::new(Code::SurroundingSpaces, msg!("data-value-surrounding-spaces")));
    }
    if trimmed.is_empty() {
        if plan.required {
            out.push(Finding::new(Code::ValueRequired, msg!("data-value-required")));
        }
        return FieldValue::Empty;
    }
    plan.check(trimmed, formats, out)
}

/// The text of a value in the file's encoding; an invalid UTF-8 value is a finding.
pub(crate) fn decode<'b>(bytes: &'b [u8], encoding: Encoding, decoded: &'b mut String, out: &mut Vec<Finding>) -> Option<&'b str> {
    match (encoding, std::str::from_utf8(bytes)) {
        (_, Ok(s)) if bytes.is_ascii() => Some(s),
        (Encoding::Utf8, Ok(s)) => Some(s),
        (Encoding::Utf8, Err(e)) => {
            let at = e.valid_up_to();
            out.push(
                Finding::new(Code::FileEncoding, msg!("data-value-not-utf8", byte = format!("0x{:02X}", bytes[at]), position = at + 1))
                    .hint(msg!("data-value-not-utf8-hint")),
            );
            None
        }
        (Encoding::Windows1252, utf8) => {
            if utf8.is_ok() {
                out.push(
                    Finding::new(Code::EncodingSuspect, msg!("data-value-utf8-in-windows-1252"))
                        .hint(msg!("data-value-utf8-in-windows-1252-hint")),
                );
            }
            decoded.clear();
            decoded.push_str(&encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0);
            Some(decoded.as_str())
        }
    }
}

/// A value's text for list lookups and conditions (already known to be readable).
pub(crate) fn text_of(bytes: &[u8], encoding: Encoding) -> std::borrow::Cow<'_, str> {
    match encoding {
        Encoding::Utf8 => String::from_utf8_lossy(bytes),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// Bytes without the spaces and tabs around them.
pub(crate) fn trim_bytes(mut b: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = b {
        b = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = b {
        b = rest;
    }
    b
}

/// The identifier field of `norm` that a word of `raw` would be a valid value of (its length and
/// check key fit): an identifier shifted into the wrong column still identifies someone, so any
/// report masks such a value whatever field it is in.
pub(crate) fn identifier_lookalike<'n>(raw: &str, norm: &'n Norm) -> Option<&'n Field> {
    let words: Vec<&str> = raw.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    norm.fields.iter().filter(|f| f.identifier).find(|id| {
        let Some(algorithm) = id.checksum else { return false };
        words.iter().any(|word| {
            let fits = id.length.is_none_or(|(min, max)| (min..=max).contains(&word.len()));
            fits && checksum::verify(algorithm, word.as_bytes()) == Verdict::Valid
        })
    })
}

/// A check key in words (« la clé NIR (modulo 97) »), never the algorithm's name.
pub(crate) fn checksum_words(c: Checksum) -> Message {
    match c {
        Checksum::Nir => msg!("data-checksum-nir"),
        Checksum::Luhn => msg!("data-checksum-luhn"),
    }
}

/// An integer: an optional `-` and up to 18 digits.
pub(crate) fn parse_integer(s: &[u8]) -> Option<i64> {
    let (neg, digits) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n = 0i64;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(c - b'0');
    }
    Some(if neg { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_as_decimal_compares_them_whatever_their_scales() {
        let values: Vec<Decimal> = [
            "0",
            "-0",
            "0.00",
            "1",
            "1.0",
            "1.00",
            "-1",
            "0.5",
            "0.50",
            "-0.5",
            "3.15",
            "3.150",
            "2.999999",
            "100",
            "99.99",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "0.0000000000000000000000000001",
            "-0.0000000000000000000000000001",
            "1000000000000",
            "999999999999.99",
        ]
        .iter()
        .map(|t| t.parse::<Decimal>().expect("a decimal"))
        .collect();
        for &a in &values {
            for &b in &values {
                assert_eq!(compare(a, b), a.cmp(&b), "{a} {b}");
            }
        }
    }

    #[test]
    fn dates_are_read_strictly_and_checked_against_the_calendar() {
        let f = DateFormat::compile("%d/%m/%Y");
        assert_eq!(f.parse(b"28/02/2025"), Ok(NaiveDate::from_ymd_opt(2025, 2, 28).unwrap()));
        assert_eq!(f.parse(b"29/02/2024"), Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()));
        assert_eq!(f.parse(b"31/02/2025"), Err(DateError::Calendar));
        assert_eq!(f.parse(b"29/02/2025"), Err(DateError::Calendar));
        assert_eq!(f.parse(b"1/02/2025"), Err(DateError::Form));
        assert_eq!(f.parse(b"2025-02-01"), Err(DateError::Form));
        assert_eq!(f.parse(b"01/02/2025 "), Err(DateError::Form));
        assert_eq!(f.human(), "JJ/MM/AAAA");
        assert_eq!(f.format(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()), "01/03/2025");
        let iso = DateFormat::compile("%Y%m%d");
        assert_eq!(iso.parse(b"20250331"), Ok(NaiveDate::from_ymd_opt(2025, 3, 31).unwrap()));
        assert!(matches!(DateFormat::compile("%e %b %Y"), DateFormat::Chrono { .. }));
    }

    #[test]
    fn numbers_are_read_by_hand() {
        assert_eq!(parse_decimal(b"30,00", b','), Some(Decimal::new(3000, 2)));
        assert_eq!(parse_decimal(b"-0,5", b','), Some(Decimal::new(-5, 1)));
        assert_eq!(parse_decimal(b"12", b','), Some(Decimal::from(12)));
        assert_eq!(parse_decimal(b"1234567890123456789,25", b','), Some("1234567890123456789.25".parse().unwrap()));
        for bad in ["", ",5", "1,", "1.5", "1,2,3", "1 000", "-", "+1", "1e3"] {
            assert_eq!(parse_decimal(bad.as_bytes(), b','), None, "{bad}");
        }
        assert_eq!(parse_integer(b"007"), Some(7));
        assert_eq!(parse_integer(b"-3"), Some(-3));
        for bad in ["", "-", "1,0", "1.0", " 1", "12345678901234567890"] {
            assert_eq!(parse_integer(bad.as_bytes()), None, "{bad}");
        }
    }
}
