//! Intervals of numbers written as in mathematics (`[0, 18)`, `[65, )`): parsing, membership,
//! and which pieces of a key's domain an interval covers.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::value::parse_rule_decimal;

/// A piece of a range key's domain: a breakpoint, or the open interval between two.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    Point(Decimal),
    Open(Option<Decimal>, Option<Decimal>),
}

impl Piece {
    pub(crate) fn describe(&self) -> String {
        match self {
            Piece::Point(p) => p.to_string(),
            Piece::Open(a, b) => {
                format!("({}, {})", a.map(|x| x.to_string()).unwrap_or_default(), b.map(|x| x.to_string()).unwrap_or_default())
            }
        }
    }

    pub(crate) fn has_integer(&self) -> bool {
        match self {
            Piece::Point(p) => p.fract().is_zero(),
            Piece::Open(Some(a), Some(b)) => a.floor().checked_add(Decimal::ONE).is_some_and(|next| next < *b),
            _ => true,
        }
    }
}

/// An interval of numbers; `None` bounds are infinite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub(crate) lo: Option<(Decimal, bool)>,
    pub(crate) hi: Option<(Decimal, bool)>,
}

impl Serialize for Interval {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl std::fmt::Display for Interval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let (Some((a, true)), Some((b, true))) = (self.lo, self.hi)
            && a == b
        {
            return write!(f, "{a}");
        }
        match self.lo {
            Some((a, true)) => write!(f, "[{a}, ")?,
            Some((a, false)) => write!(f, "({a}, ")?,
            None => f.write_str("(, ")?,
        }
        match self.hi {
            Some((b, true)) => write!(f, "{b}]"),
            Some((b, false)) => write!(f, "{b})"),
            None => f.write_str(")"),
        }
    }
}

impl Interval {
    pub(crate) const ALL: Interval = Interval { lo: None, hi: None };

    /// Parses `[a, b)`, `(a, b]`, `[a, )`, `(, b)` or a single number `a`.
    pub(crate) fn parse(text: &str) -> Option<Interval> {
        let t = text.trim();
        if let Some(n) = parse_rule_decimal(t) {
            return Some(Interval { lo: Some((n, true)), hi: Some((n, true)) });
        }
        let lo_incl = match t.chars().next()? {
            '[' => true,
            '(' => false,
            _ => return None,
        };
        let hi_incl = match t.chars().last()? {
            ']' => true,
            ')' => false,
            _ => return None,
        };
        let inner = &t[1..t.len() - 1];
        let (a, b) = inner.split_once(',')?;
        let bound = |s: &str, incl: bool| -> Option<Option<(Decimal, bool)>> {
            let s = s.trim();
            if s.is_empty() { Some(None) } else { parse_rule_decimal(s).map(|n| Some((n, incl))) }
        };
        let lo = bound(a, lo_incl)?;
        let hi = bound(b, hi_incl)?;
        if lo.is_none() && lo_incl || hi.is_none() && hi_incl {
            return None;
        }
        if let (Some((a, ai)), Some((b, bi))) = (lo, hi)
            && (a > b || (a == b && !(ai && bi)))
        {
            return None;
        }
        Some(Interval { lo, hi })
    }

    pub(crate) fn contains(&self, x: Decimal) -> bool {
        let above = match self.lo {
            None => true,
            Some((a, true)) => x >= a,
            Some((a, false)) => x > a,
        };
        let below = match self.hi {
            None => true,
            Some((b, true)) => x <= b,
            Some((b, false)) => x < b,
        };
        above && below
    }

    pub(crate) fn covers(&self, piece: &Piece) -> bool {
        match piece {
            Piece::Point(p) => self.contains(*p),
            Piece::Open(a, b) => {
                let probe_lo = match a {
                    Some(a) => self.contains_after(*a),
                    None => self.lo.is_none(),
                };
                let probe_hi = match b {
                    Some(b) => self.contains_before(*b),
                    None => self.hi.is_none(),
                };
                probe_lo && probe_hi
            }
        }
    }

    /// Whether the interval holds the numbers just above `a`.
    pub(crate) fn contains_after(&self, a: Decimal) -> bool {
        let lo_ok = match self.lo {
            None => true,
            Some((l, _)) => l <= a,
        };
        let hi_ok = match self.hi {
            None => true,
            Some((h, _)) => h > a,
        };
        lo_ok && hi_ok
    }

    /// Whether the interval holds the numbers just below `b`.
    pub(crate) fn contains_before(&self, b: Decimal) -> bool {
        let lo_ok = match self.lo {
            None => true,
            Some((l, _)) => l < b,
        };
        let hi_ok = match self.hi {
            None => true,
            Some((h, _)) => h >= b,
        };
        lo_ok && hi_ok
    }
}
