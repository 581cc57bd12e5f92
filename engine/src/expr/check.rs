//! Checking a parsed expression: every name resolved to a slot by a [`Resolver`], every type
//! known, so that evaluation can only fail on data (a division by zero, an overflow).

use std::ops::Range;

use chrono::NaiveDate;

use crate::expr::error::{NameError, type_error, undefined};
use crate::expr::{Ast, BinOp, ExprError, Func, UnOp};
use crate::ids::{AttrId, ColumnId, ExistsId, ScalarId, SetId, StepId};
use crate::message::Message;
use crate::value::{Kind, Value};

/// A checked expression whose names are resolved to slots the evaluator reads through [`Env`].
#[derive(Debug, Clone)]
pub(crate) enum Expr {
    Const(Value),
    /// A reference resolved by the [`Resolver`]; the evaluator hands it back to the [`Env`].
    Ref(Slot),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Bin(BinOp, Box<Expr>, Box<Expr>),
    Call(Func, Vec<Expr>),
    In(Box<Expr>, SetId),
    Exists(ExistsId, Box<Expr>),
    /// The value of the group of a grouped aggregate step whose key is the expression's value.
    Keyed(StepId, Box<Expr>),
}

/// What a name resolved to: the resolver and the environment agree on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    /// A column of the row the expression runs on.
    Column(ColumnId),
    /// A column of the row `exists` looks at.
    Inner(ColumnId),
    /// A value an earlier step computed for the row (a lookup's value, a classify's class).
    Computed(StepId),
    /// The list item a classify step found for the row: an attribute of it, or whether there is one.
    Item(StepId, ItemField),
    /// A name every expression may read: a built-in, parameter, input or step value.
    Scalar(ScalarId),
}

/// What a [`Slot::Item`] reads of the list item found for a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ItemField {
    /// Whether the row's code is in the list at the row's date (`listed`).
    Listed,
    /// An attribute of the item (`item.tarif`).
    Attribute(AttrId),
}

/// Resolves names while an expression is checked.
pub(crate) trait Resolver {
    /// `name` or `name.member` in the current scope.
    fn name(&mut self, name: &str, member: Option<&str>) -> Result<(Slot, Kind), NameError>;
    /// The set of values of `view.column`, for `x in view.column`; returns its id and kind.
    fn set(&mut self, view: &str, column: &str) -> Result<(SetId, Kind), NameError>;
    /// Opens the scope of the rows of `view` for `exists`; returns its id.
    fn enter(&mut self, view: &str) -> Result<ExistsId, NameError>;
    fn leave(&mut self);
    /// `name(key)` where `name` is no built-in function: the grouped step read by key; `None`
    /// when no step has that name.
    fn keyed(&mut self, _name: &str) -> Option<Result<Keyed, NameError>> {
        None
    }
}

/// A grouped step read by key (`step(KEY)`): the step, the kind of its value per group, and the
/// kind of its groups' keys when known.
pub(crate) struct Keyed {
    pub(crate) step: StepId,
    pub(crate) kind: Kind,
    pub(crate) groups: Option<Kind>,
}

/// Checks `ast` against the names the resolver knows; returns the expression and its kind.
pub(crate) fn check(ast: &Ast, r: &mut dyn Resolver) -> Result<(Expr, Kind), ExprError> {
    match ast {
        Ast::Lit(v, _) => Ok((Expr::Const(v.clone()), v.kind())),
        Ast::Name(name, member, span) => {
            let (slot, kind) = r.name(name, member.as_deref()).map_err(|e| undefined(span.clone(), e))?;
            Ok((Expr::Ref(slot), kind))
        }
        Ast::Unary(op, inner, span) => {
            let (e, k) = check(inner, r)?;
            match op {
                UnOp::Not => {
                    expect_kind(k, Kind::Bool, span, msg!("data-expr-not-needs-condition"))?;
                    Ok((Expr::Not(Box::new(e)), Kind::Bool))
                }
                UnOp::Neg => {
                    expect_kind(k, Kind::Number, span, msg!("data-expr-minus-needs-number"))?;
                    Ok((Expr::Neg(Box::new(e)), Kind::Number))
                }
            }
        }
        Ast::Binary(op, a, b, span) => {
            let (ea, ka) = check(a, r)?;
            let (eb, kb) = check(b, r)?;
            let kind = binary_kind(*op, ka, kb).ok_or_else(|| {
                type_error(span.clone(), msg!("data-expr-cannot-apply", op = op.symbol(), left = ka.label(), right = kb.label()))
            })?;
            Ok((Expr::Bin(*op, Box::new(ea), Box::new(eb)), kind))
        }
        Ast::Call(name, args, span) => check_call(name, args, span, r),
        Ast::In(value, view, column, span) => {
            let (e, k) = check(value, r)?;
            let (set, set_kind) = r.set(view, column).map_err(|e| undefined(span.clone(), e))?;
            if k != set_kind && k != Kind::Null {
                return Err(type_error(span.clone(), msg!("data-expr-cannot-look-up", kind = k.label(), among = set_kind.label())));
            }
            Ok((Expr::In(Box::new(e), set), Kind::Bool))
        }
        Ast::Exists(view, cond, span) => {
            let id = r.enter(view).map_err(|e| undefined(span.clone(), e))?;
            let checked = check(cond, r);
            r.leave();
            let (e, k) = checked?;
            expect_kind(k, Kind::Bool, &cond.span(), msg!("data-expr-exists-needs-condition"))?;
            Ok((Expr::Exists(id, Box::new(e)), Kind::Bool))
        }
    }
}

pub(crate) fn expect_kind(found: Kind, want: Kind, span: &Range<usize>, message: Message) -> Result<(), ExprError> {
    if found == want || found == Kind::Null {
        Ok(())
    } else {
        Err(type_error(span.clone(), msg!("data-expr-found-kind", message = message, kind = found.label())))
    }
}

pub(crate) fn binary_kind(op: BinOp, a: Kind, b: Kind) -> Option<Kind> {
    let same = a == b || a == Kind::Null || b == Kind::Null;
    match op {
        BinOp::Or | BinOp::And => (matches!(a, Kind::Bool | Kind::Null) && matches!(b, Kind::Bool | Kind::Null)).then_some(Kind::Bool),
        BinOp::Eq | BinOp::Ne => same.then_some(Kind::Bool),
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => (same && a != Kind::Bool).then_some(Kind::Bool),
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
            (matches!(a, Kind::Number | Kind::Null) && matches!(b, Kind::Number | Kind::Null)).then_some(Kind::Number)
        }
    }
}

pub(crate) fn check_call(name: &str, args: &[Ast], span: &Range<usize>, r: &mut dyn Resolver) -> Result<(Expr, Kind), ExprError> {
    if Func::parse(name).is_none()
        && let Some(keyed) = r.keyed(name)
    {
        let Keyed { step, kind, groups } = keyed.map_err(|e| undefined(span.clone(), e))?;
        let [key] = args else {
            return Err(type_error(span.clone(), msg!("data-expr-keyed-one-key", name = name)));
        };
        let (checked, key_kind) = check(key, r)?;
        // A key of another kind than the groups' finds no group on any row: refused, not zero.
        if let Some(groups) = groups
            && groups != key_kind
            && groups != Kind::Null
            && key_kind != Kind::Null
        {
            let mut e =
                type_error(key.span(), msg!("data-expr-keyed-key-kind", name = name, needed = groups.name(), kind = key_kind.name()));
            e.hint = Some(msg!("data-expr-keyed-key-kind-hint", name = name));
            return Err(e);
        }
        return Ok((Expr::Keyed(step, Box::new(checked)), kind));
    }
    let Some(func) = Func::parse(name) else {
        let mut e = undefined(span.clone(), NameError::UnknownFunction { name: name.to_string() });
        e.hint = Some(msg!("data-expr-functions", names = Func::NAMES.join(", ")));
        if let Some(close) = crate::diagnostic::did_you_mean(name, Func::NAMES.iter().copied()) {
            e.hint = Some(msg!("data-did-you-mean", name = close));
        }
        return Err(e);
    };
    if func == Func::Date {
        return match args {
            [Ast::Lit(Value::Text(s), _)] => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(|d| (Expr::Const(Value::Date(d)), Kind::Date))
                .map_err(|_| type_error(span.clone(), msg!("data-expr-not-iso-date", text = s.as_str()))),
            _ => Err(type_error(span.clone(), msg!("data-expr-date-literal"))),
        };
    }
    let mut checked = Vec::with_capacity(args.len());
    for a in args {
        checked.push(check(a, r)?);
    }
    let kinds: Vec<Kind> = checked.iter().map(|(_, k)| *k).collect();
    let ok = |want: &[Kind]| want.len() == kinds.len() && want.iter().zip(&kinds).all(|(w, k)| w == k || *k == Kind::Null);
    use Kind::*;
    let result = match func {
        Func::YearsBetween | Func::DaysBetween if ok(&[Date, Date]) => Some(Number),
        Func::Year | Func::Month if ok(&[Date]) => Some(Number),
        Func::Substr if ok(&[Text, Number, Number]) => Some(Text),
        Func::DateText if ok(&[Date, Text]) => Some(Text),
        Func::ToNumber if ok(&[Text]) => Some(Number),
        Func::Mod if ok(&[Number, Number]) => Some(Number),
        Func::Min | Func::Max if ok(&[Number, Number]) => Some(Number),
        Func::Min | Func::Max if ok(&[Date, Date]) => Some(Date),
        Func::Abs if ok(&[Number]) => Some(Number),
        Func::Round if ok(&[Number, Number]) => Some(Number),
        Func::IsNull if kinds.len() == 1 => Some(Bool),
        Func::If if kinds.len() == 3 && matches!(kinds[0], Bool | Null) && (kinds[1] == kinds[2] || kinds[2] == Null) => Some(kinds[1]),
        Func::If if kinds.len() == 3 && kinds[1] == Null => Some(kinds[2]),
        Func::Coalesce if kinds.len() == 2 && (kinds[0] == kinds[1] || kinds[0] == Null) => Some(kinds[1]),
        _ => None,
    };
    let Some(kind) = result else {
        let found = Kind::list(&kinds);
        return Err(type_error(span.clone(), msg!("data-expr-cannot-take", name = name, kinds = found)));
    };
    Ok((Expr::Call(func, checked.into_iter().map(|(e, _)| e).collect()), kind))
}
