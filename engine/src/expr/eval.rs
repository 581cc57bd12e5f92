//! Evaluating a checked expression against an [`Env`] that gives the value of each slot.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::expr::{BinOp, EvalError, Expr, Func, Slot};
use crate::ids::{ExistsId, SetId, StepId};
use crate::value::{Ratio, Rounding, RoundingMode, Value};

/// Supplies values while an expression is evaluated.
pub(crate) trait Env {
    fn get(&self, slot: Slot) -> Value;
    /// The value of `slot` without a copy, when the environment holds it (comparisons and
    /// conditions, the bulk of per-row work, then move nothing).
    fn get_ref(&self, _slot: Slot) -> Option<&Value> {
        None
    }
    fn contains(&self, set: SetId, value: &Value) -> bool;
    fn exists(&self, view: ExistsId, cond: &Expr) -> bool;
    /// The value of the group `key` of grouped aggregate step `step`.
    fn keyed(&self, _step: StepId, _key: &Value) -> Value {
        Value::Null
    }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/// Evaluates a checked expression. Arithmetic errors (division by zero, overflow) give `Err`.
pub(crate) fn eval(e: &Expr, env: &dyn Env) -> Result<Value, EvalError> {
    Ok(match e {
        Expr::Const(v) => v.clone(),
        Expr::Ref(slot) => env.get(*slot),
        Expr::Not(inner) => Value::Bool(!truthy(&eval(inner, env)?)),
        Expr::Neg(inner) => match eval(inner, env)? {
            Value::Number(n) => Value::Number(-n),
            _ => Value::Null,
        },
        Expr::Bin(op, a, b) => binary(*op, a, b, env)?,
        Expr::Call(func, args) => call(*func, args, env)?,
        Expr::In(value, set) => {
            if let Some(v) = peek(value, env) {
                return Ok(Value::Bool(*v != Value::Null && env.contains(*set, v)));
            }
            let v = eval(value, env)?;
            Value::Bool(v != Value::Null && env.contains(*set, &v))
        }
        Expr::Exists(view, cond) => Value::Bool(env.exists(*view, cond)),
        Expr::Keyed(step, key) => {
            if let Some(k) = peek(key, env) {
                return Ok(env.keyed(*step, k));
            }
            env.keyed(*step, &eval(key, env)?)
        }
    })
}

/// Evaluates a number expression as an exact fraction: `+`, `-`, `*`, `/`, `-x` and `if`
/// combine fractions (`1 / 12` stays one twelfth, never 0.0833… cut at 28 digits); any other
/// node is evaluated as [`eval`] does. `None` when the value is not a number.
pub(crate) fn eval_ratio(e: &Expr, env: &dyn Env) -> Result<Option<Ratio>, EvalError> {
    match e {
        Expr::Neg(inner) => Ok(eval_ratio(inner, env)?.map(Ratio::neg)),
        Expr::Call(Func::If, args) if args.len() == 3 => eval_ratio(if eval_bool(&args[0], env)? { &args[1] } else { &args[2] }, env),
        Expr::Bin(op @ (BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div), a, b) => {
            let (Some(x), Some(y)) = (eval_ratio(a, env)?, eval_ratio(b, env)?) else { return Ok(None) };
            let shown = |r: Ratio| r.value().unwrap_or_default();
            let r = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                _ if y.is_zero() => return Err(EvalError::DivisionByZero(shown(x))),
                _ => x.checked_div(y),
            };
            r.map(Some).ok_or_else(|| EvalError::Overflow(Box::new((shown(x), op.symbol(), shown(y)))))
        }
        _ => Ok(match eval(e, env)? {
            Value::Number(n) => Some(Ratio::whole(n)),
            _ => None,
        }),
    }
}

/// Evaluates a condition: null and non-booleans are false.
pub(crate) fn eval_bool(e: &Expr, env: &dyn Env) -> Result<bool, EvalError> {
    if let Some(v) = peek(e, env) {
        return Ok(truthy(v));
    }
    Ok(truthy(&eval(e, env)?))
}

/// A constant or a value the environment holds, by reference.
pub(crate) fn peek<'e>(e: &'e Expr, env: &'e dyn Env) -> Option<&'e Value> {
    match e {
        Expr::Const(v) => Some(v),
        Expr::Ref(slot) => env.get_ref(*slot),
        _ => None,
    }
}

pub(crate) fn compare(op: BinOp, va: &Value, vb: &Value) -> Value {
    match op {
        BinOp::Eq => Value::Bool(va == vb),
        BinOp::Ne => Value::Bool(va != vb),
        _ => {
            if *va == Value::Null || *vb == Value::Null {
                return Value::Bool(false);
            }
            let ord = va.cmp(vb);
            Value::Bool(match op {
                BinOp::Lt => ord.is_lt(),
                BinOp::Le => ord.is_le(),
                BinOp::Gt => ord.is_gt(),
                _ => ord.is_ge(),
            })
        }
    }
}

pub(crate) fn truthy(v: &Value) -> bool {
    matches!(v, Value::Bool(true))
}

pub(crate) fn binary(op: BinOp, a: &Expr, b: &Expr, env: &dyn Env) -> Result<Value, EvalError> {
    match op {
        BinOp::And => return Ok(Value::Bool(eval_bool(a, env)? && eval_bool(b, env)?)),
        BinOp::Or => return Ok(Value::Bool(eval_bool(a, env)? || eval_bool(b, env)?)),
        _ => {}
    }
    let comparison = matches!(op, BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge);
    if comparison && let (Some(va), Some(vb)) = (peek(a, env), peek(b, env)) {
        return Ok(compare(op, va, vb));
    }
    let va = eval(a, env)?;
    let vb = eval(b, env)?;
    Ok(match op {
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => compare(op, &va, &vb),
        _ => {
            let (Value::Number(x), Value::Number(y)) = (va, vb) else { return Ok(Value::Null) };
            Value::Number(arithmetic(op, x, y)?)
        }
    })
}

/// `x op y` for `+`, `-`, `*` and `/`: exact, or an error on a division by zero or an overflow.
#[inline]
pub(crate) fn arithmetic(op: BinOp, x: Decimal, y: Decimal) -> Result<Decimal, EvalError> {
    let r = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        _ => {
            if y.is_zero() {
                return Err(EvalError::DivisionByZero(x));
            }
            x.checked_div(y)
        }
    };
    r.ok_or_else(|| EvalError::Overflow(Box::new((x, op.symbol(), y))))
}

/// `x` rounded by `rounding`, or an overflow error naming the value and the step.
pub(crate) fn round(rounding: Rounding, x: Decimal) -> Result<Decimal, EvalError> {
    rounding.apply(x).ok_or_else(|| EvalError::Overflow(Box::new((x, "round", rounding.step))))
}

pub(crate) fn call(func: Func, args: &[Expr], env: &dyn Env) -> Result<Value, EvalError> {
    if func == Func::If {
        return if eval_bool(&args[0], env)? { eval(&args[1], env) } else { eval(&args[2], env) };
    }
    // Every function but `if` takes at most three arguments: they are evaluated into a buffer on
    // the stack, as this runs for every row; a constant or a value the environment holds is
    // lent, not copied.
    let mut owned = [Value::Null, Value::Null, Value::Null];
    if args.len() > owned.len() {
        return Ok(Value::Null);
    }
    for (slot, a) in owned.iter_mut().zip(args) {
        if peek(a, env).is_none() {
            *slot = eval(a, env)?;
        }
    }
    let [a, b, c] = &owned;
    let mut lent = [a, b, c];
    for (slot, a) in lent.iter_mut().zip(args) {
        if let Some(v) = peek(a, env) {
            *slot = v;
        }
    }
    apply(func, &lent[..args.len()])
}

/// A function (other than `if`, which chooses what it evaluates) applied to its arguments' values.
pub(crate) fn apply(func: Func, vals: &[&Value]) -> Result<Value, EvalError> {
    Ok(match (func, vals) {
        (Func::IsNull, [v]) => Value::Bool(**v == Value::Null),
        (Func::Coalesce, [a, b]) => {
            if **a == Value::Null {
                (*b).clone()
            } else {
                (*a).clone()
            }
        }
        (Func::YearsBetween, [Value::Date(a), Value::Date(b)]) => Value::Number(Decimal::from(whole_years(*a, *b))),
        (Func::DaysBetween, [Value::Date(a), Value::Date(b)]) => Value::Number(Decimal::from((*b - *a).num_days())),
        (Func::Year, [Value::Date(a)]) => Value::Number(Decimal::from(a.year())),
        (Func::Month, [Value::Date(a)]) => Value::Number(Decimal::from(a.month())),
        (Func::DateText, [Value::Date(d), Value::Text(format)]) => date_text(*d, format),
        (Func::Substr, [Value::Text(t), Value::Number(start), Value::Number(len)]) => substr(t, *start, *len),
        (Func::ToNumber, [Value::Text(t)]) => to_number(t),
        (Func::Mod, [Value::Number(a), Value::Number(b)]) => {
            if b.is_zero() {
                return Err(EvalError::DivisionByZero(*a));
            }
            Value::Number(a.checked_rem(*b).ok_or(EvalError::Overflow(Box::new((*a, "mod", *b))))?)
        }
        (Func::Min, [Value::Number(a), Value::Number(b)]) => Value::Number(*a.min(b)),
        (Func::Max, [Value::Number(a), Value::Number(b)]) => Value::Number(*a.max(b)),
        (Func::Min, [Value::Date(a), Value::Date(b)]) => Value::Date(*a.min(b)),
        (Func::Max, [Value::Date(a), Value::Date(b)]) => Value::Date(*a.max(b)),
        (Func::Abs, [Value::Number(a)]) => Value::Number(a.abs()),
        (Func::Round, [Value::Number(a), Value::Number(step)]) => {
            Value::Number(round(Rounding { step: *step, mode: RoundingMode::HalfUp }, *a)?)
        }
        _ => Value::Null,
    })
}

/// `len` characters of `t` from the `start`-th (1-based); a start before the first character or
/// a negative length gives what there is of the text inside the range.
// Out of line, as the other rarely used functions below: inlined, they would swell the stack frame
// of every recursive `eval` call (measured: the whole evaluation of a national run 70 % slower).
#[inline(never)]
fn substr(t: &str, start: Decimal, len: Decimal) -> Value {
    use rust_decimal::prelude::ToPrimitive;
    let (Some(start), Some(len)) = (start.trunc().to_i64(), len.trunc().to_i64()) else { return Value::Null };
    let first = start.max(1);
    let last = start.saturating_add(len).max(first);
    let skip = usize::try_from(first - 1).unwrap_or(usize::MAX);
    let take = usize::try_from(last - first).unwrap_or(0);
    // Identifiers and codes are ASCII: a byte slice, no character walk nor allocation (a norm
    // checks the parts of an identifier on every row of a file).
    if t.is_ascii() {
        let from = skip.min(t.len());
        let to = from.saturating_add(take).min(t.len());
        return Value::text(&t[from..to]);
    }
    Value::Text(t.chars().skip(skip).take(take).collect::<String>().into())
}

/// A date written in a strftime format: `%d`, `%m`, `%y`, `%Y` and other characters by hand (an
/// identifier's date part, on every row of a file), any other format through chrono.
#[inline(never)]
fn date_text(d: NaiveDate, format: &str) -> Value {
    let mut out = [0u8; 23];
    let mut n = 0;
    let mut bytes = format.bytes();
    let mut push = |digits: &[u8], n: &mut usize| -> bool {
        if *n + digits.len() > out.len() {
            return false;
        }
        out[*n..*n + digits.len()].copy_from_slice(digits);
        *n += digits.len();
        true
    };
    let two = |v: u32| [b'0' + (v / 10 % 10) as u8, b'0' + (v % 10) as u8];
    let mut fast = format.is_ascii();
    while fast && let Some(b) = bytes.next() {
        fast = match (b, b == b'%') {
            (_, true) => match bytes.next() {
                Some(b'd') => push(&two(d.day()), &mut n),
                Some(b'm') => push(&two(d.month()), &mut n),
                Some(b'y') => push(&two(d.year().rem_euclid(100) as u32), &mut n),
                Some(b'Y') if (0..=9999).contains(&d.year()) => {
                    let y = d.year() as u32;
                    push(&[b'0' + (y / 1000) as u8, b'0' + (y / 100 % 10) as u8, b'0' + (y / 10 % 10) as u8, b'0' + (y % 10) as u8], &mut n)
                }
                _ => false,
            },
            (b, false) => push(&[b], &mut n),
        };
    }
    if fast {
        // Digits and ASCII characters of the format: valid UTF-8.
        return std::str::from_utf8(&out[..n]).map_or(Value::Null, Value::text);
    }
    let mut text = String::new();
    use std::fmt::Write as _;
    match write!(text, "{}", d.format(format)) {
        Ok(()) => Value::Text(text.into()),
        // A format chrono cannot write.
        Err(_) => Value::Null,
    }
}

/// The number a text writes: digits read by hand (the parts of an identifier), any other
/// decimal through `Decimal`'s parser; null when the text writes none.
#[inline(never)]
fn to_number(t: &str) -> Value {
    let t = t.trim();
    if !t.is_empty() && t.len() <= 18 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n = t.bytes().fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
        return Value::Number(Decimal::from(n));
    }
    t.parse::<Decimal>().map_or(Value::Null, Value::Number)
}

/// Whole years from `from` to `to`: the age on `to` of someone born on `from`.
pub(crate) fn whole_years(from: NaiveDate, to: NaiveDate) -> i32 {
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years
}
