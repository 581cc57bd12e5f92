//! How exchange files write dates and decimals. Both readers of data files (`dataset` for
//! computing, `validate` for checking) parse through here, so a value one accepts the other does.
//! Formats are compiled once per file: `%d`, `%m`, `%Y` and literal characters are read by hand
//! (a date per field of millions of rows), any other strftime format through chrono.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::data::norm::Norm;

/// How a norm writes dates, decimals and booleans, compiled once per file and shared by its fields.
#[derive(Clone)]
pub(crate) struct Formats {
    pub(crate) date: DateFormat,
    pub(crate) decimal_separator: u8,
    pub(crate) true_values: Vec<String>,
    pub(crate) false_values: Vec<String>,
}

impl Formats {
    pub(crate) fn of(norm: &Norm) -> Self {
        Formats {
            date: DateFormat::compile(&norm.date_format),
            decimal_separator: u8::try_from(norm.decimal_separator).unwrap_or(b','),
            true_values: norm.true_values.clone(),
            false_values: norm.false_values.clone(),
        }
    }
}

/// A date format: `%d`, `%m`, `%Y` and literal characters are read by hand (strictly two, two
/// and four digits); any other strftime format goes through chrono.
#[derive(Clone)]
pub(crate) enum DateFormat {
    Fast { tokens: Vec<DateToken>, human: String },
    Chrono { format: String, human: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateToken {
    Day,
    Month,
    Year,
    Literal(u8),
}

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateError {
    /// Not written in the format.
    Form,
    /// Written in the format, but no such day (31/02/2025).
    Calendar,
}

impl DateFormat {
    pub(crate) fn compile(format: &str) -> Self {
        let human = human_date_format(format);
        let mut tokens = Vec::new();
        let mut bytes = format.bytes();
        while let Some(b) = bytes.next() {
            let token = match (b, b == b'%') {
                (_, true) => match bytes.next() {
                    Some(b'd') => DateToken::Day,
                    Some(b'm') => DateToken::Month,
                    Some(b'Y') => DateToken::Year,
                    Some(b'%') => DateToken::Literal(b'%'),
                    _ => return DateFormat::Chrono { format: format.to_string(), human },
                },
                (b, false) if b.is_ascii() => DateToken::Literal(b),
                _ => return DateFormat::Chrono { format: format.to_string(), human },
            };
            tokens.push(token);
        }
        DateFormat::Fast { tokens, human }
    }

    /// Whether chrono can read and write this format (`%Q` is no strftime specifier).
    pub(crate) fn is_valid(format: &str) -> bool {
        !chrono::format::StrftimeItems::new(format).any(|item| matches!(item, chrono::format::Item::Error))
    }

    pub(crate) fn human(&self) -> &str {
        match self {
            DateFormat::Fast { human, .. } | DateFormat::Chrono { human, .. } => human,
        }
    }

    pub(crate) fn parse(&self, text: &[u8]) -> Result<NaiveDate, DateError> {
        match self {
            DateFormat::Chrono { format, .. } => {
                let text = std::str::from_utf8(text).map_err(|_| DateError::Form)?;
                NaiveDate::parse_from_str(text, format).map_err(|e| match e.kind() {
                    chrono::format::ParseErrorKind::OutOfRange | chrono::format::ParseErrorKind::Impossible => DateError::Calendar,
                    _ => DateError::Form,
                })
            }
            DateFormat::Fast { tokens, .. } => {
                let s = text;
                let (mut i, mut day, mut month, mut year) = (0usize, 0u32, 0u32, 0i32);
                for t in tokens {
                    match *t {
                        DateToken::Literal(b) => {
                            if s.get(i) != Some(&b) {
                                return Err(DateError::Form);
                            }
                            i += 1;
                        }
                        DateToken::Day => day = digits(s, &mut i, 2)?,
                        DateToken::Month => month = digits(s, &mut i, 2)?,
                        DateToken::Year => year = digits(s, &mut i, 4)? as i32,
                    }
                }
                if i != s.len() {
                    return Err(DateError::Form);
                }
                NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Calendar)
            }
        }
    }

    /// Writes `date` in this format (for messages).
    pub(crate) fn format(&self, date: NaiveDate) -> String {
        use chrono::Datelike;
        let tokens = match self {
            DateFormat::Chrono { format, .. } => {
                // A format chrono cannot write (Plan::new refuses those) falls back to ISO 8601.
                let mut out = String::new();
                return match std::fmt::Write::write_fmt(&mut out, format_args!("{}", date.format(format))) {
                    Ok(()) => out,
                    Err(_) => date.to_string(),
                };
            }
            DateFormat::Fast { tokens, .. } => tokens,
        };
        let mut out = String::new();
        for t in tokens {
            match t {
                DateToken::Day => out.push_str(&format!("{:02}", date.day())),
                DateToken::Month => out.push_str(&format!("{:02}", date.month())),
                DateToken::Year => out.push_str(&format!("{:04}", date.year())),
                DateToken::Literal(b) => out.push(char::from(*b)),
            }
        }
        out
    }
}

fn digits(s: &[u8], i: &mut usize, n: usize) -> Result<u32, DateError> {
    let part = s.get(*i..*i + n).ok_or(DateError::Form)?;
    let mut v = 0u32;
    for &c in part {
        if !c.is_ascii_digit() {
            return Err(DateError::Form);
        }
        v = v * 10 + u32::from(c - b'0');
    }
    *i += n;
    Ok(v)
}

/// A decimal: an optional `-`, digits, then optionally `sep` and digits. Read by hand (the
/// common path of a validator); more than 18 significant digits go through rust_decimal.
pub(crate) fn parse_decimal(s: &[u8], sep: u8) -> Option<Decimal> {
    let (neg, body) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    let (int, frac) = match body.iter().position(|&c| c == sep) {
        Some(p) => (&body[..p], Some(&body[p + 1..])),
        None => (body, None),
    };
    if int.is_empty() || frac.is_some_and(<[u8]>::is_empty) {
        return None;
    }
    let frac = frac.unwrap_or(&[]);
    if !int.iter().chain(frac).all(u8::is_ascii_digit) || frac.len() > 28 {
        return None;
    }
    if int.len() + frac.len() > 18 {
        let text = format!("{}{}.{}", if neg { "-" } else { "" }, std::str::from_utf8(int).ok()?, std::str::from_utf8(frac).ok()?);
        return Decimal::from_str_exact(text.trim_end_matches('.')).ok();
    }
    let mantissa = int.iter().chain(frac).fold(0i64, |n, &c| n * 10 + i64::from(c - b'0'));
    Some(Decimal::new(if neg { -mantissa } else { mantissa }, frac.len() as u32))
}

/// `%d/%m/%Y` as people write it: `JJ/MM/AAAA`.
pub(crate) fn human_date_format(fmt: &str) -> String {
    fmt.replace("%d", "JJ").replace("%m", "MM").replace("%Y", "AAAA")
}
