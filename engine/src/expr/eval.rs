//! Evaluating a checked expression against an [`Env`] that gives the value of each slot.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::expr::{BinOp, EvalError, Expr, Func, Slot};
use crate::ids::{ExistsId, SetId};
use crate::value::{Rounding, RoundingMode, Value};

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
    })
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
            Value::Number(r.ok_or(EvalError::Overflow { left: x, op: op.symbol(), right: y })?)
        }
    })
}

pub(crate) fn call(func: Func, args: &[Expr], env: &dyn Env) -> Result<Value, EvalError> {
    if func == Func::If {
        return if eval_bool(&args[0], env)? { eval(&args[1], env) } else { eval(&args[2], env) };
    }
    // Every function but `if` takes at most three arguments: they are evaluated into a buffer on
    // the stack, as this runs for every row.
    let mut buffer = [Value::Null, Value::Null, Value::Null];
    if args.len() > buffer.len() {
        return Ok(Value::Null);
    }
    for (slot, a) in buffer.iter_mut().zip(args) {
        *slot = eval(a, env)?;
    }
    let vals = &buffer[..args.len()];
    Ok(match (func, vals) {
        (Func::IsNull, [v]) => Value::Bool(*v == Value::Null),
        (Func::Coalesce, [a, b]) => {
            if *a == Value::Null {
                b.clone()
            } else {
                a.clone()
            }
        }
        (Func::YearsBetween, [Value::Date(a), Value::Date(b)]) => Value::Number(Decimal::from(whole_years(*a, *b))),
        (Func::DaysBetween, [Value::Date(a), Value::Date(b)]) => Value::Number(Decimal::from((*b - *a).num_days())),
        (Func::Year, [Value::Date(a)]) => Value::Number(Decimal::from(a.year())),
        (Func::Month, [Value::Date(a)]) => Value::Number(Decimal::from(a.month())),
        (Func::Substr, [Value::Text(t), Value::Number(start), Value::Number(len)]) => substr(t, *start, *len),
        (Func::ToNumber, [Value::Text(t)]) => t.trim().parse::<Decimal>().map_or(Value::Null, Value::Number),
        (Func::Mod, [Value::Number(a), Value::Number(b)]) => {
            if b.is_zero() {
                return Err(EvalError::DivisionByZero(*a));
            }
            Value::Number(a.checked_rem(*b).ok_or(EvalError::Overflow { left: *a, op: "mod", right: *b })?)
        }
        (Func::Min, [Value::Number(a), Value::Number(b)]) => Value::Number(*a.min(b)),
        (Func::Max, [Value::Number(a), Value::Number(b)]) => Value::Number(*a.max(b)),
        (Func::Abs, [Value::Number(a)]) => Value::Number(a.abs()),
        (Func::Round, [Value::Number(a), Value::Number(step)]) => {
            Value::Number(Rounding { step: *step, mode: RoundingMode::HalfUp }.apply(*a))
        }
        _ => Value::Null,
    })
}

/// `len` characters of `t` from the `start`-th (1-based); a start before the first character or
/// a negative length gives what there is of the text inside the range.
fn substr(t: &str, start: Decimal, len: Decimal) -> Value {
    use rust_decimal::prelude::ToPrimitive;
    let (Some(start), Some(len)) = (start.trunc().to_i64(), len.trunc().to_i64()) else { return Value::Null };
    let first = start.max(1);
    let last = start.saturating_add(len).max(first);
    let skip = usize::try_from(first - 1).unwrap_or(usize::MAX);
    let take = usize::try_from(last - first).unwrap_or(0);
    Value::Text(t.chars().skip(skip).take(take).collect::<String>().into())
}

/// Whole years from `from` to `to`: the age on `to` of someone born on `from`.
pub(crate) fn whole_years(from: NaiveDate, to: NaiveDate) -> i32 {
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years
}
